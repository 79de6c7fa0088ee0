package dev.sonda.cli;

import dev.sonda.api.Entry;
import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SignalType;
import dev.sonda.api.SondaException;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.Sonda;
import dev.sonda.yaml.FlatScenarioLoader;
import dev.sonda.yaml.LoadResult;
import dev.sonda.yaml.LocatedProblem;
import dev.sonda.yaml.ScenarioLoader;
import dev.sonda.yaml.ScenarioParseException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
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

    /**
     * Reads a v2 file; prints the loader's warnings. When the file breaks only value rules, the
     * plan as read is compiled too, so the problems of both stages are reported together.
     *
     * @param catalog the pack catalog ({@code --catalog}), or null
     */
    static ScenarioPlan load(Path file, String arg, SpecRegistry registry, Path catalog) {
        return read(
                arg,
                () -> ScenarioLoader.loadWithWarnings(file, System::getenv, registry),
                file,
                plan -> compileProblems(plan, registry, catalog));
    }

    /** What compiling a plan reports, or nothing when it compiles (or cannot be compiled at all). */
    private static List<Problem> compileProblems(ScenarioPlan plan, SpecRegistry registry, Path catalog) {
        try {
            Sonda.compile(plan, Execution.options(registry, catalog));
            return List.of();
        } catch (InvalidScenarioException e) {
            return e.problems();
        } catch (RuntimeException e) {
            return List.of(); // the value problems already found are the report
        }
    }

    /** Reads a seed single-scenario file of {@code signal}, or a v2 file; prints the warnings. */
    static ScenarioPlan loadFlat(Path file, String arg, SignalType signal, SpecRegistry registry) {
        return read(
                arg, () -> FlatScenarioLoader.load(file, signal, System::getenv, registry), file, plan -> List.of());
    }

    private static ScenarioPlan read(
            String arg, Supplier<LoadResult> loader, Path file, Function<ScenarioPlan, List<Problem>> nextStage) {
        try {
            LoadResult result = loader.get();
            PrintStream err = System.err;
            for (LocatedProblem w : result.warnings()) {
                err.println("warning: " + w.render(file.toString()));
            }
            return result.plan();
        } catch (ScenarioParseException e) {
            List<String> lines = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (LocatedProblem l : e.located()) {
                lines.add("  " + l.render(arg));
                seen.add(l.problem().path() + "\n" + l.problem().message());
            }
            List<Problem> more = e.plan().map(nextStage).orElse(List.of());
            for (Problem p : more) {
                if (seen.add(p.path() + "\n" + p.message())) {
                    lines.add("  " + p);
                }
            }
            throw new CliException("failed to parse v2 scenario " + arg + ":\n" + String.join("\n", lines), 2);
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

    /** The plan with other entries, everything else (name, defaults, pack, origin) as it was. */
    static ScenarioPlan withEntries(ScenarioPlan plan, List<Entry> entries) {
        return new ScenarioPlan(
                plan.version(),
                plan.kind(),
                plan.scenarioName(),
                plan.description(),
                plan.tags(),
                plan.defaults(),
                entries,
                plan.pack(),
                plan.origin());
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
