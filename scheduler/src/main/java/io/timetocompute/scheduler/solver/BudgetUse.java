package io.timetocompute.scheduler.solver;

/** How much of a non-renewable budget one task's mode consumes. */
public record BudgetUse(int budget, String budgetId, long capacity, int amount) {

    /** @return the budget alone, to group uses of the same budget */
    public BudgetKey key() {
        return new BudgetKey(budget, budgetId, capacity);
    }

    public record BudgetKey(int budget, String budgetId, long capacity) {
    }
}
