package dev.sonda.engine.internal;

import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.Defaults;
import dev.sonda.api.Entry;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.PlanKind;
import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.SignalType;
import dev.sonda.api.SondaException;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.trace.CorrelatedLogs;
import dev.sonda.api.trace.RedMetrics;
import dev.sonda.api.trace.TraceSpec;
import dev.sonda.engine.CompileOptions;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.EntryOverrides;
import dev.sonda.engine.encode.Encoders;
import dev.sonda.engine.encode.EventEncoder;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.encode.SpanEncoder;
import dev.sonda.engine.generator.CsvReplayExpansion;
import dev.sonda.engine.generator.GeneratorContext;
import dev.sonda.engine.generator.Generators;
import dev.sonda.engine.generator.JitterGenerator;
import dev.sonda.engine.generator.ValueGenerator;
import dev.sonda.engine.log.LogEncoder;
import dev.sonda.engine.log.LogEncoders;
import dev.sonda.engine.log.LogGenerator;
import dev.sonda.engine.log.LogGeneratorContext;
import dev.sonda.engine.log.LogGenerators;
import dev.sonda.engine.sink.ChannelSink;
import dev.sonda.engine.sink.SinkProvider;
import dev.sonda.engine.trace.TraceModel;
import dev.sonda.engine.workload.internal.CompiledWorkload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not API. Compiles a plan once, as the reference's compiler does (normalize, expand packs,
 * resolve offsets), then builds what every entry runs (generator, encoders, sink provider) and
 * runs its launch-time checks. Every problem of every phase is collected and thrown together, each
 * with the path of the entry as written in the file (a pack metric or a csv_replay column names its
 * origin) and, when the plan was read from text, its file, line and column.
 */
public final class Compiler {
    private static final Pattern EXPANDED_PATH = Pattern.compile("^scenarios\\[(\\d+)]");

    /** The rate of an events entry without one: due events are checked once per second. */
    static final double EVENTS_RATE = 1.0;

    private Compiler() {}

    /**
     * Compiles {@code plan}.
     *
     * @param plan the plan
     * @param options the registry, packs, overrides, indexing and base directory
     * @return the compiled plan
     * @throws InvalidScenarioException carrying every problem found, located through the plan's
     *     origin when it has one
     */
    public static CompiledPlan compile(ScenarioPlan plan, CompileOptions options) {
        try {
            return new Compiler.Run(plan, options).compile();
        } catch (InvalidScenarioException e) {
            throw e.locate(plan.origin());
        }
    }

    /** One compilation: its problems and the state the phases share. */
    private static final class Run {
        private final ScenarioPlan plan;
        private final CompileOptions options;
        private final SpecRegistry registry;
        private final Problems problems = new Problems();
        private final Set<Problem> seen = new LinkedHashSet<>();
        private final List<String> warnings = new ArrayList<>();

        Run(ScenarioPlan plan, CompileOptions options) {
            this.plan = plan;
            this.options = options;
            this.registry = options.registry();
        }

        CompiledPlan compile() {
            add(plan.problems());
            if (plan.kind() == PlanKind.COMPOSABLE) {
                throwIfAny();
                return new CompiledPlan(plan, List.of());
            }
            Defaults defaults = plan.defaults();
            List<Entry> normalized = new ArrayList<>();
            for (int i = 0; i < plan.entries().size(); i++) {
                normalized.add(replayRate(resolveSpecs(normalize(plan.entries().get(i), defaults), i), i));
            }
            List<PackExpander.Origin> origins = new ArrayList<>();
            Problems expansion = new Problems();
            List<Entry> expanded = PackExpander.expand(normalized, defaults, options.packs(), expansion, origins);
            add(expansion.list());
            for (int i = 0; i < expanded.size(); i++) {
                if (origins.get(i).part() != null) {
                    expanded.set(i, resolveSpecs(expanded.get(i), origins.get(i), i));
                }
            }
            AfterResolver.Resolved resolved = null;
            if (expansion.isEmpty()) {
                Problems after = new Problems();
                resolved = AfterResolver.resolve(expanded, plan.scenarioName(), after);
                add(remap(after.list(), origins));
            }
            List<CompiledEntry> out = new ArrayList<>();
            if (resolved != null) {
                for (int i = 0; i < expanded.size(); i++) {
                    build(expanded.get(i), origins.get(i), i, resolved, out);
                }
            }
            throwIfAny();
            return new CompiledPlan(plan, out, warnings);
        }

