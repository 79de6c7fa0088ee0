package dev.sonda.cli;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.yaml.LoadResult;
import dev.sonda.yaml.LocatedProblem;
import dev.sonda.yaml.ScenarioParseException;
import dev.sonda.yaml.ScenarioWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sonda convert FILE}: writes the v2 scenario file equivalent to a Mockingbird
 * configuration (or rewrites a v2 file in canonical form), so a Mockingbird user can move to the
 * richer format; the import's warnings (keys Mockingbird ignores) go to stderr.
 */
@Command(
        name = "convert",
        description = "Write the v2 scenario file equivalent to a Mockingbird configuration (or a v2 file).",
        mixinStandardHelpOptions = true)
final class ConvertCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A Mockingbird configuration or a v2 scenario file.")
    Path file;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "PATH",
            description = "Write the v2 file here instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CliException("failed to read " + file + ": No such file or directory", 2);
        }
        LoadResult result;
        try {
            result = Workloads.load(file);
        } catch (ScenarioParseException e) {
            throw new CliException(
                    "failed to convert " + file + ":\n"
                            + e.located().stream()
                                    .map(l -> "  " + l.render(file.toString()))
                                    .collect(Collectors.joining("\n")),
                    2);
        } catch (InvalidScenarioException e) {
            throw new CliException("failed to convert " + file + ": " + e.getMessage(), 2);
        }
        for (LocatedProblem w : result.warnings()) {
            System.err.println("warning: " + w.render(file.toString()));
        }
        String text = "# Converted by sonda convert from " + file.getFileName() + "\n"
                + ScenarioWriter.write(result.plan(), SpecRegistry.defaults());
        if (output == null) {
            System.out.print(text);
            System.out.flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return 0;
    }
}
