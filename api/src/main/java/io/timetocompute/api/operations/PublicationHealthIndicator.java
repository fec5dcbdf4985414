package io.timetocompute.api.operations;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.timetocompute.events.kafka.ProjectionPublisher;

/**
 * The outbound topics: DOWN once a projection or timeline record could not be published (after the producer's own
 * retries and one more send), since the topics then miss a change until that block's date moves again; the details
 * name the last lost record. Also {@code ttc.publication.records}, by {@code outcome} (published, lost).
 */
@Component("publicationHealthIndicator")
class PublicationHealthIndicator implements HealthIndicator {

    static final String RECORDS = "ttc.publication.records";

    private final ProjectionPublisher publisher;

    PublicationHealthIndicator(ProjectionPublisher publisher, MeterRegistry registry) {
        this.publisher = publisher;
        FunctionCounter.builder(RECORDS, publisher, ProjectionPublisher::publishedRecords)
                .description("Projection and timeline records published").tag("outcome", "published")
                .register(registry);
        FunctionCounter.builder(RECORDS, publisher, ProjectionPublisher::lostRecords)
                .description("Projection and timeline records that could not be published").tag("outcome", "lost")
                .register(registry);
    }

    @Override
    public Health health() {
        Health.Builder health = publisher.lostRecords() == 0 ? Health.up() : Health.down();
        health.withDetail("published", publisher.publishedRecords()).withDetail("lost", publisher.lostRecords());
        publisher.lastLoss().ifPresent(loss -> health.withDetail("lastLoss", Map.of("topic", loss.topic(),
                "key", loss.key(), "reason", loss.reason(), "at", loss.at().toString())));
        return health.build();
    }
}
