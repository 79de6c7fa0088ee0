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
import dev.sonda.api.PackMetric;
import dev.sonda.api.PackOverride;
import dev.sonda.api.PlanKind;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.WhileClause;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
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
import java.util.TreeMap;

/**
 * Writes an IR plan as a v2 scenario file (Sonda 1.20 format, canonical shape) that {@link
 * ScenarioLoader#load(String, String)} reads back into an equal plan.
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
 */
public final class ScenarioWriter {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    /** A plain (unquoted) scalar: a number, or a known identifier or duration that needs no quotes. */
    private record Num(String text) {}

    private static Num plain(String identifier) {
        return identifier == null ? null : new Num(identifier);
    }

    private ScenarioWriter() {}

    /**
     * Writes {@code plan} as YAML.
     *
     * @param plan the plan
     * @return the v2 scenario file text
     * @throws IllegalArgumentException if the plan holds something the format cannot express: a
     *     duration finer than a microsecond, a {@code Generic} spec whose type is a built-in one
     *     or whose properties use the key {@code type}, a Kafka option named like a Kafka key, a
     *     property value that is not a string, number, boolean, list or map, or a spec class that
     *     is neither built in nor {@code Generic}
     */
    public static String write(ScenarioPlan plan) {
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
            root.put(
                    "scenarios",
                    plan.entries().stream().map(ScenarioWriter::entry).toList());
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

    private static void pack(Map<String, Object> root, MetricPack pack) {
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

    private static Map<String, Object> defaults(Defaults d) {
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

    private static Map<String, Object> entry(Entry e) {
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

    private static void signal(Map<String, Object> m, Signal signal) {
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
        }
    }

    private static void observations(Map<String, Object> m, int observations, double shift, long seed) {
        if (observations != Signal.DEFAULT_OBSERVATIONS_PER_TICK) {
            m.put("observations_per_tick", new Num(Integer.toString(observations)));
        }
        if (Double.doubleToRawLongBits(shift) != 0L) {
            m.put("mean_shift_per_sec", num(shift));
        }
        if (seed != 0) {
            m.put("seed", unsigned(seed));
        }
    }

    private static Map<String, Object> override(PackOverride o) {
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
        if (s.seed() != 0) {
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

    private static Map<String, Object> generator(GeneratorSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", typeName(spec, spec.type()));
        if (spec instanceof GeneratorSpec.Constant g) {
            m.put("value", num(g.value()));
        } else if (spec instanceof GeneratorSpec.Sine g) {
            m.put("amplitude", num(g.amplitude()));
            m.put("period_secs", num(g.periodSecs()));
            m.put("offset", num(g.offset()));
        } else if (spec instanceof GeneratorSpec.Sawtooth g) {
            m.put("min", num(g.min()));
            m.put("max", num(g.max()));
            m.put("period_secs", num(g.periodSecs()));
        } else if (spec instanceof GeneratorSpec.Uniform g) {
            m.put("min", num(g.min()));
            m.put("max", num(g.max()));
            m.put("seed", unsigned(g.seed()));
        } else if (spec instanceof GeneratorSpec.Sequence g) {
            m.put("values", nums(g.values()));
            m.put("repeat", g.repeat());
        } else if (spec instanceof GeneratorSpec.Step g) {
            m.put("start", num(g.start()));
            m.put("step_size", num(g.stepSize()));
            put(m, "max", g.max() == null ? null : num(g.max()));
        } else if (spec instanceof GeneratorSpec.Spike g) {
            m.put("baseline", num(g.baseline()));
            m.put("magnitude", num(g.magnitude()));
            m.put("duration_secs", num(g.durationSecs()));
            m.put("interval_secs", num(g.intervalSecs()));
        } else if (spec instanceof GeneratorSpec.CsvReplay g) {
            m.put("file", g.file());
            if (!g.columns().isEmpty()) {
                List<Object> columns = new ArrayList<>();
                for (GeneratorSpec.CsvColumn c : g.columns()) {
                    Map<String, Object> col = map("index", new Num(Integer.toString(c.index())), "name", c.name());
                    put(col, "labels", labels(c.labels()));
                    columns.add(col);
                }
                m.put("columns", columns);
            }
            m.put("repeat", g.repeat());
            m.put("timescale", num(g.timescale()));
            put(m, "default_metric_name", g.defaultMetricName());
        } else if (spec instanceof GeneratorSpec.Steady g) {
            m.put("center", num(g.center()));
            m.put("amplitude", num(g.amplitude()));
            m.put("period", strict(g.period()));
            m.put("noise", num(g.noise()));
            put(m, "noise_seed", g.noiseSeed() == null ? null : unsigned(g.noiseSeed()));
        } else if (spec instanceof GeneratorSpec.Flap g) {
            m.put("up_duration", strict(g.upDuration()));
            m.put("down_duration", strict(g.downDuration()));
            put(m, "up_value", g.upValue() == null ? null : num(g.upValue()));
            put(m, "down_value", g.downValue() == null ? null : num(g.downValue()));
            put(m, "enum", g.flapEnum() == null ? null : plain(g.flapEnum().yamlName()));
        } else if (spec instanceof GeneratorSpec.Saturation g) {
            ramp(m, g.baseline(), g.ceiling(), "time_to_saturate", g.timeToSaturate());
        } else if (spec instanceof GeneratorSpec.Leak g) {
            ramp(m, g.baseline(), g.ceiling(), "time_to_ceiling", g.timeToCeiling());
        } else if (spec instanceof GeneratorSpec.Degradation g) {
            ramp(m, g.baseline(), g.ceiling(), "time_to_degrade", g.timeToDegrade());
            m.put("noise", num(g.noise()));
            put(m, "noise_seed", g.noiseSeed() == null ? null : unsigned(g.noiseSeed()));
        } else if (spec instanceof GeneratorSpec.SpikeEvent g) {
            m.put("baseline", num(g.baseline()));
            m.put("spike_height", num(g.spikeHeight()));
            m.put("spike_duration", strict(g.spikeDuration()));
            m.put("spike_interval", strict(g.spikeInterval()));
        } else if (spec instanceof GeneratorSpec.Generic g) {
            generic(m, "generator", g.type(), g.properties(), SpecReader.GENERATOR_TYPES);
        } else {
            throw unsupported("generator", spec);
        }
        return m;
    }

    private static void ramp(Map<String, Object> m, double baseline, double ceiling, String key, Duration d) {
        m.put("baseline", num(baseline));
        m.put("ceiling", num(ceiling));
        m.put(key, strict(d));
    }

    private static Map<String, Object> logGenerator(LogGeneratorSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", typeName(spec, spec.type()));
        if (spec instanceof LogGeneratorSpec.Template t) {
            List<Object> templates = new ArrayList<>();
            for (LogGeneratorSpec.LogTemplate lt : t.templates()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("message", lt.message());
                if (!lt.fieldPools().isEmpty()) {
                    tm.put("field_pools", new TreeMap<>(lt.fieldPools()));
                }
                templates.add(tm);
            }
            m.put("templates", templates);
            if (!t.severityWeights().isEmpty()) {
                Map<String, Object> weights = new LinkedHashMap<>();
                new TreeMap<>(t.severityWeights()).forEach((k, v) -> weights.put(k.yamlName(), num(v)));
                m.put("severity_weights", weights);
            }
            m.put("seed", unsigned(t.seed()));
        } else if (spec instanceof LogGeneratorSpec.CsvReplay c) {
            m.put("file", c.file());
            Map<String, Object> columns = new LinkedHashMap<>();
            put(columns, "timestamp", c.timestampColumn());
            put(columns, "severity", c.severityColumn());
            put(columns, "message", c.messageColumn());
            put(m, "columns", columns.isEmpty() ? null : columns);
            m.put("repeat", c.repeat());
            m.put("timescale", num(c.timescale()));
            m.put("default_severity", plain(c.defaultSeverity().yamlName()));
        } else if (spec instanceof LogGeneratorSpec.Generic g) {
            generic(m, "log generator", g.type(), g.properties(), SpecReader.LOG_GENERATOR_TYPES);
        } else {
            throw unsupported("log generator", spec);
        }
        return m;
    }

    private static Map<String, Object> distribution(Distribution d) {
        if (d instanceof Distribution.Exponential e) {
            return map("type", plain("exponential"), "rate", num(e.rate()));
        }
        if (d instanceof Distribution.Normal n) {
            Map<String, Object> m = map("type", plain("normal"), "mean", num(n.mean()));
            m.put("stddev", num(n.stddev()));
            return m;
        }
        Distribution.Uniform u = (Distribution.Uniform) d;
        Map<String, Object> m = map("type", plain("uniform"), "min", num(u.min()));
        m.put("max", num(u.max()));
        return m;
    }

    private static Map<String, Object> encoder(EncoderSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", typeName(spec, spec.type()));
        if (spec instanceof EncoderSpec.PrometheusText e) {
            put(m, "precision", integer(e.precision()));
        } else if (spec instanceof EncoderSpec.InfluxLp e) {
            put(m, "field_key", e.fieldKey());
            put(m, "precision", integer(e.precision()));
        } else if (spec instanceof EncoderSpec.JsonLines e) {
            put(m, "precision", integer(e.precision()));
        } else if (spec instanceof EncoderSpec.Syslog e) {
            put(m, "hostname", e.hostname());
            put(m, "app_name", e.appName());
        } else if (spec instanceof EncoderSpec.Generic g) {
            generic(m, "encoder", g.type(), g.properties(), SpecReader.ENCODER_TYPES);
        } else if (!(spec instanceof EncoderSpec.RemoteWrite || spec instanceof EncoderSpec.Otlp)) {
            throw unsupported("encoder", spec);
        }
        return m;
    }

    private static Map<String, Object> sink(SinkSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", typeName(spec, spec.type()));
        if (spec instanceof SinkSpec.File s) {
            m.put("path", s.path());
        } else if (spec instanceof SinkSpec.Tcp s) {
            m.put("address", s.address());
            put(m, "retry", retry(s.retry()));
        } else if (spec instanceof SinkSpec.Udp s) {
            m.put("address", s.address());
        } else if (spec instanceof SinkSpec.HttpPush s) {
            m.put("url", s.url());
            put(m, "content_type", s.contentType());
            put(m, "batch_size", integer(s.batchSize()));
            put(m, "max_buffer_age", bufferAge(s.maxBufferAge()));
            put(m, "headers", labels(s.headers()));
            put(m, "retry", retry(s.retry()));
        } else if (spec instanceof SinkSpec.RemoteWrite s) {
            m.put("url", s.url());
            put(m, "batch_size", integer(s.batchSize()));
            put(m, "max_buffer_age", bufferAge(s.maxBufferAge()));
            put(m, "retry", retry(s.retry()));
        } else if (spec instanceof SinkSpec.Loki s) {
            m.put("url", s.url());
            put(m, "batch_size", integer(s.batchSize()));
            put(m, "max_streams_per_push", integer(s.maxStreamsPerPush()));
            put(m, "max_buffer_age", bufferAge(s.maxBufferAge()));
            put(m, "retry", retry(s.retry()));
        } else if (spec instanceof SinkSpec.Kafka s) {
            m.put("brokers", s.brokers());
            m.put("topic", s.topic());
            put(m, "max_buffer_age", bufferAge(s.maxBufferAge()));
            put(m, "retry", retry(s.retry()));
            new TreeMap<>(s.options()).forEach((k, v) -> {
                if (m.containsKey(k) || List.of("max_buffer_age", "retry").contains(k)) {
                    throw new IllegalArgumentException(
                            "kafka sink option '" + k + "' collides with a kafka sink key and cannot be written");
                }
                m.put(k, value(v));
            });
        } else if (spec instanceof SinkSpec.OtlpGrpc s) {
            m.put("endpoint", s.endpoint());
            put(m, "signal_type", s.signalType());
            put(m, "batch_size", integer(s.batchSize()));
            put(m, "max_buffer_age", bufferAge(s.maxBufferAge()));
            put(m, "retry", retry(s.retry()));
            put(m, "resource_attributes", labels(s.resourceAttributes()));
        } else if (spec instanceof SinkSpec.Generic g) {
            generic(m, "sink", g.type(), g.properties(), SpecReader.SINK_TYPES);
        } else if (!(spec instanceof SinkSpec.Stdout || spec instanceof SinkSpec.Memory)) {
            throw unsupported("sink", spec);
        }
        return m;
    }

    private static Map<String, Object> retry(RetryPolicy r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = map("max_attempts", new Num(Integer.toString(r.maxAttempts())));
        m.put("initial_backoff", strict(r.initialBackoff()));
        m.put("max_backoff", strict(r.maxBackoff()));
        return m;
    }

    private static void generic(
            Map<String, Object> m, String what, String type, Map<String, Object> properties, List<String> builtIn) {
        if (builtIn.contains(type)) {
            throw new IllegalArgumentException("a generic " + what + " cannot use the built-in type '" + type
                    + "': it would read back as the built-in spec");
        }
        new TreeMap<>(properties).forEach((k, v) -> {
            if (k.equals("type")) {
                throw new IllegalArgumentException("a generic " + what + " property cannot be named 'type'");
            }
            m.put(k, value(v));
        });
    }

    /** Built-in type names are plain; a plug-in's type is quoted like any user text. */
    private static Object typeName(Object spec, String type) {
        boolean generic = spec instanceof GeneratorSpec.Generic
                || spec instanceof LogGeneratorSpec.Generic
                || spec instanceof EncoderSpec.Generic
                || spec instanceof SinkSpec.Generic;
        return generic ? type : plain(type);
    }

    private static IllegalArgumentException unsupported(String what, Object spec) {
        return new IllegalArgumentException("cannot write " + what + " "
                + spec.getClass().getName() + ": only the built-in specs and Generic have a YAML form");
    }

    // ---- scalars ------------------------------------------------------------------------------

    /** A generic property value as a writable tree value. */
    private static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
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

    private static Num unsigned(long v) {
        return new Num(Long.toUnsignedString(v));
    }

    private static Num integer(Integer v) {
        return v == null ? null : new Num(Integer.toString(v));
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels.isEmpty() ? null : new TreeMap<>(labels);
    }

    private static Num strict(Duration d) {
        return plain(duration(d, DurationText::parse));
    }

    private static Num bufferAge(Duration d) {
        return plain(duration(d, DurationText::parseOptional));
    }

    /**
     * A duration as text that {@code parser} reads back exactly: {@link DurationText#format} when
     * it is exact, else fractional milliseconds.
     */
    private static String duration(Duration d, Obj.DurationParser parser) {
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

    private static void put(Map<String, Object> m, String key, Object value) {
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
