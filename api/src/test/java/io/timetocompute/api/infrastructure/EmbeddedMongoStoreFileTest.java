package io.timetocompute.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded store's file: documents appended in insertion order, found through their indexes, and readable both
 * ways by mongo-java-server's stock H2 backend, which keyed documents by their _id.
 */
class EmbeddedMongoStoreFileTest {

    @TempDir
    Path dir;

    @Test
    void keepsDocumentsInInsertionOrderAndFindsThemById() {
        Path file = dir.resolve("store.mv");
        withEmbeddedStore(file, database -> {
            MongoCollection<Document> events = database.getCollection("events");
            List<String> ids = List.of("e-9", "e-1", "e-5", "e-3");
            ids.forEach(id -> events.insertOne(new Document("_id", id).append("n", 0)));
            events.updateOne(Filters.eq("_id", "e-5"), Updates.set("n", 1));
            assertThat(idsInNaturalOrder(events)).containsExactlyElementsOf(ids);
            assertThat(events.find(Filters.eq("_id", "e-5")).first()).containsEntry("n", 1);
            assertDuplicateRefused(events, "e-1");
        });
        withEmbeddedStore(file, database -> {
            MongoCollection<Document> events = database.getCollection("events");
            events.deleteOne(Filters.eq("_id", "e-1"));
            events.insertOne(new Document("_id", "e-0"));
            assertThat(idsInNaturalOrder(events)).containsExactly("e-9", "e-5", "e-3", "e-0");
            assertThat(events.find(Filters.in("_id", List.of("e-0", "e-3", "e-1"))).into(new ArrayList<>()))
                    .hasSize(2);
        });
    }

    @Test
    void readsAndExtendsAFileOfTheStockBackendWhichReadsItBack() {
        Path file = dir.resolve("store.mv");
        withStockBackend(file, database -> {
            for (long version = 0; version < 10; version++) {
                database.getCollection("versions").insertOne(new Document("_id", version));
            }
            database.getCollection("events").insertOne(new Document("_id", "old"));
        });
        withEmbeddedStore(file, database -> {
            MongoCollection<Document> versions = database.getCollection("versions");
            // Long ids equal to the positions that new documents get: neither may hide the other.
            for (long version = 10; version < 20; version++) {
                versions.insertOne(new Document("_id", version));
            }
            versions.insertOne(new Document("_id", "named"));
            assertThat(versions.countDocuments()).isEqualTo(21);
            for (long version = 0; version < 20; version++) {
                assertThat(versions.find(Filters.eq("_id", version)).first()).as("version %s", version).isNotNull();
            }
            assertDuplicateRefused(versions, 3L);
            assertDuplicateRefused(versions, 15L);
            assertThat(database.getCollection("events").find(Filters.eq("_id", "old")).first()).isNotNull();
        });
        withStockBackend(file, database -> {
            MongoCollection<Document> versions = database.getCollection("versions");
            assertThat(versions.countDocuments()).isEqualTo(21);
            assertThat(versions.find(Filters.eq("_id", 15L)).first()).isNotNull();
            assertThat(versions.find(Filters.eq("_id", "named")).first()).isNotNull();
            assertDuplicateRefused(versions, 12L);
        });
    }

    private static List<Object> idsInNaturalOrder(MongoCollection<Document> collection) {
        List<Object> ids = new ArrayList<>();
        collection.find().forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static void assertDuplicateRefused(MongoCollection<Document> collection, Object id) {
        assertThatThrownBy(() -> collection.insertOne(new Document("_id", id)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static void withEmbeddedStore(Path file, Consumer<MongoDatabase> work) {
        EmbeddedMongoStore store = EmbeddedMongoStore.start(file, 0);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            work.accept(client.getDatabase("ttc"));
            store.commit();
        } finally {
            store.destroy();
        }
    }

    private static void withStockBackend(Path file, Consumer<MongoDatabase> work) {
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort())) {
            work.accept(client.getDatabase("ttc"));
        } finally {
            server.shutdown();
        }
    }
}
