package io.timetocompute.events.kafka;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * <p>
 * No record is dropped silently: after each publication the outcome of every send is checked; a record that failed
 * for a transient reason (the producer's own retries ran out, e.g. a broker briefly away) is sent once more, and one
 * that still fails, or failed for good (e.g. {@code RecordTooLargeException}), is counted as lost, logged with its
 * topic and key, and kept as {@link #lastLoss()} for the service's health and metrics.
 */
public final class ProjectionPublisher {

    static final URI SOURCE = URI.create("/ttc/replanner");
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionPublisher.class);

    /** A record that could not be published. */
    public record Loss(String topic, String key, String reason, Instant at) {
    }

    private final KafkaTemplate<String, byte[]> template;
    private final AtomicLong publishedRecords = new AtomicLong();
    private final AtomicLong lostRecords = new AtomicLong();
    private volatile Loss lastLoss;

    public ProjectionPublisher(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    /** @return how many records were published, since start */
    public long publishedRecords() {
        return publishedRecords.get();
    }

    /** @return how many records could not be published, since start */
    public long lostRecords() {
        return lostRecords.get();
    }

    /** @return the last record that could not be published, if any */
    public Optional<Loss> lastLoss() {
        return Optional.ofNullable(lastLoss);
    }

    public void published(String portfolioId, LivePlan.Publication publication) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        Map<String, ScheduleProjection.BlockProjection> blocks = publication.projection().blocks().stream()
                .collect(Collectors.toMap(ScheduleProjection.BlockProjection::blockId, Function.identity()));
        for (LivePlan.BlockDateChange change : publication.changes()) {
            ScheduleProjection.BlockProjection block = blocks.get(change.blockId());
            List<String> eventIds = change.causes().stream().map(AppliedChange::eventId).toList();
            String key = portfolioId + "/" + change.siteId() + "/" + change.blockId();
            records.add(record(Topics.PROJECTIONS, portfolioId, key, EventTypes.BLOCK_PROJECTION, publication,
                    new OutboundRecords.BlockProjectionRecord(block.siteId(), block.siteName(), block.blockId(),
                            block.blockName(), block.itMw(), block.onlineDate(), block.contractDate(),
                            block.daysLate(), block.drivingPath(), eventIds, publication.version(),
                            publication.publishedAt())));
            if (change.oldDate() != null) {
                records.add(record(Topics.TIMELINE, portfolioId, key, EventTypes.DATE_CHANGED, publication,
                        new OutboundRecords.DateChanged(change.siteId(), change.blockId(), change.itMw(),
                                change.oldDate(), change.newDate(), change.deltaDays(), change.explanation(),
                                eventIds, publication.version(), publication.publishedAt(), change.eventEffectDays(),
                                change.reoptimizationDays(), change.jointCauses(), change.shares(),
                                change.interactionDays())));
            }
        }
        List<Failed> failed = sendAll(records);
        List<ProducerRecord<String, byte[]>> again = failed.stream().filter(Failed::retriable)
                .map(Failed::record).toList();
        List<Failed> lost = new ArrayList<>(failed.stream().filter(f -> !f.retriable()).toList());
        if (!again.isEmpty()) {
            lost.addAll(sendAll(again));
        }
        publishedRecords.addAndGet(records.size() - lost.size());
        for (Failed loss : lost) {
            lostRecords.incrementAndGet();
            lastLoss = new Loss(loss.record().topic(), loss.record().key(), loss.reason(), Instant.now());
            LOG.error("publication {}: record {} on {} lost: {}", publication.version(), loss.record().key(),
                    loss.record().topic(), loss.reason());
        }
    }

    private record Failed(ProducerRecord<String, byte[]> record, String reason, boolean retriable) {
    }

    /** Sends all, waits until each is acknowledged or failed, and returns the failed ones. */
    private List<Failed> sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            try {
                sends.add(template.send(record));
            } catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e));
            }
        }
        template.flush();
        List<Failed> failed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                sends.get(i).get(1, TimeUnit.MINUTES);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                Throwable cause = rootCause(e);
                failed.add(new Failed(records.get(i), cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                        cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(new Failed(records.get(i), "interrupted while publishing", false));
            }
        }
        return failed;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private ProducerRecord<String, byte[]> record(String topic, String portfolioId, String key, String type,
            LivePlan.Publication publication, Object data) {
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
        return record;
    }
}