        /**
         * A log generator that replays recorded data (csv_replay) runs at the recorded cadence,
         * whatever the entry's rate says; a problem reading the file is reported when the generator
         * is built.
         */
        private Entry replayRate(Entry e, int index) {
            if (!(e.signal() instanceof Signal.Logs l)) {
                return e;
            }
            OptionalDouble rate;
            try {
                rate = LogGenerators.provider(registry, l.generator().type())
                        .replayRate(
                                l.generator(),
                                new LogGeneratorContext(
                                        "scenarios[" + index + "].log_generator",
                                        options.templateIndexing(),
                                        options.baseDirectory()));
            } catch (RuntimeException ex) {
                return e;
            }
            if (rate.isEmpty()) {
                return e;
            }
            return copy(e, e.name(), e.labels(), rate.getAsDouble());
        }

        // ---- spec resolution --------------------------------------------------------------------

        private Entry resolveSpecs(Entry e, int index) {
            return resolveSpecs(e, new PackExpander.Origin(index, null), -1);
        }

        /**
         * Resolves every block of an entry with its provider: a type no provider serves is a
         * problem at the block's path (the defaults' path when the entry inherits it), and so is an
         * encoder that cannot write the entry's signal.
         */
        private Entry resolveSpecs(Entry e, PackExpander.Origin origin, int expandedIndex) {
            String path = origin.path();
            Entry src = plan.entries().get(origin.index());
            Defaults d = plan.defaults();
            Signal signal = e.signal();
            if (signal instanceof Signal.Metrics m && !(m.generator() instanceof GeneratorSpec.CsvReplay)) {
                String at = expandedIndex < 0 ? path + ".generator" : path + ".pack";
                Object g = resolve(SpecKind.GENERATOR, m.generator(), at, origin);
                signal = g == null ? signal : new Signal.Metrics((GeneratorSpec) g);
            } else if (signal instanceof Signal.Logs l) {
                Object g = resolve(SpecKind.LOG_GENERATOR, l.generator(), path + ".log_generator", origin);
                signal = g == null ? signal : new Signal.Logs((LogGeneratorSpec) g);
            } else if (signal instanceof Signal.Traces t) {
                signal = new Signal.Traces(resolveTraces(t.traces(), path + ".traces", origin));
            }
            String encoderPath =
                    src.encoder() != null ? path + ".encoder" : d.encoder() != null ? "defaults.encoder" : null;
            String sinkPath = src.sink() != null ? path + ".sink" : d.sink() != null ? "defaults.sink" : null;
            EncoderSpec encoder = e.encoder();
            SinkSpec sink = e.sink();
            if (encoderPath != null) {
                Object r = resolve(SpecKind.ENCODER, encoder, encoderPath, origin);
                encoder = r == null ? encoder : (EncoderSpec) r;
            }
            if ((sinkPath != null || !(sink instanceof SinkSpec.Stdout)) && !(sink instanceof SinkSpec.Channel)) {
                Object r = resolve(SpecKind.SINK, sink, sinkPath == null ? path + ".sink" : sinkPath, origin);
                sink = r == null ? sink : (SinkSpec) r;
            }
            return copy(e, signal, encoder, sink);
        }

        /** Resolves the encoder and sink blocks of a traces entry's logs and metrics. */
        private TraceSpec resolveTraces(TraceSpec t, String path, PackExpander.Origin origin) {
            CorrelatedLogs logs = t.logs();
            if (logs != null) {
                logs = new CorrelatedLogs(
                        logs.sample(),
                        (EncoderSpec) resolveIfSet(SpecKind.ENCODER, logs.encoder(), path + ".logs.encoder", origin),
                        (SinkSpec) resolveIfSet(SpecKind.SINK, logs.sink(), path + ".logs.sink", origin));
            }
            RedMetrics metrics = t.metrics();
            if (metrics != null) {
                metrics = new RedMetrics(
                        metrics.interval(),
                        (EncoderSpec)
                                resolveIfSet(SpecKind.ENCODER, metrics.encoder(), path + ".metrics.encoder", origin),
                        (SinkSpec) resolveIfSet(SpecKind.SINK, metrics.sink(), path + ".metrics.sink", origin));
            }
            return t.withLogs(logs).withMetrics(metrics);
        }

