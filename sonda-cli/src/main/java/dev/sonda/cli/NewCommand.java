package dev.sonda.cli;

import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
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
        String starter;
        try (InputStream in = NewCommand.class.getResourceAsStream("templates/" + template + ".yaml")) {
            starter = withTypes(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        byte[] text = starter.getBytes(StandardCharsets.UTF_8);
        if (output == null) {
            System.out.write(text);
            System.out.flush();
        } else {
            Files.write(output, text);
            System.err.println(
                    "wrote " + output + " (" + starter.lines().count() + " lines); run it with: sonda run " + output);
        }
        return 0;
    }

    /**
     * The template with, after its leading comment, the {@code type:} names the registry serves for
     * each block, so a starter file shows what this installation can run.
     */
    static String withTypes(String template) {
        StringBuilder types = new StringBuilder("# Types this sonda knows (docs/reference.md describes each):\n");
        for (SpecKind kind : SpecKind.values()) {
            types.append("#   ")
                    .append(kind.yamlKey())
                    .append(": ")
                    .append(String.join(", ", SpecRegistry.defaults().types(kind)))
                    .append('\n');
        }
        int at = 0;
        while (template.startsWith("#", at)) {
            at = template.indexOf('\n', at) + 1;
        }
        return template.substring(0, at) + types + template.substring(at);
    }
}
