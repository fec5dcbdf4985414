package io.timetocompute.events.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.timetocompute.events.contract.Topics;
import io.timetocompute.events.inbound.InvalidEventException;

/**
 * Topics and error handling. Invalid events go straight to the dead-letter topic with the reason in the
 * {@value #REASON_HEADER} header; other failures (a store briefly down) are retried first, then dead-lettered too,
 * so the consumer always moves on.
 */
@Configuration(proxyBeanMethods = false)
public class EventsKafkaConfiguration {

    static final int INBOUND_PARTITIONS = 3;
    /** Dead letters carry why they were refused in this header. */
    public static final String REASON_HEADER = "ttc_reason";
    /** Every record the service publishes (dead letters of a known portfolio too) names its portfolio here. */
    public static final String PORTFOLIO_HEADER = "ttc_portfolio";

    @Bean
    NewTopic supplyTopic() {
        return TopicBuilder.name(Topics.SUPPLY).partitions(INBOUND_PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic laborTopic() {
        return TopicBuilder.name(Topics.LABOR).partitions(INBOUND_PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic progressTopic() {
        return TopicBuilder.name(Topics.PROGRESS).partitions(INBOUND_PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic projectionsTopic() {
        return TopicBuilder.name(Topics.PROJECTIONS).partitions(1).replicas(1).compact().build();
    }

    @Bean
    NewTopic timelineTopic() {
        return TopicBuilder.name(Topics.TIMELINE).partitions(1).replicas(1).build();
    }

    @Bean
    NewTopic supplierNeedsTopic() {
        return TopicBuilder.name(Topics.SUPPLIER_NEEDS).partitions(INBOUND_PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic deadLetterTopic() {
        return TopicBuilder.name(Topics.DEAD_LETTERS).partitions(1).replicas(1).build();
    }

    /**
     * One request in flight per partition. With more, Kafka 4.2 brokers can lose the first records written to a
     * partition just created (KAFKA-15591: the first request fails while the partition is not yet led, a later one
     * is appended, and the first one's retries are refused as out of sequence until they expire). Our topics are
     * created at start and written at once, and we publish few records, so ordering is worth more than pipelining.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer oneRequestInFlight() {
        return factory -> factory.updateConfigs(
                java.util.Map.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1));
    }

    /**
     * Publishes refused events to {@code ttc.dlt.v1} with the reason in {@link #REASON_HEADER}, for the
     * {@link InboundEventListener} (events its batch rejected) and for the error handler (a batch that failed).
     */
    @Bean
    DeadLetterPublishingRecoverer deadLetterPublisher(KafkaOperations<Object, Object> template) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.DEAD_LETTERS, -1));
        // The reason alone: a dead letter goes back to its sender's side, so it carries no exception class, message
        // or stack trace of the service (Spring Kafka's kafka_dlt-exception-* headers), only the original topic,
        // partition, offset, timestamp and consumer group besides the reason, and the portfolio when one refused it.
        recoverer.setHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders(new Header[] {
                    new RecordHeader(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8))});
            String portfolioId = portfolioOf(exception);
            if (portfolioId != null) {
                headers.add(PORTFOLIO_HEADER, portfolioId.getBytes(StandardCharsets.UTF_8));
            }
            return headers;
        });
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EXCEPTION,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_CAUSE,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        return recoverer;
    }

    /**
     * For a batch whose processing fails as a whole (the store briefly down; single rejected events never get here):
     * the whole batch is retried, and if it still fails its records are dead-lettered so that the consumer moves on.
     */
    @Bean
    DefaultErrorHandler eventErrorHandler(DeadLetterPublishingRecoverer deadLetterPublisher) {
        return new DefaultErrorHandler(deadLetterPublisher, new FixedBackOff(500L, 2));
    }

    /** @return the portfolio whose processor refused the event, null when it was refused before routing */
    private static String portfolioOf(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedInPortfolio refused) {
                return refused.portfolioId();
            }
        }
        return null;
    }

    /**
     * The refusal's own words for an invalid event; for a batch that failed as a whole, only that it failed and
     * the kind of failure: the service's internal messages (hosts, collections, paths) are not the sender's
     * business, and the service's log has them.
     */
    static String reason(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && !(cause instanceof InvalidEventException)) {
            cause = cause.getCause();
        }
        if (cause instanceof InvalidEventException) {
            return cause.getMessage() == null ? "invalid event" : cause.getMessage();
        }
        return "the service could not process the batch of this event after retrying ("
                + cause.getClass().getSimpleName() + ")";
    }
}
