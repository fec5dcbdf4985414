package io.timetocompute.scheduler.solver;

import java.time.LocalDate;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Why a constraint costs what it costs, in words a planner reads in the score explanation. */
public final class Justifications {

    private Justifications() {
    }

    /** A justification that can say itself in one sentence. */
    public interface Explained extends ConstraintJustification {
        String description();
    }

    public record PrecedenceViolated(String predecessorId, String successorId, int daysTooEarly)
            implements Explained {
        public String description() {
            return successorId + " starts " + daysTooEarly + " day(s) before " + predecessorId + " allows";
        }
    }

    /**
     * @param worstDate the day the pool is furthest over its capacity
     * @param excessPersonDays people over capacity, summed over every overloaded day: what the constraint costs
     */
    public record PoolOverloaded(String poolId, LocalDate worstDate, int load, int capacity, int overloadedDays,
            long excessPersonDays) implements Explained {
        public String description() {
            return poolId + " needs " + load + " on " + worstDate + " but has " + capacity + "; over capacity on "
                    + overloadedDays + " day(s), " + excessPersonDays + " person-day(s) in all";
        }
    }

    public record MaterialNotReady(String taskId, String shipmentId, LocalDate readyDate, int daysTooEarly)
            implements Explained {
        public String description() {
            return taskId + " starts " + daysTooEarly + " day(s) before shipment " + shipmentId + " is received ("
                    + readyDate + ")";
        }
    }

    public record PowerNotAvailable(String taskId, int daysTooEarly) implements Explained {
        public String description() {
            return taskId + " finishes energization " + daysTooEarly + " day(s) before power is available";
        }
    }

    public record SiteNotOpen(String taskId, int daysTooEarly) implements Explained {
        public String description() {
            return taskId + " starts " + daysTooEarly + " day(s) before its site opens";
        }
    }

    public record BudgetExceeded(String budgetId, long used, long capacity) implements Explained {
        public String description() {
            return "budget " + budgetId + " uses " + used + " of " + capacity;
        }
    }

    public record PinnedWorkMoved(String taskId, int displacement) implements Explained {
        public String description() {
            return "started or finished task " + taskId + " was moved by " + displacement;
        }
    }

    public record BlockOnlineDelay(String blockId, String siteId, LocalDate onlineDate, long valuePerDay, int days)
            implements Explained {
        public String description() {
            return blockId + " online " + onlineDate + ": " + days + " day(s) at " + valuePerDay + " per day";
        }
    }

    public record ContractLate(String blockId, LocalDate onlineDate, LocalDate contractDate, int daysLate,
            long penaltyPerDay) implements Explained {
        public String description() {
            return blockId + " online " + onlineDate + ", " + daysLate + " day(s) after its contract date "
                    + contractDate;
        }
    }

    public record ModeCost(String taskId, String mode, long cost) implements Explained {
        public String description() {
            return taskId + " in mode " + mode + " costs " + cost;
        }
    }

    public record FreezeWindowDisruption(String taskId, LocalDate publishedStart, LocalDate newStart, int daysMoved)
            implements Explained {
        public String description() {
            return taskId + " moved " + daysMoved + " day(s) from its published start " + publishedStart
                    + " inside the freeze window";
        }
    }

    public record PortfolioFinish(int lastFinishDay) implements Explained {
        public String description() {
            return "all work finishes " + lastFinishDay + " day(s) after the data date";
        }
    }
}
