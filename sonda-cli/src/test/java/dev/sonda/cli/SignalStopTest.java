package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (what Ctrl+C's SIGINT also triggers) stops a real `sonda` process without losing data. */
class SignalStopTest {
    @TempDir
    Path tmp;

    @Test
    void sigtermFlushesEveryGeneratedEventAndPrintsTheSummary() throws Exception {
        Path out = tmp.resolve("out.prom");
        Path err = tmp.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.sonda.cli.Main",
                        "run",
                        "../examples/hello.yaml",
                        "--rate",
                        "2000",
                        "--duration",
                        "1h",
                        "-o",
                        out.toString())
                .redirectError(err.toFile())
                .start();

        // Bounded wait until the 8 KiB file buffer has been drained at least once.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (size(out) == 0 && System.nanoTime() < deadline && p.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(size(out)).as("the run writes before it is stopped").isPositive();
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(out);
        Matcher m = Pattern.compile("■ cpu_usage  completed in [0-9.]+s \\| events: (\\d+) \\|")
                .matcher(stderr);
        assertThat(m.find()).as("stop banner in: %s", stderr).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(lines).hasSize(Integer.parseInt(m.group(1)));
        assertThat(lines.get(lines.size() - 1)).startsWith("cpu_usage{").matches(".* \\d{13}$");
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