        /** {@link #resolve} of a block that may be absent: null stays null, an unresolved spec stays. */
        private Object resolveIfSet(SpecKind kind, Object spec, String path, PackExpander.Origin origin) {
            if (spec == null) {
                return null;
            }
            Object r = resolve(kind, spec, path, origin);
            return r == null ? spec : r;
        }

        private Object resolve(SpecKind kind, Object spec, String path, PackExpander.Origin origin) {
            Problems p = new Problems();
            Object r = registry.resolve(kind, spec, path, p);
            add(annotate(p.list(), origin));
            return r;
        }

        // ---- build ---------------------------------------------------------------------------------

        private void build(
                Entry e0,
                PackExpander.Origin origin,
                int index,
                AfterResolver.Resolved resolved,
                List<CompiledEntry> out) {
            EntryOverrides o = options.overrides();
            Entry e = DefaultSeed.apply(applyOverrides(e0, o, origin), options.defaultSeed());
            String path = "scenarios[" + index + "]";
            Problems local = new Problems();
            try {
                StartTime.parse(e.startTime());
            } catch (IllegalArgumentException ex) {
                local.add(path + ".start_time", ex.getMessage());
            }
            // The channel sink is programmatic only (no YAML type, as in the reference): it is
            // not in the registry, so that YAML and the type listings stay the reference's.
            SinkProvider sinkProvider = e.sink() instanceof SinkSpec.Channel
                    ? ChannelSink.PROVIDER
                    : sinkProvider(e.sink(), path + ".sink", local);
            MetricEncoder metricEncoder = null;
            LogEncoder logEncoder = null;
            ValueGenerator generator = null;
            LogGenerator logGenerator = null;
            SpanEncoder spanEncoder = null;
            EventEncoder eventEncoder = null;
            TraceModel traceModel = null;
            CompiledEntry.Companion logsSink = null;
            CompiledEntry.Companion metricsSink = null;
            double rate = e.rate() == null ? Double.NaN : e.rate();
            List<CsvReplayExpansion.Column> columns = null;
            if (e.signal() instanceof Signal.Traces tr) {
                TraceSpec t = tr.traces();
                String at = path + ".traces";
                traceModel = TraceModel.compile(t, e.duration(), at, local);
                try {
                    spanEncoder = Encoders.spanEncoder(registry, e.encoder());
                } catch (SondaException ex) {
                    local.add(path + ".encoder", ex.getMessage());
                }
                if (t.logs() != null) {
                    EncoderSpec enc = t.logs().encoder() != null
                            ? t.logs().encoder()
                            : e.encoder().supportsLogs() ? e.encoder() : EncoderSpec.jsonLines();
                    try {
                        logEncoder = LogEncoders.create(registry, enc);
                    } catch (SondaException ex) {
                        local.add(at + ".logs.encoder", ex.getMessage());
                    }
                    logsSink = companion(t.logs().sink(), at + ".logs.sink", local);
                }
                if (t.metrics() != null) {
                    EncoderSpec enc = t.metrics().encoder() != null
                            ? t.metrics().encoder()
                            : e.encoder().supportsMetrics() ? e.encoder() : EncoderSpec.prometheusText();
                    try {
                        metricEncoder = Encoders.metricEncoder(registry, enc);
                    } catch (SondaException ex) {
                        local.add(at + ".metrics.encoder", ex.getMessage());
                    }
                    metricsSink = companion(t.metrics().sink(), at + ".metrics.sink", local);
                }
            } else if (e.signalType() == SignalType.EVENTS) {
                try {
                    eventEncoder = Encoders.eventEncoder(registry, e.encoder());
                } catch (SondaException ex) {
                    local.add(path + ".encoder", ex.getMessage());
                }
            } else if (e.signalType() == SignalType.LOGS) {
                Signal.Logs l = (Signal.Logs) e.signal();
                try {
                    logGenerator = LogGenerators.create(
                            registry,
                            l.generator(),
                            new LogGeneratorContext(
                                    path + ".log_generator",
                                    options.templateIndexing(),
                                    options.baseDirectory(),
                                    options.defaultSeed()));
                } catch (InvalidScenarioException ex) {
                    local.addAll(ex.problems());
                }
                try {
                    logEncoder = LogEncoders.create(registry, e.encoder());
                } catch (SondaException ex) {
                    local.add(path + ".encoder", ex.getMessage());
                }
            } else {
                try {
                    metricEncoder = Encoders.metricEncoder(registry, e.encoder());
                } catch (InvalidScenarioException ex) {
                    local.addAll(ex.problems());
                } catch (SondaException ex) {
                    local.add(path + ".encoder", ex.getMessage());
                } catch (IllegalArgumentException ex) {
                    local.add(path + ".encoder.precision", ex.getMessage());
                }
                if (e.signal() instanceof Signal.Metrics m) {
                    if (m.generator() instanceof GeneratorSpec.CsvReplay csv) {
                        try {
                            CsvReplayExpansion x = CsvReplayExpansion.expand(
                                    csv,
                                    e.name(),
                                    e.labels(),
                                    e.rate(),
                                    baseDirectoryFor(csv.file()),
                                    path + ".generator");
                            x.warning().ifPresent(warnings::add);
                            columns = x.columns();
                        } catch (InvalidScenarioException ex) {
                            local.addAll(ex.problems());
                        }
                    } else if (rate > 0) {
                        try {
                            generator = Generators.create(
                                    registry,
                                    m.generator(),
                                    new GeneratorContext(
                                            rate,
                                            e.duration(),
                                            e.jitter(),
                                            e.jitterSeed(),
                                            path + ".generator",
                                            options.defaultSeed()));
                        } catch (InvalidScenarioException ex) {
                            local.addAll(ex.problems());
                        }
                    }
                }
            }
            CompiledWorkload workload = null;
            if (e.signal() instanceof Signal.Workload w && rate > 0) {
                Entry raw = plan.entries().get(origin.index());
                boolean sinkWritten = raw.sink() != null || plan.defaults().sink() != null || o.sink() != null;
                try {
                    workload = CompiledWorkload.compile(
                            e.name(),
                            rate,
                            e.labels(),
                            w.workload(),
                            sinkWritten,
                            registry,
                            e.duration(),
                            path + ".workload");
                } catch (InvalidScenarioException ex) {
                    local.addAll(ex.problems());
                }
            }
            add(remap(local.list(), origin, index));
            if (!local.isEmpty() || sinkProvider == null) {
                return;
            }
            Duration offset = resolved.phaseOffsets().get(index);
            boolean explicit = plan.entries().get(origin.index()).onSinkError() != null
                    || plan.defaults().onSinkError() != null
                    || options.overrides().onSinkError() != null;
            String group = resolved.clockGroups().get(index);
            boolean auto = resolved.clockGroupAuto().get(index);
            if (columns == null) {
                out.add(new CompiledEntry(
                        out.size(),
                        origin.display(),
                        e.id(),
                        e.name(),
                        e.signalType(),
                        e,
                        rate,
                        e.duration(),
                        offset,
                        e.labels(),
                        e.encoder(),
                        e.sink(),
                        e.onSinkError(),
                        explicit,
                        group,
                        auto,
                        new CompiledEntry.Runtime(
                                generator,
                                logGenerator,
                                metricEncoder,
                                logEncoder,
                                sinkProvider,
                                spanEncoder,
                                eventEncoder,
                                traceModel,
                                logsSink,
                                metricsSink,
                                workload)));
                return;
            }
            for (CsvReplayExpansion.Column c : columns) {
                ValueGenerator g = c.generator();
                Double j = e.jitter();
                if (j != null && j != 0.0) {
                    g = new JitterGenerator(
                            g,
                            j,
                            e.jitterSeed() != null
                                    ? e.jitterSeed()
                                    : options.defaultSeed() != null ? options.defaultSeed() : 0L);
                }
                Entry col = copy(e, c.name(), c.labels(), c.rate());
                out.add(new CompiledEntry(
                        out.size(),
                        origin.display() + " (csv_replay column " + c.index() + ", '" + c.name() + "')",
                        e.id(),
                        c.name(),
                        e.signalType(),
                        col,
                        c.rate(),
                        e.duration(),
                        offset,
                        col.labels(),
                        e.encoder(),
                        e.sink(),
                        e.onSinkError(),
                        explicit,
                        group,
                        auto,
                        new CompiledEntry.Runtime(g, null, metricEncoder, null, sinkProvider)));
            }
        }

