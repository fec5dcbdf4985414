package io.timetocompute.scheduler.scenario;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import io.timetocompute.scheduler.portfolio.ComputeBlock;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Task;
import io.timetocompute.scheduler.projection.ScheduleProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.BlockProjection;
import io.timetocompute.scheduler.projection.ScheduleProjection.LoadSegment;
import io.timetocompute.scheduler.projection.ScheduleProjection.PathStep;
import io.timetocompute.scheduler.projection.ScheduleProjection.PoolLoad;
import io.timetocompute.scheduler.projection.ScheduleProjection.TaskSchedule;
import io.timetocompute.scheduler.scenario.ScheduleComparison.BlockComparison;
import io.timetocompute.scheduler.scenario.ScheduleComparison.DrivingPathChange;
import io.timetocompute.scheduler.scenario.ScheduleComparison.LoadDifference;
import io.timetocompute.scheduler.scenario.ScheduleComparison.Money;
import io.timetocompute.scheduler.scenario.ScheduleComparison.PoolComparison;

/** Compares any two schedules: per block dates, money and driving paths, per pool load. */
public final class ScheduleComparer {

    private ScheduleComparer() {
    }

    public static ScheduleComparison compare(ComparedSchedule left, ComparedSchedule right) {
        LocalDate reference = min(left.projection().dataDate(), right.projection().dataDate());
        Map<String, BlockProjection> leftBlocks = blocksById(left.projection());
        Map<String, BlockProjection> rightBlocks = blocksById(right.projection());
        LinkedHashSet<String> blockIds = new LinkedHashSet<>(leftBlocks.keySet());
        blockIds.addAll(rightBlocks.keySet());
        List<BlockComparison> blocks = new ArrayList<>();
        long[] leftSums = new long[2];
        long[] rightSums = new long[2];
        for (String blockId : blockIds) {
            BlockProjection l = leftBlocks.get(blockId);
            BlockProjection r = rightBlocks.get(blockId);
            BlockProjection any = l != null ? l : r;
            long leftDelay = delayCost(l, reference);
            long rightDelay = delayCost(r, reference);
            long leftPenalty = penalty(left.portfolio(), l);
            long rightPenalty = penalty(right.portfolio(), r);
            leftSums[0] += leftDelay;
            leftSums[1] += leftPenalty;
            rightSums[0] += rightDelay;
            rightSums[1] += rightPenalty;
            Long delta = l == null || r == null ? null : ChronoUnit.DAYS.between(l.onlineDate(), r.onlineDate());
            blocks.add(new BlockComparison(any.siteId(), blockId, any.blockName(), any.itMw(),
                    l == null ? null : l.onlineDate(), r == null ? null : r.onlineDate(), delta, leftDelay,
                    rightDelay, leftPenalty, rightPenalty, rightDelay + rightPenalty - leftDelay - leftPenalty,
                    pathChange(l, r)));
        }
        Money leftMoney = new Money(leftSums[0], leftSums[1], modeCosts(left), left.leverCost());
        Money rightMoney = new Money(rightSums[0], rightSums[1], modeCosts(right), right.leverCost());
        return new ScheduleComparison(left.label(), right.label(), reference, leftMoney, rightMoney,
                rightMoney.minus(leftMoney), blocks, pools(left.projection(), right.projection()));
    }

    private static Map<String, BlockProjection> blocksById(ScheduleProjection projection) {
        Map<String, BlockProjection> blocks = new LinkedHashMap<>();
        projection.blocks().forEach(block -> blocks.put(block.blockId(), block));
        return blocks;
    }

    private static long delayCost(BlockProjection block, LocalDate reference) {
        return block == null ? 0 : block.valuePerDay() * ChronoUnit.DAYS.between(reference, block.onlineDate());
    }

    private static long penalty(Portfolio portfolio, BlockProjection block) {
        if (block == null || block.daysLate() <= 0) {
            return 0;
        }
        long perDay = portfolio.sites().stream().flatMap(site -> site.computeBlocks().stream())
                .filter(b -> b.id().equals(block.blockId())).mapToLong(ComputeBlock::penaltyPerDayLate)
                .findFirst().orElse(0);
        return perDay * block.daysLate();
    }

    private static long modeCosts(ComparedSchedule side) {
        Map<String, Task> tasks = new HashMap<>();
        side.portfolio().tasks().forEach(task -> tasks.put(task.id(), task));
        long cost = 0;
        for (TaskSchedule scheduled : side.projection().tasks()) {
            Task task = tasks.get(scheduled.id());
            int mode = task == null ? -1 : task.modeIndex(scheduled.mode());
            cost += mode < 0 ? 0 : task.modes().get(mode).cost();
        }
        return cost;
    }

