package io.timetocompute.api.scenarios;

/** A scenario asked for a comparison before it is solved (or after it failed): answered with 409. */
class ScenarioNotDoneException extends RuntimeException {

    ScenarioNotDoneException(String id, ScenarioDocument.Status status) {
        super("scenario " + id + " is " + status.name().toLowerCase(java.util.Locale.ROOT) + ", not done");
    }
}
