package dev.sonda.yaml;

import dev.sonda.api.AfterClause;
import dev.sonda.api.Bursts;
import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.Comparison;
import dev.sonda.api.Defaults;
import dev.sonda.api.DelayClause;
import dev.sonda.api.Distribution;
import dev.sonda.api.DurationText;
import dev.sonda.api.DynamicLabel;
import dev.sonda.api.Entry;
import dev.sonda.api.Gaps;
import dev.sonda.api.Location;
import dev.sonda.api.MetricPack;
import dev.sonda.api.MetricType;
import dev.sonda.api.Names;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.PackMetric;
import dev.sonda.api.PackOverride;
import dev.sonda.api.PlanKind;
import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.SourceMap;
import dev.sonda.api.WhileClause;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.event.InfraEvent;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.trace.TraceSpec;
import dev.sonda.api.workload.Workload;
import dev.sonda.yaml.YamlTree.Kind;
import dev.sonda.yaml.YamlTree.Mapping;
import dev.sonda.yaml.YamlTree.Node;
import dev.sonda.yaml.YamlTree.Scalar;
import dev.sonda.yaml.YamlTree.Seq;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps a YAML tree onto the IR, following the parse phase of Sonda 1.20 ({@code
 * compiler/parse.rs}): version and kind probes, shape selection, strict and lenient fields, the
 * per-entry checks in the reference's order, then the IR's own rules ({@link
 * ScenarioPlan#problems()}), every problem located in the file.
 */
final class PlanReader {
    static final List<String> TOP_KEYS = List.of(
            "version", "kind", "scenario_name", "tags", "description", "category", "defaults", "scenarios", "expect");
    static final List<String> DEFAULTS_KEYS =
            List.of("rate", "duration", "start_time", "encoder", "sink", "labels", "on_sink_error", "while", "delay");
    static final List<String> ENTRY_KEYS = List.of(
            "id",
            "signal_type",
            "name",
            "rate",
            "duration",
            "start_time",
            "generator",
            "log_generator",
            "distribution",
            "buckets",
            "quantiles",
            "observations_per_tick",
            "mean_shift_per_sec",
            "seed",
            "traces",
            "events",
            "workload",
            "labels",
            "dynamic_labels",
            "encoder",
            "sink",
            "jitter",
            "jitter_seed",
            "gaps",
            "bursts",
            "cardinality_spikes",
            "phase_offset",
            "clock_group",
            "after",
            "while",
            "delay",
            "pack",
            "overrides",
            "on_sink_error",
            "metric_type",
            "help");
    static final List<String> FLAT_KEYS = List.of(
            "version",
            "kind",
            "tags",
            "rate",
            "duration",
            "start_time",
            "encoder",
            "sink",
            "labels",
            "id",
            "signal_type",
            "name",
            "generator",
            "log_generator",
            "dynamic_labels",
            "jitter",
            "jitter_seed",
            "gaps",
            "bursts",
            "cardinality_spikes",
            "phase_offset",
            "clock_group",
            "after",
            "while",
            "delay",
            "pack",
            "overrides",
            "expect",
            "distribution",
            "buckets",
            "quantiles",
            "observations_per_tick",
            "mean_shift_per_sec",
            "seed",
            "traces",
            "events",
            "workload",
            "on_sink_error",
            "metric_type",
            "help");
    private static final List<String> FLAT_BODY = List.of(
            "signal_type", "generator", "log_generator", "distribution", "pack", "traces", "events", "workload");
    private static final List<String> AFTER_KEYS = List.of("ref", "op", "value", "delay");
    private static final List<String> WHILE_KEYS = List.of("ref", "op", "value", "scenario_name", "if_unresolved");
    private static final List<String> DELAY_KEYS = List.of("open", "close");
    private static final List<String> CLOSE_KEYS = List.of("duration", "snap_to", "stale_marker");
    private static final List<String> SIGNAL_TYPES =
            List.of("metrics", "logs", "histogram", "summary", "traces", "events", "workload");
    /** Every body key, in the order a misplaced one is reported. */
    private static final List<String> BODIES =
            List.of("generator", "log_generator", "distribution", "traces", "events", "workload");
    /** The key holding each signal type's body; metrics may hold a pack instead. */
    private static final Map<String, String> BODY_KEYS = Map.of(
            "metrics", "generator",
            "logs", "log_generator",
            "histogram", "distribution",
            "summary", "distribution",
            "traces", "traces",
            "events", "events",
            "workload", "workload");

    static final Map<String, OnSinkError> ON_SINK_ERROR = Variants.byName(OnSinkError.class, OnSinkError::yamlName);
    static final Map<String, MetricType> METRIC_TYPES = Variants.byName(MetricType.class, MetricType::yamlName);
    static final Map<String, WhileClause.IfUnresolved> IF_UNRESOLVED = Variants.of(
            Map.entry("open", WhileClause.IfUnresolved.OPEN),
            Map.entry("closed", WhileClause.IfUnresolved.CLOSED),
            Map.entry("pending", WhileClause.IfUnresolved.PENDING));
    static final Map<String, CardinalitySpike.Strategy> STRATEGIES = Variants.of(
            Map.entry("counter", CardinalitySpike.Strategy.COUNTER),
            Map.entry("random", CardinalitySpike.Strategy.RANDOM));
    private static final Map<String, Comparison> AFTER_OPS =
            Variants.of(Map.entry("<", Comparison.LESS_THAN), Map.entry(">", Comparison.GREATER_THAN));

    private final String sourceName;
    private final Diagnostics diag;
    private final SpecReader specs;
    private final TraceReader traceReader;
    private final Map<String, Loc> index = new HashMap<>();
    private boolean flat;
    /** Whether the last plan read was whole and only the IR's value rules found problems. */
    private boolean complete;

    PlanReader(String sourceName, Diagnostics diag, SpecRegistry registry) {
        this.sourceName = sourceName;
        this.diag = diag;
        this.specs = new SpecReader(registry);
        this.traceReader = new TraceReader(specs);
    }

    /** Reads the whole file; returns null when nothing valid could be built. */
    ScenarioPlan read(Node root) {
        Node version = root instanceof Mapping m ? m.values().get("version") : null;
        if (!(version instanceof Scalar v && v.kind() == Kind.INT && BigInteger.TWO.equals(Obj.parseInt(v.text())))) {
            diag.add(
                    root instanceof Mapping ? "version" : "",
                    "scenario " + sourceName + " is not a v2 scenario. Sonda only accepts v2 YAML ('version: 2' at"
                            + " the top level). Migrate this file to v2 — see docs/configuration/v2-scenarios.md"
                            + " for the migration guide.",
                    version != null ? version.loc() : root != null ? root.loc() : Loc.START);
            return null;
        }
        Mapping map = (Mapping) root;
        YamlTree.index(map, "", index);
        Obj top = Obj.of(map, "", diag, null);
        Node kind = top.get("kind");
        if (kind == null) {
            diag.add(
                    "kind",
                    "v2 scenario file requires a top-level 'kind:' field — must be 'runnable' or 'composable'",
                    map.loc());
            return null;
        }
        String kindText = kind instanceof Scalar s ? s.text() : Obj.describe(kind);
        if (kindText.equals(PlanKind.COMPOSABLE.yamlName())) {
            return readComposable(top);
        }
        if (!kindText.equals(PlanKind.RUNNABLE.yamlName())) {
            diag.add("kind", "unknown kind '" + kindText + "': must be 'runnable' or 'composable'", kind.loc());
            return null;
        }
        if (top.has("scenarios")) {
            return readCanonical(top);
        }
        if (FLAT_BODY.stream().anyMatch(top::has)) {
            flat = true;
            return readFlat(top);
        }
        diag.add(
                "scenarios",
                "kind: runnable file has no scenarios; add a 'scenarios:' block or use single-signal shorthand",
                map.loc());
        return null;
    }

    // ---- shapes -------------------------------------------------------------------------------

    private ScenarioPlan readCanonical(Obj top) {
        top.strict(TOP_KEYS);
        String scenarioName = top.string("scenario_name");
        String description = top.string("description");
        List<String> tags = top.strings("tags");
        top.string("category");
        Defaults defaults = top.with("defaults", this::readDefaults);
        defaults = defaults == null ? Defaults.NONE : defaults;
        List<Entry> slots = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Seq seq = top.seq("scenarios");
        for (int i = 0; seq != null && i < seq.items().size(); i++) {
            Obj e = Obj.of(seq.items().get(i), "scenarios[" + i + "]", diag, null);
            if (e != null) {
                e.strict(ENTRY_KEYS);
                checkId(e, ids);
            }
            slots.add(e == null ? null : readEntry(e, i));
        }
        if (scenarioName == null) {
            for (int i = 0; i < slots.size(); i++) {
                crossPostNeedsName(slots.get(i), "scenarios[" + i + "]", i);
            }
        }
        List<Entry> entries = slots.stream().filter(Objects::nonNull).toList();
        ScenarioPlan plan = new ScenarioPlan(
                ScenarioPlan.VERSION, PlanKind.RUNNABLE, scenarioName, description, tags, defaults, entries, null);
        int structural = diag.size();
        validate(plan, slots);
        complete = structural == 0 && entries.size() == slots.size();
        return plan;
    }

    private ScenarioPlan readFlat(Obj top) {
        top.strict(FLAT_KEYS);
        checkId(top, new HashSet<>());
        List<String> tags = top.strings("tags");
        Entry entry = readEntry(top, 0);
        crossPostNeedsName(entry, "", 0);
        if (entry == null) {
            return null;
        }
        ScenarioPlan plan = new ScenarioPlan(
                ScenarioPlan.VERSION, PlanKind.RUNNABLE, null, null, tags, Defaults.NONE, List.of(entry), null);
        int structural = diag.size();
        validate(plan, List.of(entry));
        complete = structural == 0;
        return plan;
    }

    private ScenarioPlan readComposable(Obj top) {
        if (top.hasKey("scenarios")) {
            diag.add(
                    "scenarios",
                    "kind: composable cannot have a 'scenarios:' block; composable files are pack definitions",
                    top.keyLoc("scenarios"));
            return null;
        }
        int mark = diag.size();
        String name = top.reqStr("name");
        String description = top.reqStr("description");
        String category = top.reqStr("category");
        Map<String, String> shared = top.stringMap("shared_labels");
        top.require("metrics");
        List<PackMetric> metrics = top.items("metrics", (n, p) -> {
            Obj m = Obj.of(n, p, diag, top);
            if (m == null) {
                return null;
            }
            String metric = m.reqStr("name");
            Map<String, String> labels = m.stringMap("labels");
            GeneratorSpec gen = m.has("generator") ? specs.generator(m.get("generator"), m.path("generator"), m) : null;
            return m.failed() ? null : new PackMetric(metric, labels, gen);
        });
        List<String> tags = top.strings("tags");
        String scenarioName = top.string("scenario_name");
        diag.prefixSince(mark, "kind: composable body is not a valid pack definition: ");
        if (top.failed()) {
            return null;
        }
        MetricPack pack = new MetricPack(name, description, category, shared, metrics, tags, scenarioName);
        ScenarioPlan plan = new ScenarioPlan(
                ScenarioPlan.VERSION,
                PlanKind.COMPOSABLE,
                scenarioName,
                description,
                tags,
                Defaults.NONE,
                List.of(),
                pack);
        report(plan.problems());
        return plan;
    }

    // ---- blocks -------------------------------------------------------------------------------

    private Defaults readDefaults(Obj d) {
        d.strict(DEFAULTS_KEYS);
        return new Defaults(
                d.number("rate"),
                d.dur("duration", DurationText::parse, PlanReader::invalidDuration),
                d.string("start_time"),
                d.has("encoder") ? specs.encoder(d.get("encoder"), d.path("encoder"), d) : null,
                d.has("sink") ? specs.sink(d.get("sink"), d.path("sink"), d) : null,
                d.stringMap("labels"),
                d.choice("on_sink_error", ON_SINK_ERROR),
                d.with("while", w -> readWhile(w, -1)),
                d.with("delay", this::readDelay));
    }

    /** A duration parse failure as the reference words it, for every reader of this package. */
    static String invalidDuration(String input, String reason) {
        return "invalid duration " + FloatText.rustDebugString(input) + ": " + reason;
    }

    private static Obj.Wording window(String field) {
        return (s, r) -> "invalid " + field + " " + FloatText.rustDebugString(s) + ": " + r;
    }

    private Entry readEntry(Obj e, int i) {
        String id = e.string("id");
        String name = e.string("name");
        String pack = e.string("pack");
        String src = id != null ? id : name != null ? name : pack != null ? pack : "<entry " + i + ">";
        boolean gen = e.has("generator");
        boolean log = e.has("log_generator");
        boolean dist = e.has("distribution");
        boolean hasPack = e.has("pack");
        String type = flat && !e.has("signal_type")
                ? dist
                        ? e.has("quantiles") ? "summary" : "histogram"
                        : log
                                ? "logs"
                                : e.has("traces")
                                        ? "traces"
                                        : e.has("events") ? "events" : e.has("workload") ? "workload" : "metrics"
                : e.reqStr("signal_type");
        boolean bodyOk = type != null && checkBody(e, i, type, gen, log, dist, hasPack);

        Double rate = e.number("rate");
        Duration duration = e.dur("duration", DurationText::parse, PlanReader::invalidDuration);
        String startTime = e.string("start_time");
        Map<String, String> labels = e.stringMap("labels");
        List<DynamicLabel> dynamicLabels = e.items("dynamic_labels", (n, p) -> dynamicLabel(n, p, e));
        EncoderSpec encoder = e.has("encoder") ? specs.encoder(e.get("encoder"), e.path("encoder"), e) : null;
        SinkSpec sink = e.has("sink") ? specs.sink(e.get("sink"), e.path("sink"), e) : null;
        Double jitter = e.number("jitter");
        Long jitterSeed = e.unsigned64("jitter_seed");
        Gaps gaps = e.with("gaps", g -> {
            Gaps v = new Gaps(
                    g.reqDur("every", DurationText::parse, window("gaps.every")),
                    g.reqDur("for", DurationText::parse, window("gaps.for")));
            return g.failed() ? null : v;
        });
        Bursts bursts = e.with("bursts", b -> {
            Bursts v = new Bursts(
                    b.reqDur("every", DurationText::parse, window("bursts.every")),
                    b.reqDur("for", DurationText::parse, window("bursts.for")),
                    b.requiredNumber("multiplier"));
            return b.failed() ? null : v;
        });
        List<CardinalitySpike> spikes = e.items("cardinality_spikes", (n, p) -> spike(n, p, e));
        Duration phaseOffset = e.dur(
                "phase_offset",
                DurationText::parse,
                (s, r) ->
                        "entry '" + src + "': invalid duration '" + s + "' in phase_offset: configuration error: " + r);
        String clockGroup = e.string("clock_group");
        AfterClause after = e.with("after", a -> readAfter(a, src));
        WhileClause whileClause = e.with("while", w -> readWhile(w, i));
        DelayClause delay = e.with("delay", this::readDelay);
        OnSinkError onSinkError = e.choice("on_sink_error", ON_SINK_ERROR);
        MetricType metricType = e.choice("metric_type", METRIC_TYPES);
        String help = e.string("help");

        List<Double> buckets = e.numbers("buckets", Signal.DEFAULT_BUCKETS);
        List<Double> quantiles = e.numbers("quantiles", Signal.DEFAULT_QUANTILES);
        Integer observations = e.integer("observations_per_tick", 0, Integer.MAX_VALUE);
        int obs = observations == null ? Signal.DEFAULT_OBSERVATIONS_PER_TICK : observations;
        double shift = e.number("mean_shift_per_sec", 0.0);
        Long seed = e.unsigned64("seed");
        GeneratorSpec generator = gen ? specs.generator(e.get("generator"), e.path("generator"), e) : null;
        LogGeneratorSpec logGenerator =
                log ? specs.logGenerator(e.get("log_generator"), e.path("log_generator"), e) : null;
        Distribution distribution =
                dist ? SpecReader.distribution(e.get("distribution"), e.path("distribution"), e) : null;
        Map<String, PackOverride> overrides = e.entries("overrides", (n, p) -> override(n, p, e, src));
        TraceSpec traces = e.has("traces") ? e.with("traces", traceReader::traces) : null;
        List<InfraEvent> events = e.has("events") ? traceReader.events(e) : null;
        Workload workload = e.has("workload") ? e.with("workload", new WorkloadBlocks(specs)::read) : null;

        if (!bodyOk) {
            return null;
        }
        Signal signal =
                switch (type) {
                    case "metrics" -> hasPack
                            ? pack == null ? null : new Signal.Pack(pack, overrides)
                            : generator == null ? null : new Signal.Metrics(generator);
                    case "logs" -> logGenerator == null ? null : new Signal.Logs(logGenerator);
                    case "traces" -> traces == null ? null : new Signal.Traces(traces);
                    case "events" -> events == null ? null : new Signal.Events(events);
                    case "workload" -> workload == null ? null : new Signal.Workload(workload);
                    case "histogram" -> distribution == null
                            ? null
                            : new Signal.Histogram(distribution, buckets, obs, shift, seed);
                    default -> distribution == null
                            ? null
                            : new Signal.Summary(distribution, quantiles, obs, shift, seed);
                };
        if (signal == null) {
            // The body is broken and already reported: a stand-in of the same type lets the IR
            // still check the rest of the entry. The plan is never returned in that case.
            signal = switch (type) {
                case "metrics" -> hasPack
                        ? new Signal.Pack("unreadable", Map.of())
                        : new Signal.Metrics(new GeneratorSpec.Constant(0));
                case "logs" -> new Signal.Logs(new LogGeneratorSpec.Generic("unreadable", Map.of()));
                case "traces" -> new Signal.Traces(TraceSpec.of(List.of()));
                case "events" -> new Signal.Events(List.of());
                case "workload" -> new Signal.Workload(Workload.of()
                        .profile(dev.sonda.api.workload.LabelProfile.of("unreadable"))
                        .metric(dev.sonda.api.workload.WorkloadMetric.gauge("unreadable", "unreadable")
                                .constant(0)));
                case "histogram" -> new Signal.Histogram(new Distribution.Exponential(1), buckets, obs, shift, seed);
                default -> new Signal.Summary(new Distribution.Exponential(1), quantiles, obs, shift, seed);
            };
        }
        return new Entry(
                id,
                name,
                signal,
                rate,
                duration,
                startTime,
                labels,
                dynamicLabels,
                encoder,
                sink,
                jitter,
                jitterSeed,
                gaps,
                bursts,
                spikes,
                phaseOffset,
                clockGroup,
                after,
                whileClause,
                delay,
                onSinkError,
                metricType,
                help);
    }

    /** Checks a and b of the parse phase (on the raw id, so they hold even for entries that fail). */
    private void checkId(Obj e, Set<String> seen) {
        if (e.get("id") instanceof Scalar s) {
            String id = s.text();
            if (!Names.isLabelKey(id)) {
                diag.add(e.path("id"), "entry id '" + id + "' is invalid: must match [a-zA-Z_][a-zA-Z0-9_]*", s.loc());
            } else if (!seen.add(id)) {
                diag.add(e.path("id"), "duplicate entry id: '" + id + "'", s.loc());
            }
        }
    }

    /** Checks c to g of the parse phase, in order; reports the first that fails. */
    private static boolean checkBody(Obj e, int i, String type, boolean gen, boolean log, boolean dist, boolean pack) {
        String problem = null;
        String at = "signal_type";
        boolean newKind = type.equals("traces") || type.equals("events") || type.equals("workload");
        if (!SIGNAL_TYPES.contains(type)) {
            problem = "entry " + i + ": invalid signal_type '" + type + "', must be one of: "
                    + String.join(", ", SIGNAL_TYPES);
        } else if ((gen || log || dist) && pack) {
            problem = "entry " + i + ": must have either 'generator' or 'pack', not both";
            at = "pack";
        } else if (newKind && !e.has(type)) {
            problem = "entry " + i + ": signal_type '" + type + "' needs a '" + type + ":' block";
            at = null;
        } else if (!newKind && !pack && !(type.equals("metrics") ? gen : type.equals("logs") ? log : dist)) {
            problem = "entry " + i + ": must have either 'generator' (or 'distribution' for histogram/summary) or"
                    + " 'pack'";
            at = null;
        } else {
            String own = BODY_KEYS.get(type);
            List<String> forbidden = BODIES.stream().filter(k -> !k.equals(own)).toList();
            for (String field : forbidden) {
                if (e.has(field)) {
                    problem = "entry " + i + ": signal_type '" + type + "' must not have '" + field + "' field";
                    at = field;
                    break;
                }
            }
            if (problem == null && pack && !type.equals("metrics")) {
                problem = "entry " + i + ": pack entries must have signal_type 'metrics'";
                at = "pack";
            }
        }
        if (problem != null) {
            e.problem(at, problem);
        }
        return problem == null;
    }

    private void crossPostNeedsName(Entry entry, String path, int i) {
        if (entry != null && entry.whileClause() != null && entry.whileClause().scenarioName() != null) {
            String at = Obj.join(path, "while.scenario_name");
            diag.add(
                    at,
                    "entry " + i + ": cross-POST 'while:' refs require body-level 'scenario_name' on the scenario"
                            + " file; add a top-level 'scenario_name:' declaring this body's identity",
                    index.getOrDefault(at, Loc.START));
        }
    }

    private DynamicLabel dynamicLabel(Node n, String path, Obj parent) {
        Obj d = Obj.of(n, path, diag, parent);
        if (d == null) {
            return null;
        }
        String key = d.reqStr("key");
        String prefix = d.string("prefix");
        long cardinality = d.unsigned64("cardinality", 0);
        List<String> values = d.strings("values");
        if (d.has("values") && values.isEmpty() && !d.failed()) {
            d.problem("values", "dynamic_labels[key=" + FloatText.rustDebugString(key) + "].values must not be empty");
        }
        return d.failed() ? null : new DynamicLabel(key, prefix, cardinality, values);
    }

    private CardinalitySpike spike(Node n, String path, Obj parent) {
        Obj s = Obj.of(n, path, diag, parent);
        if (s == null) {
            return null;
        }
        CardinalitySpike spike = new CardinalitySpike(
                String.valueOf(s.reqStr("label")),
                s.reqDur("every", DurationText::parse, window("cardinality_spikes.every")),
                s.reqDur("for", DurationText::parse, window("cardinality_spikes.for")),
                s.requiredUnsigned64("cardinality"),
                s.choice("strategy", STRATEGIES),
                s.string("prefix"),
                s.unsigned64("seed"));
        return s.failed() ? null : spike;
    }

    private PackOverride override(Node n, String path, Obj parent, String src) {
        Obj o = Obj.of(n, path, diag, parent);
        if (o == null) {
            return null;
        }
        PackOverride v = new PackOverride(
                o.has("generator") ? specs.generator(o.get("generator"), o.path("generator"), o) : null,
                o.stringMap("labels"),
                o.with("after", a -> readAfter(a, src)),
                o.with("while", w -> readWhile(w, -1)),
                o.with("delay", this::readDelay));
        return o.failed() ? null : v;
    }

    private AfterClause readAfter(Obj a, String src) {
        a.strict(AFTER_KEYS);
        AfterClause v = new AfterClause(
                String.valueOf(a.reqStr("ref")),
                orLess(a.choice("op", AFTER_OPS), a),
                a.requiredNumber("value"),
                a.dur(
                        "delay",
                        DurationText::parse,
                        (s, r) -> "entry '" + src + "': invalid duration '" + s
                                + "' in after.delay: configuration error: " + r));
        return a.failed() ? null : v;
    }

    private static Comparison orLess(Comparison c, Obj o) {
        if (c == null) {
            o.require("op");
        }
        return c == null ? Comparison.LESS_THAN : c;
    }

    /** A {@code while:} clause; {@code entry} is the entry index for checks i and j, or -1. */
    private WhileClause readWhile(Obj w, int entry) {
        w.strict(WHILE_KEYS);
        String ref = String.valueOf(w.reqStr("ref"));
        Comparison op = null;
        String opText = w.reqStr("op");
        if (opText != null) {
            try {
                op = Comparison.of(opText);
            } catch (IllegalArgumentException e) {
                w.problem(
                        "op",
                        "unsupported operator '" + opText
                                + "' on while: — only strict comparisons '<' and '>' are accepted");
            }
        }
        double value = w.requiredNumber("value");
        String scenarioName = w.string("scenario_name");
        WhileClause.IfUnresolved ifUnresolved = w.choice("if_unresolved", IF_UNRESOLVED);
        if (entry >= 0 && w.has("if_unresolved") && scenarioName == null) {
            w.problem(
                    "if_unresolved",
                    "entry " + entry + ": 'while.if_unresolved' requires 'while.scenario_name' to be set;"
                            + " 'if_unresolved' only applies to cross-POST 'while:' references");
        }
        if (entry >= 0 && scenarioName != null && ref.contains(".")) {
            w.problem(
                    "ref",
                    "entry " + entry + ": cross-POST 'while.ref' '" + ref + "' targets a pack sub-signal;"
                            + " cross-POST refs cannot target pack sub-signals in v1, use the top-level entry id");
        }
        return w.failed() || op == null ? null : new WhileClause(ref, op, value, scenarioName, ifUnresolved);
    }

    private DelayClause readDelay(Obj d) {
        d.strict(DELAY_KEYS);
        Obj.Wording wording = (s, r) -> "configuration error: " + r;
        Duration open = d.dur("open", DurationText::parseDelay, wording);
        Duration close = null;
        Double snapTo = null;
        Boolean staleMarker = null;
        Node c = d.get("close");
        if (c instanceof Scalar) {
            close = d.dur("close", DurationText::parseDelay, wording);
        } else if (c != null) {
            Obj closeObj = d.obj("close");
            if (closeObj != null) {
                closeObj.strict(CLOSE_KEYS);
                close = closeObj.dur("duration", DurationText::parseDelay, wording);
                snapTo = closeObj.number("snap_to");
                staleMarker = closeObj.bool("stale_marker");
            }
        }
        return d.failed() ? null : new DelayClause(open, close, snapTo, staleMarker);
    }

    // ---- the IR's own rules -------------------------------------------------------------------

    /**
     * Adds the IR's problems: {@link ScenarioPlan#problems()} when every entry could be built,
     * else each built entry's own rules with its original index (ids were checked on the raw
     * entries already).
     */
    private void validate(ScenarioPlan plan, List<Entry> slots) {
        if (slots.stream().allMatch(Objects::nonNull)) {
            report(plan.problems());
            return;
        }
        Problems problems = new Problems();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) != null) {
                slots.get(i).validate("scenarios[" + i + "]", i, plan.defaults(), problems);
            }
        }
        report(problems.list());
    }

    private void report(List<Problem> problems) {
        for (Problem p : problems) {
            String path = asWritten(p.path());
            if (!diag.covers(path)) {
                diag.add(path, p.message(), locate(path));
            }
        }
    }

    /** A plan path as the file writes it: in a flat file {@code scenarios[0]} is the file itself. */
    private String asWritten(String path) {
        return flat && path.startsWith("scenarios[0]")
                ? path.substring("scenarios[0]".length()).replaceFirst("^\\.", "")
                : path;
    }

    /** The position of {@code path}, else of the default it inherits, else of its closest parent. */
    private Loc locate(String path) {
        String p = path;
        while (true) {
            Loc loc = index.get(p);
            if (loc == null && p.startsWith("scenarios[") && p.indexOf("].") > 0) {
                loc = index.get("defaults." + p.substring(p.indexOf("].") + 2));
            }
            if (loc != null) {
                return loc;
            }
            if (p.isEmpty()) {
                return Loc.START;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    /**
     * Whether the plan {@link #read} returned is whole (every entry and block built) and its
     * problems, if any, are only the IR's value rules: then a compiler can look for more.
     */
    boolean complete() {
        return complete;
    }

    /**
     * Where the parts of the plan just read were written, for problems the engine finds later: a
     * problem path is located at its value, else at the {@code defaults:} value it inherits, else at
     * its closest written parent. In a flat file {@code scenarios[0]} is the file itself.
     */
    SourceMap sourceMap() {
        return new SourceMap() {
            @Override
            public String sourceName() {
                return sourceName;
            }

            @Override
            public Location locate(String path) {
                Loc loc = PlanReader.this.locate(asWritten(path));
                return new Location(sourceName, Math.max(1, loc.line()), Math.max(1, loc.column()));
            }
        };
    }
}
