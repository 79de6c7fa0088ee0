package dev.sonda.junit5;

import static dev.sonda.junit5.SondaAssertions.*;

import dev.sonda.api.Distribution;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.yaml.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The capture's data API, used directly through {@link Captured#simulate}. */
class CapturedTest {

    @Test
    void logEntriesAreCapturedAsRecordsAndLinesAndMetricViewsIgnoreThem() {
        ScenarioPlan plan = dev.sonda.api.Scenario.plan()
                .rate(1)
                .duration("3s")
                .add(dev.sonda.api.Scenario.logs("app")
                        .template(
                                List.of(new dev.sonda.api.generator.LogGeneratorSpec.LogTemplate(
                                        "hello {who}", java.util.Map.of("who", List.of("a")))),
                                java.util.Map.of(),
                                0))
                .add(dev.sonda.api.Scenario.metrics("m").constant(1))
                .build();

        Captured captured = Captured.simulate(plan, Instant.parse("2026-01-01T00:00:00Z"));

        String line = "{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"severity\":\"info\",\"message\":\"hello a\","
                + "\"labels\":{},\"fields\":{\"who\":\"a\"}}";
        assertThat(captured.logs())
                .hasCount(3)
                .first()
                .isEqualTo(new LogRecord(
                        "app",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Duration.ZERO,
                        dev.sonda.api.Severity.INFO,
                        "hello a",
                        java.util.Map.of(),
                        java.util.Map.of("who", "a"),
                        line));
        assertThat(captured.series()).hasSize(1);
        assertThat(captured.samples()).hasSize(3);
        assertThat(captured.sampleCount()).isEqualTo(3);
        // json_lines for the log entry, Prometheus text for the metric, interleaved as delivered
        assertThat(captured.lines()).hasSize(6).contains(line, "m 1 1767225600000");
        assertThat(captured.records()).hasSize(6);
        assertThat(captured.describe())
                .contains("captured 1 series, 3 samples and 3 log records")
                .contains("logs of app: 3 records (info 3), first at +0s, last at +2s");
    }

    @Test
    void anHourAtOneEventPerSecondIsCapturedAs3600SamplesStampedOnTheSecond() {
        Captured captured = Captured.simulate(
                Scenario.metrics("cpu").rate(1).duration("1h").sine(40, 600, 50).buildPlan());
        Series cpu = captured.series("cpu");
        assertThat(cpu.size()).isEqualTo(3600);
        assertThat(cpu.timestamp(0)).isEqualTo(Instant.parse(SondaScenario.DEFAULT_START));
        assertThat(cpu.offset(3599)).isEqualTo(Duration.ofSeconds(3599));
        long[] millis = cpu.epochMillis();
        for (int i = 1; i < millis.length; i++) {
            assertThat(millis[i] - millis[i - 1]).isEqualTo(1000);
        }
        double[] values = cpu.values();
        values[0] = -1;
        assertThat(cpu.value(0)).isEqualTo(50); // values() is a copy
        assertThat(cpu.min()).isEqualTo(10);
        assertThat(cpu.max()).isEqualTo(90);
        assertThat(captured.isComplete()).isTrue();
    }

