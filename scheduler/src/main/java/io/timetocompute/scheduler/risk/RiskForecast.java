package io.timetocompute.scheduler.risk;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the Monte Carlo says about a plan: per block the distribution of its online date, per task how often it
 * drives a block's date.
 *
 * @param infeasibleSamples samples whose decoded schedule overloads a crew (only pinned work or a task that no day
 *        can staff does); 0 in a sound model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskForecast(String portfolioId, LocalDate dataDate, int samples, long seed, int infeasibleSamples,
        List<BlockRisk> blocks, List<TaskCriticality> tasks) {

    /**
     * @param deterministicDate the plan's date with every fact at face value
     * @param probabilityOnTime share of samples online on or before the contract date (null: no contract)
     * @param expectedCostOfDelay mean over samples of what the later date costs compared to the deterministic date
     *        (value of compute per day, contract penalties), in the portfolio's money
     * @param percentiles the date at every 5th percentile, P5 to P95
     * @param drivers what moves the P80 most (a tornado), largest swing first
     * @param sampleDays the online day (days after the data date) of every sample, in sample order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BlockRisk(String blockId, String siteId, LocalDate deterministicDate, LocalDate p10, LocalDate p50,
            LocalDate p80, LocalDate p90, LocalDate contractDate, Double probabilityOnTime, double expectedCostOfDelay,
            List<LocalDate> percentiles, List<Driver> drivers, @JsonIgnore int[] sampleDays) {
    }

    /**
     * One bar of a tornado.
     *
     * @param kind TASK (its duration), SHIPMENT (its arrival), POOL (its headcount losses) or POWER (a site's
     *        utility date)
     * @param onPathShare share of samples in which it is on the block's driving path
     * @param p80IfLow the block's P80 among samples where it came out below its median (early, short, few losses)
     * @param p80IfHigh the block's P80 among samples where it came out above its median
     * @param swingDays days between the two
     */
    public record Driver(String kind, String id, double onPathShare, LocalDate p80IfLow, LocalDate p80IfHigh,
            int swingDays) {
    }

    /** @param criticality share of samples in which the task is on the driving path of a block */
    public record TaskCriticality(String taskId, double criticality) {
    }
}
