package io.timetocompute.scheduler.cli;

import io.timetocompute.scheduler.benchmark.BenchmarkEngine;
import io.timetocompute.scheduler.benchmark.CpSatBenchmarkEngine;
import io.timetocompute.scheduler.benchmark.TimefoldBenchmarkEngine;

/** The benchmark engines by command-line name. */
final class Engines {

    private Engines() {
    }

    static BenchmarkEngine byName(String name) {
        return switch (name) {
            case "timefold" -> new TimefoldBenchmarkEngine();
            case "cpsat" -> new CpSatBenchmarkEngine();
            default -> throw new IllegalArgumentException("unknown engine " + name + "; use timefold or cpsat");
        };
    }
}
