package io.timetocompute.scheduler.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.junit.jupiter.api.Test;

import io.timetocompute.scheduler.demo.DemoPortfolioGenerator;
import io.timetocompute.scheduler.portfolio.Portfolio;
import io.timetocompute.scheduler.portfolio.Shipment;
import io.timetocompute.scheduler.problem.ProblemCompiler;
import io.timetocompute.scheduler.problem.SchedulingProblem;

/** The sampler reproduces the distributions it is given, whatever their common causes (Kolmogorov-Smirnov, 1 %). */
class SamplerGoodnessOfFitTest {

    private static final int N = 4000;
    /** Kolmogorov-Smirnov critical value at the 1 % level for large samples */
    private static final double KS_1_PERCENT = 1.628 / Math.sqrt(N);

    static double ksStatistic(double[] values, ContinuousDistribution distribution) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double d = 0;
        for (int i = 0; i < sorted.length; i++) {
            double f = distribution.cumulativeProbability(sorted[i]);
            d = Math.max(d, Math.max(f - (double) i / sorted.length, (double) (i + 1) / sorted.length - f));
        }
        return d;
    }

    @Test
    void everyMarginalIsReproducedWithAndWithoutACommonCause() {
        List<ContinuousDistribution> marginals = List.of(RiskAssumptions.lognormalOfMoments(1.1, 0.2),
                RiskAssumptions.gumbelOfMoments(12, 20), TriangularDistribution.of(0.8, 1.0, 1.6),
                NormalDistribution.of(3, 2));
        var gaussian = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(99L));
        for (ContinuousDistribution marginal : marginals) {
            for (double loading : new double[] {0, 0.8}) {
                Uncertain u = Uncertain.of(marginal, Uncertain.Source.byDefault("test"));
                if (loading > 0) {
                    u = u.withCommonCause(0, loading);
                }
                double[] values = new double[N];
                for (int i = 0; i < N; i++) {
                    values[i] = u.value(u.score(gaussian.sample(), gaussian.sample()));
                }
                assertThat(ksStatistic(values, marginal)).as(marginal + " loading " + loading)
                        .isLessThan(KS_1_PERCENT);
            }
        }
        // A wrong marginal is rejected: the test can fail.
        double[] values = new double[N];
        Uncertain u = Uncertain.of(NormalDistribution.of(3, 2), Uncertain.Source.byDefault("test"));
        for (int i = 0; i < N; i++) {
            values[i] = u.value(gaussian.sample());
        }
        assertThat(ksStatistic(values, NormalDistribution.of(3.3, 2))).isGreaterThan(KS_1_PERCENT);
    }

    @Test
    void shipmentsOfOneSupplierAreLateTogetherAndKeepTheirMarginal() {
        Portfolio portfolio = DemoPortfolioGenerator.generate(300, 4);
        SchedulingProblem problem = ProblemCompiler.compile(portfolio);
        RiskModel model = RiskAssumptions.defaults().commonCauses(0.7, 0.4).modelOf(problem);
        Sampler sampler = new Sampler(problem, model, 3, 400);
        int a = -1;
        int b = -1;
        int other = -1;
        List<Shipment> shipments = portfolio.shipments();
        for (int s = 0; s < shipments.size() && (b < 0 || other < 0); s++) {
            if (shipments.get(s).deliveredDate() != null) {
                continue;
            }
            if (a < 0) {
                a = s;
            } else if (b < 0 && shipments.get(s).supplier().equals(shipments.get(a).supplier())) {
                b = s;
            } else if (other < 0 && !shipments.get(s).supplier().equals(shipments.get(a).supplier())) {
                other = s;
            }
        }
        assertThat(a).isNotNegative();
        assertThat(b).isNotNegative();
        assertThat(other).isNotNegative();
        double[] scoresA = new double[N];
        double[] scoresB = new double[N];
        double[] scoresOther = new double[N];
        double[] delaysA = new double[N];
        for (int i = 0; i < N; i++) {
            Sampler.Scores scores = sampler.scores(i);
            scoresA[i] = scores.shipment[a];
            scoresB[i] = scores.shipment[b];
            scoresOther[i] = scores.shipment[other];
            delaysA[i] = model.shipmentDelay()[a].value(scores.shipment[a]);
        }
        assertThat(ksStatistic(scoresA, NormalDistribution.of(0, 1))).isLessThan(KS_1_PERCENT);
        assertThat(ksStatistic(delaysA, model.shipmentDelay()[a].marginal())).isLessThan(KS_1_PERCENT);
        assertThat(correlation(scoresA, scoresB)).isCloseTo(0.49, org.assertj.core.data.Offset.offset(0.05));
        assertThat(correlation(scoresA, scoresOther)).isCloseTo(0, org.assertj.core.data.Offset.offset(0.05));
    }

    static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
