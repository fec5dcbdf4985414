package io.timetocompute.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/** What each run role and profile starts, or refuses to start, before any bean exists. */
class EmbeddedInfrastructureTest {

    @Test
    void aServiceInstanceNeedsBothConnections() {
        MockEnvironment environment = new MockEnvironment().withProperty("ttc.role", "service")
                .withProperty("spring.kafka.bootstrap-servers", "localhost:1");
        assertThatThrownBy(() -> prepare(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.mongodb.uri").hasMessageContaining("--ttc.role=infrastructure");
    }

    @Test
    void aServiceInstanceStartsNothingEmbedded() {
        MockEnvironment environment = new MockEnvironment().withProperty("ttc.role", "SERVICE")
                .withProperty("spring.kafka.bootstrap-servers", "localhost:1")
                .withProperty("spring.mongodb.uri", "mongodb://localhost:1/ttc");
        GenericApplicationContext context = prepare(environment);
        assertThat(context.getBeanFactory().containsSingleton("embeddedKafkaBroker")).isFalse();
        assertThat(context.getBeanFactory().containsSingleton("embeddedMongoStore")).isFalse();
    }

    @Test
    void productionNeverFallsBackToAnEmbeddedBrokerOrStore() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("production");
        assertThatThrownBy(() -> prepare(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.kafka.bootstrap-servers");
        environment.setProperty("spring.kafka.bootstrap-servers", "localhost:1");
        assertThatThrownBy(() -> prepare(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.mongodb.uri").hasMessageContaining("ttc.embedded.mongodb=true");
    }

    @Test
    void anUnknownRoleIsRefusedByName() {
        MockEnvironment environment = new MockEnvironment().withProperty("ttc.role", "everything");
        assertThatThrownBy(() -> RunRole.of(environment)).hasMessageContaining("all, infrastructure, service")
                .hasMessageContaining("\"everything\"");
        assertThat(RunRole.of(new MockEnvironment())).isEqualTo(RunRole.ALL);
    }

    private static GenericApplicationContext prepare(MockEnvironment environment) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(environment);
        new EmbeddedInfrastructure().onApplicationEvent(
                new ApplicationPreparedEvent(new SpringApplication(), new String[0], context));
        return context;
    }
}
