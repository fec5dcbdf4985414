package io.timetocompute.api.planning;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import io.timetocompute.api.history.PublicationHistory;
import io.timetocompute.api.infrastructure.EmbeddedMongoStore;
import io.timetocompute.api.store.MongoEventLog;
import io.timetocompute.api.store.PortfolioStore;
import io.timetocompute.api.store.StoreCommit;
import io.timetocompute.events.inbound.EventLog;
import io.timetocompute.events.inbound.EventAdmission;
import io.timetocompute.events.inbound.EventProcessor;
import io.timetocompute.events.inbound.OutcomeListener;
import io.timetocompute.events.kafka.ProjectionPublisher;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;
import io.timetocompute.scheduler.replanning.LivePlan;

/**
 * The live plans, rebuilt from MongoDB on start; the event processor in front of it; and what its
 * publications go to: the history in MongoDB first, then Kafka.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanningProperties.class)
class PlanningConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PlanningConfiguration.class);

    @Bean
    StoreCommit storeCommit(ObjectProvider<EmbeddedMongoStore> embeddedStore) {
        EmbeddedMongoStore store = embeddedStore.getIfAvailable();
        return store == null ? () -> { } : store::commit;
    }

    @Bean
    EventLog eventLog(MongoTemplate mongo, StoreCommit commit) {
        return new MongoEventLog(mongo, Clock.systemUTC(), commit);
    }

    @Bean
    PortfolioStore portfolioStore(MongoTemplate mongo, StoreCommit commit) {
        return new PortfolioStore(mongo, commit);
    }

    @Bean
    @Order(0)
    PublicationHistory publicationHistory(MongoTemplate mongo, StoreCommit commit) {
        return new PublicationHistory(mongo, commit);
    }

    @Bean
    @Order(10)
    ProjectionPublisher projectionPublisher(KafkaTemplate<String, byte[]> template) {
        return new ProjectionPublisher(template);
    }

    @Bean(destroyMethod = "close")
    LivePlans planningSession(PlanningProperties properties, PortfolioStore portfolios, EventLog eventLog,
            PublicationHistory history, ObjectProvider<LivePlan.Listener> listeners,
            ObjectProvider<KafkaAdmin> kafkaAdmin) throws InterruptedException {
        // The session publishes as soon as it starts, before the admin would create the declared topics itself:
        // the broker would then create them on first use, with its defaults (several partitions, no compaction).
        kafkaAdmin.ifAvailable(KafkaAdmin::initialize);
        LivePlans session = new LivePlans(properties, portfolios, eventLog, history,
                listeners.orderedStream().toList(), Clock.systemUTC());
        if (properties.portfolioFile() != null) {
            return session.start(PortfolioJson.read(properties.portfolioFile()),
                    "file " + properties.portfolioFile());
        }
        Portfolio demo = DemoPortfolioGenerator.generate(properties.demoTasks(), properties.demoSeed());
        LOG.info("the demo portfolio: {} sites, {} tasks", demo.sites().size(), demo.tasks().size());
        return session.start(demo, "demo portfolio, " + properties.demoTasks() + " tasks, seed "
                + properties.demoSeed());
    }

    @Bean
    EventProcessor eventProcessor(LivePlans session, EventLog eventLog,
            ObjectProvider<OutcomeListener> outcomeListeners,
            @Value("${ttc.events.max-future-skew:PT5M}") Duration maxFutureSkew) {
        return new EventProcessor(session, eventLog, outcomeListeners.orderedStream().toList(),
                new EventAdmission(Clock.systemUTC(), maxFutureSkew));
    }
}
