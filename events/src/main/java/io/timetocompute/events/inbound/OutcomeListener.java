package io.timetocompute.events.inbound;

/**
 * Told what became of each inbound event and which transport brought it, so that the service can count outcomes
 * without this module depending on a metrics library. Called on the processing thread: keep it quick, never throw.
 */
@FunctionalInterface
public interface OutcomeListener {

    String KAFKA = "kafka";
    String HTTP = "http";
    /** a planner's what-if made through the REST API */
    String API = "api";

    void processed(String transport, EventProcessor.Status status);
}
