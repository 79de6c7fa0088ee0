package dev.sonda.engine.internal;

import dev.sonda.api.Defaults;
import dev.sonda.api.Entry;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.PlanKind;
import dev.sonda.api.Problems;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.SignalType;
import dev.sonda.api.SondaException;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.PackResolver;
import dev.sonda.engine.encode.Encoders;
import dev.sonda.engine.generator.Generators;
import dev.sonda.engine.log.LogEncoders;
import dev.sonda.engine.log.LogGenerators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API. Compiles a plan as the reference's compiler does (normalize, expand, resolve offsets)
 * and runs its launch-time checks, collecting every problem before failing.
 */
public final class Compiler {
    private Compiler() {}

    /**
     * Compiles {@code plan} as the reference does: normalize (defaults), expand packs, resolve
     * {@code after:} into phase offsets and clock groups, then the launch-time checks. Each phase
     * reports every problem it finds; a phase runs only when the earlier ones found none, as later
     * phases depend on their results.
     *
     * @param plan the plan
     * @param packs resolves {@code pack:} references
     * @return the compiled plan
     * @throws InvalidScenarioException carrying every problem found
     */
    public static CompiledPlan compile(ScenarioPlan plan, PackResolver packs) {
        Problems problems = new Problems();
        problems.addAll(plan.problems());
        problems.throwIfAny();
        if (plan.kind() == PlanKind.COMPOSABLE) {
            return new CompiledPlan(plan, List.of());
        }
        Defaults defaults = plan.defaults();
        List<Entry> normalized =
                plan.entries().stream().map(e -> normalize(e, defaults)).toList();
        List<Entry> expanded = PackExpander.expand(normalized, defaults, packs, problems);
        problems.throwIfAny();
        AfterResolver.Resolved resolved = AfterResolver.resolve(expanded, plan.scenarioName(), problems);
        problems.throwIfAny();
        List<CompiledEntry> out = new ArrayList<>();
        for (int i = 0; i < expanded.size(); i++) {
            Entry e = expanded.get(i);
            String path = "scenarios[" + i + "]";
            try {
                StartTime.parse(e.startTime());
            } catch (IllegalArgumentException ex) {
                problems.add(path + ".start_time", ex.getMessage());
            }
            checkRuntime(e, e.rate(), e.duration(), e.encoder(), path, problems);
            out.add(new CompiledEntry(
                    i,
                    e.id(),
                    e.name(),
                    e.signalType(),
                    e,
                    e.rate(),
                    e.duration(),
                    resolved.phaseOffsets().get(i),
                    e.labels(),
                    e.encoder(),
                    e.sink(),
                    e.onSinkError(),
                    resolved.clockGroups().get(i),
                    resolved.clockGroupAuto().get(i)));
        }
        problems.throwIfAny();
        return new CompiledPlan(plan, out);
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
        return new Entry(
                e.id(),
                e.name(),
                e.signal(),
                replayRate(e, e.rate() != null ? e.rate() : d.rate()),
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

    private static void checkRuntime(
            Entry e, double rate, Duration duration, EncoderSpec encoder, String path, Problems problems) {
        if (e.signal() instanceof Signal.Metrics m) {
            try {
                Generators.create(m.generator(), rate, e.jitter(), e.jitterSeed(), duration, path + ".generator");
            } catch (InvalidScenarioException ex) {
                problems.addAll(ex.problems());
            }
        }
        if (e.signalType() != SignalType.LOGS) {
            try {
                Encoders.metricEncoder(encoder);
            } catch (InvalidScenarioException ex) {
                problems.addAll(ex.problems());
            } catch (SondaException ex) {
                problems.add(path + ".encoder", ex.getMessage());
            }
        }
        if (e.signal() instanceof Signal.Logs l) {
            try {
                LogGenerators.create(l.generator(), path + ".log_generator");
            } catch (InvalidScenarioException ex) {
                problems.addAll(ex.problems());
            }
            try {
                LogEncoders.create(encoder);
            } catch (SondaException ex) {
                problems.add(path + ".encoder", ex.getMessage());
            }
        }
    }

    /** csv_replay log entries always run at the recorded cadence: {@code timescale / median Δt}. */
    private static Double replayRate(Entry e, Double rate) {
        if (e.signal() instanceof Signal.Logs l
                && l.generator() instanceof dev.sonda.api.generator.LogGeneratorSpec.CsvReplay c) {
            try {
                return dev.sonda.engine.log.CsvReplayLogGenerator.replayRate(c, "log_generator");
            } catch (RuntimeException ex) {
                return rate; // reported when the generator is built
            }
        }
        return rate;
    }

    private static EncoderSpec defaultEncoder(SignalType type) {
        return type == SignalType.LOGS ? new EncoderSpec.JsonLines(null) : new EncoderSpec.PrometheusText(null);
    }
}
