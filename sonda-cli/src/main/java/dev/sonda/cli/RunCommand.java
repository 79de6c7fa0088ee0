package dev.sonda.cli;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.EntryOverrides;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sonda run FILE|@name}: runs a scenario file until every entry's duration ends. */
@Command(
        name = "run",
        description = "Run a scenario file (or @name from --catalog or the built-in catalog).",
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    SondaCommand root;

    @Parameters(
            paramLabel = "SCENARIO",
            arity = "0..1",
            description = "Scenario file path, or @name of a catalog entry (built in: the incident library).")
    String scenario;

    @Option(
            names = "--scenario",
            paramLabel = "FILE",
            description = "The scenario, as the seed's 'sonda run --scenario FILE' names it.")
    String scenarioOption;

    @Mixin
    ClockOptions clock;

    @Option(names = "--duration", paramLabel = "D", description = "Replace every entry's duration, such as 1h.")
    String duration;

    @Option(names = "--rate", paramLabel = "R", description = "Replace every entry's rate (events per second).")
    Double rate;

    @Mixin
    OutputOptions out;

    @Option(
            names = "--shard",
            paramLabel = "i/n",
            description = "Generate shard i of n of every workload (default: $SONDA_SHARD, else all of it).")
    String shard;

    @Override
    public Integer call() throws Exception {
        root.checkQuietVerbose();
        if (scenario != null && scenarioOption != null) {
            throw new CliException("give the scenario once: as SCENARIO or with --scenario, not both", 2);
        }
        if (scenario == null) {
            scenario = scenarioOption;
        }
        if (scenario == null) {
            throw new CliException("a scenario file is required: sonda run FILE (or --scenario FILE, or @name)", 2);
        }
        SpecRegistry registry = SpecRegistry.defaults();
        Path file = ScenarioFiles.resolve(scenario, root.catalog);
        ScenarioPlan plan =
                Workloads.shard(ScenarioFiles.load(file, scenario, registry, root.catalog), shard, System::getenv);
        ScenarioFiles.refuseCrossPost(plan, scenario);
        EntryOverrides overrides = new EntryOverrides(
                Flags.rate(rate),
                Flags.duration("--duration", duration),
                out.sink(registry),
                out.encoder(registry),
                out.labels(),
                out.onSinkError());
        CompiledPlan compiled =
                Execution.compile(plan, overrides, root.catalog, registry, "failed to compile v2 scenario " + scenario);
        if (root.dryRun) {
            DryRun.print(scenario, compiled, root.format, System.err, System.out);
            return 0;
        }
        Execution.run(
                compiled, root, clock.simulatedOrNull(), r -> Workloads.serve(r, file, shard, System.err, root.quiet));
        return 0;
    }
}
