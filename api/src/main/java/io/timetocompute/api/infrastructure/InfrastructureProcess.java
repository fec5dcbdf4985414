package io.timetocompute.api.infrastructure;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code ttc.role=infrastructure}: the embedded Kafka broker and store alone, shared by service instances started
 * with {@code ttc.role=service}. No Spring context: nothing of the service runs here. The store commits every
 * journaled write before acknowledging it, since the instances are other processes and cannot ask it to.
 */
public final class InfrastructureProcess {

    private static final Logger LOG = LoggerFactory.getLogger(InfrastructureProcess.class);

    private InfrastructureProcess() {
    }

    /** Starts the broker and the store, and returns when the process is asked to stop (SIGTERM, Ctrl-C). */
    public static void run(ConfigurableEnvironment environment) throws InterruptedException {
        Path dataDir = Path.of(environment.getProperty(EmbeddedInfrastructure.DATA_DIR, "ttc-data"));
        int kafkaPort = environment.getProperty(EmbeddedInfrastructure.KAFKA_PORT, Integer.class, 9092);
        int mongoPort = environment.getProperty(EmbeddedInfrastructure.MONGO_PORT, Integer.class, 27017);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort);
        EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDir.resolve("store.mv"), mongoPort, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.commit();
            store.destroy();
            broker.destroy();
            stopped.countDown();
        }, "ttc-infrastructure-stop"));
        LOG.info("infrastructure ready: start service instances with --ttc.role=service"
                + " --spring.kafka.bootstrap-servers={} --spring.mongodb.uri={}",
                broker.bootstrapServers(), store.connectionString());
        stopped.await();
    }
}
