package io.timetocompute.api.infrastructure;

import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend as the embedded store needs it: durable at each explicit commit, and fast enough
 * to record thousands of events per second.
 * <ul>
 * <li>It commits only between commands, so that a committed version never holds half of one.</li>
 * <li>Documents are kept in the order they were inserted. The stock backend keys them by {@code _id}, and event
 * ids are random, so every batch of events touched pages all over the collection, and each commit wrote them all
 * again: a commit's cost grew with the size of the collection. Appended, a batch writes only the last pages.</li>
 * <li>Unique indexes compare their keys in {@link SerializedKeyOrder}.</li>
 * </ul>
 * Files are written as the stock backend writes them and read back by it, and files it wrote are read by this one.
 */
final class DurableH2Backend extends H2Backend {

    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock(true);
    private final boolean commitJournaledWrites;

    /**
     * @param commitJournaledWrites commit after every command that asks for a journaled write concern
     *     ({@code j: true}), as MongoDB acknowledges such a write only once it is in its journal: needed where the
     *     service runs in another process and cannot call {@link #commit()} itself
     */
    DurableH2Backend(MVStore mvStore, boolean commitJournaledWrites) {
        super(mvStore);
        this.commitJournaledWrites = commitJournaledWrites;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer;
        commands.readLock().lock();
        try {
            answer = super.handleCommand(channel, database, EmbeddedMongoStore.answeredAs(command), query);
        } finally {
            commands.readLock().unlock();
        }
        if (commitJournaledWrites && journaled(query)) {
            commit();
        }
        return answer;
    }

    private static boolean journaled(Document query) {
        return query.get("writeConcern") instanceof Document concern && Boolean.TRUE.equals(concern.get("j"));
    }

    @Override
    public void commit() {
        if (commands.getReadHoldCount() > 0) {
            // The backend committing in the middle of its own command: waiting for the lock would never end.
            super.commit();
            return;
        }
        commands.writeLock().lock();
        try {
            super.commit();
        } finally {
            commands.writeLock().unlock();
        }
    }

    /**
     * An inner class because the database opens its collections and indexes from its constructor: the store must be
     * reachable before any field of its own is set. Maps are named as {@link H2Database} names them.
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String name = getFullCollectionNamespace(collectionName);
            return new AppendingCollection(this, collectionName, options,
                    getMvStore().openMap("databases." + name), getMvStore().openMap("meta." + name));
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new SerializedKeyOrder()));
            return new MVMapUniqueIndex(map, indexName, keys, sparse);
        }
    }

    /**
     * Keys each new document by a number one above the greatest so far, which its indexes point to. A collection
     * written by the stock backend keeps its documents under their {@code _id}s; a number key never equals one of
     * them, because numbers continue from the greatest {@code long} key (a {@code long} {@code _id} included).
     */
    private final class AppendingCollection extends H2Collection {

        private final MVMap<Object, Document> documents;
        private long nextPosition;

        AppendingCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> documents, MVMap<String, Object> meta) {
            super(database, collectionName, options, documents, meta, getCursorRegistry());
            this.documents = documents;
            // MVStore orders keys of different types by type, all longs together: the floor of the greatest long is
            // the greatest long key, or a key of a type ordered before longs (an int), or none.
            this.nextPosition = documents.floorKey(Long.MAX_VALUE) instanceof Long greatest ? greatest + 1 : 0;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Long position = nextPosition++;
            documents.put(position, document);
            return position;
        }
    }
}
