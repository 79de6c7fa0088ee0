package dev.sonda.jqwik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.MetricStage;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Sample;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What {@link SondaArbitraries} promises: valid, bounded, runnable telemetry. */
class SondaArbitrariesTest {
    /** A Prometheus text line: series, value, timestamp in milliseconds. */
    private static final Pattern LINE = Pattern.compile("^(\\S+?(?:\\{.*})?) (\\S+) (\\d+)$");

    @Provide
    Arbitrary<ScenarioPlan> plans() {
        return SondaArbitraries.plans();
    }

    @Provide
    Arbitrary<MetricStage> special() {
        return SondaArbitraries.metricEntriesWithSpecialValues();
    }

    @Property(tries = 60)
    void everyPlanRunsOnTheSimulatedClockAndEveryRecordIsCaptured(@ForAll("plans") ScenarioPlan plan) {
        Captured captured = Captured.simulate(plan);

        assertThat(captured.isComplete()).isTrue();
        assertThat(captured.records())
                .hasSize(captured.sampleCount() + captured.logs().size());
        assertThat(plan.entries()).hasSizeBetween(1, 3);
        assertThat(plan.entries().stream().map(e -> e.name()).distinct()).hasSameSizeAs(plan.entries());
        for (var e : plan.entries()) {
            assertThat(e.duration()).isBetween(Duration.ofSeconds(10), Duration.ofMinutes(10));
        }
    }

    @Property(tries = 60)
    void specialValuesReachThePrometheusTextAndReadBack(@ForAll("special") MetricStage entry) {
        Captured captured = Captured.simulate(entry.buildPlan());
        List<Sample> samples = captured.samples();
        List<String> lines = captured.lines();

        assertThat(lines).hasSameSizeAs(samples);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i));
            assertThat(m.matches()).as(lines.get(i)).isTrue();
            double read =
                    switch (m.group(2)) {
                        case "inf", "+Inf" -> Double.POSITIVE_INFINITY;
                        case "-inf", "-Inf" -> Double.NEGATIVE_INFINITY;
                        default -> Double.parseDouble(m.group(2));
                    };
            double value = samples.get(i).value();
            if (Double.isNaN(value)) {
                assertThat(read).isNaN();
            } else if (Double.isInfinite(value) || value == 0) {
                assertThat(read).isEqualTo(value);
            } else {
                // the encoder writes the shortest round-trip decimal (or rounds to its precision)
                assertThat(read).isCloseTo(value, org.assertj.core.data.Percentage.withPercentage(1e-9));
            }
            assertThat(Long.parseLong(m.group(3))).isEqualTo(samples.get(i).epochMillis());
        }
    }
}
