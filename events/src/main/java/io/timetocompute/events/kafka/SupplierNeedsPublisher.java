package io.timetocompute.events.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.OutboundRecords;
import io.timetocompute.events.contract.Suppliers;
import io.timetocompute.events.contract.Topics;
import io.timetocompute.events.inbound.PortfolioRouting;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.projection.ScheduleProjection.ShipmentProjection;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * Tells suppliers' systems what the plans need from them, so that they learn of a new need-by date without asking:
 * one record on {@code ttc.supplier-needs.v1}, keyed by the supplier's slug, per shipment whose need-by date changed
 * in a publication. The first publication of a portfolio after a start announces every shipment once (a consumer
 * sees a repeat, never a gap); delivered shipments are needed no more and are left out.
 */
public final class SupplierNeedsPublisher {

    private static final URI SOURCE = URI.create("/ttc/replanner");

    private final KafkaTemplate<String, byte[]> template;
    /** Per portfolio, per shipment, the need-by date last announced (a null date is kept as the empty string). */
    private final Map<String, Map<String, Object>> announced = new ConcurrentHashMap<>();

    public SupplierNeedsPublisher(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    public void published(String portfolioId, LivePlan.Publication publication) {
        Map<String, Object> last = announced.computeIfAbsent(portfolioId, id -> new ConcurrentHashMap<>());
        boolean sent = false;
        for (ShipmentProjection shipment : publication.projection().shipments()) {
            if (shipment.delivered() || shipment.supplier() == null) {
                continue;
            }
            Object needBy = shipment.needByDate() == null ? "" : shipment.needByDate();
            Object before = last.put(shipment.id(), needBy);
            if (Objects.equals(before, needBy)) {
                continue;
            }
            String supplier = Suppliers.slugOf(shipment.supplier());
            send(portfolioId, supplier, publication, new OutboundRecords.NeedByChanged(supplier, portfolioId,
                    shipment.id(), shipment.material(), shipment.siteId(), shipment.arrivalDate(),
                    shipment.delivered(), before instanceof LocalDate date ? date : null, shipment.needByDate(),
                    shipment.slackDays(), publication.version(), publication.publishedAt()));
            sent = true;
        }
        if (sent) {
            template.flush();
        }
    }

    private void send(String portfolioId, String supplier, LivePlan.Publication publication,
            OutboundRecords.NeedByChanged data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(EventTypes.NEED_BY_CHANGED + ":" + portfolioId + "/" + data.shipmentId() + ":"
                        + publication.version())
                .withType(EventTypes.NEED_BY_CHANGED)
                .withSource(SOURCE)
                .withSubject(portfolioId + "/" + data.shipmentId())
                .withTime(publication.publishedAt().atOffset(ZoneOffset.UTC))
                .withExtension(PortfolioRouting.EXTENSION, portfolioId)
                .withDataContentType("application/json")
                .withData(PortfolioJson.toJson(data).getBytes(StandardCharsets.UTF_8))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(Topics.SUPPLIER_NEEDS,
                supplier).writeBinary(event);
        record.headers().add(EventsKafkaConfiguration.PORTFOLIO_HEADER, portfolioId.getBytes(StandardCharsets.UTF_8));
        template.send(record);
    }
}
