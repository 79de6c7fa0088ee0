package dev.sonda.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sonda.api.AfterClause;
import dev.sonda.api.Comparison;
import dev.sonda.api.Defaults;
import dev.sonda.api.Entry;
import dev.sonda.api.Gaps;
import dev.sonda.api.MetricPack;
import dev.sonda.api.PackMetric;
import dev.sonda.api.PackOverride;
import dev.sonda.api.Signal;
import dev.sonda.api.WhileClause;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.sink.SinkSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test-only mapper from scenario and pack YAML to the IR, covering only the fields the pack tests
 * use. Unknown entry keys fail loudly so a gap in the mapper never passes as a match.
 */
final class PackTestYaml {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> ENTRY_KEYS = Set.of(
            "id",
            "signal_type",
            "name",
            "rate",
            "duration",
            "start_time",
            "labels",
            "encoder",
            "sink",
            "generator",
            "gaps",
            "phase_offset",
            "clock_group",
            "after",
            "while",
            "pack",
            "overrides");

    private PackTestYaml() {}

    /** A parsed runnable file: its defaults and its entries as written (not normalized). */
    record File(Defaults defaults, List<Entry> entries) {}

    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static File scenario(Path file) {
        JsonNode root = tree(file);
        JsonNode d = root.path("defaults");
        Defaults defaults = new Defaults(
                d.has("rate") ? num(d.get("rate")) : null,
                d.has("duration") ? duration(d.get("duration").asText()) : null,
                d.has("start_time") ? d.get("start_time").asText() : null,
                d.has("encoder") ? encoder(d.get("encoder")) : null,
                d.has("sink") ? sink(d.get("sink")) : null,
                labels(d.get("labels")),
                null,
                null,
                null);
        List<Entry> entries = new ArrayList<>();
        root.path("scenarios").forEach(e -> entries.add(entry(e)));
        return new File(defaults, entries);
    }

    /**
     * Phase 2 as the lead's compiler does it: copies the defaults onto each entry; merges {@code
     * defaults.labels} into inline entries only.
     */
    static List<Entry> normalize(File file) {
        Defaults d = file.defaults();
        List<Entry> out = new ArrayList<>();
        for (Entry e : file.entries()) {
            Map<String, String> labels = e.labels();
            if (!(e.signal() instanceof Signal.Pack)) {
                labels = new LinkedHashMap<>(d.labels());
                labels.putAll(e.labels());
            }
            out.add(new Entry(
                    e.id(),
                    e.name(),
                    e.signal(),
                    e.rate() != null ? e.rate() : d.rate(),
                    e.duration() != null ? e.duration() : d.duration(),
                    e.startTime() != null ? e.startTime() : d.startTime(),
                    labels,
                    e.dynamicLabels(),
                    e.encoder() != null ? e.encoder() : d.encoder(),
                    e.sink() != null ? e.sink() : d.sink(),
                    e.jitter(),
                    e.jitterSeed(),
                    e.gaps(),
                    e.bursts(),
                    e.cardinalitySpikes(),
                    e.phaseOffset(),
                    e.clockGroup(),
                    e.after(),
                    e.whileClause() != null ? e.whileClause() : d.whileClause(),
                    e.delay() != null ? e.delay() : d.delay(),
                    e.onSinkError() != null ? e.onSinkError() : d.onSinkError(),
                    e.metricType(),
                    e.help()));
        }
        return out;
    }

