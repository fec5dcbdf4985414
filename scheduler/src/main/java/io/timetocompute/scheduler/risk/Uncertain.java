package io.timetocompute.scheduler.risk;

import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * One uncertain quantity: its marginal distribution, and how strongly it follows a common cause. Samples are drawn
 * through a Gaussian copula: a standard normal score {@code z = loading * common + sqrt(1 - loading^2) * own} is
 * turned into the marginal's quantile at {@code Phi(z)}, so the marginal is exactly the given distribution whatever
 * the loading, and quantities that share a common cause move together with correlation {@code loading^2} on the
 * normal scale.
 *
 * @param marginal the distribution; null for a quantity known exactly ({@code fixedValue})
 * @param factor index of the common cause in the model's factors, or {@link #INDEPENDENT}
 * @param loading in [0, 1): weight of the common cause
 * @param source what the estimate rests on, for users
 */
public record Uncertain(ContinuousDistribution marginal, double fixedValue, int factor, double loading,
        Source source) {

    public static final int INDEPENDENT = -1;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    /** keeps quantiles finite for marginals with unbounded support */
    private static final double TAIL = 1e-9;

    public Uncertain {
        if (!(loading >= 0 && loading < 1)) {
            throw new IllegalArgumentException("loading must be in [0, 1), is " + loading);
        }
        if (factor == INDEPENDENT && loading != 0) {
            throw new IllegalArgumentException("an independent quantity has no loading");
        }
    }

    public static Uncertain fixed(double value, Source source) {
        return new Uncertain(null, value, INDEPENDENT, 0, source);
    }

    public static Uncertain of(ContinuousDistribution marginal, Source source) {
        return new Uncertain(marginal, Double.NaN, INDEPENDENT, 0, source);
    }

    public Uncertain withCommonCause(int commonFactor, double commonLoading) {
        return new Uncertain(marginal, fixedValue, marginal == null ? INDEPENDENT : commonFactor,
                marginal == null ? 0 : commonLoading, source);
    }

    public boolean isFixed() {
        return marginal == null;
    }

    /** @return the normal score of one draw, from the common cause's score and the quantity's own score */
    public double score(double commonScore, double ownScore) {
        if (factor == INDEPENDENT) {
            return ownScore;
        }
        return loading * commonScore + Math.sqrt(1 - loading * loading) * ownScore;
    }

    /** @return the quantity for a normal score */
    public double value(double score) {
        if (marginal == null) {
            return fixedValue;
        }
        // Closed forms skip the round trip through the normal CDF: the same value, several times faster.
        if (marginal instanceof LogNormalDistribution lognormal) {
            return Math.exp(lognormal.getMu() + lognormal.getSigma() * score);
        }
        if (marginal instanceof NormalDistribution normal) {
            return normal.getMean() + normal.getStandardDeviation() * score;
        }
        double p = STANDARD_NORMAL.cumulativeProbability(score);
        return marginal.inverseCumulativeProbability(Math.min(1 - TAIL, Math.max(TAIL, p)));
    }

    /** @return the median of the quantity */
    public double median() {
        return marginal == null ? fixedValue : marginal.inverseCumulativeProbability(0.5);
    }

    /**
     * What an estimate rests on.
     *
     * @param kind LEARNED (from the event history, shrunk towards its class), CLASS (the reference class only),
     *        PLANNER (a planner's own estimate), DEFAULT (no data: the model's prior) or KNOWN (it happened)
     * @param observations how many observations of this very quantity (supplier, trade, pool...) it rests on
     * @param dataWeight in [0, 1]: share of the estimate that comes from those observations, the rest from the class
     * @param detail free text: class, planner, reason
     */
    public record Source(String kind, int observations, double dataWeight, String detail) {

        public static final Source KNOWN = new Source("KNOWN", 0, 1, null);

        public static Source byDefault(String detail) {
            return new Source("DEFAULT", 0, 0, detail);
        }
    }
}
