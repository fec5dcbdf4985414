package io.timetocompute.api.demo;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import io.timetocompute.api.planning.LivePlans;

/** The demo event generator, only when {@code ttc.demo.events-enabled} is true. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoEventProperties.class)
class DemoConfiguration {

    @Bean
    @ConditionalOnBooleanProperty("ttc.demo.events-enabled")
    DemoEventGenerator demoEventGenerator(LivePlans session, KafkaTemplate<String, byte[]> template,
            DemoEventProperties properties) {
        return new DemoEventGenerator(session, template, properties, Clock.systemUTC());
    }
}
