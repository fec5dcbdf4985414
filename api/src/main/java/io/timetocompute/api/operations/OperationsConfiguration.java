package io.timetocompute.api.operations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.FailedRecordProcessor;

import io.micrometer.core.instrument.MeterRegistry;

/** Counts dead letters where the Kafka error handler recovers a record, without changing the events module. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    @Bean
    DeadLetterMetrics deadLetterMetrics(MeterRegistry registry, ObjectProvider<FailedRecordProcessor> errorHandlers) {
        DeadLetterMetrics metrics = new DeadLetterMetrics(registry);
        errorHandlers.orderedStream().forEach(handler -> handler.setRetryListeners(metrics));
        return metrics;
    }
}
