package dev.sonda.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sonda new --template NAME}: writes a starter scenario file. */
@Command(name = "new", description = "Write a starter scenario file from a template.", mixinStandardHelpOptions = true)
final class NewCommand implements Callable<Integer> {
    static final List<String> TEMPLATES = List.of("metrics", "cascade", "logs");

    @Option(names = "--template", paramLabel = "NAME", description = "One of: metrics (default), cascade, logs.")
    String template = "metrics";

    @Option(
            names = {"-o", "--output"},
            paramLabel = "PATH",
            description = "Write here instead of stdout.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!TEMPLATES.contains(template)) {
            throw new CliException(
                    "unknown template \"" + template + "\": expected one of " + String.join(", ", TEMPLATES), 2);
        }
        byte[] text;
        try (InputStream in = NewCommand.class.getResourceAsStream("templates/" + template + ".yaml")) {
            text = in.readAllBytes();
        }
        if (output == null) {
            System.out.write(text);
            System.out.flush();
        } else {
            Files.write(output, text);
            System.err.println("wrote " + output + " ("
                    + new String(text, StandardCharsets.UTF_8).lines().count() + " lines); run it with: sonda run "
                    + output);
        }
        return 0;
    }
}
