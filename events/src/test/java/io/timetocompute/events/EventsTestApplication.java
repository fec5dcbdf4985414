package io.timetocompute.events;

import java.time.Duration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.InMemoryEventLog;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.kafka.ProjectionPublisher;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.replanning.LivePlan;

/** The events module wired as the service wires it, on the two-site test portfolio and an in-memory store. */
@SpringBootApplication
public class EventsTestApplication {

    @Bean
    EventLog eventLog() {
        return new InMemoryEventLog();
    }

    @Bean(destroyMethod = "close")
    LivePlan replanningService(KafkaTemplate<String, byte[]> template) throws InterruptedException {
        return new LivePlan(TestPortfolios.twoSites(), new ProjectionPublisher(template),
                Duration.ofMillis(100), Duration.ZERO, 1).start();
    }

    @Bean
    EventProcessor eventProcessor(LivePlan service, EventLog eventLog) {
        return new EventProcessor(service, eventLog);
    }
}
