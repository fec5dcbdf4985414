package io.timetocompute.scheduler.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.replanning.LivePlan;
import io.timetocompute.scheduler.replanning.ShipmentEtaChange;
import io.timetocompute.scheduler.solver.AppliedChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures the live plan alone, without Kafka or a store: shipment ETA changes submitted at a steady rate, each
 * delaying one of 25 GPU deliveries by another 60 days, and for each the time from submission to the first
 * publication that names it (a publication names every change it took in, whether or not a date moved). The
 * event-ingestion benchmark of the service adds transport and storage to this.
 */
@Command(name = "bench-replan", mixinStandardHelpOptions = true,
        description = "Benchmarks re-planning latency on the demo portfolio: submission to first publication naming the change.")
final class ReplanBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--tasks", defaultValue = "10000", description = "Approximate number of tasks (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--interval-ms", defaultValue = "200", description = "Time between changes (default ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Option(names = "--changes", defaultValue = "300", description = "Number of changes (default ${DEFAULT-VALUE}).")
    int changes;

    @Option(names = "--coalesce-ms", defaultValue = "50",
            description = "The service's coalescing window before a publication (default ${DEFAULT-VALUE}).")
    long coalesceMillis;

    @Option(names = "--warm-up-seconds", defaultValue = "10",
            description = "Solving before the first change (default ${DEFAULT-VALUE}).")
    long warmUpSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Portfolio portfolio = DemoPortfolioGenerator.generate(tasks, seed);
        List<Shipment> gpuDeliveries = portfolio.shipments().stream()
                .filter(shipment -> shipment.deliveredDate() == null && shipment.id().contains("-GPU-"))
                .limit(25).toList();
        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        Map<String, Long> latencyNanos = new ConcurrentHashMap<>();
        LivePlan.Listener listener = publication -> {
            long now = System.nanoTime();
            for (AppliedChange change : publication.newlyApplied()) {
                Long submitted = submittedAt.get(change.eventId());
                if (submitted != null) {
                    latencyNanos.putIfAbsent(change.eventId(), now - submitted);
                }
            }
        };
        try (LivePlan service = new LivePlan(portfolio, listener, Duration.ofMillis(coalesceMillis),
                Duration.ofSeconds(30), seed).start()) {
            TimeUnit.SECONDS.sleep(warmUpSeconds);
            long next = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                Shipment shipment = gpuDeliveries.get(i % gpuDeliveries.size());
                String id = "bench-" + i;
                ShipmentEtaChange change = new ShipmentEtaChange(id, Instant.now(), shipment.id(),
                        shipment.promisedDate().plusDays(60L * (i / gpuDeliveries.size() + 1)), "benchmark");
                submittedAt.put(id, System.nanoTime());
                service.submit(change);
                next += TimeUnit.MILLISECONDS.toNanos(intervalMillis);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (latencyNanos.size() < changes && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        long[] millis = latencyNanos.values().stream().mapToLong(TimeUnit.NANOSECONDS::toMillis).sorted().toArray();
        spec.commandLine().getOut().printf("| %,d tasks | %d ms apart | %d of %d named | p50 %s | p90 %s | p99 %s | max %s |%n",
                portfolio.tasks().size(), intervalMillis, millis.length, changes, percentile(millis, 50),
                percentile(millis, 90), percentile(millis, 99), millis.length == 0 ? "-" : millis[millis.length - 1] + " ms");
        spec.commandLine().getOut().flush();
        return millis.length == changes ? 0 : 3;
    }

    private static String percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] + " ms";
    }
}
