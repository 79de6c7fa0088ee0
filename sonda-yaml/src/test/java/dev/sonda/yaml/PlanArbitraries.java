package dev.sonda.yaml;

import dev.sonda.api.AfterClause;
import dev.sonda.api.Bursts;
import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.Comparison;
import dev.sonda.api.Defaults;
import dev.sonda.api.DelayClause;
import dev.sonda.api.Distribution;
import dev.sonda.api.DynamicLabel;
import dev.sonda.api.Entry;
import dev.sonda.api.Gaps;
import dev.sonda.api.MetricPack;
import dev.sonda.api.MetricType;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.PackMetric;
import dev.sonda.api.PackOverride;
import dev.sonda.api.PlanKind;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Severity;
import dev.sonda.api.Signal;
import dev.sonda.api.SignalType;
import dev.sonda.api.WhileClause;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik arbitraries for every IR record, producing plans the loader accepts. */
final class PlanArbitraries {
    private PlanArbitraries() {}

    // ---- scalars ------------------------------------------------------------------------------

    /** Free text, including YAML-significant spellings, quotes, newlines and non-ASCII. */
    static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .withCharRange(' ', '~')
                        .withChars('\n', '\t', 'é', 'ü', '→', '\u00a0')
                        .ofMaxLength(12),
                Arbitraries.of(
                        "",
                        "null",
                        "~",
                        "true",
                        "yes",
                        "No",
                        "1.5",
                        "0x10",
                        "-",
                        "- a",
                        "a: b",
                        "#x",
                        "${HOME}",
                        "$$",
                        "${A:-b}",
                        "'q'",
                        "\"dq\"",
                        "multi\nline\n",
                        " lead",
                        "trail ",
                        "😀",
                        ".nan",
                        "[1]",
                        "{a: 1}",
                        "&anchor",
                        "*alias",
                        "!tag",
                        "%",
                        "@",
                        "`"));
    }

    /** A label key or entry id: {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
    static Arbitrary<String> identifier() {
        return Combinators.combine(
                        Arbitraries.chars().range('a', 'z').with('_', 'Q'),
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withCharRange('0', '9')
                                .withChars('_', 'Z')
                                .ofMaxLength(6))
                .as((c, s) -> c + s);
    }

    static Arbitrary<String> metricName() {
        return Combinators.combine(identifier(), Arbitraries.of("", ":", ":total", "_seconds"))
                .as((a, b) -> a + b);
    }

    /** Any double, special values and negative zero included. */
    static Arbitrary<Double> anyDouble() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble)),
                Tuple.of(3, Arbitraries.integers().between(-1000, 1000).map(i -> i / 4.0)),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                Double.NaN,
                                Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY,
                                -0.0,
                                0.0,
                                Double.MIN_VALUE,
                                Double.MAX_VALUE,
                                1e21,
                                1e-7,
                                0.1,
                                17179869184.0)));
    }

    static Arbitrary<Double> finite() {
        return anyDouble().filter(Double::isFinite);
    }

    static Arbitrary<Double> positive() {
        return anyDouble().filter(d -> d > 0);
    }

    static Arbitrary<Long> anyLong() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(0L, -1L, Long.MIN_VALUE, 42L));
    }

    /** A seed: any 64 bits (0 included, stated), or not stated (null), which the writer leaves out. */
    static Arbitrary<Long> seed() {
        return anyLong().injectNull(0.3);
    }

    /** A positive duration with microsecond resolution. */
    static Arbitrary<Duration> duration() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 1_000_000_000_000L).map(us -> Duration.ofNanos(us * 1000)),
                Arbitraries.longs().between(1, 100_000).map(Duration::ofMillis),
                Arbitraries.longs().between(1, 10_000).map(Duration::ofSeconds),
                Arbitraries.of(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofMillis(250)));
    }

    static Arbitrary<Map<String, String>> labels() {
        return Arbitraries.maps(identifier(), text()).ofMaxSize(3);
    }

    static Arbitrary<Map<String, String>> anyKeyMap() {
        return Arbitraries.maps(text(), text()).ofMaxSize(3);
    }

    /** A generic property value of the types the loader produces. */
    static Arbitrary<Object> property() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                text().map(s -> (Object) s),
                anyLong().map(l -> (Object) l),
                anyDouble().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.bigIntegers()
                        .between(BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(80))
                        .map(b -> (Object) b));
        return Arbitraries.recursive(
                () -> scalar,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(l -> (Object) l),
                        Arbitraries.maps(text(), inner).ofMaxSize(3).map(m -> (Object) m)),
                2);
    }

    static Arbitrary<Map<String, Object>> properties() {
        return Arbitraries.maps(identifier().filter(k -> !k.equals("type")), property())
                .ofMaxSize(3);
    }

    static Arbitrary<String> pluginType() {
        return identifier().map(s -> "plugin_" + s);
    }

    // ---- specs --------------------------------------------------------------------------------

    static Arbitrary<GeneratorSpec> generator() {
        Arbitrary<Double> d = anyDouble();
        return Arbitraries.oneOf(
                d.map(GeneratorSpec.Constant::new),
                Combinators.combine(d, d, d).as(GeneratorSpec.Sine::new),
                Combinators.combine(d, d, d).as(GeneratorSpec.Sawtooth::new),
                Combinators.combine(d, d, seed()).as(GeneratorSpec.Uniform::new),
                Combinators.combine(d.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false))
                        .as(GeneratorSpec.Sequence::new),
                Combinators.combine(d, d, d.injectNull(0.5)).as(GeneratorSpec.Step::new),
                Combinators.combine(d, d, finite().map(Math::abs), positive()).as(GeneratorSpec.Spike::new),
                Combinators.combine(
                                text(),
                                Combinators.combine(Arbitraries.integers().greaterOrEqual(0), text(), anyKeyMap())
                                        .as(GeneratorSpec.CsvColumn::new)
                                        .list()
                                        .ofMaxSize(2),
                                Arbitraries.of(true, false),
                                positive().filter(Double::isFinite),
                                text().injectNull(0.5))
                        .as(GeneratorSpec.CsvReplay::new),
                Combinators.combine(d, d, duration(), d, anyLong().injectNull(0.5))
                        .as(GeneratorSpec.Steady::new),
                Combinators.combine(duration(), duration(), d.injectNull(0.3), d.injectNull(0.3))
                        .as((u, w, a, b) -> new GeneratorSpec.Flap(u, w, a, b, null)),
                Combinators.combine(duration(), duration(), Arbitraries.of(GeneratorSpec.FlapEnum.class))
                        .as((u, w, e) -> new GeneratorSpec.Flap(u, w, null, null, e)),
                Combinators.combine(d, d, duration()).as(GeneratorSpec.Saturation::new),
                Combinators.combine(d, d, duration()).as(GeneratorSpec.Leak::new),
                Combinators.combine(d, d, duration(), d, anyLong().injectNull(0.5))
                        .as(GeneratorSpec.Degradation::new),
                Combinators.combine(d, d, duration(), duration()).as(GeneratorSpec.SpikeEvent::new),
                Combinators.combine(pluginType(), properties()).as(GeneratorSpec.Generic::new));
    }

    static Arbitrary<LogGeneratorSpec> logGenerator() {
        Arbitrary<LogGeneratorSpec.LogTemplate> template = Combinators.combine(
                        text(),
                        Arbitraries.maps(text(), text().list().ofMaxSize(3)).ofMaxSize(2))
                .as(LogGeneratorSpec.LogTemplate::new);
        return Arbitraries.oneOf(
                Combinators.combine(
                                template.list().ofMaxSize(2),
                                Arbitraries.maps(Arbitraries.of(Severity.class), anyDouble())
                                        .ofMaxSize(3),
                                seed())
                        .as(LogGeneratorSpec.Template::new),
                Combinators.combine(
                                text(),
                                text().injectNull(0.5),
                                text().injectNull(0.5),
                                text().injectNull(0.5),
                                Arbitraries.of(true, false),
                                anyDouble(),
                                Arbitraries.of(Severity.class))
                        .as(LogGeneratorSpec.CsvReplay::new),
                Combinators.combine(pluginType(), properties()).as(LogGeneratorSpec.Generic::new));
    }

    static Arbitrary<Distribution> distribution() {
        return Arbitraries.oneOf(
                positive().map(Distribution.Exponential::new),
                Combinators.combine(anyDouble().filter(x -> !Double.isNaN(x)), positive())
                        .as(Distribution.Normal::new),
                Combinators.combine(finite(), positive().filter(Double::isFinite))
                        .as((min, width) -> new Distribution.Uniform(min, min + width))
                        .filter(u -> u.min() < u.max()));
    }

    static Arbitrary<Integer> precision() {
        return Arbitraries.integers().between(0, 17).injectNull(0.5);
    }

    /** An encoder that can write {@code type}. */
    static Arbitrary<EncoderSpec> encoder(SignalType type) {
        if (TraceArbitraries.handles(type)) {
            return Arbitraries.just(EncoderSpec.ndjson());
        }
        // remote_write and otlp are left out: their providers come with their own modules
        Arbitrary<EncoderSpec> both = precision().map(EncoderSpec.JsonLines::new);
        if (type == SignalType.LOGS) {
            return Arbitraries.oneOf(
                    both,
                    Combinators.combine(text().injectNull(0.5), text().injectNull(0.5))
                            .as(EncoderSpec.Syslog::new));
        }
        return Arbitraries.oneOf(
                both,
                precision().map(EncoderSpec.PrometheusText::new),
                Combinators.combine(text().injectNull(0.5), precision()).as(EncoderSpec.InfluxLp::new),
                Combinators.combine(pluginType(), properties()).as(EncoderSpec.Generic::new));
    }

    /**
     * Valid kafka sinks with every typed key. No {@code sasl}: a written plan carries the password
     * as {@code ***}, which the loader refuses, so a SASL block never round-trips (by design).
     */
    static Arbitrary<SinkSpec.Kafka> kafka(Arbitrary<Duration> age, Arbitrary<RetryPolicy> retry) {
        Arbitrary<String> path = text().filter(t -> !t.isBlank());
        Arbitrary<TlsSettings> tls = Combinators.combine(path.injectNull(0.5), path.injectNull(0.5), path)
                .as((ca, cert, key) -> new TlsSettings(ca, cert, cert == null ? null : key, false))
                .injectNull(0.5);
        Arbitrary<SinkSpec.Kafka> base = Combinators.combine(
                        identifier()
                                .map(h -> h + ":9092")
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(3)
                                .map(l -> String.join(", ", l)),
                        text().filter(t -> !t.isEmpty()),
                        age,
                        retry,
                        tls,
                        text().injectNull(0.5),
                        Arbitraries.of(SinkSpec.Kafka.RecordPer.class).injectNull(0.5),
                        Arbitraries.of(SinkSpec.Kafka.Acks.class).injectNull(0.5))
                .as((b, t, a, r, tl, k, per, acks) -> SinkSpec.kafka(b, t)
                        .withMaxBufferAge(a)
                        .withRetry(r)
                        .withTls(tl)
                        .withKey(k)
                        .withRecordPer(per)
                        .withAcks(acks));
        return Combinators.combine(
                        base,
                        Arbitraries.of(SinkSpec.Kafka.Compression.class).injectNull(0.5),
                        text().injectNull(0.5),
                        Arbitraries.integers().greaterOrEqual(0).injectNull(0.5),
                        duration().injectNull(0.5),
                        Arbitraries.maps(identifier(), text()).ofMaxSize(2))
                .as((k, c, id, p, d, props) -> k.withCompression(c)
                        .withClientId(id)
                        .withPartition(p)
                        .withDeliveryTimeout(d)
                        .withProperties(props));
    }

    static Arbitrary<RetryPolicy> retry() {
        return Combinators.combine(Arbitraries.integers().greaterOrEqual(1), duration(), duration())
                .as((n, a, b) -> new RetryPolicy(n, a, a.plus(b)));
    }

    static Arbitrary<SinkSpec> sink() {
        Arbitrary<Integer> size = Arbitraries.integers().greaterOrEqual(0).injectNull(0.5);
        Arbitrary<Duration> age =
                Arbitraries.oneOf(duration(), Arbitraries.just(Duration.ZERO)).injectNull(0.5);
        Arbitrary<RetryPolicy> retry = retry().injectNull(0.5);
        return Arbitraries.oneOf(
                Arbitraries.of(new SinkSpec.Stdout(), new SinkSpec.Memory()),
                text().map(SinkSpec.File::new),
                Combinators.combine(text(), retry).as(SinkSpec.Tcp::new),
                text().map(SinkSpec.Udp::new),
                Combinators.combine(text(), text().injectNull(0.5), size, age, anyKeyMap(), retry)
                        .as(SinkSpec.HttpPush::new),
                Combinators.combine(text(), size, size, age, retry).as(SinkSpec.Loki::new),
                // remote_write, kafka and otlp_grpc are left out: their providers come with their modules
                Combinators.combine(pluginType(), properties()).as(SinkSpec.Generic::new));
    }

    // ---- clauses ------------------------------------------------------------------------------

    static Arbitrary<AfterClause> after() {
        return Combinators.combine(
                        text(),
                        Arbitraries.of(Comparison.class),
                        anyDouble(),
                        duration().injectNull(0.5))
                .as(AfterClause::new);
    }

    /** A local or cross-POST {@code while:} clause. */
    static Arbitrary<WhileClause> whileClause() {
        Arbitrary<WhileClause> local = Combinators.combine(text(), Arbitraries.of(Comparison.class), finite())
                .as((r, o, v) -> new WhileClause(r, o, v, null, null));
        Arbitrary<WhileClause> crossPost = Combinators.combine(
                        identifier(),
                        Arbitraries.of(Comparison.class),
                        finite(),
                        text(),
                        Arbitraries.of(WhileClause.IfUnresolved.class).injectNull(0.5))
                .as(WhileClause::new);
        return Arbitraries.oneOf(local, crossPost);
    }

    static Arbitrary<DelayClause> delay() {
        Arbitrary<Duration> d =
                Arbitraries.oneOf(duration(), Arbitraries.just(Duration.ZERO)).injectNull(0.4);
        Arbitrary<Tuple.Tuple2<Double, Boolean>> close = Arbitraries.oneOf(
                Arbitraries.just(Tuple.of(null, null)),
                Arbitraries.just(Tuple.of(null, false)),
                finite().map(s -> Tuple.of(s, null)),
                finite().map(s -> Tuple.of(s, true)));
        return Combinators.combine(d, d, close).as((o, c, t) -> new DelayClause(o, c, t.get1(), t.get2()));
    }

    static Arbitrary<PackOverride> override() {
        return Combinators.combine(
                        generator().injectNull(0.5),
                        labels(),
                        after().injectNull(0.7),
                        whileClause().injectNull(0.7),
                        delay().injectNull(0.7))
                .as(PackOverride::new);
    }

    // ---- entries and plans --------------------------------------------------------------------

    private static Arbitrary<Signal> signal(SignalType type) {
        return switch (type) {
            case LOGS -> logGenerator().map(Signal.Logs::new);
            case TRACES -> TraceArbitraries.traces().map(Signal.Traces::new);
            case EVENTS -> TraceArbitraries.events().map(Signal.Events::new);
            case HISTOGRAM -> Combinators.combine(
                            distribution(),
                            Arbitraries.oneOf(
                                    Arbitraries.just(Signal.DEFAULT_BUCKETS),
                                    increasing(positive().filter(Double::isFinite))),
                            Arbitraries.integers().greaterOrEqual(1),
                            anyDouble(),
                            seed())
                    .as(Signal.Histogram::new);
            case SUMMARY -> Combinators.combine(
                            distribution(),
                            Arbitraries.oneOf(
                                    Arbitraries.just(Signal.DEFAULT_QUANTILES),
                                    increasing(Arbitraries.doubles()
                                            .between(0, false, 1, false)
                                            .filter(q -> q > 0 && q < 1))),
                            Arbitraries.integers().greaterOrEqual(1),
                            anyDouble(),
                            seed())
                    .as(Signal.Summary::new);
            default -> Arbitraries.oneOf(
                    generator().map(Signal.Metrics::new),
                    Combinators.combine(
                                    text(), Arbitraries.maps(text(), override()).ofMaxSize(2))
                            .as(Signal.Pack::new));
        };
    }

    private static Arbitrary<List<Double>> increasing(Arbitrary<Double> values) {
        return values.set().ofMinSize(1).ofMaxSize(4).map(s -> s.stream()
                .sorted()
                .toList());
    }

    /** The parts of an entry that depend on its signal type. */
    private record Body(String name, Signal signal, EncoderSpec encoder, MetricType metricType, String help) {}

    private static Arbitrary<Body> body() {
        return Arbitraries.of(SignalType.class).flatMap(type -> Combinators.combine(
                        type == SignalType.LOGS || TraceArbitraries.handles(type) ? text() : metricName(),
                        signal(type),
                        // traces and events keep their own encoder: defaults may name one that
                        // cannot write them
                        TraceArbitraries.handles(type)
                                ? encoder(type)
                                : encoder(type).injectNull(0.5),
                        Arbitraries.of(MetricType.class).injectNull(0.7),
                        text().injectNull(0.7))
                .as((n, s, e, m, h) ->
                        new Body(s instanceof Signal.Pack && n.length() % 2 == 0 ? null : n, s, e, m, h)));
    }

    private static Arbitrary<DynamicLabel> dynamicLabel() {
        return Arbitraries.oneOf(
                Combinators.combine(
                                identifier(), text().injectNull(0.5), anyLong().filter(c -> c != 0))
                        .as((k, p, c) -> new DynamicLabel(k, p, c, List.of())),
                Combinators.combine(
                                identifier(),
                                text().injectNull(0.5),
                                anyLong(),
                                text().list().ofMinSize(1).ofMaxSize(3))
                        .as(DynamicLabel::new));
    }

    private static Arbitrary<CardinalitySpike> spike() {
        return Combinators.combine(
                        identifier(),
                        duration(),
                        duration(),
                        anyLong().filter(c -> c != 0),
                        Arbitraries.of(CardinalitySpike.Strategy.class),
                        text().injectNull(0.5),
                        seed())
                .as((l, f, extra, c, s, p, seed) -> new CardinalitySpike(l, f.plus(extra), f, c, s, p, seed));
    }

    /** An entry before the plan adjusts the fields that depend on the rest of the file. */
    static Arbitrary<Entry> entry() {
        Arbitrary<
                        Tuple.Tuple8<
                                Body,
                                Double,
                                Duration,
                                String,
                                Map<String, String>,
                                List<DynamicLabel>,
                                SinkSpec,
                                Double>>
                first = Combinators.combine(
                                body(),
                                positive().injectNull(0.3),
                                duration().injectNull(0.4),
                                text().injectNull(0.8),
                                labels(),
                                dynamicLabel().list().ofMaxSize(2),
                                sink().injectNull(0.5),
                                finite().map(Math::abs).injectNull(0.6))
                        .as(Tuple::of);
        Arbitrary<Tuple.Tuple8<Long, Gaps, Bursts, List<CardinalitySpike>, Duration, String, AfterClause, WhileClause>>
                second = Combinators.combine(
                                anyLong().injectNull(0.6),
                                Combinators.combine(duration(), duration())
                                        .as((f, extra) -> new Gaps(f.plus(extra), f))
                                        .injectNull(0.7),
                                Combinators.combine(duration(), duration(), positive())
                                        .as((f, extra, m) -> new Bursts(f.plus(extra), f, m))
                                        .injectNull(0.7),
                                spike().list().ofMaxSize(2),
                                duration().injectNull(0.7),
                                text().injectNull(0.7),
                                after().injectNull(0.7),
                                whileClause().injectNull(0.7))
                        .as(Tuple::of);
        return Combinators.combine(
                        first,
                        second,
                        delay().injectNull(0.7),
                        Arbitraries.of(OnSinkError.class).injectNull(0.6))
                .as((a, b, delay, policy) -> new Entry(
                        null,
                        a.get1().name(),
                        a.get1().signal(),
                        a.get2(),
                        a.get3(),
                        a.get4(),
                        a.get5(),
                        a.get6(),
                        a.get1().encoder(),
                        a.get7(),
                        a.get8(),
                        b.get1(),
                        b.get2(),
                        b.get3(),
                        b.get4(),
                        b.get5(),
                        b.get6(),
                        b.get7(),
                        b.get8(),
                        delay,
                        policy,
                        a.get1().metricType(),
                        a.get1().help()));
    }

    static Arbitrary<Defaults> defaults() {
        return Combinators.combine(
                        positive().injectNull(0.4),
                        duration().injectNull(0.5),
                        text().injectNull(0.7),
                        encoder(SignalType.LOGS)
                                .filter(e -> e.supportsMetrics() && e.supportsLogs())
                                .injectNull(0.6),
                        sink().injectNull(0.6),
                        labels(),
                        Arbitraries.of(OnSinkError.class).injectNull(0.6),
                        whileClause().injectNull(0.85))
                .as((rate, duration, start, encoder, sink, labels, policy, w) ->
                        new Defaults(rate, duration, start, encoder, sink, labels, policy, w, null));
    }

    /** A runnable plan the loader accepts: ids unique, rates, durations and gates consistent. */
    static Arbitrary<ScenarioPlan> runnable() {
        return Combinators.combine(
                        text().injectNull(0.5),
                        text().injectNull(0.5),
                        text().list().ofMaxSize(3),
                        defaults(),
                        delay().injectNull(0.8),
                        entry().list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.of(true, false).list().ofSize(4))
                .as((name, description, tags, d, defaultDelay, drafts, withIds) -> {
                    Defaults defaults = d.whileClause() == null
                            ? d
                            : new Defaults(
                                    d.rate(),
                                    d.duration() != null ? d.duration() : Duration.ofMinutes(1),
                                    d.startTime(),
                                    d.encoder(),
                                    d.sink(),
                                    d.labels(),
                                    d.onSinkError(),
                                    d.whileClause(),
                                    defaultDelay);
                    List<Entry> entries = IntStream.range(0, drafts.size())
                            .mapToObj(i -> fit(drafts.get(i), withIds.get(i) ? "e" + i : null, defaults))
                            .toList();
                    boolean crossPost = entries.stream()
                                    .anyMatch(e -> e.whileClause() != null
                                            && e.whileClause().scenarioName() != null)
                            || (defaults.whileClause() != null
                                    && defaults.whileClause().scenarioName() != null);
                    String scenarioName = name == null && crossPost ? "body" : name;
                    return new ScenarioPlan(
                            ScenarioPlan.VERSION,
                            PlanKind.RUNNABLE,
                            scenarioName,
                            description,
                            tags,
                            defaults,
                            entries,
                            null);
                });
    }

    private static Entry fit(Entry e, String id, Defaults d) {
        boolean gated = e.whileClause() != null || d.whileClause() != null;
        boolean relative = e.signal() instanceof Signal.Traces t && t.traces().usesRelativeOffsets()
                || e.signal() instanceof Signal.Events ev && ev.usesRelativeOffsets();
        boolean needsDuration = e.after() != null || gated || relative;
        return new Entry(
                id,
                e.name(),
                e.signal(),
                e.rate() == null && d.rate() == null ? Double.valueOf(1) : e.rate(),
                e.duration() == null && d.duration() == null && needsDuration ? Duration.ofMinutes(1) : e.duration(),
                e.startTime(),
                e.labels(),
                e.dynamicLabels(),
                e.encoder(),
                e.sink(),
                e.jitter(),
                e.jitterSeed(),
                e.gaps(),
                e.bursts(),
                e.cardinalitySpikes(),
                e.phaseOffset(),
                e.clockGroup(),
                e.after(),
                e.whileClause(),
                gated ? e.delay() : null,
                e.onSinkError(),
                e.metricType(),
                e.help());
    }

    /** A composable plan: a pack definition. */
    static Arbitrary<ScenarioPlan> composable() {
        Arbitrary<PackMetric> metric = Combinators.combine(
                        text(), anyKeyMap(), generator().injectNull(0.4))
                .as(PackMetric::new);
        return Combinators.combine(
                        text(),
                        text(),
                        text(),
                        anyKeyMap(),
                        metric.list().ofMaxSize(3),
                        text().list().ofMaxSize(2),
                        text().injectNull(0.5))
                .as((name, description, category, shared, metrics, tags, scenarioName) -> {
                    MetricPack pack = new MetricPack(name, description, category, shared, metrics, tags, scenarioName);
                    return new ScenarioPlan(
                            ScenarioPlan.VERSION,
                            PlanKind.COMPOSABLE,
                            scenarioName,
                            description,
                            new ArrayList<>(tags),
                            Defaults.NONE,
                            List.of(),
                            pack);
                });
    }
}
