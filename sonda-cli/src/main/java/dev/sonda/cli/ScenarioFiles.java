package dev.sonda.cli;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SignalType;
import dev.sonda.api.SondaException;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.yaml.FlatScenarioLoader;
import dev.sonda.yaml.LoadResult;
import dev.sonda.yaml.LocatedProblem;
import dev.sonda.yaml.ScenarioLoader;
import dev.sonda.yaml.ScenarioParseException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where the commands that take a scenario file find and read it, with the reference's messages
 * (Sonda 1.20 {@code scenario_loader.rs}, §2.2): {@code @name} through {@code --catalog}, a missing
 * file with the catalog hint, parse problems each on its line, the loader's warnings on stderr.
 */
final class ScenarioFiles {
    private ScenarioFiles() {}

    /**
     * The file an argument names: {@code @name} is an entry of {@code --catalog} or of the built-in
     * catalog, anything else a path.
     *
     * @throws CliException (exit 2) when the entry or the file is missing
     */
    static Path resolve(String arg, Path catalog) {
        if (arg.startsWith("@")) {
            return BuiltInCatalog.find(catalog, arg.substring(1)).source();
        }
        Path p = Path.of(arg);
        if (!Files.isRegularFile(p)) {
            String why = Files.exists(p) ? "not a regular file" : "No such file or directory";
            throw new CliException(
                    "failed to read scenario file " + arg + ": " + why
                            + "\n\n  hint: use '@name' for catalog entries (requires --catalog <dir>)",
                    2);
        }
        return p;
    }

    /** Reads a v2 file; prints the loader's warnings. */
    static ScenarioPlan load(Path file, String arg, SpecRegistry registry) {
        return read(arg, () -> ScenarioLoader.loadWithWarnings(file, System::getenv, registry), file);
    }

    /** Reads a seed single-scenario file of {@code signal}, or a v2 file; prints the warnings. */
    static ScenarioPlan loadFlat(Path file, String arg, SignalType signal, SpecRegistry registry) {
        return read(arg, () -> FlatScenarioLoader.load(file, signal, System::getenv, registry), file);
    }

    private static ScenarioPlan read(String arg, Supplier<LoadResult> loader, Path file) {
        try {
            LoadResult result = loader.get();
            PrintStream err = System.err;
            for (LocatedProblem w : result.warnings()) {
                err.println("warning: " + w.render(file.toString()));
            }
            return result.plan();
        } catch (ScenarioParseException e) {
            throw new CliException(
                    "failed to parse v2 scenario " + arg + ":\n"
                            + e.located().stream()
                                    .map(l -> "  " + l.render(arg))
                                    .collect(Collectors.joining("\n")),
                    2);
        } catch (InvalidScenarioException e) {
            throw invalid("failed to parse v2 scenario " + arg, e.problems());
        } catch (SondaException e) {
            throw new CliException(e.getMessage(), 2);
        }
    }

    /**
     * Refuses {@code while.scenario_name}, which needs the server's cross-POST registry.
     *
     * @throws CliException (exit 2) naming the file
     */
    static void refuseCrossPost(ScenarioPlan plan, String arg) {
        for (var e : plan.entries()) {
            if (e.whileClause() != null && e.whileClause().scenarioName() != null) {
                throw new CliException(
                        "failed to parse v2 scenario " + arg + ": 'while.scenario_name' requires a running"
                                + " sonda-server (POST /scenarios); the CLI runs in single-process mode with no"
                                + " cross-POST registry.",
                        2);
            }
        }
    }

    /** Problems as one error: the context, then each problem (on its own line when several). */
    static CliException invalid(String context, List<Problem> problems) {
        if (problems.size() == 1) {
            return new CliException(context + ": " + problems.get(0), 2);
        }
        return new CliException(
                context + ": " + problems.size() + " problems:\n"
                        + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")),
                2);
    }
}
