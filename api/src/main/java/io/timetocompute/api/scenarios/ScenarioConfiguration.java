package io.timetocompute.api.scenarios;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.timetocompute.api.planning.LivePlans;
import io.timetocompute.api.store.StoreCommit;
import io.timetocompute.api.store.StoreIndexes;

/** Scenarios and goal seeking: their store (with its index) and their background solvers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScenarioProperties.class)
class ScenarioConfiguration {

    @Bean(destroyMethod = "close")
    Scenarios scenarios(LivePlans plans, MongoTemplate mongo, StoreCommit commit, ScenarioProperties properties) {
        StoreIndexes.create(mongo, ScenarioDocument.class);
        return new Scenarios(plans, mongo, commit, properties, Clock.systemUTC());
    }

    @Bean
    ScenarioPromotion scenarioPromotion(LivePlans plans) {
        return new ScenarioPromotion(plans, Clock.systemUTC());
    }
}
