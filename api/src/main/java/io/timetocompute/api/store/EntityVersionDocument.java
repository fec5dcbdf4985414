package io.timetocompute.api.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The newest event time applied to one shipment, pool, task or site of a portfolio. Read and written by
 * {@code _id} ({@code portfolioId/entityKey}) only, so it needs no other index.
 */
@Document("entity_versions")
record EntityVersionDocument(@Id String id, String portfolioId, String entityKey, Instant lastApplied) {
}
