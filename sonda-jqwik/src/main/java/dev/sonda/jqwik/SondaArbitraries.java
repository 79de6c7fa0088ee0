package dev.sonda.jqwik;

import dev.sonda.api.Bursts;
import dev.sonda.api.EntryStage;
import dev.sonda.api.Gaps;
import dev.sonda.api.LogStage;
import dev.sonda.api.MetricStage;
import dev.sonda.api.PlanStage;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Severity;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Series;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries of Sonda scenarios and of what they emit, to property-test a telemetry
 * pipeline (a parser, an aggregator, an alert rule, an exporter) against generated telemetry.
 *
 * <pre>{@code
 * @Property(tries = 50)
 * void myParserReadsEveryLineSondaWrites(@ForAll("captures") Captured captured) {
 *     for (String line : captured.lines()) {
 *         assertThat(MyParser.parse(line)).isNotNull();
 *     }
 * }
 *
 * @Provide
 * Arbitrary<Captured> captures() {
 *     return SondaArbitraries.captures();
 * }
 * }</pre>
 *
 * <p>Every entry is valid (it builds and compiles) and runs on the simulated clock: each has a
 * duration of 10 s to 10 min and an interval of 250 ms to 60 s, so a plan emits at most a few
 * thousand records and {@link Captured#simulate} takes milliseconds. Values are finite unless an
 * arbitrary says otherwise ({@link #specialValues()}, {@link #metricEntriesWithSpecialValues()}:
 * NaN, infinities and the extremes, which every encoder writes in its own form: Prometheus text
 * {@code NaN}/{@code inf}, JSON {@code null}, InfluxDB line protocol {@code NaN}/{@code inf},
 * which InfluxDB itself rejects). Shrinking works as jqwik's: towards fewer entries, shorter
 * durations, plainer generators, no gaps or bursts.
 *
 * <p>This module needs jqwik's engine on the test class path ({@code net.jqwik:jqwik}); it depends
 * on {@code jqwik-api} only.
 */
public final class SondaArbitraries {
    private SondaArbitraries() {}

    /**
     * Metric names: a lowercase word of 1 to 10 letters, with or without a unit suffix ({@code
     * _total}, {@code _seconds}, {@code _bytes}, {@code _ratio}); always valid Prometheus names.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> metricNames() {
        return Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(10),
                        Arbitraries.of("", "_total", "_seconds", "_bytes", "_ratio"))
                .as((w, s) -> w + s);
    }

    /**
     * Label sets of 0 to 3 labels: keys of lowercase letters and underscores (never starting with
     * {@code __}), values of letters, digits, dashes and dots, possibly empty.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Map<String, String>> labelSets() {
        return Arbitraries.maps(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(8),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withCharRange('0', '9')
                                .withChars('-', '.')
                                .ofMaxLength(12))
                .ofMaxSize(3);
    }

    /**
     * Intervals between samples, as a scrape interval: 250 ms, 500 ms, or whole seconds from 1 to
     * 60 (the DSL's {@code .every(interval)}).
     *
     * @return the arbitrary
     */
    public static Arbitrary<Duration> intervals() {
        return Arbitraries.frequencyOf(List.of(
                Tuple2Of.of(1, Arbitraries.of(Duration.ofMillis(250), Duration.ofMillis(500))),
                Tuple2Of.of(4, Arbitraries.integers().between(1, 60).map(Duration::ofSeconds))));
    }

    /**
     * Entry durations from 10 s to 10 min, whole seconds.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Duration> durations() {
        return Arbitraries.integers().between(10, 600).map(Duration::ofSeconds);
    }

    /**
     * Finite values from -1,000,000 to 1,000,000, with up to 6 decimals, 0 and integers favoured.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Double> finiteValues() {
        return Arbitraries.frequencyOf(List.of(
                Tuple2Of.of(1, Arbitraries.of(0.0, 1.0, -1.0, 100.0)),
                Tuple2Of.of(2, Arbitraries.integers().between(-1000, 1000).map(Integer::doubleValue)),
                Tuple2Of.of(3, Arbitraries.doubles().between(-1e6, 1e6).ofScale(6))));
    }

    /**
     * The values a pipeline must not choke on: NaN, positive and negative infinity, negative zero,
     * the largest and smallest doubles.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Double> specialValues() {
        return Arbitraries.of(
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                -0.0,
                Double.MAX_VALUE,
                -Double.MAX_VALUE,
                Double.MIN_VALUE);
    }

    /**
     * The built-in metric generators with finite parameters, for an entry emitting every {@code
     * interval}: constant, sine, sawtooth, uniform (with or without a seed of its own), sequence,
     * step, spike, and the operational aliases steady, flap, saturation, degradation and
     * spike_event, whose durations are whole multiples of the interval (a flap shorter than one
     * tick is refused by the compiler).
     *
     * @param interval the entry's interval between samples, above zero
     * @return the arbitrary
     */
    public static Arbitrary<GeneratorSpec> generators(Duration interval) {
        Arbitrary<Double> v = finiteValues();
        Arbitrary<Double> positive = Arbitraries.doubles().between(0.5, 1000).ofScale(3);
        Arbitrary<Double> period = Arbitraries.integers().between(1, 600).map(Integer::doubleValue);
        Arbitrary<Duration> ticks = Arbitraries.integers().between(1, 20).map(interval::multipliedBy);
        Arbitrary<Duration> ramps = Arbitraries.integers().between(5, 60).map(interval::multipliedBy);
        return Arbitraries.oneOf(List.of(
                v.map(GeneratorSpec.Constant::new),
                Combinators.combine(positive, period, v).as(GeneratorSpec.Sine::new),
                Combinators.combine(v, positive, period)
                        .as((min, width, p) -> new GeneratorSpec.Sawtooth(min, min + width, p)),
                Combinators.combine(v, positive, Arbitraries.longs().injectNull(0.5))
                        .as((min, width, seed) -> new GeneratorSpec.Uniform(min, min + width, seed)),
                Combinators.combine(v.list().ofMinSize(1).ofMaxSize(20), Arbitraries.of(true, false))
                        .as(GeneratorSpec.Sequence::new),
                Combinators.combine(v, Arbitraries.doubles().between(0.001, 100).ofScale(3))
                        .as((start, step) -> new GeneratorSpec.Step(start, step, null)),
                Combinators.combine(v, positive, period)
                        .as((base, mag, every) -> new GeneratorSpec.Spike(base, mag, Math.max(1, every / 4), every)),
                ramps.map(p -> GeneratorSpec.Steady.defaults().withPeriod(p)),
                Combinators.combine(ticks, ticks)
                        .as((up, down) ->
                                GeneratorSpec.Flap.defaults().withUpDuration(up).withDownDuration(down)),
                ramps.map(t -> GeneratorSpec.Saturation.defaults().withTimeToSaturate(t)),
                ramps.map(t -> GeneratorSpec.Degradation.defaults().withTimeToDegrade(t)),
                Combinators.combine(ticks, ticks).as((spike, rest) -> GeneratorSpec.SpikeEvent.defaults()
                        .withSpikeDuration(spike)
                        .withSpikeInterval(spike.plus(rest)))));
    }

    /**
     * {@code gaps:} windows: a cycle of 20 s to 5 min, silent for 10% to 90% of it (at least 1 s).
     *
     * @return the arbitrary
     */
    public static Arbitrary<Gaps> gaps() {
        return Combinators.combine(
                        Arbitraries.integers().between(20, 300),
                        Arbitraries.integers().between(1, 9))
                .as((every, tenths) ->
                        new Gaps(Duration.ofSeconds(every), Duration.ofSeconds(Math.max(1, every * tenths / 10))));
    }

    /**
     * {@code bursts:} windows: a cycle of 20 s to 5 min, the rate multiplied by 1.5 to 10 for 10% to
     * 50% of it (at least 1 s).
     *
     * @return the arbitrary
     */
    public static Arbitrary<Bursts> bursts() {
        return Combinators.combine(
                        Arbitraries.integers().between(20, 300),
                        Arbitraries.integers().between(1, 5),
                        Arbitraries.doubles().between(1.5, 10).ofScale(1))
                .as((every, tenths, multiplier) -> new Bursts(
                        Duration.ofSeconds(every), Duration.ofSeconds(Math.max(1, every * tenths / 10)), multiplier));
    }

    /**
     * Metrics entries: a name, labels, an interval, a duration, a generator, and in some of them
     * gaps, bursts or jitter. Add them to a plan, or build one with {@code buildPlan()}.
     *
     * @return the arbitrary
     */
    public static Arbitrary<MetricStage> metricEntries() {
        return metricEntries(metricNames());
    }

    private static Arbitrary<MetricStage> metricEntries(Arbitrary<String> names) {
        return intervals().flatMap(every -> Combinators.combine(
                        names,
                        labelSets(),
                        durations(),
                        generators(every),
                        gaps().injectNull(0.7),
                        bursts().injectNull(0.7),
                        Arbitraries.doubles().between(0.1, 10).ofScale(2).injectNull(0.8))
                .as((name, labels, duration, generator, gaps, bursts, jitter) -> {
                    MetricStage m = Scenario.metrics(name)
                            .every(every)
                            .duration(duration)
                            .labels(labels)
                            .generator(generator);
                    m = gaps == null ? m : m.gaps(gaps.every(), gaps.forDuration());
                    m = bursts == null ? m : m.bursts(bursts.every(), bursts.forDuration(), bursts.multiplier());
                    return jitter == null ? m : m.jitter(jitter);
                }));
    }

    /**
     * Metrics entries whose values include {@link #specialValues()}: a repeating {@code sequence}
     * of finite and special values, so NaN, infinities and the extremes reach the pipeline.
     *
     * @return the arbitrary
     */
    public static Arbitrary<MetricStage> metricEntriesWithSpecialValues() {
        return metricEntriesWithSpecialValues(metricNames());
    }

    private static Arbitrary<MetricStage> metricEntriesWithSpecialValues(Arbitrary<String> names) {
        Arbitrary<List<Double>> values = Arbitraries.frequencyOf(
                        List.of(Tuple2Of.of(2, finiteValues()), Tuple2Of.of(1, specialValues())))
                .list()
                .ofMinSize(1)
                .ofMaxSize(20);
        return Combinators.combine(names, labelSets(), intervals(), durations(), values)
                .as((name, labels, every, duration, list) -> Scenario.metrics(name)
                        .every(every)
                        .duration(duration)
                        .labels(labels)
                        .sequence(list, true));
    }

    /**
     * Log entries: a template generator of 1 to 3 templates with placeholders drawn from pools, and
     * in some of them severity weights, at an interval and for a duration like the metrics
     * entries'.
     *
     * @return the arbitrary
     */
    public static Arbitrary<LogStage> logEntries() {
        return logEntries(words());
    }

    /** Lower-case words of 1 to 8 letters: log entry names, template words and pool values. */
    private static Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    }

    private static Arbitrary<LogStage> logEntries(Arbitrary<String> names) {
        Arbitrary<String> word = words();
        Arbitrary<LogGeneratorSpec.LogTemplate> template = Combinators.combine(
                        word.list().ofMinSize(1).ofMaxSize(4),
                        word.list().ofMinSize(1).ofMaxSize(4))
                .as((words, pool) ->
                        new LogGeneratorSpec.LogTemplate(String.join(" ", words) + " {item}", Map.of("item", pool)));
        Arbitrary<Map<Severity, Double>> weights = Arbitraries.maps(
                        Arbitraries.of(Severity.class),
                        Arbitraries.doubles().between(0.1, 10).ofScale(1))
                .ofMaxSize(4);
        return Combinators.combine(
                        names,
                        labelSets(),
                        intervals(),
                        durations(),
                        template.list().ofMinSize(1).ofMaxSize(3),
                        weights)
                .as((name, labels, every, duration, templates, w) -> Scenario.logs(name)
                        .every(every)
                        .duration(duration)
                        .labels(labels)
                        .template(templates, w));
    }

    /**
     * Runnable plans of 1 to 3 entries, metrics and logs mixed; the second and third entries' names
     * end in {@code _1} and {@code _2}, so no two entries share a series.
     *
     * @return the arbitrary
     */
    public static Arbitrary<ScenarioPlan> plans() {
        return Arbitraries.integers().between(1, 3).flatMap(n -> {
            List<Arbitrary<EntryStage<?>>> entries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                entries.add(entry(i == 0 ? "" : "_" + i));
            }
            return Combinators.combine(entries).as(SondaArbitraries::plan);
        });
    }

    private static Arbitrary<EntryStage<?>> entry(String suffix) {
        Arbitrary<String> names = metricNames().map(n -> n + suffix);
        return Arbitraries.frequencyOf(List.of(
                Tuple2Of.of(3, metricEntries(names).map(e -> (EntryStage<?>) e)),
                Tuple2Of.of(1, metricEntriesWithSpecialValues(names).map(e -> (EntryStage<?>) e)),
                Tuple2Of.of(1, logEntries(names).map(e -> (EntryStage<?>) e))));
    }

    private static ScenarioPlan plan(List<EntryStage<?>> entries) {
        PlanStage plan = Scenario.plan();
        for (EntryStage<?> e : entries) {
            plan = plan.add(e);
        }
        return plan.build();
    }

    /**
     * What a plan of {@link #plans()} emitted, run on the simulated clock from 2026-01-01T00:00:00Z
     * ({@link Captured#simulate(ScenarioPlan)}).
     *
     * @return the arbitrary
     */
    public static Arbitrary<Captured> captures() {
        return plans().map(Captured::simulate);
    }

    /**
     * One captured metric series of a run of {@link #metricEntries()}: with gaps, bursts and
     * jitter where the entry has them.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Series> series() {
        return metricEntries()
                .map(e -> Captured.simulate(e.buildPlan()).series().get(0));
    }

    /** jqwik's frequency pairs without importing its tuple type into every signature. */
    private static final class Tuple2Of {
        private Tuple2Of() {}

        static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<T>> of(int weight, Arbitrary<T> arbitrary) {
            return net.jqwik.api.Tuple.of(weight, arbitrary);
        }
    }
}
