package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.spi.SpecKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest extends CapturedConsole {
    private static final String HELLO = "../examples/hello.yaml";

    @TempDir
    Path tmp;

    @Test
    void aSimulatedHourOfTheHelloExampleIs3600PrometheusLines() {
        int code = Main.execute("run", HELLO, "--clock", "simulated", "--start", "1777000000000", "--duration", "1h");

        assertThat(code).isZero();
        List<String> lines = stdoutLines();
        assertThat(lines).hasSize(3600);
        assertThat(lines.get(0)).isEqualTo("cpu_usage{hostname=\"t0-a1\",zone=\"eu1\"} 50 1777000000000");
        assertThat(lines.get(3599)).endsWith(" 1777003599000");
        assertThat(stderr())
                .contains("▶ cpu_usage  signal_type: metrics | rate: 1/s | encoder: prometheus_text | sink: stdout"
                        + " | duration: 1h")
                .contains("■ cpu_usage  completed in ")
                .contains("| events: 3600 | bytes: 248.5 KB | errors: 0");
    }

    @Test
    void quietLeavesStderrEmptyOnSuccess() {
        int code = Main.execute("run", HELLO, "--clock", "simulated", "-q");

        assertThat(code).isZero();
        assertThat(stdoutLines()).hasSize(10);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void severalEntriesEndWithTheRunSummary() {
        int code = Main.execute(
                "run", "../examples/multi-metric-correlation.yaml", "--clock", "simulated", "--duration", "10s");

        assertThat(code).isZero();
        assertThat(stdoutLines()).hasSize(20);
        assertThat(stderr())
                .contains("[1/2] ▶ cpu_usage")
                .contains("[2/2] ■ memory_usage_percent")
                .contains("━━ run complete  scenarios: 2 | events: 20 | bytes: ");
    }

    @Test
    void dryRunPrintsTheResolvedPlanAndEmitsNothing() {
        int code = Main.execute("run", "../examples/link-failover.yaml", "--dry-run");

        assertThat(code).isZero();
        assertThat(stdoutLines()).isEmpty();
        assertThat(stderr())
                .contains("[config] file: ../examples/link-failover.yaml (version: 2, 3 scenarios)")
                .contains("    phase_offset:   1m")
                .contains("    phase_offset:   152.308s")
                .contains("    clock_group:    chain_backup_link_utilization (auto)")
                .contains("Validation: OK (3 scenarios)");
    }

    @Test
    void anInvalidFileExitsWith2AndReportsEveryProblemWithItsPosition() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(
                bad,
                "version: 2\nkind: runnable\nscenarios:\n  - signal_type: metrics\n    name: m\n"
                        + "    generator: { type: constant, value: 1 }\n    rate: 0\n    jitter: -1\n");

        int code = Main.execute("run", bad.toString(), "--dry-run");

        assertThat(code).isEqualTo(2);
        assertThat(stderr())
                .startsWith("error: failed to parse v2 scenario " + bad)
                .contains("bad.yaml:7:11: scenarios[0].rate: rate must be positive, got 0")
                .contains("bad.yaml:8:13: scenarios[0].jitter: jitter must be non-negative");
    }

    @Test
    void aFileWithPacksReportsItsValueAndCompileProblemsTogetherEachWithItsPosition() throws IOException {
        Path bad = tmp.resolve("five.yaml");
        Files.writeString(
                bad,
                """
                version: 2
                kind: runnable
                defaults: { rate: 1, duration: 10s }
                scenarios:
                  - signal_type: metrics
                    pack: ../examples/packs/node_exporter_cpu.yaml
                  - id: a
                    signal_type: metrics
                    name: up
                    generator: { type: sinee, amplitude: 1 }
                    sink: { type: kafak }
                  - id: b
                    signal_type: metrics
                    name: down
                    rate: -5
                    generator: { type: constant, value: 1 }
                    encoder: { type: prom_txt }
                    after: { ref: nosuch, op: ">", value: 1 }
                """);

        int code = Main.execute("run", bad.toString(), "--dry-run");

        assertThat(code).isEqualTo(2);
        assertThat(stderr())
                .startsWith("error: failed to parse v2 scenario " + bad + ":\n")
                .contains("five.yaml:15:11: scenarios[2].rate: rate must be positive, got -5")
                .contains("five.yaml:10:24: scenarios[1].generator.type: unknown generator type 'sinee'")
                .contains("five.yaml:11:19: scenarios[1].sink.type: unknown sink type 'kafak'")
                .contains("five.yaml:17:22: scenarios[2].encoder.type: unknown encoder type 'prom_txt'")
                .contains("five.yaml:18:19: scenarios[2].after.ref: entry 'b': after.ref 'nosuch'");
        assertThat(stderr()).containsOnlyOnce("rate must be positive").containsOnlyOnce("unknown encoder type");
    }

    @Test
    void aMissingFileExitsWith2WithTheCatalogHint() {
        int code = Main.execute("run", "nope.yaml");

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("failed to read scenario file nope.yaml").contains("hint: use '@name'");
    }

    @Test
    void outputFlagWritesTheFileSink() throws IOException {
        Path file = tmp.resolve("sub/out.prom");

        int code = Main.execute("run", HELLO, "--clock", "simulated", "-q", "-o", file.toString());

        assertThat(code).isZero();
        assertThat(Files.readAllLines(file)).hasSize(10);
        assertThat(stdoutLines()).isEmpty();
    }

    @Test
    void aSinkThatCannotOpenIsARuntimeFailureExiting1() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        int code = Main.execute(
                "run", HELLO, "--clock", "simulated", "-q", "--sink", "tcp", "--endpoint", "127.0.0.1:" + port);

        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("error: scenario 'cpu_usage': TCP connect to 127.0.0.1:" + port);
    }

    @Test
    void labelOverridesAreMergedIntoEveryEntry() {
        int code = Main.execute("run", HELLO, "--clock", "simulated", "-q", "--label", "zone=us1", "--label", "env=");

        assertThat(code).isZero();
        assertThat(stdoutLines().get(0)).startsWith("cpu_usage{env=\"\",hostname=\"t0-a1\",zone=\"us1\"} 50 ");
    }

    @Test
    void badArgumentsExitWith2() {
        assertThat(Main.execute("run", HELLO, "--label", "novalue")).isEqualTo(2);
        assertThat(stderr()).contains("label \"novalue\" must be in key=value format (no '=' found)");
        assertThat(Main.execute("run", HELLO, "--bogus")).isEqualTo(2);
        assertThat(Main.execute("run", HELLO, "--clock", "lunar")).isEqualTo(2);
    }

    @Test
    void sinkAndEncoderOverridesAreReadByTheirProviders() throws IOException {
        Path file = tmp.resolve("out.json");

        int code = Main.execute(
                "run",
                HELLO,
                "--clock",
                "simulated",
                "-q",
                "--sink",
                "file",
                "--endpoint",
                file.toString(),
                "--encoder",
                "json_lines");

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).startsWith("{\"name\":\"cpu_usage\",\"value\":50.0,");
    }

    @Test
    void anUnknownSinkOrEncoderListsTheRegistrysTypes() {
        assertThat(Main.execute("run", HELLO, "--sink", "htp_push", "--endpoint", "http://x"))
                .isEqualTo(2);
        assertThat(stderr())
                .contains("error: unknown sink type 'htp_push'; did you mean 'http_push'? known: "
                        + types(SpecKind.SINK));
        assertThat(Main.execute("run", HELLO, "--encoder", "xml")).isEqualTo(2);
        assertThat(stderr()).contains("error: unknown encoder type 'xml'; known: " + types(SpecKind.ENCODER));
    }

    @Test
    void theCommandBundlesTheSinksAndEncodersOfEveryModule() {
        assertThat(types(SpecKind.SINK)).contains("remote_write", "otlp_grpc", "otlp_http");
        assertThat(types(SpecKind.ENCODER)).contains("remote_write", "otlp");
    }

    /** The registry's names of a kind as the CLI lists them. */
    private static String types(SpecKind kind) {
        return String.join(", ", dev.sonda.api.spi.SpecRegistry.defaults().types(kind));
    }

    @Test
    void aSinkOverrideIsValidatedByItsProvider() {
        assertThat(Main.execute("run", HELLO, "--sink", "http_push")).isEqualTo(2);
        assertThat(stderr()).contains("error: --sink http_push requires --endpoint <url>");
        assertThat(Main.execute("run", HELLO, "--sink", "http_push", "--endpoint", "ftp://x"))
                .isEqualTo(2);
        assertThat(stderr())
                .contains("error: invalid --sink http_push --endpoint ftp://x: sink.url: invalid HTTP push URL"
                        + " 'ftp://x' must start with http:// or https://");
    }

    @Test
    void theHelpOfSinkAndEncoderListsTheRegistrysTypes() {
        assertThat(Main.execute("run", "--help")).isZero();
        assertThat(stdout().replaceAll("\\s+", " "))
                .contains("The sink: " + types(SpecKind.SINK) + ".")
                .contains("The encoder: " + types(SpecKind.ENCODER) + ".");
    }

    @Test
    void theSeedsScenarioOptionNamesTheFileToo() {
        int code = Main.execute("run", "--scenario", "../examples/multi-scenario.yaml", "--dry-run");

        assertThat(code).isZero();
        assertThat(stderr()).contains("Validation: OK (2 scenarios)");
        assertThat(Main.execute("run", HELLO, "--scenario", HELLO)).isEqualTo(2);
        assertThat(Main.execute("run", "-q")).isEqualTo(2);
        assertThat(stderr())
                .contains("error: give the scenario once: as SCENARIO or with --scenario, not both")
                .contains("error: a scenario file is required: sonda run FILE (or --scenario FILE, or @name)");
    }
}