    private static DrivingPathChange pathChange(BlockProjection left, BlockProjection right) {
        List<String> l = steps(left);
        List<String> r = steps(right);
        List<String> added = r.stream().filter(step -> !l.contains(step)).toList();
        List<String> removed = l.stream().filter(step -> !r.contains(step)).toList();
        return new DrivingPathChange(!l.equals(r), l, r, added, removed, drivenBy(left), drivenBy(right));
    }

    private static List<String> steps(BlockProjection block) {
        return block == null || block.drivingPath() == null ? List.of()
                : block.drivingPath().stream().map(step -> step.kind() + " " + step.id()).toList();
    }

    /** The root cause: the last step of the path, in words. */
    private static String drivenBy(BlockProjection block) {
        if (block == null || block.drivingPath() == null || block.drivingPath().isEmpty()) {
            return null;
        }
        PathStep root = block.drivingPath().get(block.drivingPath().size() - 1);
        return root.description();
    }

    private static List<PoolComparison> pools(ScheduleProjection left, ScheduleProjection right) {
        Map<String, PoolLoad> leftPools = new LinkedHashMap<>();
        left.pools().forEach(pool -> leftPools.put(pool.poolId(), pool));
        Map<String, PoolLoad> rightPools = new LinkedHashMap<>();
        right.pools().forEach(pool -> rightPools.put(pool.poolId(), pool));
        LinkedHashSet<String> ids = new LinkedHashSet<>(leftPools.keySet());
        ids.addAll(rightPools.keySet());
        List<PoolComparison> pools = new ArrayList<>();
        for (String id : ids) {
            PoolLoad l = leftPools.get(id);
            PoolLoad r = rightPools.get(id);
            TreeMap<LocalDate, int[]> leftDays = daily(l);
            TreeMap<LocalDate, int[]> rightDays = daily(r);
            long leftPersonDays = leftDays.values().stream().mapToLong(day -> day[0]).sum();
            long rightPersonDays = rightDays.values().stream().mapToLong(day -> day[0]).sum();
            pools.add(new PoolComparison(id, (l != null ? l : r).trade(), leftPersonDays, rightPersonDays,
                    rightPersonDays - leftPersonDays, peak(leftDays), peak(rightDays), overloaded(leftDays),
                    overloaded(rightDays), differences(leftDays, rightDays)));
        }
        return pools;
    }

    /** Day by day: {load, capacity}. */
    private static TreeMap<LocalDate, int[]> daily(PoolLoad pool) {
        TreeMap<LocalDate, int[]> days = new TreeMap<>();
        if (pool == null) {
            return days;
        }
        for (LoadSegment segment : pool.segments()) {
            for (LocalDate day = segment.from(); !day.isAfter(segment.to()); day = day.plusDays(1)) {
                days.put(day, new int[] {segment.load(), segment.capacity()});
            }
        }
        return days;
    }

    private static int peak(TreeMap<LocalDate, int[]> days) {
        return days.values().stream().mapToInt(day -> day[0]).max().orElse(0);
    }

    private static int overloaded(TreeMap<LocalDate, int[]> days) {
        return (int) days.values().stream().filter(day -> day[0] > day[1]).count();
    }

    private static List<LoadDifference> differences(TreeMap<LocalDate, int[]> left, TreeMap<LocalDate, int[]> right) {
        TreeSet<LocalDate> days = new TreeSet<>(left.keySet());
        days.addAll(right.keySet());
        List<LoadDifference> differences = new ArrayList<>();
        LoadDifference open = null;
        for (LocalDate day : days) {
            int[] l = left.getOrDefault(day, new int[2]);
            int[] r = right.getOrDefault(day, new int[2]);
            if (l[0] == r[0] && l[1] == r[1]) {
                open = close(differences, open);
                continue;
            }
            if (open != null && open.to().plusDays(1).equals(day) && open.leftLoad() == l[0]
                    && open.rightLoad() == r[0] && open.leftCapacity() == l[1] && open.rightCapacity() == r[1]) {
                open = new LoadDifference(open.from(), day, l[0], r[0], l[1], r[1]);
            } else {
                close(differences, open);
                open = new LoadDifference(day, day, l[0], r[0], l[1], r[1]);
            }
        }
        close(differences, open);
        return differences;
    }

    private static LoadDifference close(List<LoadDifference> differences, LoadDifference open) {
        if (open != null) {
            differences.add(open);
        }
        return null;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return Objects.requireNonNull(a).isBefore(Objects.requireNonNull(b)) ? a : b;
    }
}
