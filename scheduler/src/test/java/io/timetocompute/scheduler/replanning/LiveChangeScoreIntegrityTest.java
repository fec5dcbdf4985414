package io.timetocompute.scheduler.replanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;

import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.CapacityAdjustment;
import io.timetocompute.scheduler.portfolio.LaborPool;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.portfolio.Site;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.solver.PlanningSchedule;
import io.timetocompute.scheduler.solver.ImprovementGate;
import io.timetocompute.scheduler.solver.ScheduleSolverFactory;

/**
 * Every kind of live change, taken in by a running solver in Timefold's full-assert mode, which recomputes the score
 * from scratch after every step and fails the solve when the incremental score differs: the crew load kept up to
 * date demand by demand, the tasks re-evaluated after a change, the repair and the improvement steps must all agree
 * with a fresh evaluation. The schedules Timefold announces right after a change (the service decides from their
 * score whether an unrepaired schedule may be published) are recomputed from scratch too.
 */
class LiveChangeScoreIntegrityTest {

    @Test
    void everyKindOfChangeKeepsTheIncrementalScoreEqualToTheScoreFromScratch() throws Exception {
        Portfolio portfolio = DemoPortfolioGenerator.generate(300, 11);
        LocalDate dataDate = portfolio.dataDate();
        Shipment delayed = openShipment(portfolio, 0);
        Shipment delivered = openShipment(portfolio, 1);
        LaborPool busiest = portfolio.pools().stream().max(Comparator.comparingLong(pool -> portfolio.tasks().stream()
                .filter(task -> task.modes().stream().anyMatch(mode -> mode.crew().containsKey(pool.id())))
                .count())).orElseThrow();
        Site site = portfolio.sites().get(0);
        Task notStarted = portfolio.tasks().stream()
                .filter(task -> task.predecessors().isEmpty() && task.progress() == null)
                .findFirst().orElseThrow();
        // Each change makes the schedule as it stands worse (a late shipment, no crew at all, no power for years,
        // work pinned where it is not planned), so a task the score director was not told about changes the score.
        LocalDate muchLater = dataDate.plusDays(900);
        List<PortfolioChange> changes = List.of(
                new ShipmentEtaChange("eta", Instant.now(), delayed.id(), muchLater, null),
                new PoolCapacityChange("capacity", Instant.now(), busiest.id(),
                        CapacityAdjustment.absolute(dataDate, muchLater, 0, "strike")),
                new ShipmentDelivery("delivery", Instant.now(), delivered.id(), dataDate),
                new PowerDateChange("power", Instant.now(), site.id(), muchLater),
                TaskProgressChange.started("progress", Instant.now(), notStarted.id(), dataDate, null));

        Semaphore repaired = new Semaphore(0);
        SolverFactory<PlanningSchedule> solverFactory = SolverFactory.create(
                ScheduleSolverFactory.config(Duration.ofSeconds(60), 3, repaired::release, new ImprovementGate())
                        .withEnvironmentMode(EnvironmentMode.FULL_ASSERT));
        Solver<PlanningSchedule> solver = solverFactory.buildSolver();
        List<PlanningSchedule> announcedChanges = new CopyOnWriteArrayList<>();
        solver.addEventListener(event -> {
            if (event.getNewBestSolution().repairPending()) {
                announcedChanges.add(event.getNewBestSolution());
            }
        });
        CompletableFuture<PlanningSchedule> solving = CompletableFuture.supplyAsync(
                () -> solver.solve(new PlanningSchedule(ProblemCompiler.compile(portfolio))));

        Portfolio current = portfolio;
        List<String> taken = new ArrayList<>();
        for (PortfolioChange change : changes) {
            assertThat(repaired.tryAcquire(30, TimeUnit.SECONDS)).as("repaired before " + change).isTrue();
            PortfolioChangeBatch batch = PortfolioChangeBatch.prepare(current, List.of(change));
            assertThat(batch.refused()).as(change.toString()).isEmpty();
            current = batch.result();
            solver.addProblemChange(batch);
            taken.add(change.eventId());
        }
        assertThat(repaired.tryAcquire(30, TimeUnit.SECONDS)).as("repaired after the last change").isTrue();
        // A few improvement steps on the changed problem, each checked from scratch.
        TimeUnit.SECONDS.sleep(2);
        solver.terminateEarly();

        assertThatCode(solving::join).doesNotThrowAnyException();
        assertThat(announcedChanges).hasSizeGreaterThanOrEqualTo(changes.size());
        SolutionManager<PlanningSchedule, HardMediumSoftLongScore> scratch = SolutionManager.create(solverFactory);
        for (PlanningSchedule announced : announcedChanges) {
            HardMediumSoftLongScore incremental = announced.getScore();
            assertThat(scratch.update(announced)).as(announced.appliedChanges().toString()).isEqualTo(incremental);
        }
        PlanningSchedule last = solving.join();
        assertThat(last.getProblem().portfolio()).isSameAs(current);
        assertThat(last.appliedChanges()).extracting(change -> change.eventId()).containsExactlyElementsOf(taken);
    }

    private static Shipment openShipment(Portfolio portfolio, int skip) {
        return portfolio.shipments().stream().filter(shipment -> shipment.deliveredDate() == null)
                .filter(shipment -> portfolio.tasks().stream().anyMatch(task -> task.materials().contains(shipment.id())))
                .skip(skip).findFirst().orElseThrow();
    }
}
