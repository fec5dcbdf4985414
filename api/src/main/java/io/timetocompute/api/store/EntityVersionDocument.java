package io.timetocompute.api.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The newest event time applied to one shipment, pool, task or site. */
@Document("entity_versions")
record EntityVersionDocument(@Id String entityKey, Instant lastApplied) {
}
