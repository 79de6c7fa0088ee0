package dev.sonda.cli;

import dev.sonda.api.Entry;
import dev.sonda.api.Signal;
import dev.sonda.api.SignalType;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecKind;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sonda metrics}: one metric series from flags or a single-scenario file, as the seed
 * README's "CLI Reference" gives it, such as {@code sonda metrics --name cpu_usage --rate 100
 * --duration 30s --value-mode sine --amplitude 5 --period-secs 30 --offset 50 --label zone=eu1}.
 */
@Command(
        name = "metrics",
        description = "Generate synthetic metrics from flags (or --scenario FILE) and write them to the sink.",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class MetricsCommand extends SignalCommand {
    MetricsCommand() {
        super(SignalType.METRICS, SpecKind.GENERATOR, "--value-mode");
    }

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "Metric name, [a-zA-Z_:][a-zA-Z0-9_:]*; required without --scenario.")
    String name;

    @Option(
            names = {"--value-mode", "--generator"},
            paramLabel = "VALUE_MODE",
            completionCandidates = Types.Generators.class,
            description = "Generator type (seed: constant, uniform, sine, sawtooth; default constant): "
                    + "${COMPLETION-CANDIDATES}.")
    String valueMode;

    @Option(names = "--amplitude", paramLabel = "A", description = "Sine amplitude (half the swing); default 1.0.")
    Double amplitude;

    @Option(names = "--period-secs", paramLabel = "P", description = "Sine or sawtooth period in seconds; default 60.")
    Double periodSecs;

    @Option(
            names = "--offset",
            paramLabel = "O",
            description = "Sine midpoint, or the value of a constant; default 0.0.")
    Double offset;

    @Option(names = "--min", paramLabel = "MIN", description = "Minimum of uniform and sawtooth; default 0.0.")
    Double min;

    @Option(names = "--max", paramLabel = "MAX", description = "Maximum of uniform and sawtooth; default 1.0.")
    Double max;

    @Override
    String chosenType() {
        return valueMode;
    }

    @Override
    String nameFlag() {
        return name;
    }

    @Override
    List<KeyFlag> keyFlags() {
        return List.of(
                new KeyFlag("--amplitude", "amplitude", null, amplitude),
                new KeyFlag("--period-secs", "period_secs", null, periodSecs),
                new KeyFlag("--offset", "offset", "value", offset),
                new KeyFlag("--min", "min", null, min),
                new KeyFlag("--max", "max", null, max),
                new KeyFlag("--seed", "seed", null, seedValue()));
    }

    /** The seed README's defaults of the value flags. */
    @Override
    Map<String, Object> keyDefaults() {
        return Map.of("amplitude", 1.0, "period_secs", 60.0, "offset", 0.0, "value", 0.0, "min", 0.0, "max", 1.0);
    }

    @Override
    void requireFlags() {
        if (name == null) {
            throw new CliException("--name is required when no --scenario file is provided", 2);
        }
        if (rate == null) {
            throw new CliException("--rate is required when no --scenario file is provided", 2);
        }
    }

    @Override
    String freshName() {
        return name;
    }

    @Override
    Double freshRate() {
        return rate;
    }

    @Override
    Object generatorOf(Entry e) {
        return ((Signal.Metrics) e.signal()).generator();
    }

    @Override
    Signal signalWith(Object generator) {
        return new Signal.Metrics((GeneratorSpec) generator);
    }
}