    static Entry entry(JsonNode e) {
        for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!ENTRY_KEYS.contains(key)) {
                throw new AssertionError("entry key not mapped by this test: " + key);
            }
        }
        if (!"metrics".equals(e.path("signal_type").asText())) {
            throw new AssertionError("only metrics entries are mapped by this test");
        }
        Signal signal;
        if (e.has("pack")) {
            Map<String, PackOverride> overrides = new LinkedHashMap<>();
            e.path("overrides").fields().forEachRemaining(o -> overrides.put(o.getKey(), override(o.getValue())));
            signal = new Signal.Pack(e.get("pack").asText(), overrides);
        } else {
            signal = new Signal.Metrics(generator(e.get("generator")));
        }
        return new Entry(
                text(e, "id"),
                text(e, "name"),
                signal,
                e.has("rate") ? num(e.get("rate")) : null,
                e.has("duration") ? duration(e.get("duration").asText()) : null,
                text(e, "start_time"),
                labels(e.get("labels")),
                List.of(),
                e.has("encoder") ? encoder(e.get("encoder")) : null,
                e.has("sink") ? sink(e.get("sink")) : null,
                null,
                null,
                e.has("gaps")
                        ? new Gaps(
                                duration(e.get("gaps").get("every").asText()),
                                duration(e.get("gaps").get("for").asText()))
                        : null,
                null,
                List.of(),
                e.has("phase_offset") ? duration(e.get("phase_offset").asText()) : null,
                text(e, "clock_group"),
                e.has("after") ? after(e.get("after")) : null,
                e.has("while") ? whileClause(e.get("while")) : null,
                null,
                null,
                null,
                null);
    }

    static PackOverride override(JsonNode o) {
        return new PackOverride(
                o.has("generator") ? generator(o.get("generator")) : null,
                labels(o.get("labels")),
                o.has("after") ? after(o.get("after")) : null,
                o.has("while") ? whileClause(o.get("while")) : null,
                null);
    }

    /** A pack body (the whole composable file); lenient like the reference's. */
    static MetricPack pack(JsonNode p) {
        List<PackMetric> metrics = new ArrayList<>();
        p.path("metrics")
                .forEach(m -> metrics.add(new PackMetric(
                        m.get("name").asText(),
                        labels(m.get("labels")),
                        m.has("generator") ? generator(m.get("generator")) : null)));
        List<String> tags = new ArrayList<>();
        p.path("tags").forEach(t -> tags.add(t.asText()));
        return new MetricPack(
                p.get("name").asText(),
                text(p, "description"),
                text(p, "category"),
                labels(p.get("shared_labels")),
                metrics,
                tags,
                text(p, "scenario_name"));
    }

    static AfterClause after(JsonNode a) {
        return new AfterClause(
                a.get("ref").asText(),
                Comparison.of(a.get("op").asText()),
                num(a.get("value")),
                a.has("delay") ? duration(a.get("delay").asText()) : null);
    }

    static WhileClause whileClause(JsonNode w) {
        return new WhileClause(
                w.get("ref").asText(), Comparison.of(w.get("op").asText()), num(w.get("value")), null, null);
    }

    static GeneratorSpec generator(JsonNode g) {
        String type = g.get("type").asText();
        return switch (type) {
            case "constant" -> new GeneratorSpec.Constant(num(g.get("value")));
            case "step" -> new GeneratorSpec.Step(
                    g.has("start") ? num(g.get("start")) : 0.0,
                    num(g.get("step_size")),
                    g.has("max") ? num(g.get("max")) : null);
            case "sine" -> new GeneratorSpec.Sine(
                    num(g.get("amplitude")), num(g.get("period_secs")), num(g.get("offset")));
            case "sawtooth" -> new GeneratorSpec.Sawtooth(
                    num(g.get("min")), num(g.get("max")), num(g.get("period_secs")));
            case "flap" -> new GeneratorSpec.Flap(
                    duration(g.has("up_duration") ? g.get("up_duration").asText() : "10s"),
                    duration(g.has("down_duration") ? g.get("down_duration").asText() : "5s"),
                    g.has("up_value") ? num(g.get("up_value")) : null,
                    g.has("down_value") ? num(g.get("down_value")) : null,
                    null);
            default -> throw new AssertionError("generator type not mapped by this test: " + type);
        };
    }

    static EncoderSpec encoder(JsonNode e) {
        if (!"prometheus_text".equals(e.get("type").asText())) {
            throw new AssertionError("encoder not mapped by this test: " + e);
        }
        return new EncoderSpec.PrometheusText(null);
    }

    static SinkSpec sink(JsonNode s) {
        if (!"stdout".equals(s.get("type").asText())) {
            throw new AssertionError("sink not mapped by this test: " + s);
        }
        return new SinkSpec.Stdout();
    }

    static Map<String, String> labels(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n != null) {
            n.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        }
        return out;
    }

    private static String text(JsonNode n, String key) {
        return n.has(key) ? n.get(key).asText() : null;
    }

    private static double num(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
    }

    /** The reference's strict duration grammar for well-formed values: value × unit, whole µs. */
    static Duration duration(String text) {
        double unitMs;
        String number;
        if (text.endsWith("ms")) {
            unitMs = 1;
            number = text.substring(0, text.length() - 2);
        } else {
            char unit = text.charAt(text.length() - 1);
            unitMs = switch (unit) {
                case 'h' -> 3_600_000;
                case 'm' -> 60_000;
                case 's' -> 1_000;
                default -> throw new AssertionError("bad duration " + text);
            };
            number = text.substring(0, text.length() - 1);
        }
        long micros = (long) (new BigDecimal(number).doubleValue() * unitMs * 1000.0);
        return Duration.ofSeconds(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }
}
