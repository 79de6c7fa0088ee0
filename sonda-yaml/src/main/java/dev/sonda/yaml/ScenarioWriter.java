package dev.sonda.yaml;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.sonda.api.AfterClause;
import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.Defaults;
import dev.sonda.api.DelayClause;
import dev.sonda.api.Distribution;
import dev.sonda.api.DurationText;
import dev.sonda.api.DynamicLabel;
import dev.sonda.api.Entry;
import dev.sonda.api.MetricPack;
import dev.sonda.api.Offset;
import dev.sonda.api.PackMetric;
import dev.sonda.api.PackOverride;
import dev.sonda.api.PlanKind;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.WhileClause;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.InfraEvent;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.internal.spec.MapSpecWriter;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.CorrelatedLogs;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.RedMetrics;
import dev.sonda.api.trace.Root;
import dev.sonda.api.trace.Service;
import dev.sonda.api.trace.SpanKind;
import dev.sonda.api.trace.TraceSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes an IR plan as a v2 scenario file (Sonda 1.20 format, canonical shape) that {@link
 * ScenarioLoader#load(String, String)} reads back into an equal plan.
 *
 * <p>The {@code generator}, {@code log_generator}, {@code encoder} and {@code sink} blocks are
 * written by the provider of their type in a {@link SpecRegistry}, the one the loader reads them
 * with; a {@code Generic} spec (a plug-in type no provider serves here) is written as its
 * properties, sorted by key.
 *
 * <p>Runnable plans are written as {@code version}, {@code kind}, catalog metadata, {@code
 * defaults:} (when any default is set) and the {@code scenarios:} list; composable plans as the
 * pack definition (the pack's own name, description, category, labels, metrics, tags and {@code
 * scenario_name}; the plan-level metadata of a composable plan is not written). Fields left at
 * null are left out; built-in defaults the loader would fill in (histogram buckets, observations
 * per tick, and so on) are left out when equal to the default. Labels and maps are written sorted
 * by key, strings double-quoted, doubles as shortest round-trip text ({@code .nan}, {@code .inf}
 * and {@code -.inf} for the special values) and durations with {@link DurationText#format}, or
 * with millisecond fractions when that is not exact, so every value reads back bit for bit. Every
 * {@code $} is written as {@code $$}, so no text is taken for a {@code ${VAR}} reference.
 *
 * <p>Round-trip equality holds for every valid plan whose {@code Generic} spec properties use the
 * value types the loader produces ({@code String}, {@code Long}, {@code BigInteger} beyond 64 bits,
 * {@code Double}, {@code Boolean}, {@code List}, {@code Map} with string keys). A plan that breaks
 * the format's rules is still written, and the loader then reports its problems.
 *
 * <p><b>Secrets</b> (a {@code basic_auth} password, a {@code bearer_token}, a secret header's value:
 * whatever a provider writes with {@link dev.sonda.api.spi.SpecWriter#putSecret}) are written as
 * {@code ***} by default ({@link Secrets#MASK}): this is the writer of dry runs and listings, whose
 * output may end up in logs. Such output does not run as is: a secret that reads back as {@code
 * ***} is a validation problem. To save a plan that is to run again, write it with {@link
 * Secrets#KEEP}; round-trip equality then holds for secrets too.
 */
public final class ScenarioWriter {
    /** What the writer does with secrets. */
    public enum Secrets {
        /** Writes {@code ***} in place of every secret: for display (the default). */
        MASK,
        /**
         * Writes every secret as it is, for saving a plan to run again: the text holds the
         * credentials, so keep it as safe as the credentials themselves.
         */
        KEEP
    }

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    /** A plain (unquoted) scalar: a number, or a known identifier or duration that needs no quotes. */
    record Num(String text) {}

    private static Num plain(String identifier) {
        return identifier == null ? null : new Num(identifier);
    }

    private final SpecRegistry registry;
    private final Secrets secrets;

    private ScenarioWriter(SpecRegistry registry, Secrets secrets) {
        this.registry = registry;
        this.secrets = secrets;
    }

    /**
     * Writes {@code plan} as YAML, its {@code type:} blocks by the providers of {@link
     * SpecRegistry#defaults()}.
     *
     * @param plan the plan
     * @return the v2 scenario file text
     * @throws IllegalArgumentException as {@link #write(ScenarioPlan, SpecRegistry)}
     */
    public static String write(ScenarioPlan plan) {
        return write(plan, SpecRegistry.defaults());
    }

    /**
     * Writes {@code plan} as YAML, each generator, log generator, encoder and sink block by the
     * provider of its type in {@code registry}, so that {@link ScenarioLoader#load(String, String,
     * java.util.function.Function, SpecRegistry)} with the same registry reads back an equal plan.
     *
     * @param plan the plan
     * @param registry the providers that write the {@code type:} blocks
     * @return the v2 scenario file text
     * @throws IllegalArgumentException if the plan holds something the format cannot express: a
     *     duration finer than a microsecond, a spec whose type no provider of {@code registry}
     *     writes (other than {@code Generic}), a {@code Generic} spec whose type a provider serves
     *     (it would read back as that provider's spec) or whose properties use the key {@code type},
     *     or a property value that is not a string, number, boolean, duration, list or map
     */
    public static String write(ScenarioPlan plan, SpecRegistry registry) {
        return write(plan, registry, Secrets.MASK);
    }

    /**
     * Writes {@code plan} as YAML as {@link #write(ScenarioPlan, SpecRegistry)} does, with secrets
     * masked or kept.
     *
     * @param plan the plan
     * @param registry the providers that write the {@code type:} blocks
     * @param secrets {@link Secrets#MASK} for display, {@link Secrets#KEEP} to save a plan that is to
     *     run again
     * @return the v2 scenario file text
     * @throws IllegalArgumentException as {@link #write(ScenarioPlan, SpecRegistry)}
     */
    public static String write(ScenarioPlan plan, SpecRegistry registry, Secrets secrets) {
        return new ScenarioWriter(
                        Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(secrets, "secrets"))
                .plan(plan);
    }

    private String plan(ScenarioPlan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", new Num(Integer.toString(plan.version())));
        root.put("kind", plain(plan.kind().yamlName()));
        if (plan.kind() == PlanKind.COMPOSABLE && plan.pack() != null) {
            pack(root, plan.pack());
        } else {
            put(root, "scenario_name", plan.scenarioName());
            put(root, "description", plan.description());
            put(root, "tags", plan.tags().isEmpty() ? null : plan.tags());
            if (!plan.defaults().equals(Defaults.NONE)) {
                root.put("defaults", defaults(plan.defaults()));
            }
            root.put("scenarios", plan.entries().stream().map(this::entry).toList());
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            emit(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the loader interpolates ${VAR} over the raw text first: every literal $ is written as $$
        return out.toString().replace("$", "$$");
    }

    private void pack(Map<String, Object> root, MetricPack pack) {
        root.put("name", pack.name());
        put(root, "description", pack.description());
        put(root, "category", pack.category());
        put(root, "shared_labels", labels(pack.sharedLabels()));
        List<Object> metrics = new ArrayList<>();
        for (PackMetric m : pack.metrics()) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("name", m.name());
            put(metric, "labels", labels(m.labels()));
            put(metric, "generator", m.generator() == null ? null : generator(m.generator()));
            metrics.add(metric);
        }
        root.put("metrics", metrics);
        put(root, "tags", pack.tags().isEmpty() ? null : pack.tags());
        put(root, "scenario_name", pack.scenarioName());
    }

    private Map<String, Object> defaults(Defaults d) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "rate", d.rate() == null ? null : num(d.rate()));
        put(m, "duration", strict(d.duration()));
        put(m, "start_time", d.startTime());
        put(m, "encoder", d.encoder() == null ? null : encoder(d.encoder()));
        put(m, "sink", d.sink() == null ? null : sink(d.sink()));
        put(m, "labels", labels(d.labels()));
        put(
                m,
                "on_sink_error",
                d.onSinkError() == null ? null : plain(d.onSinkError().yamlName()));
        put(m, "while", d.whileClause() == null ? null : whileClause(d.whileClause()));
        put(m, "delay", d.delay() == null ? null : delay(d.delay()));
        return m;
    }

    private Map<String, Object> entry(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "id", e.id());
        m.put("signal_type", plain(e.signalType().yamlName()));
        put(m, "name", e.name());
        put(m, "rate", e.rate() == null ? null : num(e.rate()));
        put(m, "duration", strict(e.duration()));
        put(m, "start_time", e.startTime());
        signal(m, e.signal());
        put(m, "labels", labels(e.labels()));
        if (!e.dynamicLabels().isEmpty()) {
            m.put(
                    "dynamic_labels",
                    e.dynamicLabels().stream().map(ScenarioWriter::dynamicLabel).toList());
        }
        put(m, "encoder", e.encoder() == null ? null : encoder(e.encoder()));
        put(m, "sink", e.sink() == null ? null : sink(e.sink()));
        put(m, "jitter", e.jitter() == null ? null : num(e.jitter()));
        put(m, "jitter_seed", e.jitterSeed() == null ? null : unsigned(e.jitterSeed()));
        if (e.gaps() != null) {
            m.put(
                    "gaps",
                    map(
                            "every",
                            strict(e.gaps().every()),
                            "for",
                            strict(e.gaps().forDuration())));
        }
        if (e.bursts() != null) {
            Map<String, Object> b = map(
                    "every",
                    strict(e.bursts().every()),
                    "for",
                    strict(e.bursts().forDuration()));
            b.put("multiplier", num(e.bursts().multiplier()));
            m.put("bursts", b);
        }
        if (!e.cardinalitySpikes().isEmpty()) {
            m.put(
                    "cardinality_spikes",
                    e.cardinalitySpikes().stream().map(ScenarioWriter::spike).toList());
        }
        put(m, "phase_offset", strict(e.phaseOffset()));
        put(m, "clock_group", e.clockGroup());
        put(m, "after", e.after() == null ? null : after(e.after()));
        put(m, "while", e.whileClause() == null ? null : whileClause(e.whileClause()));
        put(m, "delay", e.delay() == null ? null : delay(e.delay()));
        put(
                m,
                "on_sink_error",
                e.onSinkError() == null ? null : plain(e.onSinkError().yamlName()));
        put(
                m,
                "metric_type",
                e.metricType() == null ? null : plain(e.metricType().yamlName()));
        put(m, "help", e.help());
        return m;
    }

    private void signal(Map<String, Object> m, Signal signal) {
        if (signal instanceof Signal.Metrics s) {
            m.put("generator", generator(s.generator()));
        } else if (signal instanceof Signal.Logs s) {
            m.put("log_generator", logGenerator(s.generator()));
        } else if (signal instanceof Signal.Pack s) {
            m.put("pack", s.pack());
            if (!s.overrides().isEmpty()) {
                Map<String, Object> overrides = new LinkedHashMap<>();
                new TreeMap<>(s.overrides()).forEach((k, v) -> overrides.put(k, override(v)));
                m.put("overrides", overrides);
            }
        } else if (signal instanceof Signal.Histogram h) {
            m.put("distribution", distribution(h.distribution()));
            put(m, "buckets", h.buckets().equals(Signal.DEFAULT_BUCKETS) ? null : nums(h.buckets()));
            observations(m, h.observationsPerTick(), h.meanShiftPerSec(), h.seed());
        } else if (signal instanceof Signal.Summary s) {
            m.put("distribution", distribution(s.distribution()));
            put(m, "quantiles", s.quantiles().equals(Signal.DEFAULT_QUANTILES) ? null : nums(s.quantiles()));
            observations(m, s.observationsPerTick(), s.meanShiftPerSec(), s.seed());
        } else if (signal instanceof Signal.Traces t) {
            m.put("traces", traces(t.traces()));
        } else if (signal instanceof Signal.Events ev) {
            m.put("events", ev.events().stream().map(ScenarioWriter::event).toList());
        } else if (signal instanceof Signal.Workload w) {
            m.put("workload", WorkloadBlocks.write(w.workload(), this::generator));
        }
    }

    // ---- traces and events ------------------------------------------------------------------------

    private Map<String, Object> traces(TraceSpec t) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t.seed() != 0) {
            m.put("seed", unsigned(t.seed()));
        }
        if (Double.doubleToRawLongBits(t.severity()) != Double.doubleToRawLongBits(1.0)) {
            m.put("severity", num(t.severity()));
        }
        m.put("services", t.services().stream().map(ScenarioWriter::service).toList());
        if (!t.roots().isEmpty()) {
            m.put("roots", t.roots().stream().map(ScenarioWriter::root).toList());
        }
        if (Double.doubleToRawLongBits(t.errorPropagation())
                != Double.doubleToRawLongBits(TraceSpec.DEFAULT_ERROR_PROPAGATION)) {
            m.put("error_propagation", num(t.errorPropagation()));
        }
        if (t.circuitBreaker() != null) {
            Map<String, Object> b =
                    map("failures", new Num(Integer.toString(t.circuitBreaker().failures())));
            b.put("open_for", strict(t.circuitBreaker().openFor()));
            m.put("circuit_breaker", b);
        }
        if (!t.faults().isEmpty()) {
            m.put("faults", t.faults().stream().map(ScenarioWriter::fault).toList());
        }
        if (t.logs() != null) {
            CorrelatedLogs l = t.logs();
            Map<String, Object> logs = new LinkedHashMap<>();
            if (Double.doubleToRawLongBits(l.sample()) != Double.doubleToRawLongBits(1.0)) {
                logs.put("sample", num(l.sample()));
            }
            put(logs, "encoder", l.encoder() == null ? null : encoder(l.encoder()));
            put(logs, "sink", l.sink() == null ? null : sink(l.sink()));
            m.put("logs", logs);
        }
        if (t.metrics() != null) {
            RedMetrics r = t.metrics();
            Map<String, Object> metrics = new LinkedHashMap<>();
            if (!r.interval().equals(RedMetrics.DEFAULT_INTERVAL)) {
                metrics.put("interval", strict(r.interval()));
            }
            put(metrics, "encoder", r.encoder() == null ? null : encoder(r.encoder()));
            put(metrics, "sink", r.sink() == null ? null : sink(r.sink()));
            m.put("metrics", metrics);
        }
        return m;
    }

    private static Map<String, Object> service(Service s) {
        Map<String, Object> m = map("name", s.name());
        m.put(
                "operations",
                s.operations().stream().map(ScenarioWriter::operation).toList());
        put(m, "attributes", labels(s.attributes()));
        return m;
    }

    private static Map<String, Object> operation(Operation o) {
        Map<String, Object> m = map("name", o.name());
        if (o.kind() != SpanKind.SERVER) {
            m.put("kind", plain(o.kind().yamlName()));
        }
        m.put("latency", distribution(o.latency()));
        if (Double.doubleToRawLongBits(o.errorRate()) != 0L) {
            m.put("error_rate", num(o.errorRate()));
        }
        put(m, "timeout", strict(o.timeout()));
        if (!o.calls().isEmpty()) {
            m.put("calls", o.calls().stream().map(ScenarioWriter::call).toList());
        }
        put(m, "attributes", labels(o.attributes()));
        return m;
    }

    private static Map<String, Object> call(Call c) {
        Map<String, Object> m = map("service", c.service());
        put(m, "operation", c.operation());
        if (c.count() != 1) {
            m.put("count", new Num(Integer.toString(c.count())));
        }
        if (Double.doubleToRawLongBits(c.probability()) != Double.doubleToRawLongBits(1.0)) {
            m.put("probability", num(c.probability()));
        }
        if (c.parallel()) {
            m.put("parallel", true);
        }
        return m;
    }

    private static Map<String, Object> root(Root r) {
        Map<String, Object> m = map("service", r.service());
        put(m, "operation", r.operation());
        if (Double.doubleToRawLongBits(r.weight()) != Double.doubleToRawLongBits(1.0)) {
            m.put("weight", num(r.weight()));
        }
        return m;
    }

    private static Map<String, Object> fault(Fault f) {
        Map<String, Object> m = map("service", f.service());
        put(m, "operation", f.operation());
        if (!f.from().equals(Offset.START)) {
            m.put("from", offset(f.from()));
        }
        put(m, "to", f.to() == null ? null : offset(f.to()));
        put(m, "error_rate", f.errorRate() == null ? null : num(f.errorRate()));
        if (Double.doubleToRawLongBits(f.latencyFactor()) != Double.doubleToRawLongBits(1.0)) {
            m.put("latency_factor", num(f.latencyFactor()));
        }
        if (f.ramp()) {
            m.put("ramp", true);
        }
        put(m, "message", f.message());
        return m;
    }

    private static Map<String, Object> event(InfraEvent e) {
        Map<String, Object> m = map("at", offset(e.at()));
        m.put("type", plain(e.type().yamlName()));
        m.put("service", e.service());
        if (e.severity() != EventSeverity.INFO) {
            m.put("severity", plain(e.severity().yamlName()));
        }
        put(m, "details", e.details());
        put(m, "attributes", labels(e.attributes()));
        return m;
    }

    /** An offset as text that reads back exactly: {@code N%}, or a duration (zero allowed). */
    private static Num offset(Offset o) {
        if (o.relative()) {
            return new Num(FloatText.display(o.percent()) + "%");
        }
        return plain(duration(o.time(), DurationText::parseOptional));
    }

    private static void observations(Map<String, Object> m, int observations, double shift, Long seed) {
        if (observations != Signal.DEFAULT_OBSERVATIONS_PER_TICK) {
            m.put("observations_per_tick", new Num(Integer.toString(observations)));
        }
        if (Double.doubleToRawLongBits(shift) != 0L) {
            m.put("mean_shift_per_sec", num(shift));
        }
        if (seed != null) {
            m.put("seed", unsigned(seed));
        }
    }

    private Map<String, Object> override(PackOverride o) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "generator", o.generator() == null ? null : generator(o.generator()));
        put(m, "labels", labels(o.labels()));
        put(m, "after", o.after() == null ? null : after(o.after()));
        put(m, "while", o.whileClause() == null ? null : whileClause(o.whileClause()));
        put(m, "delay", o.delay() == null ? null : delay(o.delay()));
        return m;
    }

    private static Map<String, Object> dynamicLabel(DynamicLabel d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", d.key());
        put(m, "prefix", d.prefix());
        if (d.values().isEmpty() || d.cardinality() != 0) {
            m.put("cardinality", unsigned(d.cardinality()));
        }
        put(m, "values", d.values().isEmpty() ? null : d.values());
        return m;
    }

    private static Map<String, Object> spike(CardinalitySpike s) {
        Map<String, Object> m = map("label", s.label(), "every", strict(s.every()));
        m.put("for", strict(s.forDuration()));
        m.put("cardinality", unsigned(s.cardinality()));
        m.put("strategy", plain(s.strategy().name().toLowerCase(Locale.ROOT)));
        put(m, "prefix", s.prefix());
        if (s.seed() != null) {
            m.put("seed", unsigned(s.seed()));
        }
        return m;
    }

    private static Map<String, Object> after(AfterClause a) {
        Map<String, Object> m = map("ref", a.ref(), "op", a.op().symbol());
        m.put("value", num(a.value()));
        put(m, "delay", strict(a.delay()));
        return m;
    }

    private static Map<String, Object> whileClause(WhileClause w) {
        Map<String, Object> m = map("ref", w.ref(), "op", w.op().symbol());
        m.put("value", num(w.value()));
        put(m, "scenario_name", w.scenarioName());
        put(
                m,
                "if_unresolved",
                w.ifUnresolved() == null ? null : plain(w.ifUnresolved().name().toLowerCase(Locale.ROOT)));
        return m;
    }

    private static Map<String, Object> delay(DelayClause d) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "open", plain(duration(d.open(), DurationText::parseDelay)));
        Num close = plain(duration(d.close(), DurationText::parseDelay));
        if (d.snapTo() == null && d.staleMarker() == null) {
            put(m, "close", close);
        } else {
            Map<String, Object> c = new LinkedHashMap<>();
            put(c, "duration", close);
            put(c, "snap_to", d.snapTo() == null ? null : num(d.snapTo()));
            put(c, "stale_marker", d.staleMarker());
            m.put("close", c);
        }
        return m;
    }

    // ---- type-tagged blocks ---------------------------------------------------------------------

    private static Map<String, Object> distribution(Distribution d) {
        Map<String, Object> m = map("type", plain(d.type()));
        if (d instanceof Distribution.Exponential e) {
            m.put("rate", num(e.rate()));
        } else if (d instanceof Distribution.Normal n) {
            m.put("mean", num(n.mean()));
            m.put("stddev", num(n.stddev()));
        } else if (d instanceof Distribution.Uniform u) {
            m.put("min", num(u.min()));
            m.put("max", num(u.max()));
        }
        return m;
    }

    private Map<String, Object> generator(GeneratorSpec spec) {
        return typed(SpecKind.GENERATOR, spec);
    }

    private Map<String, Object> logGenerator(LogGeneratorSpec spec) {
        return typed(SpecKind.LOG_GENERATOR, spec);
    }

    private Map<String, Object> encoder(EncoderSpec spec) {
        return typed(SpecKind.ENCODER, spec);
    }

    private Map<String, Object> sink(SinkSpec spec) {
        return typed(SpecKind.SINK, spec);
    }

    /**
     * A {@code type:} block as its provider writes it; a {@code Generic} spec's properties sorted
     * by key. A type a provider serves is written plain; a plug-in's type is quoted like any user
     * text.
     */
    private Map<String, Object> typed(SpecKind kind, Object spec) {
        Map<String, Object> generic = SpecRegistry.genericProperties(spec);
        MapSpecWriter out = new MapSpecWriter(secrets == Secrets.KEEP);
        registry.write(kind, spec, out);
        String type = (String) out.map().get("type");
        boolean known = registry.find(kind, type).isPresent();
        if (generic != null) {
            if (known) {
                throw new IllegalArgumentException("a generic " + kind.displayName() + " cannot use the type '" + type
                        + "' of a provider: it would read back as that provider's spec");
            }
            if (generic.containsKey("type")) {
                throw new IllegalArgumentException(
                        "a generic " + kind.displayName() + " property cannot be named 'type'");
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", known ? plain(type) : type);
        Map<String, Object> keys = generic != null ? new TreeMap<>(out.map()) : out.map();
        keys.forEach((k, v) -> {
            if (!k.equals("type")) {
                m.put(k, value(v));
            }
        });
        return m;
    }

    // ---- scalars ------------------------------------------------------------------------------

    /**
     * A value a provider wrote ({@link dev.sonda.api.spi.SpecWriter}'s types) as a writable tree
     * value: doubles as shortest round-trip text, durations as text the duration parsers read back
     * exactly.
     */
    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Duration d) {
            return plain(duration(d, DurationText::parseOptional));
        }
        if (v instanceof Double || v instanceof Float) {
            return num(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return num(d.doubleValue());
        }
        if (v instanceof Number n) {
            return new Num(n.toString());
        }
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, x) -> m.put(String.valueOf(k), value(x)));
            return m;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(ScenarioWriter::value).toList();
        }
        throw new IllegalArgumentException("cannot write a property value of type "
                + v.getClass().getName() + ": only strings, numbers, booleans, lists and maps have a YAML form");
    }

    /** A double as text the loader reads back bit for bit. */
    static Num num(double d) {
        if (Double.isNaN(d)) {
            return new Num(".nan");
        }
        if (Double.isInfinite(d)) {
            return new Num(d > 0 ? ".inf" : "-.inf");
        }
        return new Num(FloatText.json(d));
    }

    private static List<Num> nums(List<Double> values) {
        return values.stream().map(ScenarioWriter::num).toList();
    }

    /** A seed as YAML writes it: the 64 bits as an unsigned decimal. */
    static Num unsigned(long v) {
        return new Num(Long.toUnsignedString(v));
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels.isEmpty() ? null : new TreeMap<>(labels);
    }

    static Num strict(Duration d) {
        return plain(duration(d, DurationText::parse));
    }

    /**
     * A duration as text that {@code parser} reads back exactly: {@link DurationText#format} when
     * it is exact, else fractional milliseconds.
     */
    private static String duration(Duration d, SpecBlock.DurationParser parser) {
        if (d == null) {
            return null;
        }
        if (d.getNano() % 1000 != 0) {
            throw new IllegalArgumentException(
                    "duration " + d + " is finer than a microsecond, which the v2 format cannot express");
        }
        String formatted = DurationText.format(d);
        if (d.isNegative() || d.isZero()) {
            return formatted;
        }
        BigDecimal millis = BigDecimal.valueOf(d.getSeconds())
                .multiply(BigDecimal.valueOf(1000))
                .add(BigDecimal.valueOf(d.getNano() / 1000, 3));
        for (String candidate : List.of(
                formatted,
                millis.stripTrailingZeros().toPlainString() + "ms",
                millis.add(new BigDecimal("0.00025")).toPlainString() + "ms")) {
            try {
                if (parser.parse(candidate).equals(d)) {
                    return candidate;
                }
            } catch (IllegalArgumentException e) {
                // try the next form
            }
        }
        return formatted;
    }

    /** Puts {@code value} under {@code key} unless it is null (a key left out of the YAML). */
    static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Map<String, Object> map(String k1, Object v1) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        return m;
    }

    private static Map<String, Object> map(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = map(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static void emit(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(e.getKey().toString());
                emit(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                emit(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Num n) {
            g.writeNumber(n.text());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v == null) {
            g.writeNull();
        } else {
            g.writeString(v.toString());
        }
    }
}
