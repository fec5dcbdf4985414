package io.timetocompute.api.infrastructure;

import org.springframework.core.env.Environment;

/**
 * What one process of the service jar runs, from {@code ttc.role}: everything (the quick start), only the embedded
 * broker and store that several instances on one machine share, or one service instance without embedded
 * infrastructure (docs/operations.md).
 */
public enum RunRole {

    /** Service, embedded Kafka broker and embedded store in one process, unless told where they are. */
    ALL,
    /** Only the embedded Kafka broker and the embedded store, for service instances in other processes. */
    INFRASTRUCTURE,
    /** Only the service: {@code spring.kafka.bootstrap-servers} and {@code spring.mongodb.uri} are required. */
    SERVICE;

    public static final String PROPERTY = "ttc.role";

    public static RunRole of(Environment environment) {
        String value = environment.getProperty(PROPERTY, "all").trim();
        for (RunRole role : values()) {
            if (role.name().equalsIgnoreCase(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException(PROPERTY + " must be one of all, infrastructure, service; was \""
                + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"");
    }
}
