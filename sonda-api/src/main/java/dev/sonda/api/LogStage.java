package dev.sonda.api;

import dev.sonda.api.generator.LogGeneratorSpec;
import java.util.List;
import java.util.Map;

/**
 * DSL stage of a {@code signal_type: logs} entry. Start one with {@link Scenario#logs(String)}.
 * Immutable.
 */
public final class LogStage extends EntryStage<LogStage> {

    LogStage(Map<Field, Object> state) {
        super(state);
    }

    @Override
    LogStage copy(Map<Field, Object> state) {
        return new LogStage(state);
    }

    @Override
    Signal signal() {
        LogGeneratorSpec g = (LogGeneratorSpec) get(Field.BODY);
        return g == null ? null : new Signal.Logs(g);
    }

    @Override
    SignalType signalType() {
        return SignalType.LOGS;
    }

    /**
     * Sets the log generator (YAML {@code log_generator:}), built-in or plug-in.
     *
     * @param generator the log generator spec
     * @return the new stage
     */
    public LogStage logGenerator(LogGeneratorSpec generator) {
        return with(Field.BODY, generator);
    }

    /**
     * {@code log_generator: {type: template, templates, severity_weights, seed}}.
     *
     * @param templates templates used round-robin
     * @param severityWeights relative weight per severity; empty for always {@code info}
     * @param seed 64-bit seed
     * @return the new stage
     */
    public LogStage template(
            List<LogGeneratorSpec.LogTemplate> templates, Map<Severity, Double> severityWeights, long seed) {
        return logGenerator(new LogGeneratorSpec.Template(templates, severityWeights, seed));
    }

    /**
     * {@code log_generator: {type: template, templates, severity_weights}} without a seed of its
     * own: the run's default seed applies ({@code @SondaScenario(seed = ...)}, {@code
     * CompileOptions.withDefaultSeed}), else 0.
     *
     * @param templates templates used round-robin
     * @param severityWeights relative weight per severity; empty for always {@code info}
     * @return the new stage
     */
    public LogStage template(List<LogGeneratorSpec.LogTemplate> templates, Map<Severity, Double> severityWeights) {
        return logGenerator(new LogGeneratorSpec.Template(templates, severityWeights, null));
    }
}
