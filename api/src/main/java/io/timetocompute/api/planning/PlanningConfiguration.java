package io.timetocompute.api.planning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.InMemoryProcessedEvents;
import io.timetocompute.events.inbound.ProcessedEvents;
import io.timetocompute.events.kafka.ProjectionPublisher;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.replanning.ReplanningService;

/**
 * One portfolio, one live re-planning service, and the event processor in front of it. Processed event ids are
 * kept in memory for now; the durable store comes with the MongoDB persistence.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanningProperties.class)
class PlanningConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PlanningConfiguration.class);

    @Bean
    Portfolio portfolio(PlanningProperties properties) {
        if (properties.portfolioFile() != null) {
            LOG.info("planning portfolio {}", properties.portfolioFile());
            return PortfolioJson.read(properties.portfolioFile());
        }
        Portfolio demo = DemoPortfolioGenerator.generate(properties.demoTasks(), properties.demoSeed());
        LOG.info("planning the demo portfolio: {} sites, {} tasks", demo.sites().size(), demo.tasks().size());
        return demo;
    }

    @Bean(destroyMethod = "close")
    ReplanningService replanningService(Portfolio portfolio, KafkaTemplate<String, byte[]> template,
            PlanningProperties properties) throws InterruptedException {
        return new ReplanningService(portfolio, new ProjectionPublisher(template), properties.coalesceWindow(),
                properties.solverSeed()).start();
    }

    @Bean
    ProcessedEvents processedEvents() {
        return new InMemoryProcessedEvents();
    }

    @Bean
    EventProcessor eventProcessor(ReplanningService service, ProcessedEvents processedEvents) {
        return new EventProcessor(service, processedEvents);
    }
}
