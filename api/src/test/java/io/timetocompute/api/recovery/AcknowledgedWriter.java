package io.timetocompute.api.recovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.timetocompute.api.infrastructure.EmbeddedMongoStore;

/**
 * Child process of {@link EmbeddedStoreKillTest}: inserts documents into the embedded store over the MongoDB
 * protocol, commits the store after each, and prints the id of every insert it considers done. With a second
 * argument {@code true}, another thread inserts batches of documents into another collection all along, without
 * committing, as the service's other writers do while the event log commits, and prints {@code batch} after each.
 */
public final class AcknowledgedWriter {

    static final String ACKNOWLEDGED = "acknowledged";
    static final String ALONGSIDE = "alongside";

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        boolean batchesAlongside = args.length > 1 && Boolean.parseBoolean(args[1]);
        EmbeddedMongoStore store = EmbeddedMongoStore.start(file, 0);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            if (batchesAlongside) {
                Thread batches = new Thread(() -> insertBatches(client.getDatabase("ttc").getCollection(ALONGSIDE)));
                batches.setDaemon(true);
                batches.start();
            }
            MongoCollection<Document> collection = client.getDatabase("ttc").getCollection(ACKNOWLEDGED);
            for (int i = 0; ; i++) {
                collection.insertOne(new Document("_id", i));
                store.commit();
                System.out.println(i);
                System.out.flush();
            }
        }
    }

    private static void insertBatches(MongoCollection<Document> collection) {
        for (int batch = 0; ; batch++) {
            List<Document> documents = new ArrayList<>();
            for (int k = 0; k < 250; k++) {
                documents.add(new Document("_id", "doc-" + batch + "-" + k).append("payload", "x".repeat(200)));
            }
            collection.insertMany(documents);
            System.out.println("batch");
            System.out.flush();
        }
    }
}
