package dev.sonda.cli;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompileOptions;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.EntryOverrides;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.log.TemplateLogGenerator;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every command that runs a scenario does once it has a plan, as {@code sonda run} does it
 * (§2.3): compile with the overrides, print the compiler's warnings, print the dry run or run with
 * the status lines, and turn the run's failures into exit code 1.
 */
final class Execution {
    private Execution() {}

    /**
     * Compiles a plan with the command's overrides and the catalog's packs; prints the compiler's
     * warnings.
     *
     * @param context the prefix of compile errors, such as {@code failed to compile v2 scenario x.yaml}
     * @throws CliException (exit 2) carrying every problem
     */
    static CompiledPlan compile(
            ScenarioPlan plan, EntryOverrides overrides, Path catalog, SpecRegistry registry, String context) {
        CompiledPlan compiled;
        try {
            compiled = Sonda.compile(plan, options(registry, catalog).withOverrides(overrides));
        } catch (InvalidScenarioException e) {
            throw ScenarioFiles.invalid(context, e.problems());
        }
        compiled.warnings().forEach(w -> System.err.println("sonda: " + w));
        return compiled;
    }

    /**
     * Reads a scenario file as {@code sonda run} does without flags: loaded ({@link
     * ScenarioFiles#load}), {@code while.scenario_name} refused, compiled with no overrides.
     *
     * @param file the resolved file
     * @param arg the file as the user named it (a path or {@code @name}), for messages
     * @param catalog the pack catalog ({@code --catalog}), or null
     * @throws CliException (exit 2) for a file that does not load or compile
     */
    static CompiledPlan compileFile(Path file, String arg, SpecRegistry registry, Path catalog) {
        ScenarioPlan plan = ScenarioFiles.load(file, arg, registry, catalog);
        ScenarioFiles.refuseCrossPost(plan, arg);
        return compile(plan, EntryOverrides.NONE, catalog, registry, "failed to compile v2 scenario " + arg);
    }

    /**
     * The options every command compiles a file with: the registry, the catalog's packs and the
     * template indexing of {@link #templateIndexing()}.
     *
     * @param catalog the pack catalog ({@code --catalog}), or null
     */
    static CompileOptions options(SpecRegistry registry, Path catalog) {
        return CompileOptions.defaults()
                .withRegistry(registry)
                .withPacks(new CatalogPacks(catalog))
                .withTemplateIndexing(templateIndexing());
    }

    /**
     * How template logs index their pools: {@code SONDA_USIZE_BITS=32} selects the reference's
     * 32-bit build (which made the golden vectors), anything else its native 64-bit builds.
     */
    static TemplateLogGenerator.Indexing templateIndexing() {
        return "32".equals(System.getenv("SONDA_USIZE_BITS"))
                ? TemplateLogGenerator.Indexing.WASM32
                : TemplateLogGenerator.Indexing.NATIVE;
    }

    /**
     * Runs a compiled plan with the status lines on stderr until every entry ends (or Ctrl+C /
     * SIGTERM, whose hook is installed before the run starts so a signal at any moment flushes it).
     *
     * @param clock a simulated clock, or null for the system clock
     * @throws CliException (exit 1) when an entry failed or dropped records it had not accepted
     *     dropping ({@link RunVerdict})
     * @throws InterruptedException if interrupted while following the run
     */
    static void run(CompiledPlan compiled, SondaCommand root, Clock clock) throws InterruptedException {
        run(compiled, root, clock, r -> null);
    }

    /**
     * As {@link #run(CompiledPlan, SondaCommand, Clock)}, with {@code serve} started once the run
     * has started (a workload's HTTP endpoints) and closed when it ends.
     */
    static void run(
            CompiledPlan compiled,
            SondaCommand root,
            Clock clock,
            java.util.function.Function<Run, AutoCloseable> serve)
            throws InterruptedException {
        PrintStream err = System.err;
        RunOptions options = RunOptions.defaults().withDiagnostics(err::println);
        if (clock != null) {
            options = options.withClock(clock);
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
        AutoCloseable served = serve.apply(run);
        try {
            status.follow(run);
        } finally {
            if (served != null) {
                try {
                    served.close();
                } catch (Exception e) {
                    err.println("sonda: " + e.getMessage());
                }
            }
        }
        CliException failure = RunVerdict.failure(compiled, run);
        if (failure != null && SignalStop.inProgress()) {
            err.println("error: " + failure.getMessage()); // the signal's hook ends the process
            stop.reported(failure.exitCode());
            return;
        }
        stop.reported(failure == null ? 0 : failure.exitCode());
        if (failure != null) {
            throw failure;
        }
    }
}
