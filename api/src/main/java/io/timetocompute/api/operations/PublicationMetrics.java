package io.timetocompute.api.operations;

import java.time.Duration;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.timetocompute.api.planning.PublicationListener;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.solver.AppliedChange;

/**
 * {@code ttc.solver.publications}, and {@code ttc.publication.latency}: how long after a change happened in the
 * real world (its event's time) the re-projected dates were published, by kind of change. That is the delay an
 * executive sees, transport and solver included.
 */
@Component
@Order(30)
class PublicationMetrics implements PublicationListener {

    static final String PUBLICATIONS = "ttc.solver.publications";
    static final String LATENCY = "ttc.publication.latency";

    private final MeterRegistry registry;
    private final Counter publications;

    PublicationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.publications = Counter.builder(PUBLICATIONS).description("Schedule versions published")
                .register(registry);
    }

    @Override
    public void published(String portfolioId, LivePlan.Publication publication) {
        publications.increment();
        for (AppliedChange change : publication.newlyApplied()) {
            Duration latency = Duration.between(change.occurredAt(), publication.publishedAt());
            // An event stamped ahead of our clock (the sender's clock runs fast) says nothing about our latency.
            if (!latency.isNegative()) {
                Timer.builder(LATENCY).description("From an applied change's event time to its publication")
                        .tag("kind", change.kind()).register(registry).record(latency);
            }
        }
    }
}
