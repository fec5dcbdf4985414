package io.timetocompute.scheduler.scenario;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.replanning.PortfolioChange;

/**
 * What a scenario run reports (the CLI's R.json): every block's date in the live plan and in the scenario, the
 * changes taken and refused, the levers' costs, and the full comparison.
 *
 * @param liveVersion the live plan's version the scenario was forked from (0: a portfolio file)
 */
public record ScenarioReport(String scenario, String portfolioId, long liveVersion, String liveScore,
        String scenarioScore, boolean feasible, double seconds, List<ChangeOutcome> changes,
        List<Scenario.Action> actions, long leverCost, List<BlockDates> blocks, ScheduleComparison comparison) {

    /** @param refusal why it was refused (null: applied) */
    public record ChangeOutcome(String id, String kind, String subject, String description, String refusal) {
    }

    /** @param deltaDays scenario minus live (positive: later) */
    public record BlockDates(String siteId, String blockId, LocalDate live, LocalDate scenario, long deltaDays) {
    }

    public static ScenarioReport of(ScenarioResult result, String liveLabel) {
        Scenario scenario = result.scenario();
        List<ChangeOutcome> changes = new ArrayList<>();
        Map<PortfolioChange, String> refusals = new HashMap<>();
        result.applied().refused().forEach(r -> refusals.put(r.change(), r.reason()));
        for (PortfolioChange change : scenario.changes()) {
            changes.add(new ChangeOutcome(change.eventId(), change.kind(), change.subject(), change.description(),
                    refusals.get(change)));
        }
        Map<String, LocalDate> live = new HashMap<>();
        scenario.schedule().blocks().forEach(block -> live.put(block.blockId(), block.onlineDate()));
        List<BlockDates> blocks = new ArrayList<>();
        for (BlockProjection block : result.projection().blocks()) {
            LocalDate before = live.get(block.blockId());
            blocks.add(new BlockDates(block.siteId(), block.blockId(), before, block.onlineDate(),
                    before == null ? 0 : ChronoUnit.DAYS.between(before, block.onlineDate())));
        }
        ScheduleComparison comparison = ScheduleComparer.compare(ComparedSchedule.forkOf(scenario, liveLabel),
                ComparedSchedule.of(result));
        return new ScenarioReport(scenario.name(), scenario.portfolio().id(), scenario.forkedAtVersion(),
                scenario.schedule().score(), result.projection().score(), result.projection().feasible(),
                result.seconds(), changes, result.applied().actions(), result.applied().leverCost(), blocks,
                comparison);
    }

    /** @return the refused changes, for callers that only want those */
    public List<ChangeOutcome> refused() {
        return changes.stream().filter(change -> change.refusal() != null).toList();
    }
}
