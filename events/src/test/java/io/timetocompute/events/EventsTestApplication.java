package io.timetocompute.events;

import java.time.Duration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.InboundEvent;
import io.timetocompute.events.inbound.InvalidEventException;
import io.timetocompute.events.inbound.PortfolioRouting;
import io.timetocompute.events.inbound.InMemoryEventLog;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.kafka.ProjectionPublisher;
import io.timetocompute.events.kafka.SupplierNeedsPublisher;
import io.timetocompute.scheduler.TestPortfolios;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The events module wired as the service wires it, on the two-site test portfolio (the only one, {@value #PORTFOLIO})
 * and an in-memory store.
 */
@SpringBootApplication
public class EventsTestApplication {

    public static final String PORTFOLIO = "two-sites";

    @Bean
    EventLog eventLog() {
        return new InMemoryEventLog();
    }

    @Bean(destroyMethod = "close")
    LivePlan replanningService(KafkaTemplate<String, byte[]> template) throws InterruptedException {
        ProjectionPublisher publisher = new ProjectionPublisher(template);
        SupplierNeedsPublisher needs = new SupplierNeedsPublisher(template);
        return new LivePlan(TestPortfolios.twoSites(), publication -> {
            publisher.published(PORTFOLIO, publication);
            needs.published(PORTFOLIO, publication);
        },
                Duration.ofMillis(100), Duration.ZERO, 1).start();
    }

    @Bean
    EventProcessor eventProcessor(LivePlan service, EventLog eventLog) {
        return new EventProcessor(service, eventLog);
    }

    /** One portfolio: events that name another are refused, the others are its own. */
    @Bean
    PortfolioRouting portfolioRouting(EventProcessor processor) {
        return new PortfolioRouting() {
            @Override
            public Route route(String namedPortfolio, InboundEvent event) {
                if (namedPortfolio != null && !namedPortfolio.equals(PORTFOLIO)) {
                    throw new InvalidEventException("event " + event.id() + " names portfolio '" + namedPortfolio
                            + "', which is not an active portfolio");
                }
                return new Route(PORTFOLIO, processor);
            }

            @Override
            public void refusedByTransport(String transport) {
                processor.refusedByTransport(transport);
            }
        };
    }
}
