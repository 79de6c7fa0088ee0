package dev.sonda.cli;

import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.engine.RunFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sonda preview FILE [--duration D] [--svg out.svg]}: runs the file on the simulated clock
 * (its sinks untouched) and draws every series over time in the terminal, and with {@code --svg}
 * as an SVG file ({@link Preview}).
 */
@Command(
        name = "preview",
        description = "Draw every series of a scenario file over time, without running its sinks.",
        mixinStandardHelpOptions = true)
final class PreviewCommand implements Callable<Integer> {
    @ParentCommand
    SondaCommand root;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file path, or @name of a catalog entry.")
    String scenario;

    @Option(
            names = "--duration",
            paramLabel = "D",
            description = "How much of the run to draw, from its start (default: until the last entry ends).")
    String duration;

    @Option(names = "--svg", paramLabel = "OUT.SVG", description = "Also write the picture as an SVG file.")
    Path svg;

    @Option(
            names = "--width",
            paramLabel = "COLUMNS",
            description = "Terminal chart width in characters, at least 40 (default: $COLUMNS, else 100).")
    Integer width;

    @Override
    public Integer call() throws IOException {
        root.checkQuietVerbose();
        SpecRegistry registry = SpecRegistry.defaults();
        Path file = ScenarioFiles.resolve(scenario, root.catalog);
        CompiledPlan compiled = Execution.compileFile(file, scenario, registry, root.catalog);
        if (root.dryRun) {
            DryRun.print(scenario, compiled, root.format, System.err, System.out);
            return 0;
        }
        Duration horizon = Flags.duration("--duration", duration);
        int columns = width != null ? width : terminalColumns();
        if (columns < 40) {
            throw new CliException("invalid --width " + columns + ": a preview needs at least 40 columns", 2);
        }
        Preview preview;
        try {
            preview = Preview.of(compiled, horizon);
        } catch (RunFailedException e) {
            throw new CliException(e.getMessage(), 1);
        }
        System.out.print(preview.text(columns));
        System.out.flush();
        if (svg != null) {
            Path parent = svg.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(svg, preview.svg(), StandardCharsets.UTF_8);
            if (!root.quiet) {
                System.err.println("wrote " + svg + " (" + preview.traces().size() + " series over "
                        + Preview.time(preview.horizonNanos()) + ")");
            }
        }
        return 0;
    }

    private static int terminalColumns() {
        String c = System.getenv("COLUMNS");
        try {
            return c == null ? 100 : Math.max(40, Integer.parseInt(c.trim()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
