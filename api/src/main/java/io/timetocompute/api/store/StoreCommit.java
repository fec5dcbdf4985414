package io.timetocompute.api.store;

/**
 * Makes everything written to the store so far survive a killed process. A no-op for MongoDB, whose journaled
 * writes already are durable; a commit of the file for the embedded store, which writes in the background.
 */
@FunctionalInterface
public interface StoreCommit {

    void commit();
}
