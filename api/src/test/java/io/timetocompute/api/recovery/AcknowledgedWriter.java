package io.timetocompute.api.recovery;

import java.nio.file.Path;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.timetocompute.api.infrastructure.EmbeddedMongoStore;

/**
 * Child process of {@link EmbeddedStoreKillTest}: inserts documents into the embedded store over the MongoDB
 * protocol, optionally commits the store after each, and prints the id of every insert it considers done.
 */
public final class AcknowledgedWriter {

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        boolean commitEachWrite = Boolean.parseBoolean(args[1]);
        EmbeddedMongoStore store = EmbeddedMongoStore.start(file, 0);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("ttc").getCollection("acknowledged");
            for (int i = 0; ; i++) {
                collection.insertOne(new Document("_id", i));
                if (commitEachWrite) {
                    store.commit();
                }
                System.out.println(i);
                System.out.flush();
            }
        }
    }
}
