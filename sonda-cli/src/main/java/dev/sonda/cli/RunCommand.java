package dev.sonda.cli;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.EntryOverrides;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ClockOptions clock;

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
        SpecRegistry registry = SpecRegistry.defaults();
        Path file = ScenarioFiles.resolve(scenario, root.catalog);
        ScenarioPlan plan = ScenarioFiles.load(file, scenario, registry);
        ScenarioFiles.refuseCrossPost(plan, scenario);
        EntryOverrides overrides = new EntryOverrides(
                Flags.rate(rate),
                Flags.duration("--duration", duration),
                Flags.sink(sink, endpoint, output, registry),
                Flags.encoder(encoder, registry),
                Flags.labels(labels),
                Flags.onSinkError(onSinkError));
        CompiledPlan compiled =
                Execution.compile(plan, overrides, root.catalog, registry, "failed to compile v2 scenario " + scenario);
        if (root.dryRun) {
            DryRun.print(scenario, compiled, root.format, System.err, System.out);
            return 0;
        }
        Execution.run(compiled, root, clock.simulatedOrNull());
        return 0;
    }
}
