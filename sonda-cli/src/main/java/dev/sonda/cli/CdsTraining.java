package dev.sonda.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run behind the {@code ./sonda} launcher's class-data sharing archive: with {@code
 * -Dsonda.cds.training=true} and {@code -XX:ArchiveClassesAtExit=FILE}, {@link Main} runs the
 * commands a user most often starts, listed in {@code cds-training.txt} (a simulated run of a
 * metrics and a logs entry, {@code sonda metrics} and {@code sonda logs} from flags, dry runs in
 * text and JSON), with their output discarded, and the JVM records every class they loaded. Later starts map that archive instead of
 * loading and verifying those classes (JDK 17 dynamic AppCDS).
 */
final class CdsTraining {
    /** The system property that selects the training run. */
    static final String PROPERTY = "sonda.cds.training";

    private CdsTraining() {}

    /**
     * Runs the training commands; prints nothing.
     *
     * @return each command's exit code, in order
     */
    static java.util.List<Integer> run() {
        java.util.List<Integer> codes = new java.util.ArrayList<>();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sonda-cds");
            Path file = dir.resolve("training.yaml");
            try (InputStream in = CdsTraining.class.getResourceAsStream("cds-training.yaml")) {
                Files.write(file, in.readAllBytes());
            }
            String commands;
            try (InputStream in = CdsTraining.class.getResourceAsStream("cds-training.txt")) {
                commands = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            System.setOut(nowhere);
            System.setErr(nowhere);
            for (String line : commands.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    codes.add(Main.execute(line.replace("{scenario}", file.toString())
                            .replace("{out}", dir.resolve("out").toString())
                            .trim()
                            .split(" +")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            System.setOut(out);
            System.setErr(err);
            delete(dir);
        }
        return codes;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
