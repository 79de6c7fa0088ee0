package dev.sonda.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioDslTest {

    @Test
    void theReadmeExampleCompilesAndBuildsTheExpectedEntry() {
        MetricStage link = Scenario.metrics("link_up")
                .id("link")
                .rate(1)
                .duration("10m")
                .flap(Duration.ofSeconds(60), Duration.ofSeconds(30));
        String ref = "link";

        Entry cpu = Scenario.metrics("cpu")
                .rate(2)
                .duration("5m")
                .sine(40, 60, 50)
                .gaps("2m", "20s")
                .after(ref, ">", 70)
                .build();

        assertThat(cpu.signal()).isEqualTo(new Signal.Metrics(new GeneratorSpec.Sine(40, 60, 50)));
        assertThat(cpu.gaps()).isEqualTo(new Gaps(Duration.ofMinutes(2), Duration.ofSeconds(20)));
        assertThat(cpu.after()).isEqualTo(new AfterClause("link", Comparison.GREATER_THAN, 70, null));
        assertThat(Scenario.metrics("x").after(link, "<", 1).id()).isNull();
        assertThat(Scenario.metrics("x")
                        .rate(1)
                        .constant(1)
                        .after(link, "<", 1)
                        .toEntry()
                        .after()
                        .ref())
                .isEqualTo("link");
    }

    @Test
    void aDslBuiltPlanEqualsTheSamePlanBuiltRecordByRecord() {
        ScenarioPlan dsl = Scenario.plan()
                .scenarioName("link-failover")
                .description("primary flaps, backup saturates")
                .tags("network", "cascade")
                .rate(1)
                .duration("10m")
                .encoder(EncoderSpec.influxLp())
                .label("site", "ams1")
                .add(Scenario.metrics("link_up")
                        .id("primary")
                        .flap(Duration.ofSeconds(60), Duration.ofSeconds(30), GeneratorSpec.FlapEnum.OPER_STATE)
                        .label("ifName", "eth0"))
                .add(Scenario.metrics("backup_util")
                        .id("backup")
                        .saturation(20, 85, Duration.ofMinutes(2))
                        .after("primary", "<", 1.5)
                        .jitter(0.5, 7)
                        .sink(SinkSpec.file("/tmp/out.lp")))
                .build();

        Defaults defaults = new Defaults(
                1.0,
                Duration.ofMinutes(10),
                null,
                new EncoderSpec.InfluxLp(null, null),
                null,
                Map.of("site", "ams1"),
                null,
                null,
                null);
        Entry primary = new Entry(
                "primary",
                "link_up",
                new Signal.Metrics(new GeneratorSpec.Flap(
                        Duration.ofSeconds(60), Duration.ofSeconds(30), null, null, GeneratorSpec.FlapEnum.OPER_STATE)),
                null,
                null,
                null,
                Map.of("ifName", "eth0"),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Entry backup = new Entry(
                "backup",
                "backup_util",
                new Signal.Metrics(new GeneratorSpec.Saturation(20, 85, Duration.ofMinutes(2))),
                null,
                null,
                null,
                Map.of(),
                List.of(),
                null,
                new SinkSpec.File("/tmp/out.lp"),
                0.5,
                7L,
                null,
                null,
                List.of(),
                null,
                null,
                new AfterClause("primary", Comparison.LESS_THAN, 1.5, null),
                null,
                null,
                null,
                null,
                null);
        ScenarioPlan records = new ScenarioPlan(
                2,
                PlanKind.RUNNABLE,
                "link-failover",
                "primary flaps, backup saturates",
                List.of("network", "cascade"),
                defaults,
                List.of(primary, backup),
                null);

        assertThat(dsl).isEqualTo(records);
        assertThat(dsl.hashCode()).isEqualTo(records.hashCode());
    }

    @Test
    void stagesAreImmutableSoABaseScenarioCanBeReused() {
        MetricStage base = Scenario.metrics("cpu").rate(1).constant(1).label("host", "a");
        MetricStage faster = base.rate(10).label("host", "b");

        assertThat(base.build().rate()).isEqualTo(1.0);
        assertThat(base.build().labels()).containsExactlyEntriesOf(Map.of("host", "a"));
        assertThat(faster.build().rate()).isEqualTo(10.0);
        assertThat(faster.build().labels()).containsExactlyEntriesOf(Map.of("host", "b"));
    }

    @Test
    void buildReportsEveryProblemWithItsPath() {
        MetricStage bad = Scenario.metrics("9cpu")
                .id("has-dash")
                .rate(0)
                .constant(1)
                .label("bad key", "v")
                .gaps(Duration.ofSeconds(10), Duration.ofSeconds(30))
                .jitter(-1)
                .encoder(new EncoderSpec.PrometheusText(18));

        assertThatThrownBy(bad::build)
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .extracting(Problem::path)
                        .containsExactly(
                                "scenario.id",
                                "scenario.name",
                                "scenario.rate",
                                "scenario.labels.bad key",
                                "scenario.gaps.for",
                                "scenario.jitter",
                                "scenario.encoder.precision"))
                .hasMessageContaining("7 problems")
                .hasMessageContaining("rate must be positive, got 0")
                .hasMessageContaining("gaps.for (\"30s\") must be less than gaps.every (\"10s\")")
                .hasMessageContaining("encoder precision must be between 0 and 17, got 18");
    }

    @Test
    void planBuildUsesDefaultsForTheRateAndReportsEntriesWithoutOne() {
        PlanStage plan = Scenario.plan()
                .add(Scenario.metrics("a").constant(1))
                .add(Scenario.metrics("b").id("b").constant(2));

        assertThatThrownBy(plan::build)
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly(
                                "scenarios[0].rate: entry 0 (a): missing required field 'rate' (set it on the entry"
                                        + " or in defaults:)",
                                "scenarios[1].rate: entry 1 (b): missing required field 'rate' (set it on the entry"
                                        + " or in defaults:)"));
        assertThat(plan.rate(2).build().entries()).hasSize(2);
    }

    @Test
    void rejectsASyslogEncoderOnAMetricEntryAndAMetricsEncoderOnALogEntry() {
        assertThatThrownBy(() -> Scenario.metrics("m")
                        .rate(1)
                        .constant(1)
                        .encoder(EncoderSpec.syslog())
                        .build())
                .hasMessageContaining("metric encoding not supported by syslog encoder");
        assertThatThrownBy(() -> Scenario.logs("app")
                        .rate(1)
                        .template(List.of(), Map.of(), 0)
                        .encoder(EncoderSpec.prometheusText())
                        .build())
                .hasMessageContaining("log encoding not supported by this encoder");
    }

    @Test
    void afterAnUpstreamWithoutAnIdIsRejectedAtTheCall() {
        MetricStage anonymous = Scenario.metrics("a").constant(1);
        assertThatThrownBy(() -> Scenario.metrics("b").after(anonymous, ">", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an upstream with an id");
    }

    @Test
    void whileNeedsADurationAndDelayNeedsAWhile() {
        assertThatThrownBy(() -> Scenario.metrics("m")
                        .id("m")
                        .rate(1)
                        .constant(1)
                        .activeWhile("up", ">", 1)
                        .build())
                .hasMessageContaining("scenarios with 'while:' must have 'duration:' set");
        assertThatThrownBy(() -> Scenario.metrics("m")
                        .rate(1)
                        .constant(1)
                        .delay(Duration.ZERO, Duration.ofSeconds(5))
                        .build())
                .hasMessageContaining("'delay:' requires 'while:' on the same entry");
    }

    @Test
    void buildingWithoutAGeneratorSaysWhatIsMissing() {
        assertThatThrownBy(() -> Scenario.metrics("cpu").rate(1).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("entry 'cpu' has no generator; set one before building");
    }

    @Test
    void histogramDefaultsMatchTheReference() {
        Entry h = Scenario.histogram("latency")
                .rate(1)
                .distribution(new Distribution.Exponential(10))
                .build();
        assertThat(h.signal())
                .isEqualTo(new Signal.Histogram(
                        new Distribution.Exponential(10),
                        List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
                        100,
                        0.0,
                        0L));
    }
}
