package io.timetocompute.api.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;

/**
 * Creates the indexes declared on the stored documents ({@code @CompoundIndex}), at start and before anything is
 * read: every query the service makes filters on the portfolio first and has an index (docs/operations.md,
 * "Indexes"). Creating an index that exists is a no-op, so every start may do it.
 */
public final class StoreIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(StoreIndexes.class);

    private StoreIndexes() {
    }

    public static void create(MongoTemplate template, Class<?>... documents) {
        MongoPersistentEntityIndexResolver resolver = new MongoPersistentEntityIndexResolver(
                template.getConverter().getMappingContext());
        for (Class<?> document : documents) {
            resolver.resolveIndexFor(TypeInformation.of(document)).forEach(holder -> {
                String name = template.indexOps(holder.getCollection()).createIndex(holder.getIndexDefinition());
                LOG.debug("index {} on {}", name, holder.getCollection());
            });
        }
    }
}
