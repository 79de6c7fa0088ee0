package dev.sonda.examples.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.jqwik.SondaArbitraries;
import dev.sonda.junit5.Series;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A property test of your own pipeline against generated telemetry: {@link SondaArbitraries}
 * makes valid series with gaps, bursts and jitter, and the property must hold for every one.
 *
 * <p>The "pipeline" here is a downsampler keeping the maximum of every minute, the kind of step a
 * dashboard or a long-term store runs. Its property: downsampling never loses the series'
 * maximum.
 */
class PipelinePropertyExamplesTest {

    /** The code under test: the largest value of each minute, NaN ignored. */
    static TreeMap<Long, Double> maxPerMinute(Series series) {
        TreeMap<Long, Double> out = new TreeMap<>();
        for (int i = 0; i < series.size(); i++) {
            double v = series.value(i);
            if (!Double.isNaN(v)) {
                out.merge(series.offset(i).toMinutes(), v, Math::max);
            }
        }
        return out;
    }

    @Provide
    Arbitrary<Series> series() {
        return SondaArbitraries.series();
    }

    @Property(tries = 100)
    void downsamplingKeepsTheMaximum(@ForAll("series") Series series) {
        TreeMap<Long, Double> perMinute = maxPerMinute(series);

        assertThat(perMinute.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElse(Double.NaN))
                .isEqualTo(series.max());
        assertThat(perMinute.size()).isLessThanOrEqualTo(series.size());
    }
}
