package dev.sonda.cli;

import dev.sonda.api.DurationText;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompileOptions;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.EntryOverrides;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.log.TemplateLogGenerator;
import dev.sonda.engine.sink.SinkProvider;
import dev.sonda.yaml.ScenarioLoader;
import dev.sonda.yaml.ScenarioParseException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sonda run FILE|@name}: runs a scenario file until every entry's duration ends. */
@Command(name = "run", description = "Run a scenario file (or @name from --catalog).", mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    SondaCommand root;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file path, or @name of a catalog entry.")
    String scenario;

    @Option(
            names = "--clock",
            paramLabel = "system|simulated",
            description = "Pace on the wall clock (default) or simulate time without sleeping.")
    String clock = "system";

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            description = "Simulated clock start: epoch milliseconds or RFC 3339 (default: now).")
    String start;

    @Option(names = "--duration", paramLabel = "D", description = "Replace every entry's duration, such as 1h.")
    String duration;

    @Option(names = "--rate", paramLabel = "R", description = "Replace every entry's rate (events per second).")
    Double rate;

    @Option(
            names = "--sink",
            paramLabel = "TYPE",
            completionCandidates = Types.Sinks.class,
            description = "Replace every entry's sink: ${COMPLETION-CANDIDATES}.")
    String sink;

    @Option(names = "--endpoint", paramLabel = "E", description = "Path, address or URL of the --sink.")
    String endpoint;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "PATH",
            description = "Same as --sink file --endpoint PATH.")
    String output;

    @Option(
            names = "--encoder",
            paramLabel = "TYPE",
            completionCandidates = Types.Encoders.class,
            description = "Replace every entry's encoder: ${COMPLETION-CANDIDATES}.")
    String encoder;

    @Option(names = "--label", paramLabel = "k=v", description = "Add or override a label on every entry (repeatable).")
    List<String> labels = List.of();

    @Option(
            names = "--on-sink-error",
            paramLabel = "warn|fail",
            description = "Replace every entry's sink failure policy.")
    String onSinkError;

    @Override
    public Integer call() throws Exception {
        root.checkQuietVerbose();
        PrintStream err = System.err;
        Path file = resolveSource();
        ScenarioPlan plan = load(file);
        for (var e : plan.entries()) {
            if (e.whileClause() != null && e.whileClause().scenarioName() != null) {
                throw new CliException(
                        "failed to parse v2 scenario " + scenario + ": 'while.scenario_name' requires a running"
                                + " sonda-server (POST /scenarios); the CLI runs in single-process mode with no"
                                + " cross-POST registry.",
                        2);
            }
        }
        EntryOverrides overrides = overrides();
        CompiledPlan compiled;
        try {
            compiled = Sonda.compile(
                    plan,
                    CompileOptions.defaults()
                            .withPacks(new CatalogPacks(root.catalog))
                            .withOverrides(overrides)
                            .withTemplateIndexing(templateIndexing()));
        } catch (InvalidScenarioException e) {
            throw invalid("failed to compile v2 scenario " + scenario, e.problems());
        }
        compiled.warnings().forEach(w -> err.println("sonda: " + w));
        if (root.dryRun) {
            DryRun.print(scenario, compiled, root.format, err, System.out);
            return 0;
        }
        boolean simulated = parseClock();
        RunOptions options = RunOptions.defaults().withDiagnostics(err::println);
        if (simulated) {
            options = options.withClock(Clock.simulated(parseStart()));
        }
        Status status = new Status(compiled, err, root.quiet, root.verbose);
        status.beforeStart();
        SignalStop stop = SignalStop.install();
        Run run;
        try {
            run = Sonda.start(compiled, options);
        } catch (RuntimeException e) {
            stop.reported(1);
            throw e;
        }
        stop.watch(run);
        status.follow(run);
        CliException failure = RunVerdict.failure(compiled, run);
        if (failure != null && SignalStop.inProgress()) {
            err.println("error: " + failure.getMessage()); // the signal's hook ends the process
            stop.reported(failure.exitCode());
            return failure.exitCode();
        }
        stop.reported(failure == null ? 0 : failure.exitCode());
        if (failure != null) {
            throw failure;
        }
        return 0;
    }

    private Path resolveSource() {
        if (scenario.startsWith("@")) {
            if (root.catalog == null) {
                throw new CliException("--catalog <dir> is required to resolve @name references", 2);
            }
            return Catalog.open(root.catalog, System.err)
                    .find(scenario.substring(1))
                    .source();
        }
        Path p = Path.of(scenario);
        if (!Files.isRegularFile(p)) {
            String why = Files.exists(p) ? "not a regular file" : "No such file or directory";
            throw new CliException(
                    "failed to read scenario file " + scenario + ": " + why
                            + "\n\n  hint: use '@name' for catalog entries (requires --catalog <dir>)",
                    2);
        }
        return p;
    }

    private ScenarioPlan load(Path file) {
        try {
            dev.sonda.yaml.LoadResult result =
                    ScenarioLoader.loadWithWarnings(file, System::getenv, SpecRegistry.defaults());
            for (dev.sonda.yaml.LocatedProblem w : result.warnings()) {
                System.err.println("warning: " + w.render(file.toString()));
            }
            return result.plan();
        } catch (ScenarioParseException e) {
            throw new CliException(
                    "failed to parse v2 scenario " + scenario + ":\n"
                            + e.located().stream()
                                    .map(l -> "  " + l.render(scenario))
                                    .collect(Collectors.joining("\n")),
                    2);
        } catch (InvalidScenarioException e) {
            throw invalid("failed to parse v2 scenario " + scenario, e.problems());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof NoSuchFileException || e.getCause() instanceof IOException) {
                throw new CliException("failed to read scenario file " + scenario + ": " + e.getMessage(), 2);
            }
            throw e;
        }
    }

    private static CliException invalid(String context, List<Problem> problems) {
        if (problems.size() == 1) {
            return new CliException(context + ": " + problems.get(0), 2);
        }
        return new CliException(
                context + ": " + problems.size() + " problems:\n"
                        + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")),
                2);
    }

    /**
     * How template logs index their pools: {@code SONDA_USIZE_BITS=32} selects the reference's
     * 32-bit build (which made the golden vectors), anything else its native 64-bit builds.
     */
    private static TemplateLogGenerator.Indexing templateIndexing() {
        return "32".equals(System.getenv("SONDA_USIZE_BITS"))
                ? TemplateLogGenerator.Indexing.WASM32
                : TemplateLogGenerator.Indexing.NATIVE;
    }

    private EntryOverrides overrides() {
        Map<String, String> extra = new LinkedHashMap<>();
        for (String l : labels) {
            int eq = l.indexOf('=');
            if (eq < 0) {
                throw new CliException("label \"" + l + "\" must be in key=value format (no '=' found)", 2);
            }
            if (eq == 0) {
                throw new CliException("label key must not be empty in \"" + l + "\"", 2);
            }
            extra.put(l.substring(0, eq), l.substring(eq + 1));
        }
        Duration d = null;
        if (duration != null) {
            try {
                d = DurationText.parse(duration);
            } catch (IllegalArgumentException e) {
                throw new CliException("invalid --duration: " + e.getMessage(), 2);
            }
        }
        if (rate != null && !(rate > 0)) {
            throw new CliException(
                    "rate must be positive, got " + dev.sonda.api.internal.num.FloatText.display(rate), 2);
        }
        OnSinkError policy = null;
        if (onSinkError != null) {
            policy = switch (onSinkError) {
                case "warn" -> OnSinkError.WARN;
                case "fail" -> OnSinkError.FAIL;
                default -> throw new CliException(
                        "invalid --on-sink-error \"" + onSinkError + "\": expected 'warn' or 'fail'", 2);
            };
        }
        return new EntryOverrides(rate, d, sinkOverride(), encoderOverride(), extra, policy);
    }

    private SinkSpec sinkOverride() {
        if (output != null && sink != null) {
            throw new CliException("--output cannot be used with --sink", 2);
        }
        if (output != null) {
            return SinkSpec.file(output);
        }
        if (sink == null) {
            return null;
        }
        SinkProvider provider = registry()
                .find(SpecKind.SINK, sink, SinkProvider.class)
                .orElseThrow(() -> new CliException(registry().unknownType(SpecKind.SINK, sink), 2));
        Map<String, Object> block = new LinkedHashMap<>();
        String key = provider.endpointKey();
        if (key != null) {
            if (endpoint == null) {
                throw new CliException("--sink " + sink + " requires --endpoint <" + key + ">", 2);
            }
            block.put(key, endpoint);
        }
        String option = "--sink " + sink + (key == null ? "" : " --endpoint " + endpoint);
        return (SinkSpec) override(SpecKind.SINK, option, sink, block);
    }

    private EncoderSpec encoderOverride() {
        if (encoder == null) {
            return null;
        }
        if (registry().find(SpecKind.ENCODER, encoder).isEmpty()) {
            throw new CliException(registry().unknownType(SpecKind.ENCODER, encoder), 2);
        }
        return (EncoderSpec) override(SpecKind.ENCODER, "--encoder " + encoder, encoder, Map.of());
    }

    /**
     * Reads a block made of command-line values with the type's provider, so its defaults and
     * validation are the provider's.
     */
    private static Object override(SpecKind kind, String option, String type, Map<String, Object> keys) {
        Problems problems = new Problems();
        Object spec = registry().read(kind, new MapSpecBlock(type, keys, kind.yamlKey(), problems));
        if (spec != null && problems.isEmpty()) {
            spec = registry().resolve(kind, spec, kind.yamlKey(), problems);
        }
        if (!problems.isEmpty()) {
            throw new CliException(
                    "invalid " + option + ": "
                            + problems.list().stream().map(Object::toString).collect(Collectors.joining("; ")),
                    2);
        }
        return spec;
    }

    private static SpecRegistry registry() {
        return SpecRegistry.defaults();
    }

    private boolean parseClock() {
        return switch (clock) {
            case "system" -> false;
            case "simulated" -> true;
            default -> throw new CliException("invalid --clock \"" + clock + "\": expected 'system' or 'simulated'", 2);
        };
    }

    private Instant parseStart() {
        if (start == null) {
            return Instant.ofEpochMilli(System.currentTimeMillis());
        }
        if (start.matches("-?\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(start));
        }
        try {
            return OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException e) {
            throw new CliException(
                    "invalid --start \"" + start + "\": expected epoch milliseconds or an RFC 3339 instant", 2);
        }
    }
}
