package dev.sonda.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sonda.api.AfterClause;
import dev.sonda.api.Comparison;
import dev.sonda.api.Distribution;
import dev.sonda.api.DurationText;
import dev.sonda.api.Entry;
import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.Signal;
import dev.sonda.api.WhileClause;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Test support for {@link AfterResolver}: a small builder of normalized, expanded entries and a
 * mapper from the golden corpus's YAML (only the fields the after/while cases use) to entries.
 */
final class AfterTestEntries {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern SPECIAL_FLOAT =
            Pattern.compile("(?<=[\\s:\\[,])([+-]?\\.(?:nan|NaN|NAN|inf|Inf|INF))(?=[\\s,\\]}])");

    private AfterTestEntries() {}

    /** The outcome of one resolve call. */
    record Outcome(AfterResolver.Resolved resolved, List<Problem> problems) {
        List<String> messages() {
            return problems.stream().map(Problem::message).toList();
        }

        Duration offset(int i) {
            return resolved.phaseOffsets().get(i);
        }

        String group(int i) {
            return resolved.clockGroups().get(i);
        }

        boolean auto(int i) {
            return resolved.clockGroupAuto().get(i);
        }
    }

    static Outcome resolve(String scenarioName, List<Entry> entries) {
        Problems problems = new Problems();
        AfterResolver.Resolved r = AfterResolver.resolve(entries, scenarioName, problems);
        return new Outcome(r, problems.list());
    }

    static Outcome resolve(E... entries) {
        List<Entry> list = new ArrayList<>();
        for (E e : entries) {
            list.add(e.build());
        }
        return resolve(null, list);
    }

    static Duration d(String text) {
        return DurationText.parse(text);
    }

    static E metrics(String id, GeneratorSpec generator) {
        return new E(id, id, new Signal.Metrics(generator));
    }

    static E logs(String id) {
        return new E(
                id,
                id,
                new Signal.Logs(new LogGeneratorSpec.Template(
                        List.of(new LogGeneratorSpec.LogTemplate("hello", Map.of())), Map.of(), 0L)));
    }

    static E histogram(String id) {
        return new E(id, id, new Signal.Histogram(new Distribution.Exponential(1), Signal.DEFAULT_BUCKETS, 100, 0, 0L));
    }

    static E summary(String id) {
        return new E(id, id, new Signal.Summary(new Distribution.Exponential(1), Signal.DEFAULT_QUANTILES, 100, 0, 0L));
    }

    /** A mutable entry under construction; defaults rate 1 and duration 5m. */
    static final class E {
        private final String id;
        private final String name;
        private final Signal signal;
        private double rate = 1;
        private Duration phaseOffset;
        private String clockGroup;
        private AfterClause after;
        private WhileClause whileClause;

        E(String id, String name, Signal signal) {
            this.id = id;
            this.name = name;
            this.signal = signal;
        }

        E rate(double r) {
            rate = r;
            return this;
        }

        E phaseOffset(String text) {
            phaseOffset = d(text);
            return this;
        }

        E clockGroup(String g) {
            clockGroup = g;
            return this;
        }

        E after(String ref, String op, double value) {
            after = new AfterClause(ref, Comparison.of(op), value, null);
            return this;
        }

        E after(String ref, String op, double value, String delay) {
            after = new AfterClause(ref, Comparison.of(op), value, d(delay));
            return this;
        }

        E whileRef(String ref, String op, double value) {
            whileClause = new WhileClause(ref, Comparison.of(op), value, null, null);
            return this;
        }

        E whileRef(String ref, String op, double value, String scenarioName) {
            whileClause = new WhileClause(ref, Comparison.of(op), value, scenarioName, null);
            return this;
        }