        /** The provider of a traces entry's second sink, or null when the block shares the entry's. */
        private CompiledEntry.Companion companion(SinkSpec sink, String at, Problems local) {
            if (sink == null) {
                return null;
            }
            SinkProvider p = sinkProvider(sink, at, local);
            return p == null ? null : new CompiledEntry.Companion(sink, p);
        }

        /** The registered provider of a sink's type, or null with a problem at {@code at.type}. */
        private SinkProvider sinkProvider(SinkSpec sink, String at, Problems local) {
            SinkProvider p = registry.find(SpecKind.SINK, sink.type(), SinkProvider.class)
                    .orElse(null);
            if (p == null) {
                local.add(at + ".type", registry.unknownType(SpecKind.SINK, sink.type()));
            }
            return p;
        }

        /**
         * Where a relative data file resolves: the base directory (the working directory by
         * default, as in the reference); when the file is not there and the plan was read from a
         * file, the scenario file's directory, so an example runs from any directory.
         */
        private java.nio.file.Path baseDirectoryFor(String file) {
            java.nio.file.Path base = options.baseDirectory();
            if (java.nio.file.Files.exists(base.resolve(file)) || plan.origin() == null) {
                return base;
            }
            java.nio.file.Path dir =
                    java.nio.file.Path.of(plan.origin().sourceName()).getParent();
            return dir != null && java.nio.file.Files.exists(dir.resolve(file)) ? dir : base;
        }

