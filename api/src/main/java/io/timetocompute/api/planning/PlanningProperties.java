package io.timetocompute.api.planning;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the service plans.
 *
 * @param portfolioFile a portfolio JSON file (docs/portfolio-format.md); when absent, the demo portfolio
 * @param demoTasks the size of the demo portfolio
 * @param demoSeed the seed of the demo portfolio
 * @param coalesceWindow how long to gather a burst of new schedules before publishing
 * @param reoptimizationInterval how long dates that move only because the solver found a better plan wait after the
 *        last publication (event-caused changes are published at once)
 * @param solverSeed the solver's random seed
 * @param firstPublicationBudget how long the first solve runs before its schedule is published (the first plan
 *        executives see and the default baseline); a planner may approve it sooner
 */
@ConfigurationProperties("ttc.planning")
public record PlanningProperties(Path portfolioFile, Integer demoTasks, Long demoSeed, Duration coalesceWindow,
        Duration reoptimizationInterval, Long solverSeed, Duration firstPublicationBudget) {

    public PlanningProperties {
        demoTasks = demoTasks == null ? 1000 : demoTasks;
        demoSeed = demoSeed == null ? 42L : demoSeed;
        coalesceWindow = coalesceWindow == null ? Duration.ofMillis(200) : coalesceWindow;
        reoptimizationInterval = reoptimizationInterval == null ? Duration.ofMinutes(1) : reoptimizationInterval;
        solverSeed = solverSeed == null ? 1L : solverSeed;
        firstPublicationBudget = firstPublicationBudget == null ? Duration.ofSeconds(30) : firstPublicationBudget;
    }
}
