package dev.sonda.yaml;

import dev.sonda.api.Distribution;
import dev.sonda.api.DurationText;
import dev.sonda.api.Severity;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.yaml.YamlTree.Node;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code type:}-tagged blocks of an entry: {@code generator}, {@code log_generator},
 * {@code distribution}, {@code encoder} and {@code sink}. All of them are lenient (unknown keys are
 * ignored, as in the reference); an unknown {@code type} of a generator, log generator, encoder or
 * sink becomes the IR's {@code Generic} spec for plug-ins.
 */
final class SpecReader {
    private static final List<String> TYPE = List.of("type");
    private static final List<String> KAFKA_KEYS = List.of("type", "brokers", "topic", "max_buffer_age", "retry");

    static final Map<String, GeneratorSpec.FlapEnum> FLAP_ENUMS =
            Variants.byName(GeneratorSpec.FlapEnum.class, GeneratorSpec.FlapEnum::yamlName);
    static final Map<String, Severity> SEVERITIES = Variants.of(
            Map.entry("trace", Severity.TRACE),
            Map.entry("debug", Severity.DEBUG),
            Map.entry("info", Severity.INFO),
            Map.entry("warn", Severity.WARN),
            Map.entry("warning", Severity.WARN),
            Map.entry("error", Severity.ERROR),
            Map.entry("fatal", Severity.FATAL));

    /** The built-in generator types: a {@code Generic} spec must not use one of them. */
    static final List<String> GENERATOR_TYPES = List.of(
            "constant",
            "sine",
            "sawtooth",
            "uniform",
            "sequence",
            "step",
            "spike",
            "csv_replay",
            "steady",
            "flap",
            "saturation",
            "leak",
            "degradation",
            "spike_event");

    static final List<String> LOG_GENERATOR_TYPES = List.of("template", "csv_replay");
    static final List<String> ENCODER_TYPES =
            List.of("prometheus_text", "influx_lp", "json_lines", "syslog", "remote_write", "otlp");
    static final List<String> SINK_TYPES = List.of(
            "stdout", "file", "tcp", "udp", "http_push", "remote_write", "loki", "kafka", "otlp_grpc", "memory");

    private SpecReader() {}

    private static Obj.Wording alias(String src, String field) {
        String who = src == null ? "" : "entry '" + src + "': ";
        return (s, r) -> who + "invalid duration '" + s + "' in " + field + ": configuration error: " + r;
    }

    private static Duration aliasDur(Obj g, String type, String key, String fallback, String src) {
        Duration d = g.dur(key, DurationText::parse, alias(src, type + "." + key));
        return d != null ? d : DurationText.parse(fallback);
    }

    /**
     * A {@code generator:} block.
     *
     * @param src the entry's display name for alias duration messages, or null
     */
    static GeneratorSpec generator(Node n, String path, Obj parent, String src) {
        Obj g = Obj.of(n, path, parent.diag(), parent, "internally tagged enum GeneratorConfig");
        if (g == null) {
            return null;
        }
        String type = g.reqStr("type");
        if (type == null) {
            return null;
        }
        GeneratorSpec spec =
                switch (type) {
                    case "constant" -> new GeneratorSpec.Constant(g.reqF64("value"));
                    case "sine" -> new GeneratorSpec.Sine(
                            g.reqF64("amplitude"), g.reqF64("period_secs"), g.reqF64("offset"));
                    case "sawtooth" -> new GeneratorSpec.Sawtooth(
                            g.reqF64("min"), g.reqF64("max"), g.reqF64("period_secs"));
                    case "uniform" -> new GeneratorSpec.Uniform(
                            g.reqF64("min"), g.reqF64("max"), g.unsignedOr("seed", "u64", 0));
                    case "sequence" -> {
                        g.require("values");
                        yield new GeneratorSpec.Sequence(g.f64List("values", List.of()), g.boolOr("repeat", true));
                    }
                    case "step" -> new GeneratorSpec.Step(g.f64Or("start", 0.0), g.reqF64("step_size"), g.f64("max"));
                    case "spike" -> new GeneratorSpec.Spike(
                            g.reqF64("baseline"),
                            g.reqF64("magnitude"),
                            g.reqF64("duration_secs"),
                            g.reqF64("interval_secs"));
                    case "csv_replay" -> new GeneratorSpec.CsvReplay(
                            String.valueOf(g.reqStr("file")),
                            g.items("columns", (c, p) -> csvColumn(c, p, g)),
                            g.boolOr("repeat", true),
                            g.f64Or("timescale", 1.0),
                            g.str("default_metric_name"));
                    case "steady" -> new GeneratorSpec.Steady(
                            g.f64Or("center", 50.0),
                            g.f64Or("amplitude", 10.0),
                            aliasDur(g, type, "period", "60s", src),
                            g.f64Or("noise", 1.0),
                            g.unsigned("noise_seed", "u64"));
                    case "flap" -> new GeneratorSpec.Flap(
                            aliasDur(g, type, "up_duration", "10s", src),
                            aliasDur(g, type, "down_duration", "5s", src),
                            g.f64("up_value"),
                            g.f64("down_value"),
                            g.variant("enum", FLAP_ENUMS));
                    case "saturation" -> new GeneratorSpec.Saturation(
                            g.f64Or("baseline", 0.0),
                            g.f64Or("ceiling", 100.0),
                            aliasDur(g, type, "time_to_saturate", "5m", src));
                    case "leak" -> new GeneratorSpec.Leak(
                            g.f64Or("baseline", 0.0),
                            g.f64Or("ceiling", 100.0),
                            aliasDur(g, type, "time_to_ceiling", "10m", src));
                    case "degradation" -> new GeneratorSpec.Degradation(
                            g.f64Or("baseline", 0.0),
                            g.f64Or("ceiling", 100.0),
                            aliasDur(g, type, "time_to_degrade", "5m", src),
                            g.f64Or("noise", 1.0),
                            g.unsigned("noise_seed", "u64"));
                    case "spike_event" -> new GeneratorSpec.SpikeEvent(
                            g.f64Or("baseline", 0.0),
                            g.f64Or("spike_height", 100.0),
                            aliasDur(g, type, "spike_duration", "10s", src),
                            aliasDur(g, type, "spike_interval", "30s", src));
                    default -> new GeneratorSpec.Generic(type, g.rest(TYPE));
                };
        return g.failed() ? null : spec;
    }

