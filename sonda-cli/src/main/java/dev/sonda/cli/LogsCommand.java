package dev.sonda.cli;

import dev.sonda.api.Entry;
import dev.sonda.api.Signal;
import dev.sonda.api.SignalType;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.spi.SpecKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sonda logs}: one log stream from flags or a single-scenario file, as the seed README's
 * "CLI Reference" gives it, such as {@code sonda logs --mode template --message "disk full"
 * --severity-weights info=0.7,warn=0.3 --rate 5 --duration 10s} or {@code sonda logs --mode
 * replay --file app.log}.
 */
@Command(
        name = "logs",
        description = "Generate synthetic log events from flags (or --scenario FILE) and write them to the sink.",
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class LogsCommand extends SignalCommand {
    LogsCommand() {
        super(SignalType.LOGS, SpecKind.LOG_GENERATOR, "--mode");
    }

    /** The seed's message of {@code --mode template} without {@code --message} (0.x {@code config.rs}). */
    static final String DEFAULT_MESSAGE = "synthetic log event";

    /** The seed's rate without {@code --rate} or a file. */
    static final double DEFAULT_RATE = 10.0;

    /** The entry name without a file (the seed's flags have no {@code --name} for logs). */
    static final String DEFAULT_NAME = "logs";

    @Option(
            names = {"--mode", "--generator"},
            paramLabel = "MODE",
            completionCandidates = Types.LogGenerators.class,
            description = "Log generator type (seed: template, replay); required without --scenario: "
                    + "${COMPLETION-CANDIDATES}.")
    String mode;

    @Option(
            names = {"--file", "--replay-file"},
            paramLabel = "FILE",
            description = "The file --mode replay replays, line by line, cycling.")
    String file;

    @Option(
            names = "--message",
            paramLabel = "MESSAGE",
            description = "One static template for --mode template; replaces the file's templates.")
    String message;

    @Option(
            names = "--severity-weights",
            paramLabel = "WEIGHTS",
            description = "Comma-separated severity=weight pairs, such as info=0.7,warn=0.2,error=0.1.")
    String severityWeights;

    @Option(names = "--name", paramLabel = "NAME", description = "The stream's name; default logs.")
    String name;

    @Override
    String chosenType() {
        return mode;
    }

    @Override
    String nameFlag() {
        return name;
    }

    @Override
    List<KeyFlag> keyFlags() {
        return List.of(
                new KeyFlag("--file", "file", null, file),
                new KeyFlag("--message", "templates", null, message == null ? null : templates(message)),
                new KeyFlag("--severity-weights", "severity_weights", null, weights()),
                new KeyFlag("--seed", "seed", null, seedValue()));
    }

    private static List<Map<String, Object>> templates(String message) {
        return List.of(Map.of("message", message));
    }

    /** The seed's default template. */
    @Override
    Map<String, Object> keyDefaults() {
        return Map.of("templates", templates(DEFAULT_MESSAGE));
    }

    /**
     * {@code --severity-weights info=0.7,warn=0.2} as a {@code severity_weights} block, with the
     * seed's messages (0.x {@code config.rs}).
     */
    private Map<String, Object> weights() {
        if (severityWeights == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String raw : severityWeights.split(",", -1)) {
            String pair = raw.trim();
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new CliException(
                        "severity weight \"" + pair + "\" must be in name=weight format (no '=' found)", 2);
            }
            String severity = pair.substring(0, eq).trim();
            String weight = pair.substring(eq + 1).trim();
            try {
                out.put(severity, Double.parseDouble(weight));
            } catch (NumberFormatException e) {
                throw new CliException(
                        "severity weight for \"" + severity + "\": \"" + weight + "\" is not a valid float", 2);
            }
        }
        return out;
    }

    @Override
    void requireFlags() {
        if (mode == null) {
            throw new CliException("--mode is required when no --scenario file is provided", 2);
        }
    }

    @Override
    String freshName() {
        return name == null ? DEFAULT_NAME : name;
    }

    @Override
    Double freshRate() {
        return rate == null ? DEFAULT_RATE : rate;
    }

    @Override
    Object generatorOf(Entry e) {
        return ((Signal.Logs) e.signal()).generator();
    }

    @Override
    Signal signalWith(Object generator) {
        return new Signal.Logs((LogGeneratorSpec) generator);
    }
}