    @Test
    void simulateStartsWhereToldAndRefusesAPlanThatNeverEnds() {
        Captured captured = Captured.simulate(
                Scenario.metrics("x").rate(1).duration("2s").constant(1).buildPlan(),
                Instant.parse("2020-02-29T23:59:59Z"));
        assertThat(captured.start()).isEqualTo(Instant.parse("2020-02-29T23:59:59Z"));
        assertThat(captured.series("x").last().timestamp()).isEqualTo(Instant.parse("2020-03-01T00:00:00Z"));
        assertThat(captured.series("x").last().epochMillis()).isEqualTo(1_583_020_800_000L);

        ScenarioPlan endless = Scenario.metrics("x").rate(1).constant(1).buildPlan();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Captured.simulate(endless))
                .withMessageContaining("entry 'x' has no duration");
    }

    @Test
    void samplesRecordsAndLinesFollowDeliveryOrderAcrossSeries() {
        Captured captured = Captured.simulate(Scenario.plan()
                .add(Scenario.metrics("a").rate(1).duration("3s").step(1))
                .add(Scenario.metrics("b")
                        .rate(1)
                        .duration("3s")
                        .phaseOffset("500ms")
                        .step(10))
                .build());
        assertThat(captured.samples())
                .extracting(s -> s.name() + "=" + Text.value(s.value()) + "@" + Text.offset(s.offset()))
                .containsExactly("a=0@+0s", "b=0@+0.5s", "a=1@+1s", "b=10@+1.5s", "a=2@+2s", "b=20@+2.5s");
        assertThat(captured.records()).hasSize(6).allSatisfy(r -> assertThat(r).endsWith("\n"));
        assertThat(captured.records().get(1)).isEqualTo("b 0 1767225600500\n");
        assertThat(captured.lines()).hasSize(6).first().isEqualTo("a 0 1767225600000");
        assertThat(captured.text()).isEqualTo(String.join("", captured.records()));
        assertThat(new String(captured.bytes(), StandardCharsets.UTF_8)).isEqualTo(captured.text());
        assertThat(captured.sampleCount()).isEqualTo(6);
        assertThat(captured.diagnostics()).isEmpty();
        assertThat(captured.logs()).isEmpty();
    }

    @Test
    void seriesAreFoundByNameAndLabelsAndAnAmbiguousOrMissingNameSaysWhatWasCaptured() {
        Captured captured = Captured.simulate(Scenario.metrics("req")
                .rate(4)
                .duration("1s")
                .label("app", "shop")
                .dynamicLabel("pod", List.of("p1", "p2"))
                .constant(1)
                .buildPlan());
        assertThat(captured.series())
                .extracting(Series::id)
                .containsExactly("req{app=\"shop\", pod=\"p1\"}", "req{app=\"shop\", pod=\"p2\"}");
        assertThat(captured.allSeries("req")).hasSize(2);
        assertThat(captured.allSeries("req", "app", "shop")).hasSize(2);
        assertThat(captured.allSeries("req", "pod", "p3")).isEmpty();
        assertThat(captured.series("req", "pod", "p2").size()).isEqualTo(2);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> captured.series("req"))
                .withMessageStartingWith(
                        "2 series match req; add labels to pick one:\n  - req{app=\"shop\", pod=\"p1\"}: 2"
                                + " samples");
        assertThatThrownBy(() -> captured.series("res"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no series res was captured; captured 2 series, 4 samples");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> captured.allSeries("req", "pod"))
                .withMessageContaining("labels must be key, value pairs");
    }

    @Test
    void aHistogramIsCapturedAsItsBucketSumAndCountSeries() {
        Captured captured = Captured.simulate(Scenario.histogram("latency")
                .rate(1)
                .duration("5s")
                .distribution(new Distribution.Uniform(0, 1))
                .buckets(0.5, 1)
                .observationsPerTick(10)
                .buildPlan());
        assertThat(captured.series())
                .extracting(Series::id)
                .containsExactly(
                        "latency_bucket{le=\"0.5\"}",
                        "latency_bucket{le=\"1\"}",
                        "latency_bucket{le=\"+Inf\"}",
                        "latency_sum",
                        "latency_count");
        assertThat(captured.series("latency_count")).hasValues(10, 20, 30, 40, 50);
        assertThat(captured.series("latency_bucket", "le", "+Inf")).hasValues(10, 20, 30, 40, 50);
    }

    @Test
    void twoEntriesWithTheSameNameAndLabelsShareOneSeries() {
        Captured captured = Captured.simulate(Scenario.plan()
                .add(Scenario.metrics("up").rate(1).duration("2s").constant(1))
                .add(Scenario.metrics("up")
                        .rate(1)
                        .duration("2s")
                        .phaseOffset("10s")
                        .constant(0))
                .build());
        assertThat(captured).hasSeriesCount(1).series("up").hasValues(1, 1, 0, 0);
    }

    @Test
    void nanValuesAreCapturedAndSkippedByMinAndMax() {
        Series s = Captured.simulate(Scenario.metrics("n")
                        .rate(1)
                        .duration("3s")
                        .sequence(Double.NaN, 5, -2)
                        .buildPlan())
                .series("n");
        assertThat(s.value(0)).isNaN();
        assertThat(s.min()).isEqualTo(-2);
        assertThat(s.max()).isEqualTo(5);
        assertThat(s.firstCrossing(">", 0)).map(Sample::value).contains(5.0);
        assertThat(s.firstCrossing("<=", Double.NaN)).isEmpty();
        assertThat(s.samples()).hasSize(3);
        assertThatThrownBy(() -> s.value(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void offsetsAndDurationsRenderCompactly() {
        assertThat(Text.offset(Duration.ZERO)).isEqualTo("+0s");
        assertThat(Text.offset(Duration.ofSeconds(-30))).isEqualTo("-30s");
        assertThat(Text.duration(Duration.ofMinutes(7).plusSeconds(40))).isEqualTo("7m40s");
        assertThat(Text.duration(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(Text.duration(Duration.ofMillis(1250))).isEqualTo("1.25s");
        assertThat(Text.duration(Duration.ofHours(2).plusNanos(1))).isEqualTo("2h0.000000001s");
        assertThat(Text.value(97)).isEqualTo("97");
        assertThat(Text.value(0.1)).isEqualTo("0.1");
        assertThat(Text.value(Double.NaN)).isEqualTo("NaN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenarios/cpu-sustained.yaml", "scenarios/cpu-gap.yaml", "scenarios/link-failover.yaml"})
    void theExampleScenariosLoad(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).isNotNull();
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ScenarioLoader.load(yaml, resource).entries()).isNotEmpty();
        }
    }
}
