package io.timetocompute.scheduler.goal;

import java.time.LocalDate;

import io.timetocompute.scheduler.scenario.ExpediteLever;
import io.timetocompute.scheduler.scenario.HeadcountLever;
import io.timetocompute.scheduler.scenario.Lever;

/**
 * A lever goal seeking may pull, by how much: level 0 leaves it alone, levels 1..{@code maxLevel} pull it further
 * (days earlier, people added, the n-th alternative mode).
 */
public sealed interface Candidate {

    int maxLevel();

    /** @param level 1..{@link #maxLevel()} */
    Lever lever(String id, int level);

    /** Expedite a shipment by {@code level} days, down to the supplier's earliest date. */
    record Expedite(String shipmentId, LocalDate promisedDate, int maxLevel) implements Candidate {
        @Override
        public Lever lever(String id, int level) {
            return new ExpediteLever(id, null, shipmentId, promisedDate.minusDays(level));
        }
    }

    /** Add {@code level} people to a pool from when they can first work until {@code to}. */
    record Hire(String poolId, LocalDate from, LocalDate to, int maxLevel) implements Candidate {
        @Override
        public Lever lever(String id, int level) {
            return new HeadcountLever(id, null, poolId, from, to, level);
        }
    }

    /** Run a task in its {@code level}-th mode (counting from 0, the default). */
    record Mode(String taskId, java.util.List<String> modes) implements Candidate {
        @Override
        public int maxLevel() {
            return modes.size() - 1;
        }

        @Override
        public Lever lever(String id, int level) {
            return new TaskModeLever(id, null, taskId, modes.get(level));
        }
    }
}
