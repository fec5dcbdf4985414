package io.timetocompute.api.scenarios;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The background solves of scenarios and goal-seeking runs ({@code ttc.scenarios.*}).
 *
 * @param concurrentSolves how many run at once (each takes a core; the live plans keep priority)
 * @param queueCapacity how many may wait; beyond, a new one is refused with 503
 * @param defaultLimit a solve's time limit when the request gives none
 * @param maxLimit the longest time limit a request may ask for
 * @param seed the solvers' random seed (runs are reproducible)
 */
@ConfigurationProperties("ttc.scenarios")
record ScenarioProperties(Integer concurrentSolves, Integer queueCapacity, Duration defaultLimit, Duration maxLimit,
        Long seed) {

    ScenarioProperties {
        concurrentSolves = concurrentSolves == null ? 1 : Math.max(1, concurrentSolves);
        queueCapacity = queueCapacity == null ? 16 : Math.max(0, queueCapacity);
        defaultLimit = defaultLimit == null ? Duration.ofSeconds(10) : defaultLimit;
        maxLimit = maxLimit == null ? Duration.ofSeconds(120) : maxLimit;
        seed = seed == null ? 42L : seed;
    }
}
