package io.timetocompute.api.infrastructure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts what the service needs but was not given: a Kafka broker on localhost:9092 when no
 * {@code spring.kafka.bootstrap-servers} is configured, and a MongoDB-compatible store on localhost:27017 when no
 * {@code spring.mongodb.uri} is. Their data lives under {@code ttc.data-dir} (default {@code ./ttc-data}). Both are
 * registered as the context's first singletons, so they stop after everything that uses them.
 * {@code ttc.embedded.kafka=false} or {@code ttc.embedded.mongodb=false} turns one off where the connection comes
 * from elsewhere (Testcontainers' service connections); {@code ttc.embedded.mongodb-backend=memory} keeps the
 * store in memory (tests).
 * <p>
 * With {@code ttc.role=service} nothing is started and both connections must be given. The production profile
 * never starts either unless asked explicitly ({@code ttc.embedded.kafka=true}, {@code ttc.embedded.mongodb=true}):
 * a missing setting must not quietly become a throwaway broker or store.
 */
public final class EmbeddedInfrastructure implements ApplicationListener<ApplicationPreparedEvent> {

    static final String DATA_DIR = "ttc.data-dir";
    static final String KAFKA_PORT = "ttc.kafka.embedded-port";
    static final String MONGO_PORT = "ttc.mongodb.embedded-port";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        if (RunRole.of(environment) == RunRole.SERVICE) {
            requireConnections(environment);
            return;
        }
        boolean production = environment.matchesProfiles("production");
        Path dataDir = Path.of(environment.getProperty(DATA_DIR, "ttc-data"));
        Map<String, Object> provided = new HashMap<>();
        if (!environment.containsProperty("spring.kafka.bootstrap-servers")
                && embedded(environment, "ttc.embedded.kafka", production, "spring.kafka.bootstrap-servers")) {
            int port = environment.getProperty(KAFKA_PORT, Integer.class, 9092);
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), port);
            event.getApplicationContext().getBeanFactory().registerSingleton("embeddedKafkaBroker", broker);
            provided.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        }
        if (!environment.containsProperty("spring.mongodb.uri")
                && embedded(environment, "ttc.embedded.mongodb", production, "spring.mongodb.uri")) {
            int port = environment.getProperty(MONGO_PORT, Integer.class, 27017);
            EmbeddedMongoStore store = "memory".equals(environment.getProperty("ttc.embedded.mongodb-backend"))
                    ? EmbeddedMongoStore.startInMemory(port)
                    : EmbeddedMongoStore.start(dataDir.resolve("store.mv"), port);
            event.getApplicationContext().getBeanFactory().registerSingleton("embeddedMongoStore", store);
            provided.put("spring.mongodb.uri", store.connectionString());
        }
        if (!provided.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("ttc-embedded-infrastructure", provided));
        }
    }

    private static boolean embedded(ConfigurableEnvironment environment, String switchProperty, boolean production,
            String connectionProperty) {
        if (production && !environment.containsProperty(switchProperty)) {
            throw new IllegalStateException("the production profile needs " + connectionProperty
                    + " (or " + switchProperty + "=true to start an embedded one on purpose)");
        }
        return environment.getProperty(switchProperty, Boolean.class, true);
    }

    private static void requireConnections(ConfigurableEnvironment environment) {
        for (String property : new String[] { "spring.kafka.bootstrap-servers", "spring.mongodb.uri" }) {
            if (!environment.containsProperty(property)) {
                throw new IllegalStateException(RunRole.PROPERTY + "=service needs " + property
                        + ": point it at your cluster, or at a process started with --" + RunRole.PROPERTY
                        + "=infrastructure");
            }
        }
    }
}
