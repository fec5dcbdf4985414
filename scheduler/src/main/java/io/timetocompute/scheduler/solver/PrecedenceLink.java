package io.timetocompute.scheduler.solver;

/**
 * The k-th predecessor of a task: a problem fact that refers to tasks by index so that it survives planning clones.
 */
public record PrecedenceLink(int predecessor, int successor, int k, String predecessorId, String successorId) {
}