        private Entry applyOverrides(Entry e, EntryOverrides o, PackExpander.Origin origin) {
            if (o == EntryOverrides.NONE) {
                return e;
            }
            SinkSpec sink = e.sink();
            if (o.sink() != null) {
                Object r = resolve(SpecKind.SINK, o.sink(), "--sink", origin);
                sink = r == null ? o.sink() : (SinkSpec) r;
            }
            EncoderSpec encoder = e.encoder();
            if (o.encoder() != null) {
                Object r = resolve(SpecKind.ENCODER, o.encoder(), "--encoder", origin);
                encoder = r == null ? o.encoder() : (EncoderSpec) r;
            }
            Map<String, String> labels = e.labels();
            if (!o.labels().isEmpty()) {
                labels = new HashMap<>(labels);
                labels.putAll(o.labels());
            }
            return new Entry(
                    e.id(),
                    e.name(),
                    e.signal(),
                    o.rate() != null ? o.rate() : e.rate(),
                    o.duration() != null ? o.duration() : e.duration(),
                    e.startTime(),
                    labels,
                    e.dynamicLabels(),
                    encoder,
                    sink,
                    e.jitter(),
                    e.jitterSeed(),
                    e.gaps(),
                    e.bursts(),
                    e.cardinalitySpikes(),
                    e.phaseOffset(),
                    e.clockGroup(),
                    e.after(),
                    e.whileClause(),
                    e.delay(),
                    o.onSinkError() != null ? o.onSinkError() : e.onSinkError(),
                    e.metricType(),
                    e.help());
        }

        // ---- problems ------------------------------------------------------------------------------

        private void add(List<Problem> list) {
            for (Problem p : list) {
                if (seen.add(p) && !reportedAtAKeyWithin(p)) {
                    problems.add(p.path(), p.message());
                }
            }
        }

        /**
         * Whether the same fault was already reported at a key inside this one's path (an unknown
         * encoder type at {@code .encoder.type} makes building the encoder fail at {@code .encoder}
         * with the same words): one fault, one problem.
         */
        private boolean reportedAtAKeyWithin(Problem p) {
            String inside = p.path() + ".";
            for (Problem q : seen) {
                if (q.message().equals(p.message()) && q.path().startsWith(inside)) {
                    return true;
                }
            }
            return false;
        }

        private void throwIfAny() {
            problems.throwIfAny();
        }

        /** Paths of expanded entries, {@code scenarios[k]}, become the path of the entry as written. */
        private static List<Problem> remap(List<Problem> list, List<PackExpander.Origin> origins) {
            List<Problem> out = new ArrayList<>(list.size());
            for (Problem p : list) {
                Matcher m = EXPANDED_PATH.matcher(p.path());
                int k = m.find() ? Integer.parseInt(m.group(1)) : -1;
                if (k < 0 || k >= origins.size()) {
                    out.add(p);
                    continue;
                }
                PackExpander.Origin o = origins.get(k);
                String path = o.path() + p.path().substring(m.end());
                out.add(new Problem(path, o.part() == null ? p.message() : p.message() + " (in " + o.part() + ")"));
            }
            return out;
        }

