package io.timetocompute.api.demo;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.events.inbound.PortfolioRouting;

/**
 * Sends a {@link DemoEventScenario} event to Kafka every interval, as a CloudEvent in binary mode like a real
 * supplier or field system would; it then takes the normal path (consumer, event log, re-planning), so the event
 * log shows why the demo's dates move.
 */
final class DemoEventGenerator implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEventGenerator.class);

    private final LivePlans session;
    private final KafkaTemplate<String, byte[]> template;
    private final DemoEventProperties properties;
    private final DemoEventScenario scenario;
    private ScheduledExecutorService timer;

    DemoEventGenerator(LivePlans session, KafkaTemplate<String, byte[]> template,
            DemoEventProperties properties, Clock clock) {
        this.session = session;
        this.template = template;
        this.properties = properties;
        this.scenario = new DemoEventScenario(properties.eventsSeed(), clock);
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ttc-demo-events");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.eventsInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sendNext, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("demo events: one every {} (seed {})", properties.eventsInterval(), properties.eventsSeed());
    }

    @Override
    public synchronized void stop() {
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    private void sendNext() {
        try {
            if (!session.ids().contains(LivePlans.DEMO)) {
                return;
            }
            scenario.next(session.plan(LivePlans.DEMO).portfolio()).ifPresent(demo -> {
                // Named, so that a portfolio reusing the demo's ids does not make its events ambiguous.
                ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(demo.topic(),
                        demo.key()).writeBinary(CloudEventBuilder.v1(demo.event())
                        .withExtension(PortfolioRouting.EXTENSION, LivePlans.DEMO).build());
                template.send(record).whenComplete((sent, error) -> {
                    if (error != null) {
                        LOG.warn("demo event {} not sent: {}", demo.event().getId(), error.getMessage());
                    }
                });
                LOG.debug("demo event {} {} on {}", demo.event().getType(), demo.event().getId(), demo.topic());
            });
        } catch (RuntimeException e) {
            // A failed tick must not end the schedule: the next one may well succeed (broker back, say).
            LOG.warn("demo event not sent: {}", e.getMessage());
        }
    }
}