    private static GeneratorSpec.CsvColumn csvColumn(Node n, String path, Obj parent) {
        Obj c = Obj.of(n, path, parent.diag(), parent, "struct CsvColumnSpec");
        if (c == null) {
            return null;
        }
        GeneratorSpec.CsvColumn col = new GeneratorSpec.CsvColumn(
                (int) c.reqUnsigned("index", "usize"), String.valueOf(c.reqStr("name")), c.strMap("labels"));
        return c.failed() ? null : col;
    }

    /** A {@code log_generator:} block. */
    static LogGeneratorSpec logGenerator(Node n, String path, Obj parent) {
        Obj g = Obj.of(n, path, parent.diag(), parent, "internally tagged enum LogGeneratorConfig");
        if (g == null) {
            return null;
        }
        String type = g.reqStr("type");
        if (type == null) {
            return null;
        }
        LogGeneratorSpec spec =
                switch (type) {
                    case "template" -> {
                        g.require("templates");
                        Map<Severity, Double> weights = new EnumMap<>(Severity.class);
                        g.entries("severity_weights", (w, p) -> {
                                    if (!(w instanceof YamlTree.Scalar s)
                                            || (s.kind() != YamlTree.Kind.INT && s.kind() != YamlTree.Kind.FLOAT)) {
                                        g.problemAt(p, w, "invalid type: " + w.describe() + ", expected f64");
                                        return null;
                                    }
                                    return Obj.parseFloat(s.text());
                                })
                                .forEach((name, weight) -> {
                                    try {
                                        weights.put(Severity.parse(name), weight);
                                    } catch (IllegalArgumentException e) {
                                        Node key = ((YamlTree.Mapping) g.get("severity_weights"))
                                                .values()
                                                .get(name);
                                        g.problemAt(g.path("severity_weights") + "." + name, key, e.getMessage());
                                    }
                                });
                        yield new LogGeneratorSpec.Template(
                                g.items("templates", (t, p) -> template(t, p, g)),
                                weights,
                                g.unsignedOr("seed", "u64", 0));
                    }
                    case "csv_replay" -> {
                        Obj cols = g.obj("columns", "struct LogCsvColumns");
                        yield new LogGeneratorSpec.CsvReplay(
                                String.valueOf(g.reqStr("file")),
                                cols == null ? null : cols.str("timestamp"),
                                cols == null ? null : cols.str("severity"),
                                cols == null ? null : cols.str("message"),
                                g.boolOr("repeat", true),
                                g.f64Or("timescale", 1.0),
                                g.variant("default_severity", SEVERITIES));
                    }
                    default -> new LogGeneratorSpec.Generic(type, g.rest(TYPE));
                };
        return g.failed() ? null : spec;
    }

