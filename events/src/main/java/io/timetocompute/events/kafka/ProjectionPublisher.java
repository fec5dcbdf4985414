package io.timetocompute.events.kafka;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.timetocompute.events.contract.EventTypes;
import io.timetocompute.events.contract.OutboundRecords;
import io.timetocompute.events.contract.Topics;
import io.timetocompute.events.inbound.PortfolioRouting;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.solver.AppliedChange;

/**
 * Publishes what a portfolio's live plan decided: the latest projection of every block whose date moved (compacted
 * topic) and one timeline record per moved date, naming its cause. Records are CloudEvents in binary content mode,
 * keyed {@code portfolioId/siteId/blockId}, and name their portfolio in the {@value PortfolioRouting#EXTENSION}
 * attribute (header {@code ce_ttcportfolio}) as well as in {@link EventsKafkaConfiguration#PORTFOLIO_HEADER}.
 */
public final class ProjectionPublisher {

    static final URI SOURCE = URI.create("/ttc/replanner");

    private final KafkaTemplate<String, byte[]> template;

    public ProjectionPublisher(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    public void published(String portfolioId, LivePlan.Publication publication) {
        Map<String, ScheduleProjection.BlockProjection> blocks = publication.projection().blocks().stream()
                .collect(Collectors.toMap(ScheduleProjection.BlockProjection::blockId, Function.identity()));
        for (LivePlan.BlockDateChange change : publication.changes()) {
            ScheduleProjection.BlockProjection block = blocks.get(change.blockId());
            List<String> eventIds = change.causes().stream().map(AppliedChange::eventId).toList();
            String key = portfolioId + "/" + change.siteId() + "/" + change.blockId();
            send(Topics.PROJECTIONS, portfolioId, key, EventTypes.BLOCK_PROJECTION, publication, new OutboundRecords.BlockProjectionRecord(
                    block.siteId(), block.siteName(), block.blockId(), block.blockName(), block.itMw(),
                    block.onlineDate(), block.contractDate(), block.daysLate(), block.drivingPath(), eventIds,
                    publication.version(), publication.publishedAt()));
            if (change.oldDate() != null) {
                send(Topics.TIMELINE, portfolioId, key, EventTypes.DATE_CHANGED, publication,
                        new OutboundRecords.DateChanged(change.siteId(), change.blockId(), change.itMw(),
                                change.oldDate(), change.newDate(), change.deltaDays(), change.explanation(),
                                eventIds, publication.version(), publication.publishedAt(), change.eventEffectDays(),
                                change.reoptimizationDays(), change.jointCauses(), change.shares(),
                                change.interactionDays()));
            }
        }
        template.flush();
    }

    private void send(String topic, String portfolioId, String key, String type, LivePlan.Publication publication,
            Object data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(type + ":" + key + ":" + publication.version())
                .withType(type)
                .withSource(SOURCE)
                .withSubject(key)
                .withExtension(PortfolioRouting.EXTENSION, portfolioId)
                .withTime(publication.publishedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(PortfolioJson.toJson(data).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event);
        record.headers().add(EventsKafkaConfiguration.PORTFOLIO_HEADER,
                portfolioId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        template.send(record);
    }
}
