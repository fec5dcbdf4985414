package io.timetocompute.scheduler.risk;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;

/**
 * A linear opinion pool of two distributions: a planner's estimate with weight {@code w}, what was learned with
 * {@code 1 - w}. Quantiles are found by bisection on the mixed CDF.
 */
final class Mixture implements ContinuousDistribution {

    private final ContinuousDistribution first;
    private final ContinuousDistribution second;
    private final double weight;

    Mixture(ContinuousDistribution first, ContinuousDistribution second, double weightOfFirst) {
        if (!(weightOfFirst > 0 && weightOfFirst <= 1)) {
            throw new IllegalArgumentException("weight must be in (0, 1], is " + weightOfFirst);
        }
        this.first = first;
        this.second = second;
        this.weight = weightOfFirst;
    }

    @Override
    public double density(double x) {
        return weight * first.density(x) + (1 - weight) * second.density(x);
    }

    @Override
    public double cumulativeProbability(double x) {
        return weight * first.cumulativeProbability(x) + (1 - weight) * second.cumulativeProbability(x);
    }

    @Override
    public double inverseCumulativeProbability(double p) {
        double low = Math.min(first.inverseCumulativeProbability(p), second.inverseCumulativeProbability(p));
        double high = Math.max(first.inverseCumulativeProbability(p), second.inverseCumulativeProbability(p));
        // The mixture's quantile lies between its components' quantiles at the same level.
        for (int i = 0; i < 60 && high - low > 1e-9 * Math.max(1, Math.abs(high)); i++) {
            double mid = 0.5 * (low + high);
            if (cumulativeProbability(mid) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    @Override
    public double getMean() {
        return weight * first.getMean() + (1 - weight) * second.getMean();
    }

    @Override
    public double getVariance() {
        double mean = getMean();
        double m1 = first.getMean();
        double m2 = second.getMean();
        return weight * (first.getVariance() + m1 * m1) + (1 - weight) * (second.getVariance() + m2 * m2)
                - mean * mean;
    }

    @Override
    public double getSupportLowerBound() {
        return Math.min(first.getSupportLowerBound(), second.getSupportLowerBound());
    }

    @Override
    public double getSupportUpperBound() {
        return Math.max(first.getSupportUpperBound(), second.getSupportUpperBound());
    }

    @Override
    public ContinuousDistribution.Sampler createSampler(UniformRandomProvider rng) {
        return () -> inverseCumulativeProbability(rng.nextDouble());
    }
}
