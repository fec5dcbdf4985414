package io.timetocompute.scheduler.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import io.timetocompute.scheduler.engine.PlanDecoder;
import io.timetocompute.scheduler.problem.SchedulingProblem;
import io.timetocompute.scheduler.problem.WorkCalendar;
import io.timetocompute.scheduler.risk.RiskForecast.BlockRisk;
import io.timetocompute.scheduler.risk.RiskForecast.Driver;
import io.timetocompute.scheduler.risk.RiskForecast.TaskCriticality;

/**
 * Schedule risk by Monte Carlo: every sample draws durations, arrivals, crew losses and power dates from a
 * {@link RiskModel} and decodes the plan's task order with them by the serial schedule generation scheme, so crews
 * and materials are respected in every sample. The result depends only on the plan, the model, the number of
 * samples and the seed, not on the number of threads.
 */
public final class MonteCarlo {

    public static final int DEFAULT_SAMPLES = 1000;
    /** an input is a tornado candidate of a block when it is on the block's driving path this often */
    private static final double DRIVER_MIN_SHARE = 0.02;
    private static final int DRIVERS_PER_BLOCK = 5;

    static final int TASK = 0;
    static final int SHIPMENT = 1;
    static final int POOL = 2;
    static final int POWER = 3;
    private static final String[] KIND_NAMES = {"TASK", "SHIPMENT", "POOL", "POWER"};

    private final PlanDecoder plan;
    private final SchedulingProblem problem;
    private final RiskModel model;
    private final long seed;
    private final PlanDecoder.Decoded deterministic;
    private final Sampler sampler;

    public MonteCarlo(PlanDecoder plan, RiskModel model, long seed) {
        this.plan = plan;
        this.problem = plan.problem();
        this.model = model;
        this.seed = seed;
        this.deterministic = plan.decode(problem);
        int lastEnd = 0;
        for (int end : deterministic.end()) {
            lastEnd = Math.max(lastEnd, end);
        }
        // Samples are decoded up to twice the plan's finish plus two years: any later finish is reported as an
        // infeasible sample, and the day-indexed arrays stay a fraction of the compiled horizon (decades).
        this.sampler = new Sampler(problem, model, seed, 2 * lastEnd + 730);
    }

    public PlanDecoder.Decoded deterministic() {
        return deterministic;
    }

    public Sampler sampler() {
        return sampler;
    }

    /** @return the schedule of one sample, decoded against that sample's facts */
    public PlanDecoder.Decoded sample(int sample) {
        return plan.decode(sampler.facts(sample));
    }