        Entry build() {
            return new Entry(
                    id,
                    name,
                    signal,
                    rate,
                    Duration.ofMinutes(5),
                    null,
                    Map.of(),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    phaseOffset,
                    clockGroup,
                    after,
                    whileClause,
                    null,
                    null,
                    null,
                    null);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Golden corpus YAML → entries (defaults rate/duration/while inherited, as normalize does)
    // ------------------------------------------------------------------------------------------

    /** One corpus file mapped to the resolver's input. */
    record Case(List<Entry> entries, String scenarioName) {}

    static Case read(Path file) throws IOException {
        // Jackson's YAML parser cannot read .nan/.inf as numbers: quote them, number() maps them back.
        String text = SPECIAL_FLOAT.matcher(Files.readString(file)).replaceAll("\"$1\"");
        JsonNode root = YAML.readTree(text);
        JsonNode defaults = root.path("defaults");
        List<Entry> entries = new ArrayList<>();
        for (JsonNode s : root.path("scenarios")) {
            entries.add(entry(s, defaults));
        }
        return new Case(entries, text(root, "scenario_name"));
    }

    private static Entry entry(JsonNode s, JsonNode defaults) {
        String type = s.path("signal_type").asText();
        Signal signal =
                switch (type) {
                    case "metrics" -> new Signal.Metrics(generator(s.path("generator")));
                    case "logs" -> logs("x").signal;
                    case "histogram" -> histogram("x").signal;
                    case "summary" -> summary("x").signal;
                    default -> throw new IllegalArgumentException("signal_type " + type);
                };
        JsonNode rate = s.has("rate") ? s.get("rate") : defaults.get("rate");
        String duration = text(s, "duration") != null ? text(s, "duration") : text(defaults, "duration");
        JsonNode w = s.has("while") ? s.get("while") : defaults.get("while");
        String phaseOffset = text(s, "phase_offset");
        return new Entry(
                text(s, "id"),
                text(s, "name"),
                signal,
                rate == null ? null : number(rate),
                duration == null ? null : d(duration),
                null,
                Map.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                phaseOffset == null ? null : d(phaseOffset),
                text(s, "clock_group"),
                after(s.get("after")),
                whileClause(w),
                null,
                null,
                null,
                null);
    }

    private static AfterClause after(JsonNode a) {
        if (a == null) {
            return null;
        }
        String delay = text(a, "delay");
        return new AfterClause(
                a.path("ref").asText(),
                Comparison.of(a.path("op").asText()),
                number(a.get("value")),
                delay == null ? null : d(delay));
    }

    private static WhileClause whileClause(JsonNode w) {
        if (w == null) {
            return null;
        }
        return new WhileClause(
                w.path("ref").asText(),
                Comparison.of(w.path("op").asText()),
                number(w.get("value")),
                text(w, "scenario_name"),
                null);
    }

    private static GeneratorSpec generator(JsonNode g) {
        String type = g.path("type").asText();
        return switch (type) {
            case "constant" -> new GeneratorSpec.Constant(num(g, "value", 0));
            case "sine" -> new GeneratorSpec.Sine(
                    num(g, "amplitude", 1), num(g, "period_secs", 60), num(g, "offset", 0));
            case "sawtooth" -> new GeneratorSpec.Sawtooth(
                    num(g, "min", 0), num(g, "max", 1), num(g, "period_secs", 60));
            case "uniform" -> new GeneratorSpec.Uniform(num(g, "min", 0), num(g, "max", 1), (long) num(g, "seed", 0));
            case "sequence" -> {
                List<Double> values = new ArrayList<>();
                g.path("values").forEach(v -> values.add(number(v)));
                yield new GeneratorSpec.Sequence(values, g.path("repeat").asBoolean(true));
            }
            case "step" -> new GeneratorSpec.Step(
                    num(g, "start", 0), num(g, "step_size", 1), g.has("max") ? number(g.get("max")) : null);
            case "spike" -> new GeneratorSpec.Spike(
                    num(g, "baseline", 0),
                    num(g, "magnitude", 0),
                    num(g, "duration_secs", 0),
                    num(g, "interval_secs", 1));
            case "steady" -> new GeneratorSpec.Steady(
                    num(g, "center", 50), num(g, "amplitude", 10), dur(g, "period", "60s"), num(g, "noise", 1), null);
            case "flap" -> new GeneratorSpec.Flap(
                    dur(g, "up_duration", "10s"),
                    dur(g, "down_duration", "5s"),
                    g.has("up_value") ? number(g.get("up_value")) : null,
                    g.has("down_value") ? number(g.get("down_value")) : null,
                    g.has("enum")
                            ? GeneratorSpec.FlapEnum.valueOf(
                                    g.get("enum").asText().toUpperCase(Locale.ROOT))
                            : null);
            case "saturation" -> new GeneratorSpec.Saturation(
                    num(g, "baseline", 0), num(g, "ceiling", 100), dur(g, "time_to_saturate", "5m"));
            case "leak" -> new GeneratorSpec.Leak(
                    num(g, "baseline", 0), num(g, "ceiling", 100), dur(g, "time_to_ceiling", "10m"));
            case "degradation" -> new GeneratorSpec.Degradation(
                    num(g, "baseline", 0),
                    num(g, "ceiling", 100),
                    dur(g, "time_to_degrade", "5m"),
                    num(g, "noise", 1),
                    null);
            case "spike_event" -> new GeneratorSpec.SpikeEvent(
                    num(g, "baseline", 0),
                    num(g, "spike_height", 100),
                    dur(g, "spike_duration", "10s"),
                    dur(g, "spike_interval", "30s"));
            default -> throw new IllegalArgumentException("generator type " + type);
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static double num(JsonNode n, String field, double dflt) {
        return n.has(field) ? number(n.get(field)) : dflt;
    }

    private static Duration dur(JsonNode n, String field, String dflt) {
        return d(n.has(field) ? n.get(field).asText() : dflt);
    }

    /** A YAML number, including {@code .nan}, {@code .inf} and {@code -.inf}. */
    private static double number(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return switch (v.asText().toLowerCase(Locale.ROOT)) {
            case ".nan" -> Double.NaN;
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v.asText());
        };
    }
}
