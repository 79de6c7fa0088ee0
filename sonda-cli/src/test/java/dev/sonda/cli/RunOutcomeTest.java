package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code sonda run} ends: hostile files refused at once with one located error; the stop
 * banner's delivery counts; exit 1 when records were dropped, unless {@code on_sink_error: warn}
 * was chosen.
 */
class RunOutcomeTest {
    @RegisterExtension
    final StdStreams std = new StdStreams();

    @TempDir
    Path tmp;

    private String stderr() {
        return std.err();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    // ---- hostile files ------------------------------------------------------------------------------

    @Test
    void aBillionLaughsFileIsOneLocatedErrorWithinASecond() throws IOException {
        StringBuilder yaml = new StringBuilder("version: 2\nkind: runnable\n");
        yaml.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String prev = "a";
        for (char c = 'b'; c <= 'i'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int k = 0; k < 10; k++) {
                yaml.append(k == 0 ? "" : ",").append('*').append(prev);
            }
            yaml.append("]\n");
            prev = String.valueOf(c);
        }
        Path bomb = Files.writeString(tmp.resolve("bomb.yaml"), yaml);

        long start = System.nanoTime();
        int code = Main.execute("run", bomb.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(code).isEqualTo(2);
        assertThat(millis).as("refused in %d ms", millis).isLessThan(1000);
        assertThat(stderr())
                .startsWith("error: failed to parse v2 scenario " + bomb + ":\n  " + bomb + ":7:29: e[7]: expanding"
                        + " alias *d makes aliases add 101218 nodes to the document, which exceeds the limit of 100000"
                        + " nodes (LoadLimits.maxAliasedNodes)");
        assertThat(stderr().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
    }

    @Test
    void aZipFileIsOneLocatedErrorNamingItsFirstControlByte() throws IOException {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[0] = 'P';
        binary[1] = 'K';
        binary[2] = 3;
        Path bin = Files.write(tmp.resolve("bin.yaml"), binary);

        long start = System.nanoTime();
        int code = Main.execute("run", bin.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(code).isEqualTo(2);
        assertThat(millis).isLessThan(1000);
        assertThat(stderr())
                .startsWith("error: failed to parse v2 scenario " + bin + ":\n  " + bin + ":1:3: scenario file"
                        + " contains the control character U+0003")
                .contains("at byte offset 2 (line 1, column 3)");
        assertThat(stderr()).doesNotContain("failed to read scenario file");
        assertThat(stderr().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
    }

    // ---- drops --------------------------------------------------------------------------------------

    private Path pushScenario(String policyLine) throws IOException {
        return Files.writeString(
                tmp.resolve("push.yaml"),
                "version: 2\nkind: runnable\n" + policyLine + "scenarios:\n"
                        + "  - signal_type: metrics\n    name: up\n    rate: 10\n    duration: 2s\n"
                        + "    generator: { type: constant, value: 1 }\n"
                        + "    sink: { type: http_push, url: 'http://127.0.0.1:" + closedPort() + "/push',"
                        + " batch_size: 100 }\n");
    }

    @Test
    void recordsDroppedUnderTheDefaultPolicyFailTheRunWithExit1AndSayHowManyAndWhy() throws IOException {
        Path file = pushScenario("");

        int code = Main.execute("run", file.toString(), "--clock", "simulated");

        assertThat(code).isEqualTo(1);
        assertThat(stderr())
                .containsPattern("■ up  completed in [0-9.]+s \\| events: \\d+ \\| bytes: .* \\| errors: \\d+"
                        + " \\| delivered: 0 \\| dropped: 20\n")
                .contains("error: 20 records were not delivered: scenario 'up' dropped 20 of 20 records (last: HTTP"
                        + " push to 'http://127.0.0.1:")
                .contains("failed: Connection refused). Set on_sink_error: warn on the entry (or in defaults:) to"
                        + " accept dropped records, or on_sink_error: fail to stop at the first sink error.");
    }

    @Test
    void anExplicitWarnAcceptsDropsAndTheBannerStillCountsThem() throws IOException {
        Path inDefaults = pushScenario("defaults:\n  on_sink_error: warn\n");

        assertThat(Main.execute("run", inDefaults.toString(), "--clock", "simulated"))
                .isZero();
        assertThat(stderr()).contains("| delivered: 0 | dropped: 20").doesNotContain("error:");

        Path defaulted = pushScenario("");
        assertThat(Main.execute("run", defaulted.toString(), "--clock", "simulated", "--on-sink-error", "warn"))
                .isZero();
    }

    @Test
    void aRunThatDeliversEverythingShowsItInTheBannerAndTheSummary() {
        int code = Main.execute(
                "run", "../examples/multi-metric-correlation.yaml", "--clock", "simulated", "--duration", "10s");

        assertThat(code).isZero();
        assertThat(stderr())
                .containsPattern(
                        "\\[1/2\\] ■ cpu_usage  completed in .* \\| errors: 0 \\| delivered: 10 \\| dropped: 0\n")
                .containsPattern("━━ run complete  scenarios: 2 \\| events: 20 \\| .* \\| elapsed: [0-9.]+s"
                        + " \\| delivered: 20 \\| dropped: 0\n");
    }
}