    /**
     * @param threads worker threads (the samples are the same whatever their number)
     */
    public RiskForecast run(int samples, int threads) {
        if (samples < 1) {
            throw new IllegalArgumentException("at least one sample, got " + samples);
        }
        int blocks = problem.blockCount();
        int[][] online = new int[blocks][samples];
        AtomicIntegerArray critical = new AtomicIntegerArray(problem.taskCount());
        AtomicInteger infeasible = new AtomicInteger();
        Map<Long, LongAdder> onPath = new ConcurrentHashMap<>();
        inParallel(threads, samples, i -> {
            SchedulingProblem facts = sampler.facts(i);
            PlanDecoder.Decoded decoded = plan.decode(facts);
            if (decoded.hardViolations() > 0) {
                infeasible.incrementAndGet();
            }
            boolean[] marked = new boolean[problem.taskCount()];
            for (int b = 0; b < blocks; b++) {
                online[b][i] = decoded.end()[problem.blockTask(b)];
                long blockKey = (long) b << 32;
                trace(facts, decoded, problem.blockTask(b), code -> {
                    onPath.computeIfAbsent(blockKey | code, key -> new LongAdder()).increment();
                    if (code >>> 28 == TASK && !marked[code & 0x0FFF_FFFF]) {
                        marked[code & 0x0FFF_FFFF] = true;
                        critical.incrementAndGet(code & 0x0FFF_FFFF);
                    }
                });
            }
        });
        List<List<Integer>> candidates = driverCandidates(onPath, blocks, samples);
        float[][] scores = candidateScores(candidates, samples, threads);
        Map<Integer, Integer> column = columns(candidates);

        List<BlockRisk> blockRisks = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            blockRisks.add(blockRisk(b, online[b], candidates.get(b), scores, column, onPath, samples));
        }
        List<TaskCriticality> tasks = new ArrayList<>(problem.taskCount());
        for (int t = 0; t < problem.taskCount(); t++) {
            tasks.add(new TaskCriticality(problem.taskId(t), (double) critical.get(t) / samples));
        }
        return new RiskForecast(problem.portfolio().id(), problem.dataDate(), samples, seed, infeasible.get(),
                blockRisks, tasks);
    }

    private static void inParallel(int threads, int count, java.util.function.IntConsumer work) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(work)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static int code(int kind, int index) {
        return kind << 28 | index;
    }

    /**
     * Follows the driving path back from a task: at each task, whatever set its start (a predecessor, a shipment, the
     * power date, a crew it waited for) is reported; the path goes on through predecessors only.
     */
    static void trace(SchedulingProblem facts, PlanDecoder.Decoded decoded, int from,
            java.util.function.IntConsumer report) {
        int[] start = decoded.start();
        int[] end = decoded.end();
        int t = from;
        for (int steps = 0; steps <= facts.taskCount(); steps++) {
            report.accept(code(TASK, t));
            if (facts.pinned(t)) {
                return;
            }
            int mode = decoded.mode()[t];
            WorkCalendar calendar = facts.calendar(t);
            int bound = calendar.onOrAfter(facts.siteRelease(t));
            int cause = -1;
            int who = -1;
            int[] materials = facts.materials(t);
            int[] ready = facts.materialReadyDays(t);
            for (int k = 0; k < materials.length; k++) {
                int day = calendar.onOrAfter(ready[k]);
                if (day > bound) {
                    bound = day;
                    cause = SHIPMENT;
                    who = materials[k];
                }
            }
            if (facts.powerDay(t) != SchedulingProblem.NONE) {
                int day = calendar.earliestStartToFinishOnOrAfter(facts.powerDay(t), facts.duration(t, mode));
                if (day > bound) {
                    bound = day;
                    cause = POWER;
                    who = facts.taskSite(t);
                }
            }
            int[] predecessors = facts.predecessors(t);
            for (int k = 0; k < predecessors.length; k++) {
                int p = predecessors[k];
                int day = facts.earliestStartAfterPredecessor(t, mode, k, start[p], end[p]);
                // On a tie the path goes on through the work: the chain of tasks is what planners read.
                if (day >= bound && (cause != TASK || day > bound)) {
                    bound = day;
                    cause = TASK;
                    who = p;
                }
            }
            if (start[t] > bound) {
                for (int pool : facts.demandPools(t, mode)) {
                    report.accept(code(POOL, pool));
                }
                return;
            }
            switch (cause) {
                case TASK -> t = who;
                case SHIPMENT -> {
                    report.accept(code(SHIPMENT, who));
                    return;
                }
                case POWER -> {
                    report.accept(code(POWER, who));
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    private List<List<Integer>> driverCandidates(Map<Long, LongAdder> onPath, int blocks, int samples) {
        List<List<Integer>> candidates = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            candidates.add(new ArrayList<>());
        }
        long minimum = Math.max(1, (long) Math.ceil(DRIVER_MIN_SHARE * samples));
        onPath.forEach((key, count) -> {
            int code = (int) (key & 0xFFFF_FFFFL);
            if (count.sum() >= minimum && isUncertain(code)) {
                candidates.get((int) (key >>> 32)).add(code);
            }
        });
        candidates.forEach(list -> list.sort(Comparator.naturalOrder()));
        return candidates;
    }

    private boolean isUncertain(int code) {
        int index = code & 0x0FFF_FFFF;
        return switch (code >>> 28) {
            case TASK -> !model.taskDuration()[index].isFixed();
            case SHIPMENT -> !model.shipmentDelay()[index].isFixed()
                    && problem.portfolio().shipments().get(index).deliveredDate() == null;
            case POOL -> !model.poolLoss()[index].isFixed();
            case POWER -> !model.powerSlip()[index].isFixed();
            default -> false;
        };
    }

    private static Map<Integer, Integer> columns(List<List<Integer>> candidates) {
        Map<Integer, Integer> column = new HashMap<>();
        for (List<Integer> list : candidates) {
            for (int code : list) {
                column.putIfAbsent(code, column.size());
            }
        }
        return column;
    }

    /** Draws every sample's scores again (they depend only on the seed and the sample) for the tornado inputs. */
    private float[][] candidateScores(List<List<Integer>> candidates, int samples, int threads) {
        Map<Integer, Integer> column = columns(candidates);
        int[] codes = new int[column.size()];
        column.forEach((code, index) -> codes[index] = code);
        float[][] scores = new float[codes.length][samples];
        if (codes.length == 0) {
            return scores;
        }
        inParallel(threads, samples, i -> {
            Sampler.Scores drawn = sampler.scores(i);
            for (int c = 0; c < codes.length; c++) {
                int index = codes[c] & 0x0FFF_FFFF;
                scores[c][i] = (float) switch (codes[c] >>> 28) {
                    case TASK -> drawn.task[index];
                    case SHIPMENT -> drawn.shipment[index];
                    case POOL -> drawn.poolMean(index);
                    default -> drawn.site[index];
                };
            }
        });
        return scores;
    }

    private BlockRisk blockRisk(int b, int[] days, List<Integer> candidates, float[][] scores,
            Map<Integer, Integer> column, Map<Long, LongAdder> onPath, int samples) {
        int[] sorted = days.clone();
        Arrays.sort(sorted);
        int deterministicDay = deterministic.end()[problem.blockTask(b)];
        int contract = problem.blockContractDay(b);
        Double onTime = null;
        if (contract != SchedulingProblem.NO_CONTRACT) {
            int met = 0;
            for (int day : days) {
                if (day <= contract) {
                    met++;
                }
            }
            onTime = (double) met / samples;
        }
        double cost = 0;
        long deterministicMoney = problem.blockMoney(b, deterministicDay);
        for (int day : days) {
            cost += problem.blockMoney(b, day) - deterministicMoney;
        }
        List<LocalDate> percentiles = new ArrayList<>();
        for (int q = 5; q <= 95; q += 5) {
            percentiles.add(problem.date(percentile(sorted, q / 100.0)));
        }
        List<Driver> drivers = new ArrayList<>();
        for (int code : candidates) {
            float[] inputScores = scores[column.get(code)];
            float[] orderedScores = inputScores.clone();
            Arrays.sort(orderedScores);
            float median = orderedScores[samples / 2];
            int[] low = new int[samples];
            int[] high = new int[samples];
            int lows = 0;
            int highs = 0;
            for (int i = 0; i < samples; i++) {
                if (inputScores[i] < median) {
                    low[lows++] = days[i];
                } else {
                    high[highs++] = days[i];
                }
            }
            if (lows == 0 || highs == 0) {
                continue;
            }
            int[] lowDays = Arrays.copyOf(low, lows);
            int[] highDays = Arrays.copyOf(high, highs);
            Arrays.sort(lowDays);
            Arrays.sort(highDays);
            int p80Low = percentile(lowDays, 0.8);
            int p80High = percentile(highDays, 0.8);
            double share = onPath.get((long) b << 32 | code).sum() / (double) samples;
            drivers.add(new Driver(KIND_NAMES[code >>> 28], inputId(code), share, problem.date(p80Low),
                    problem.date(p80High), p80High - p80Low));
        }
        drivers.sort(Comparator.comparingInt((Driver d) -> -Math.abs(d.swingDays()))
                .thenComparing(d -> -d.onPathShare()).thenComparing(Driver::id));
        String siteId = problem.siteId(problem.blockSite(b));
        return new BlockRisk(problem.blockId(b), siteId, problem.date(deterministicDay),
                problem.date(percentile(sorted, 0.1)), problem.date(percentile(sorted, 0.5)),
                problem.date(percentile(sorted, 0.8)), problem.date(percentile(sorted, 0.9)),
                contract == SchedulingProblem.NO_CONTRACT ? null : problem.date(contract), onTime, cost / samples,
                percentiles, List.copyOf(drivers.subList(0, Math.min(DRIVERS_PER_BLOCK, drivers.size()))), days);
    }

    private String inputId(int code) {
        int index = code & 0x0FFF_FFFF;
        return switch (code >>> 28) {
            case TASK -> problem.taskId(index);
            case SHIPMENT -> problem.shipmentId(index);
            case POOL -> problem.poolId(index);
            default -> problem.siteId(index);
        };
    }

    /** @return the nearest-rank percentile of sorted values: the smallest value with at least q of them at or below */
    static int percentile(int[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}
