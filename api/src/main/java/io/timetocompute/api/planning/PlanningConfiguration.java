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
import io.timetocompute.api.store.InboundEventDocument;
import io.timetocompute.api.store.MongoEventLog;
import io.timetocompute.api.store.PortfolioStore;
import io.timetocompute.api.store.StoreCommit;
import io.timetocompute.api.store.StoreIndexes;
import io.timetocompute.events.inbound.EventAdmission;
import io.timetocompute.events.inbound.OutcomeListener;
import io.timetocompute.events.kafka.ProjectionPublisher;
import io.timetocompute.events.kafka.SupplierNeedsPublisher;
import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.PortfolioJson;

/**
 * The live plans, rebuilt from MongoDB on start, each with the event processor in front of it; and what their
 * publications go to: the history in MongoDB first, then Kafka. The default portfolio ({@value LivePlans#DEMO}) is
 * the demo, or {@code ttc.planning.portfolio-file}.
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
    PublicationListener projectionPublication(ProjectionPublisher publisher) {
        return publisher::published;
    }

    @Bean
    ProjectionPublisher projectionPublisher(KafkaTemplate<String, byte[]> template) {
        return new ProjectionPublisher(template);
    }

    @Bean
    @Order(11)
    PublicationListener supplierNeedsPublisher(KafkaTemplate<String, byte[]> template) {
        return new SupplierNeedsPublisher(template)::published;
    }

    @Bean(destroyMethod = "close")
    LivePlans livePlans(PlanningProperties properties, PortfolioStore portfolios, MongoTemplate mongo,
            StoreCommit commit, PublicationHistory history, ObjectProvider<PublicationListener> listeners,
            ObjectProvider<OutcomeListener> outcomeListeners, ObjectProvider<KafkaAdmin> kafkaAdmin,
            @Value("${ttc.events.max-future-skew:PT5M}") Duration maxFutureSkew) throws InterruptedException {
        // The plans publish as soon as they start, before the admin would create the declared topics itself:
        // the broker would then create them on first use, with its defaults (several partitions, no compaction).
        kafkaAdmin.ifAvailable(KafkaAdmin::initialize);
        StoreIndexes.create(mongo, InboundEventDocument.class);
        Clock clock = Clock.systemUTC();
        LivePlans plans = new LivePlans(properties, portfolios,
                portfolioId -> new MongoEventLog(portfolioId, mongo, clock, commit), history,
                listeners.orderedStream().toList(), outcomeListeners.orderedStream().toList(),
                new EventAdmission(clock, maxFutureSkew), clock);
        if (properties.portfolioFile() != null) {
            return plans.start(LivePlans.DEMO, () -> PortfolioJson.read(properties.portfolioFile()),
                    "file " + properties.portfolioFile());
        }
        return plans.start(LivePlans.DEMO, () -> {
            Portfolio demo = DemoPortfolioGenerator.generate(properties.demoTasks(), properties.demoSeed());
            LOG.info("the demo portfolio: {} sites, {} tasks", demo.sites().size(), demo.tasks().size());
            return demo;
        }, "demo portfolio, " + properties.demoTasks() + " tasks, seed " + properties.demoSeed());
    }
}
