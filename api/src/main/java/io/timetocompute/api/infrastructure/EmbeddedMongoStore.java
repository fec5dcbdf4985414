package io.timetocompute.api.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import org.h2.mvstore.MVStore;

/**
 * A MongoDB wire-protocol server in the JVM (mongo-java-server with its H2 file backend) for the run command, so
 * that the service keeps plain Spring Data MongoDB code and runs unchanged against a real MongoDB. Writes reach the
 * file only through {@link #commit()}, which makes every command completed so far survive a killed process; the
 * event log calls it before an event's Kafka offset can be committed.
 */
public final class EmbeddedMongoStore implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoStore.class);
    /**
     * MVStore's default of 16 MB holds a few thousand events' pages: checking a batch for events recorded already
     * then reads most index pages from the file again.
     */
    private static final int STORE_CACHE_MB = 256;
    /**
     * Event ids are random, so a batch of events inserts its keys all over the {@code _id} index, and each commit
     * writes every page it touched again, whole: with MVStore's default of 48 keys a page, about 7 KB for each event
     * once the index is large. Smaller pages write less (ingest of 400,000 events: 3,984 events/s with 48 keys a
     * page, 4,718 with 16, 5,281 with 8, 4,985 with 4, where lookups get deeper).
     */
    private static final int KEYS_PER_PAGE = 8;

    private final MongoBackend backend;
    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongoStore(MongoBackend backend, MongoServer server, String connectionString) {
        this.backend = backend;
        this.server = server;
        this.connectionString = connectionString;
    }

    public static EmbeddedMongoStore start(Path file, int port) {
        return start(file, port, false);
    }

    /**
     * @param commitJournaledWrites whether a write with a journaled write concern commits the file before it is
     *     acknowledged: for a store shared by service instances in other processes ({@code ttc.role=infrastructure}),
     *     which cannot call {@link #commit()}
     */
    public static EmbeddedMongoStore start(Path file, int port, boolean commitJournaledWrites) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        // Only explicit commits write to the file, and never in the middle of a command. An MVStore commit writes
        // every map (documents and their indexes) as one version, but mongo-java-server puts a document and its
        // _id index entry one after the other: a version written between the two, by MVStore's background commit,
        // its commit when unsaved changes pass the buffer size, or our commit while another thread inserts, holds
        // the document without its index entry. After a kill -9 the store then refused the replayed event as
        // existing while no query found it, and ingestion stalled.
        MVStore mvStore = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).autoCommitDisabled()
                .autoCommitBufferSize(0).cacheSize(STORE_CACHE_MB).keysPerPage(KEYS_PER_PAGE).open();
        H2Backend backend = new DurableH2Backend(mvStore, commitJournaledWrites);
        EmbeddedMongoStore store = serve(backend, port);
        LOG.info("embedded MongoDB-compatible store on {} in {}", store.connectionString, file.toAbsolutePath());
        return store;
    }

    /** A store that forgets everything when it stops, for tests. */
    public static EmbeddedMongoStore startInMemory(int port) {
        MemoryBackend backend = new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, answeredAs(command), query);
            }
        };
        return serve(backend, port);
    }

    private static EmbeddedMongoStore serve(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        return new EmbeddedMongoStore(backend, server,
                "mongodb://localhost:" + server.getLocalAddress().getPort() + "/ttc");
    }

    /**
     * mongo-java-server knows {@code isMaster} but not its successor {@code hello}, which Spring Boot's MongoDB
     * health check sends: without this, the service reports its store down while it works.
     */
    static String answeredAs(String command) {
        return "hello".equalsIgnoreCase(command) ? "isMaster" : command;
    }

    public String connectionString() {
        return connectionString;
    }

    /** Writes everything stored so far to the file: it survives a killed process from then on. */
    public void commit() {
        if (backend instanceof H2Backend h2) {
            h2.commit();
        }
    }

    @Override
    public void destroy() {
        server.shutdown();
        backend.close();
    }
}
