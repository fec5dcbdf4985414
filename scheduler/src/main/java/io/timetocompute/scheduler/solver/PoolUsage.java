package io.timetocompute.scheduler.solver;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;

/**
 * One pool's headcount in use on every day, and by how much it exceeds the pool's capacity, kept up to date demand
 * by demand. A collector rather than a group per pool and day: a 10,000-task portfolio has hundreds of thousands of
 * task-days, and a live solver re-evaluates the whole schedule each time it takes in a change, so grouping them one
 * by one made every change cost a tenth of a second more.
 */
final class PoolUsage {

    /** How far over its capacity one pool is in the whole schedule, and on its worst day. */
    record Overload(long excess, int overloadedDays, int worstDay, int worstLoad, int worstCapacity) {
        static final Overload NONE = new Overload(0, 0, -1, 0, 0);
    }

    private PoolDemand.Pool pool;
    private int[] load;
    private long excess;

    static UniConstraintCollector<PoolDemand, PoolUsage, Overload> collector() {
        return new UniConstraintCollector<>() {
            @Override
            public Supplier<PoolUsage> supplier() {
                return PoolUsage::new;
            }

            @Override
            public BiFunction<PoolUsage, PoolDemand, Runnable> accumulator() {
                return (load, demand) -> {
                    load.add(demand, demand.headcount());
                    return () -> load.add(demand, -demand.headcount());
                };
            }

            @Override
            public Function<PoolUsage, Overload> finisher() {
                return PoolUsage::overload;
            }
        };
    }

    private void add(PoolDemand demand, int headcount) {
        if (load == null) {
            // Every demand of a group has an equal pool key, so the first one's capacity is everyone's.
            pool = demand.pool();
            load = new int[pool.days()];
        }
        for (int k = 0; k < demand.duration(); k++) {
            int day = demand.day(k);
            int capacity = pool.capacity(day);
            int before = load[day];
            int after = before + headcount;
            excess += Math.max(0, after - capacity) - Math.max(0, before - capacity);
            load[day] = after;
        }
    }

    private Overload overload() {
        if (excess == 0) {
            return Overload.NONE;
        }
        int overloadedDays = 0;
        int worstDay = -1;
        int worstExcess = 0;
        for (int day = 0; day < load.length; day++) {
            int over = load[day] - pool.capacity(day);
            if (over > 0) {
                overloadedDays++;
                if (over > worstExcess) {
                    worstExcess = over;
                    worstDay = day;
                }
            }
        }
        return new Overload(excess, overloadedDays, worstDay, load[worstDay], pool.capacity(worstDay));
    }
}