    private static LogGeneratorSpec.LogTemplate template(Node n, String path, Obj parent) {
        Obj t = Obj.of(n, path, parent.diag(), parent, "struct TemplateConfig");
        if (t == null) {
            return null;
        }
        Map<String, List<String>> pools = t.entries("field_pools", (v, p) -> {
            if (!(v instanceof YamlTree.Seq seq)) {
                t.problemAt(p, v, "invalid type: " + v.describe() + ", expected a sequence");
                return null;
            }
            List<String> values = new java.util.ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                if (seq.items().get(i) instanceof YamlTree.Scalar s) {
                    values.add(s.text());
                } else {
                    t.problemAt(
                            p + "[" + i + "]",
                            seq.items().get(i),
                            "invalid type: " + seq.items().get(i).describe() + ", expected a string");
                }
            }
            return values;
        });
        LogGeneratorSpec.LogTemplate template =
                new LogGeneratorSpec.LogTemplate(String.valueOf(t.reqStr("message")), pools);
        return t.failed() ? null : template;
    }

    /** A {@code distribution:} block (a closed set: an unknown type is an error). */
    static Distribution distribution(Node n, String path, Obj parent) {
        Obj d = Obj.of(n, path, parent.diag(), parent, "internally tagged enum DistributionConfig");
        if (d == null) {
            return null;
        }
        String type = d.reqStr("type");
        if (type == null) {
            return null;
        }
        Distribution dist =
                switch (type) {
                    case "exponential" -> new Distribution.Exponential(d.reqF64("rate"));
                    case "normal" -> new Distribution.Normal(d.reqF64("mean"), d.reqF64("stddev"));
                    case "uniform" -> new Distribution.Uniform(d.reqF64("min"), d.reqF64("max"));
                    default -> {
                        d.problem(
                                "type",
                                "unknown variant `" + type + "`, expected "
                                        + Variants.oneOf(List.of("exponential", "normal", "uniform")));
                        yield null;
                    }
                };
        return d.failed() ? null : dist;
    }

    /** An {@code encoder:} block. */
    static EncoderSpec encoder(Node n, String path, Obj parent) {
        Obj e = Obj.of(n, path, parent.diag(), parent, "internally tagged enum EncoderConfig");
        if (e == null) {
            return null;
        }
        String type = e.reqStr("type");
        if (type == null) {
            return null;
        }
        EncoderSpec spec =
                switch (type) {
                    case "prometheus_text" -> new EncoderSpec.PrometheusText(e.uint("precision", "u8"));
                    case "influx_lp" -> new EncoderSpec.InfluxLp(e.str("field_key"), e.uint("precision", "u8"));
                    case "json_lines" -> new EncoderSpec.JsonLines(e.uint("precision", "u8"));
                    case "syslog" -> new EncoderSpec.Syslog(e.str("hostname"), e.str("app_name"));
                    case "remote_write" -> new EncoderSpec.RemoteWrite();
                    case "otlp" -> new EncoderSpec.Otlp();
                    default -> new EncoderSpec.Generic(type, e.rest(TYPE));
                };
        return e.failed() ? null : spec;
    }

    /** A {@code sink:} block. */
    static SinkSpec sink(Node n, String path, Obj parent) {
        Obj s = Obj.of(n, path, parent.diag(), parent, "internally tagged enum SinkConfig");
        if (s == null) {
            return null;
        }
        String type = s.reqStr("type");
        if (type == null) {
            return null;
        }
        SinkSpec spec =
                switch (type) {
                    case "stdout" -> new SinkSpec.Stdout();
                    case "memory" -> new SinkSpec.Memory();
                    case "file" -> new SinkSpec.File(String.valueOf(s.reqStr("path")));
                    case "tcp" -> new SinkSpec.Tcp(String.valueOf(s.reqStr("address")), retry(s));
                    case "udp" -> new SinkSpec.Udp(String.valueOf(s.reqStr("address")));
                    case "http_push" -> new SinkSpec.HttpPush(
                            String.valueOf(s.reqStr("url")),
                            s.str("content_type"),
                            s.uint("batch_size", "usize"),
                            bufferAge(s),
                            s.strMap("headers"),
                            retry(s));
                    case "remote_write" -> new SinkSpec.RemoteWrite(
                            String.valueOf(s.reqStr("url")), s.uint("batch_size", "usize"), bufferAge(s), retry(s));
                    case "loki" -> new SinkSpec.Loki(
                            String.valueOf(s.reqStr("url")),
                            s.uint("batch_size", "usize"),
                            s.uint("max_streams_per_push", "u32"),
                            bufferAge(s),
                            retry(s));
                    case "kafka" -> new SinkSpec.Kafka(
                            String.valueOf(s.reqStr("brokers")),
                            String.valueOf(s.reqStr("topic")),
                            bufferAge(s),
                            retry(s),
                            s.rest(KAFKA_KEYS));
                    case "otlp_grpc" -> new SinkSpec.OtlpGrpc(
                            String.valueOf(s.reqStr("endpoint")),
                            s.reqStr("signal_type"),
                            s.uint("batch_size", "usize"),
                            bufferAge(s),
                            retry(s),
                            s.strMap("resource_attributes"));
                    default -> new SinkSpec.Generic(type, s.rest(TYPE));
                };
        return s.failed() ? null : spec;
    }

    private static Duration bufferAge(Obj s) {
        return s.dur(
                "max_buffer_age", DurationText::parseOptional, (t, r) -> "invalid max_buffer_age \"" + t + "\": " + r);
    }

    private static RetryPolicy retry(Obj s) {
        return s.with("retry", "struct RetryConfig", r -> {
            RetryPolicy p = new RetryPolicy(
                    (int) r.reqUnsigned("max_attempts", "u32"),
                    r.reqDur(
                            "initial_backoff",
                            DurationText::parse,
                            (t, why) -> "invalid retry initial_backoff \"" + t + "\": " + why),
                    r.reqDur(
                            "max_backoff",
                            DurationText::parse,
                            (t, why) -> "invalid retry max_backoff \"" + t + "\": " + why));
            return r.failed() ? null : p;
        });
    }
}
