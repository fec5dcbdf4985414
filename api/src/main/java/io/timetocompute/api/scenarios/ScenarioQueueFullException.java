package io.timetocompute.api.scenarios;

/** Every scenario solver is busy and the queue is full: answered with 503, nothing is stored. */
class ScenarioQueueFullException extends RuntimeException {

    ScenarioQueueFullException(int waiting) {
        super("the scenario queue is full (" + waiting + " waiting); try again when one has finished");
    }
}
