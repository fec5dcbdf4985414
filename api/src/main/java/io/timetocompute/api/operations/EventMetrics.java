package io.timetocompute.api.operations;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.OutcomeListener;

/**
 * {@code ttc.events.processed}: inbound events by outcome ({@code status}) and by how they came ({@code transport}
 * kafka or http). Kafka's listener and the HTTP ingest endpoint report here.
 */
@Component
class EventMetrics implements OutcomeListener {

    static final String PROCESSED = "ttc.events.processed";

    private final MeterRegistry registry;

    EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void processed(String transport, EventProcessor.Status status) {
        Counter.builder(PROCESSED).description("Inbound events processed, by outcome and transport")
                .tag("status", status.name()).tag("transport", transport)
                .register(registry).increment();
    }
}
