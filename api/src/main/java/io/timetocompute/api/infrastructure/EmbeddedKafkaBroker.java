package io.timetocompute.api.infrastructure;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one process) for the run command, so that
 * the service starts with no prior step and outside clients such as kcat can connect. Its log lives under the data
 * folder and survives restarts: the storage is formatted only the first time.
 */
public final class EmbeddedKafkaBroker implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * @param port the client port (9092 for the run command); the controller listens on the next port
     */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + (port + 1));
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + (port + 1));
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDirectory.toAbsolutePath().toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "3");
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        formatOnFirstStart(logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = "localhost:" + port;
        LOG.info("embedded Kafka broker on {} with its log in {}", bootstrap, logDirectory.toAbsolutePath());
        return new EmbeddedKafkaBroker(server, bootstrap);
    }

    private static void formatOnFirstStart(Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .addDirectory(logDirectory.toAbsolutePath().toString())
                    .setMetadataLogDirectory(logDirectory.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka log directory " + logDirectory, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + logDirectory, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void destroy() {
        server.shutdown();
        server.awaitShutdown();
    }
}
