package dev.sonda.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.sink.SinkSpec;
import java.time.Duration;
import java.time.Instant;
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
                        null)); // seed not stated: the run's default seed, else 0
    }

    // ---- typed forms beside the string and seconds forms ----------------------------------------

    @Test
    void comparisonOverloadsBuildTheSameClausesAsTheStringForms() {
        MetricStage link = Scenario.metrics("link_up").id("link");
        MetricStage base = Scenario.metrics("m").constant(1);
        Duration delay = Duration.ofSeconds(15);

        assertThat(base.after("link", Comparison.GREATER_THAN, 70).toEntry().after())
                .isEqualTo(base.after("link", ">", 70).toEntry().after())
                .isEqualTo(new AfterClause("link", Comparison.GREATER_THAN, 70, null));
        assertThat(base.after(link, Comparison.LESS_THAN, 1).toEntry().after())
                .isEqualTo(base.after(link, "<", 1).toEntry().after())
                .isEqualTo(new AfterClause("link", Comparison.LESS_THAN, 1, null));
        assertThat(base.after("link", Comparison.LESS_THAN, 1, delay).toEntry().after())
                .isEqualTo(base.after("link", "<", 1, delay).toEntry().after())
                .isEqualTo(new AfterClause("link", Comparison.LESS_THAN, 1, delay));
        assertThat(base.after(link, Comparison.GREATER_THAN, 70, delay)
                        .toEntry()
                        .after())
                .isEqualTo(new AfterClause("link", Comparison.GREATER_THAN, 70, delay));
        assertThat(base.activeWhile("link", Comparison.GREATER_THAN, 80)
                        .toEntry()
                        .whileClause())
                .isEqualTo(base.activeWhile("link", ">", 80).toEntry().whileClause())
                .isEqualTo(new WhileClause("link", Comparison.GREATER_THAN, 80, null, null));
        assertThat(base.activeWhile(link, Comparison.LESS_THAN, 1).toEntry().whileClause())
                .isEqualTo(base.activeWhile(link, "<", 1).toEntry().whileClause())
                .isEqualTo(new WhileClause("link", Comparison.LESS_THAN, 1, null, null));
    }

    @Test
    void comparisonOverloadsWithAnAnonymousUpstreamAreRejectedAtTheCall() {
        MetricStage anonymous = Scenario.metrics("a").constant(1);
        assertThatThrownBy(() -> Scenario.metrics("b").after(anonymous, Comparison.GREATER_THAN, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after(upstream, ...) needs an upstream with an id");
        assertThatThrownBy(() -> Scenario.metrics("b").activeWhile(anonymous, Comparison.LESS_THAN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activeWhile(upstream, ...) needs an upstream with an id");
    }

    @Test
    void durationFormsOfSineSawtoothAndSpikeEqualTheSecondsForms() {
        MetricStage m = Scenario.metrics("m");

        assertThat(generatorOf(m.sine(40, Duration.ofMinutes(10), 50))).isEqualTo(generatorOf(m.sine(40, 600, 50)));
        assertThat(generatorOf(m.sine(1, Duration.ofMillis(1500), 0))).isEqualTo(new GeneratorSpec.Sine(1, 1.5, 0));
        assertThat(generatorOf(m.sawtooth(0, 100, Duration.ofSeconds(30))))
                .isEqualTo(generatorOf(m.sawtooth(0, 100, 30)));
        assertThat(generatorOf(m.sawtooth(0, 1, Duration.ofNanos(1))))
                .isEqualTo(new GeneratorSpec.Sawtooth(0, 1, 1e-9));
        assertThat(generatorOf(m.spike(10, 90, Duration.ofSeconds(5), Duration.ofMinutes(1))))
                .isEqualTo(generatorOf(m.spike(10, 90, 5, 60)));
        assertThat(generatorOf(m.spike(0, 1, Duration.ofMillis(250), Duration.ofMillis(2750))))
                .isEqualTo(new GeneratorSpec.Spike(0, 1, 0.25, 2.75));
    }

    @Test
    void everyIsTheInverseOfRate() {
        MetricStage m = Scenario.metrics("m").constant(1);

        assertThat(m.every(Duration.ofSeconds(15)).build())
                .isEqualTo(m.rate(1 / 15.0).build());
        assertThat(m.every(Duration.ofSeconds(15)).build().rate()).isEqualTo(0.06666666666666667);
        assertThat(m.every("250ms").build().rate()).isEqualTo(4.0);
        assertThat(m.every(Duration.ofMinutes(1)).build().rate()).isEqualTo(1 / 60.0);
        assertThat(m.every(Duration.ofSeconds(15)).rate(2).build().rate()).isEqualTo(2.0);
        assertThat(m.rate(2).every(Duration.ofSeconds(2)).build().rate()).isEqualTo(0.5);
    }

    @Test
    void everyWithoutAPositiveIntervalIsReportedAtBuildWithTheRatePath() {
        MetricStage zero = Scenario.metrics("m").constant(1).rate(5).every(Duration.ZERO);

        assertThatThrownBy(zero::build)
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .extracting(Problem::toString)
                        .containsExactly("scenario.rate: every(interval): the interval between events must be greater"
                                + " than zero, got 0s; pass a positive interval such as Duration.ofSeconds(15)"
                                + " (rate = 1 / interval in seconds), or set rate(eventsPerSecond)"));
        assertThatThrownBy(() -> Scenario.plan().rate(1).add(zero).build()) // a default rate does not hide it
                .isInstanceOfSatisfying(
                        InvalidScenarioException.class,
                        e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("scenarios[0].rate"));
        assertThatThrownBy(() -> Scenario.metrics("m")
                        .constant(1)
                        .every(Duration.ofSeconds(-15))
                        .buildPlan())
                .hasMessageContaining("scenarios[0].rate: every(interval)")
                .hasMessageContaining("got -15s");
        assertThat(zero.rate(3).build().rate()).isEqualTo(3.0);
        assertThatThrownBy(() -> Scenario.metrics("m").every("0s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration \"0s\" must be greater than zero");
    }

    @Test
    void startTimeFromAnInstantWritesTheRfc3339TextThatReadsBackToTheSameInstant() {
        MetricStage m = Scenario.metrics("m").rate(1).constant(1);
        Instant whole = Instant.parse("2026-03-01T12:30:00Z");
        Instant fine = Instant.parse("2026-03-01T12:30:00.000000001Z");

        assertThat(m.startTime(whole).build())
                .isEqualTo(m.startTime("2026-03-01T12:30:00Z").build());
        assertThat(m.startTime(Instant.parse("2026-03-01T12:30:00.250Z"))
                        .build()
                        .startTime())
                .isEqualTo("2026-03-01T12:30:00.250Z");
        String text = m.startTime(fine).build().startTime();
        assertThat(text).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(java.time.OffsetDateTime.parse(text).toInstant()).isEqualTo(fine);
        assertThat(m.startTime(Instant.parse("0000-01-01T00:00:00Z")).build().startTime())
                .isEqualTo("0000-01-01T00:00:00Z");
    }

    @Test
    void startTimeRejectsAnInstantWhoseYearRfc3339CannotWrite() {
        assertThatThrownBy(() -> Scenario.metrics("m").startTime(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("four-digit year (0000 to 9999), got 10000");
        assertThatThrownBy(() -> Scenario.metrics("m").startTime(Instant.parse("-0001-12-31T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -1");
    }

    @Test
    void primitiveOverloadsBuildWhatTheNullableBoxedFormsMeant() {
        MetricStage m = Scenario.metrics("m");
        Duration minute = Duration.ofMinutes(1);

        assertThat(generatorOf(m.step(5, 2))).isEqualTo(new GeneratorSpec.Step(5, 2, null));
        assertThat(generatorOf(m.step(0, 1, 10))).isEqualTo(new GeneratorSpec.Step(0, 1, 10.0));
        assertThat(generatorOf(m.steady(50, 10, minute, 2.0)))
                .isEqualTo(new GeneratorSpec.Steady(50, 10, minute, 2.0, null));
        assertThat(generatorOf(m.steady(50, 10, minute, 2.0, 42L)))
                .isEqualTo(new GeneratorSpec.Steady(50, 10, minute, 2.0, 42L));
        assertThat(generatorOf(m.degradation(5, 150, minute)))
                .isEqualTo(new GeneratorSpec.Degradation(5, 150, minute, 1.0, null));
        assertThat(generatorOf(m.degradation(5, 150, minute, 0.5, 7)))
                .isEqualTo(new GeneratorSpec.Degradation(5, 150, minute, 0.5, 7L));
        assertThat(m.rate(1).constant(1).dynamicLabel("pod", 3).build().dynamicLabels())
                .containsExactly(new DynamicLabel("pod", null, 3, List.of()));
        assertThat(DelayClause.of(Duration.ZERO, Duration.ofSeconds(30))
                        .withSnapTo(0)
                        .withStaleMarker(true))
                .isEqualTo(new DelayClause(Duration.ZERO, Duration.ofSeconds(30), 0.0, true));
    }

    @Test
    @SuppressWarnings("deprecation") // the deprecated forms must keep behaving as before
    void theDeprecatedBoxedFormsStillBuildTheSameSpecs() {
        MetricStage m = Scenario.metrics("m");
        Duration minute = Duration.ofMinutes(1);

        assertThat(generatorOf(m.step(5, 2, (Double) null))).isEqualTo(generatorOf(m.step(5, 2)));
        assertThat(generatorOf(m.step(0, 1, Double.valueOf(10)))).isEqualTo(generatorOf(m.step(0, 1, 10)));
        assertThat(generatorOf(m.steady(50, 10, minute, 2.0, (Long) null)))
                .isEqualTo(generatorOf(m.steady(50, 10, minute, 2.0)));
        assertThat(generatorOf(m.steady(50, 10, minute, 2.0, Long.valueOf(42))))
                .isEqualTo(generatorOf(m.steady(50, 10, minute, 2.0, 42L)));
    }

    @Test
    void theShortAliasFormsCarryTheReferenceDefaults() {
        // Defaults from the reference's docs (spec generators-encoders section 6), not from the code.
        MetricStage m = Scenario.metrics("m");

        assertThat(generatorOf(m.steady()))
                .isEqualTo(new GeneratorSpec.Steady(50.0, 10.0, Duration.ofSeconds(60), 1.0, null))
                .isEqualTo(GeneratorSpec.Steady.defaults());
        assertThat(generatorOf(m.flap()))
                .isEqualTo(new GeneratorSpec.Flap(Duration.ofSeconds(10), Duration.ofSeconds(5), null, null, null))
                .isEqualTo(GeneratorSpec.Flap.defaults());
        assertThat(generatorOf(m.saturation()))
                .isEqualTo(new GeneratorSpec.Saturation(0.0, 100.0, Duration.ofMinutes(5)))
                .isEqualTo(GeneratorSpec.Saturation.defaults());
        assertThat(generatorOf(m.leak()))
                .isEqualTo(new GeneratorSpec.Leak(0.0, 100.0, Duration.ofMinutes(10)))
                .isEqualTo(GeneratorSpec.Leak.defaults());
        assertThat(generatorOf(m.degradation()))
                .isEqualTo(new GeneratorSpec.Degradation(0.0, 100.0, Duration.ofMinutes(5), 1.0, null))
                .isEqualTo(GeneratorSpec.Degradation.defaults());
        assertThat(generatorOf(m.spikeEvent()))
                .isEqualTo(new GeneratorSpec.SpikeEvent(0.0, 100.0, Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .isEqualTo(GeneratorSpec.SpikeEvent.defaults());
        assertThat(GeneratorSpec.Flap.defaults().resolvedUpValue()).isEqualTo(1.0);
        assertThat(GeneratorSpec.Flap.defaults().resolvedDownValue()).isEqualTo(0.0);
    }

    @Test
    void aliasWithersReplaceOneKeyAndKeepTheOthers() {
        Duration d = Duration.ofSeconds(7);

        assertThat(GeneratorSpec.Steady.defaults()
                        .withCenter(70)
                        .withAmplitude(5)
                        .withPeriod(d)
                        .withNoise(0)
                        .withNoiseSeed(9))
                .isEqualTo(new GeneratorSpec.Steady(70, 5, d, 0, 9L));
        assertThat(GeneratorSpec.Flap.defaults().withUpDuration(d).withDownDuration(d.multipliedBy(2)))
                .isEqualTo(new GeneratorSpec.Flap(d, Duration.ofSeconds(14), null, null, null));
        assertThat(GeneratorSpec.Flap.defaults().withUpValue(3).withDownValue(4))
                .isEqualTo(new GeneratorSpec.Flap(Duration.ofSeconds(10), Duration.ofSeconds(5), 3.0, 4.0, null));
        assertThat(GeneratorSpec.Flap.defaults().withEnum(GeneratorSpec.FlapEnum.OPER_STATE))
                .isEqualTo(new GeneratorSpec.Flap(
                        Duration.ofSeconds(10), Duration.ofSeconds(5), null, null, GeneratorSpec.FlapEnum.OPER_STATE));
        assertThat(GeneratorSpec.Saturation.defaults()
                        .withBaseline(20)
                        .withCeiling(85)
                        .withTimeToSaturate(d))
                .isEqualTo(new GeneratorSpec.Saturation(20, 85, d));
        assertThat(GeneratorSpec.Leak.defaults().withBaseline(1).withCeiling(2).withTimeToCeiling(d))
                .isEqualTo(new GeneratorSpec.Leak(1, 2, d));
        assertThat(GeneratorSpec.Degradation.defaults()
                        .withBaseline(1)
                        .withCeiling(2)
                        .withTimeToDegrade(d)
                        .withNoise(3)
                        .withNoiseSeed(4))
                .isEqualTo(new GeneratorSpec.Degradation(1, 2, d, 3, 4L));
        assertThat(GeneratorSpec.SpikeEvent.defaults()
                        .withBaseline(1)
                        .withSpikeHeight(2)
                        .withSpikeDuration(d)
                        .withSpikeInterval(d.multipliedBy(3)))
                .isEqualTo(new GeneratorSpec.SpikeEvent(1, 2, d, Duration.ofSeconds(21)));
        assertThatThrownBy(() -> GeneratorSpec.Leak.defaults().withTimeToCeiling(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("timeToCeiling");
    }

    @Test
    void distributionDefaultsLiveInTheModel() {
        Distribution d = new Distribution.Normal(0.2, 0.05);

        assertThat(Scenario.histogram("h").rate(1).distribution(d).build().signal())
                .isEqualTo(Signal.Histogram.defaults(d));
        assertThat(Scenario.summary("s").rate(1).distribution(d).build().signal())
                .isEqualTo(Signal.Summary.defaults(d))
                .isEqualTo(new Signal.Summary(d, List.of(0.5, 0.9, 0.95, 0.99), 100, 0.0, null));
    }

    private static GeneratorSpec generatorOf(MetricStage stage) {
        return ((Signal.Metrics) stage.rate(1).toEntry().signal()).generator();
    }
}
