package io.timetocompute.api.planning;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import io.timetocompute.api.infrastructure.EmbeddedMongoStore;
import io.timetocompute.api.store.MongoEventLog;

import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.InMemoryEventLog;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.kafka.ProjectionPublisher;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.replanning.ReplanningService;

/**
 * One portfolio, one live re-planning service, and the event processor in front of it.
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
                properties.reoptimizationInterval(), properties.solverSeed()).start();
    }

    /**
     * MongoDB when one is configured ({@code spring.mongodb.uri}, or {@code ttc.store=mongodb} with a connection
     * from elsewhere); otherwise in memory, which forgets on restart.
     */
    @Bean
    EventLog eventLog(Environment environment, ObjectProvider<MongoTemplate> mongo,
            ObjectProvider<EmbeddedMongoStore> embeddedStore) {
        if (environment.containsProperty("spring.mongodb.uri")
                || "mongodb".equals(environment.getProperty("ttc.store"))) {
            EmbeddedMongoStore store = embeddedStore.getIfAvailable();
            return new MongoEventLog(mongo.getObject(), Clock.systemUTC(), store == null ? () -> { } : store::commit);
        }
        LOG.warn("no spring.mongodb.uri: the event log is kept in memory and forgotten on restart");
        return new InMemoryEventLog();
    }

    @Bean
    EventProcessor eventProcessor(ReplanningService service, EventLog eventLog) {
        return new EventProcessor(service, eventLog);
    }
}
