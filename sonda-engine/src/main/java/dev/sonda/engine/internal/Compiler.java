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
import dev.sonda.engine.encode.Encoders;
import dev.sonda.engine.generator.Generators;
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
     * Compiles {@code plan}.
     *
     * @param plan the plan
     * @return the compiled plan
     * @throws InvalidScenarioException carrying every problem found
     */
    public static CompiledPlan compile(ScenarioPlan plan) {
        Problems problems = new Problems();
        problems.addAll(plan.problems());
        if (plan.kind() == PlanKind.COMPOSABLE) {
            problems.throwIfAny();
            return new CompiledPlan(plan, List.of());
        }
        Defaults defaults = plan.defaults();
        List<CompiledEntry> out = new ArrayList<>();
        for (int i = 0; i < plan.entries().size(); i++) {
            Entry e = plan.entries().get(i);
            String path = "scenarios[" + i + "]";
            if (e.signal() instanceof Signal.Pack) {
                problems.add(path + ".pack", "pack entries are not supported by this version yet");
                continue;
            }
            if (e.after() != null) {
                problems.add(path + ".after", "after: is not supported by this version yet");
            }
            if (e.whileClause() != null || defaults.whileClause() != null) {
                problems.add(path + ".while", "while: is not supported by this version yet");
            }
            Double rate = e.rate() != null ? e.rate() : defaults.rate();
            Duration duration = e.duration() != null ? e.duration() : defaults.duration();
            EncoderSpec encoder = e.encoder() != null
                    ? e.encoder()
                    : defaults.encoder() != null ? defaults.encoder() : defaultEncoder(e.signalType());
            SinkSpec sink =
                    e.sink() != null ? e.sink() : defaults.sink() != null ? defaults.sink() : new SinkSpec.Stdout();
            OnSinkError policy = e.onSinkError() != null
                    ? e.onSinkError()
                    : defaults.onSinkError() != null ? defaults.onSinkError() : OnSinkError.WARN;
            Map<String, String> labels = new HashMap<>(defaults.labels());
            labels.putAll(e.labels());
            String startTime = e.startTime() != null ? e.startTime() : defaults.startTime();
            try {
                StartTime.parse(startTime);
            } catch (IllegalArgumentException ex) {
                problems.add(path + ".start_time", ex.getMessage());
            }
            if (rate == null || !(rate > 0)) {
                continue; // reported by plan.problems()
            }
            checkRuntime(e, rate, duration, encoder, path, problems);
            out.add(new CompiledEntry(
                    out.size(),
                    e.id(),
                    e.name(),
                    e.signalType(),
                    e,
                    rate,
                    duration,
                    e.phaseOffset() != null ? e.phaseOffset() : Duration.ZERO,
                    labels,
                    encoder,
                    sink,
                    policy,
                    e.clockGroup(),
                    false));
        }
        problems.throwIfAny();
        return new CompiledPlan(plan, out);
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
        if (e.signalType() == SignalType.LOGS) {
            problems.add(
                    path + ".signal_type",
                    "signal_type '" + e.signalType().yamlName() + "' cannot run in this version yet");
        }
    }

    private static EncoderSpec defaultEncoder(SignalType type) {
        return type == SignalType.LOGS ? new EncoderSpec.JsonLines(null) : new EncoderSpec.PrometheusText(null);
    }
}
