package dev.sonda.engine.workload.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class DrawsTest {

    @Test
    void logGammaMatchesFactorials() {
        double f = 1;
        for (int n = 1; n <= 30; n++) {
            f *= n;
            assertThat(Draws.logGamma(n + 1)).as("log %d!", n).isCloseTo(Math.log(f), within(1e-9 * n));
        }
    }

    @Property(tries = 12)
    void poissonDrawsHaveMeanAndVarianceLambda(@ForAll @DoubleRange(min = 0.2, max = 60) double lambda) {
        int n = 200_000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            long k = Draws.poisson(lambda, Draws.tickKey(Draws.seriesKey(7, i), 3), 0);
            assertThat(k).isNotNegative();
            sum += k;
            sq += (double) k * k;
        }
        double mean = sum / n;
        double var = sq / n - mean * mean;
        // 6 standard errors of the mean and of the variance
        assertThat(mean).isCloseTo(lambda, within(6 * Math.sqrt(lambda / n)));
        assertThat(var).isCloseTo(lambda, within(6 * Math.sqrt((2 * lambda * lambda + lambda) / n)));
    }

    @Test
    void poissonOfZeroIsZero() {
        assertThat(Draws.poisson(0, 123, 0)).isZero();
    }

    @Test
    void unitsAreUniformOnZeroToOne() {
        int n = 100_000;
        int[] bins = new int[10];
        for (int i = 0; i < n; i++) {
            double u = Draws.unit(Draws.key(99, i));
            assertThat(u).isBetween(0.0, 1.0).isLessThan(1.0);
            bins[(int) (u * 10)]++;
        }
        for (int b : bins) {
            assertThat(b).isBetween(n / 10 - 600, n / 10 + 600);
        }
    }

    @Test
    void metricKeysDifferByNameSoMetricsSharingASeedDoNotRepeatEachOther() {
        assertThat(Draws.metricKey(42, "a")).isNotEqualTo(Draws.metricKey(42, "b"));
        assertThat(Draws.metricKey(42, "a")).isEqualTo(Draws.metricKey(42, "a"));
    }
}
