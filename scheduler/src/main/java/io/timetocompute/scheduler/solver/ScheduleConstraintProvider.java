package io.timetocompute.scheduler.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.max;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

import io.timetocompute.scheduler.problem.SchedulingProblem;

/**
 * The rules of a schedule. Hard: what reality forbids. Medium: money. Soft: finishing the whole portfolio earlier.
 */
public class ScheduleConstraintProvider implements ConstraintProvider {

    public static final String PRECEDENCE = "Predecessor not finished";
    public static final String POOL_CAPACITY = "Crew over capacity";
    public static final String MATERIAL = "Material not received";
    public static final String POWER = "Power not available";
    public static final String SITE_OPENING = "Site not open";
    public static final String BUDGET = "Budget exceeded";
    public static final String PINNED = "Started work moved";
    public static final String BLOCK_DELAY = "Compute online later";
    public static final String CONTRACT = "Contract date missed";
    public static final String MODE_COST = "Mode cost";
    public static final String FREEZE_WINDOW = "Freeze window disrupted";
    public static final String PORTFOLIO_FINISH = "Portfolio finish";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                predecessorNotFinished(factory),
                crewOverCapacity(factory),
                materialNotReceived(factory),
                powerNotAvailable(factory),
                siteNotOpen(factory),
                budgetExceeded(factory),
                startedWorkMoved(factory),
                computeOnlineLater(factory),
                contractDateMissed(factory),
                modeCost(factory),
                freezeWindowDisrupted(factory),
                portfolioFinish(factory)
        };
    }

    Constraint predecessorNotFinished(ConstraintFactory factory) {
        return factory.forEach(PrecedenceLink.class)
                .join(TaskAssignment.class, equal(PrecedenceLink::predecessor, TaskAssignment::getIndex))
                .join(TaskAssignment.class, equal((link, predecessor) -> link.successor(), TaskAssignment::getIndex))
                .filter((link, predecessor, successor) -> !successor.isPinned()
                        && daysTooEarly(link, predecessor, successor) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD,
                        (link, predecessor, successor) -> daysTooEarly(link, predecessor, successor))
                .justifyWith((link, predecessor, successor, score) -> new Justifications.PrecedenceViolated(
                        link.predecessorId(), link.successorId(), daysTooEarly(link, predecessor, successor)))
                .asConstraint(PRECEDENCE);
    }

    private static int daysTooEarly(PrecedenceLink link, TaskAssignment predecessor, TaskAssignment successor) {
        int earliest = successor.getProblem().earliestStartAfterPredecessor(link.successor(), successor.getMode(), link.k(),
                predecessor.getStart(), predecessor.end());
        return Math.max(0, earliest - successor.getStart());
    }

    Constraint crewOverCapacity(ConstraintFactory factory) {
        return factory.forEach(TaskAssignment.class)
                .flattenLast(TaskAssignment::poolDemands)
                .groupBy(PoolDemand::pool, PoolUsage.collector())
                .filter((pool, overload) -> overload.excess() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (pool, overload) -> overload.excess())
                .justifyWith((pool, overload, score) -> new Justifications.PoolOverloaded(pool.id(),
                        pool.date(overload.worstDay()), overload.worstLoad(), overload.worstCapacity(),
                        overload.overloadedDays(), overload.excess()))
                .asConstraint(POOL_CAPACITY);
    }

    Constraint materialNotReceived(ConstraintFactory factory) {
        return factory.forEach(TaskAssignment.class)
                .filter(task -> !task.isPinned() && task.daysBeforeMaterialReady() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, TaskAssignment::daysBeforeMaterialReady)
                .justifyWith((task, score) -> new Justifications.MaterialNotReady(task.getId(),
                        task.lastMaterialShipmentId(), task.getProblem().date(task.latestMaterialReadyDay()),
                        task.daysBeforeMaterialReady()))
                .asConstraint(MATERIAL);
    }

    Constraint powerNotAvailable(ConstraintFactory factory) {
        return factory.forEach(TaskAssignment.class)
                .filter(task -> !task.isPinned() && task.daysBeforePower() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, TaskAssignment::daysBeforePower)
                .justifyWith((task, score) -> new Justifications.PowerNotAvailable(task.getId(),
                        task.daysBeforePower()))
                .asConstraint(POWER);
    }

    Constraint siteNotOpen(ConstraintFactory factory) {
        return factory.forEach(TaskAssignment.class)
                .filter(task -> !task.isPinned() && task.daysBeforeSiteOpens() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, TaskAssignment::daysBeforeSiteOpens)
                .justifyWith((task, score) -> new Justifications.SiteNotOpen(task.getId(),
                        task.daysBeforeSiteOpens()))
                .asConstraint(SITE_OPENING);
    }

    Constraint budgetExceeded(ConstraintFactory factory) {
        return factory.forEach(TaskAssignment.class)
                .flattenLast(TaskAssignment::budgetUses)
                .groupBy(BudgetUse::key, sumLong(BudgetUse::amount))
                .filter((budget, used) -> used > budget.capacity())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (budget, used) -> used - budget.capacity())
                .justifyWith((budget, used, score) -> new Justifications.BudgetExceeded(budget.budgetId(), used,
                        budget.capacity()))
                .asConstraint(BUDGET);
    }

    Constraint startedWorkMoved(ConstraintFactory factory) {
        return factory.forEach(TaskAssignment.class)
                .filter(task -> task.pinnedWorkDisplacement() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, TaskAssignment::pinnedWorkDisplacement)
                .justifyWith((task, score) -> new Justifications.PinnedWorkMoved(task.getId(),
                        task.pinnedWorkDisplacement()))
                .asConstraint(PINNED);
    }

    Constraint computeOnlineLater(ConstraintFactory factory) {
        return factory.forEach(BlockOnline.class)
                .join(TaskAssignment.class, equal(BlockOnline::task, TaskAssignment::getIndex))
                .filter((block, task) -> block.valuePerDay() > 0 && task.end() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, (block, task) -> block.valuePerDay() * task.end())
                .justifyWith((block, task, score) -> new Justifications.BlockOnlineDelay(block.blockId(),
                        block.siteId(), task.getProblem().date(task.end()), block.valuePerDay(), task.end()))
                .asConstraint(BLOCK_DELAY);
    }

    Constraint contractDateMissed(ConstraintFactory factory) {
        return factory.forEach(BlockOnline.class)
                .filter(block -> block.penaltyPerDayLate() > 0 && block.contractDay() != SchedulingProblem.NO_CONTRACT)
                .join(TaskAssignment.class, equal(BlockOnline::task, TaskAssignment::getIndex))
                .filter((block, task) -> task.end() > block.contractDay())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM,
                        (block, task) -> block.penaltyPerDayLate() * (task.end() - block.contractDay()))
                .justifyWith((block, task, score) -> new Justifications.ContractLate(block.blockId(),
                        task.getProblem().date(task.end()), task.getProblem().date(block.contractDay()),
                        task.end() - block.contractDay(), block.penaltyPerDayLate()))
                .asConstraint(CONTRACT);
    }

    Constraint modeCost(ConstraintFactory factory) {
        return factory.forEach(TaskAssignment.class)
                .filter(task -> task.modeCost() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, TaskAssignment::modeCost)
                .justifyWith((task, score) -> new Justifications.ModeCost(task.getId(), task.modeName(),
                        task.modeCost()))
                .asConstraint(MODE_COST);
    }

    Constraint freezeWindowDisrupted(ConstraintFactory factory) {
        return factory.forEach(TaskAssignment.class)
                .filter(task -> task.freezeWindowDaysMoved() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM,
                        task -> task.getProblem().disruptionCostPerDay() * task.freezeWindowDaysMoved())
                .justifyWith((task, score) -> {
                    SchedulingProblem problem = task.getProblem();
                    return new Justifications.FreezeWindowDisruption(task.getId(),
                            problem.date(problem.previousStart(task.getIndex())), problem.date(task.getStart()),
                            task.freezeWindowDaysMoved());
                })
                .asConstraint(FREEZE_WINDOW);
    }

    Constraint portfolioFinish(ConstraintFactory factory) {
        return factory.forEach(TaskAssignment.class)
                .groupBy(max(TaskAssignment::end))
                .filter(lastFinish -> lastFinish != null && lastFinish > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, lastFinish -> lastFinish)
                .justifyWith((lastFinish, score) -> new Justifications.PortfolioFinish(lastFinish))
                .asConstraint(PORTFOLIO_FINISH);
    }
}