        /** As {@link #remap(List, List)} for the problems of the one expanded entry at {@code index}. */
        private static List<Problem> remap(List<Problem> list, PackExpander.Origin origin, int index) {
            List<Problem> out = new ArrayList<>(list.size());
            for (Problem p : list) {
                Matcher m = EXPANDED_PATH.matcher(p.path());
                if (m.find() && Integer.parseInt(m.group(1)) == index) {
                    String path = origin.path() + p.path().substring(m.end());
                    out.add(new Problem(
                            path, origin.part() == null ? p.message() : p.message() + " (in " + origin.part() + ")"));
                } else {
                    out.add(p);
                }
            }
            return out;
        }

        private static List<Problem> annotate(List<Problem> list, PackExpander.Origin origin) {
            if (origin.part() == null) {
                return list;
            }
            return list.stream()
                    .map(p -> new Problem(p.path(), p.message() + " (in " + origin.part() + ")"))
                    .toList();
        }
    }

    /**
     * Copies the file defaults onto an entry (Sonda 1.20 {@code compiler/normalize.rs}): first
     * non-absent wins for rate, duration, start_time, encoder, sink, on_sink_error, while and
     * delay; labels of inline entries merge (entry wins); pack entries keep their own labels, as
     * pack expansion applies the defaults' labels at the lowest precedence.
     */
    static Entry normalize(Entry e, Defaults d) {
        Map<String, String> labels = e.labels();
        if (!(e.signal() instanceof Signal.Pack)) {
            Map<String, String> merged = new HashMap<>(d.labels());
            merged.putAll(e.labels());
            labels = merged;
        }
        Double rate = e.rate() != null ? e.rate() : d.rate();
        if (rate == null && e.signalType() == SignalType.EVENTS) {
            rate = EVENTS_RATE;
        }
        return new Entry(
                e.id(),
                e.name(),
                e.signal(),
                rate,
                e.duration() != null ? e.duration() : d.duration(),
                e.startTime() != null ? e.startTime() : d.startTime(),
                labels,
                e.dynamicLabels(),
                e.encoder() != null ? e.encoder() : d.encoder() != null ? d.encoder() : defaultEncoder(e.signalType()),
                e.sink() != null ? e.sink() : d.sink() != null ? d.sink() : new SinkSpec.Stdout(),
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
                e.onSinkError() != null
                        ? e.onSinkError()
                        : d.onSinkError() != null ? d.onSinkError() : OnSinkError.WARN,
                e.metricType(),
                e.help());
    }

    private static Entry copy(Entry e, Signal signal, EncoderSpec encoder, SinkSpec sink) {
        return copy(e, signal, encoder, sink, e.cardinalitySpikes());
    }

    /** The entry with another signal, encoder, sink and cardinality spikes. */
    static Entry copy(
            Entry e, Signal signal, EncoderSpec encoder, SinkSpec sink, List<CardinalitySpike> cardinalitySpikes) {
        return new Entry(
                e.id(),
                e.name(),
                signal,
                e.rate(),
                e.duration(),
                e.startTime(),
                e.labels(),
                e.dynamicLabels(),
                encoder,
                sink,
                e.jitter(),
                e.jitterSeed(),
                e.gaps(),
                e.bursts(),
                cardinalitySpikes,
                e.phaseOffset(),
                e.clockGroup(),
                e.after(),
                e.whileClause(),
                e.delay(),
                e.onSinkError(),
                e.metricType(),
                e.help());
    }

    /** The entry with another name, labels and rate. */
    private static Entry copy(Entry e, String name, Map<String, String> labels, double rate) {
        return new Entry(
                e.id(),
                name,
                e.signal(),
                rate,
                e.duration(),
                e.startTime(),
                labels,
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
                e.delay(),
                e.onSinkError(),
                e.metricType(),
                e.help());
    }

    private static EncoderSpec defaultEncoder(SignalType type) {
        return switch (type) {
            case LOGS -> new EncoderSpec.JsonLines(null);
            case TRACES, EVENTS -> new EncoderSpec.Ndjson();
            default -> new EncoderSpec.PrometheusText(null);
        };
    }
}
