package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.testing.BackendProcess;
import dev.sonda.testing.Backends;
import dev.sonda.testing.Net;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sonda test} end to end against a real Prometheus 2.42 (Debian {@code prometheus}) with the
 * rule {@code HighCpuUsage: cpu_usage > 90 for 30s} evaluated every second and the remote-write
 * receiver on, and a real Alertmanager 0.25 (Debian {@code prometheus-alertmanager}) that it sends
 * its alerts to. Each case runs the {@code sonda} command as its own process (the test's class
 * path, {@code dev.sonda.cli.Main}); a scenario pushes {@code cpu_usage} over {@code remote_write}
 * on the system clock for 5 s, and the sample stays the latest for Prometheus' 5-minute lookback,
 * so a value above 90 fires the rule about 30 s later. The Prometheus and Alertmanager paths run
 * side by side; every label set is unique to its case.
 */
class SondaTestIT {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    private static final Duration PROCESS_LIMIT = Duration.ofSeconds(80);

    @TempDir
    static Path dir;

    private static BackendProcess prometheus;
    private static BackendProcess alertmanager;
    private static String promUrl;
    private static String amUrl;

    @BeforeAll
    static void startPrometheusAndAlertmanager() throws IOException {
        Backends.require(PROMETHEUS, "prometheus");
        Backends.require(ALERTMANAGER, "prometheus-alertmanager");
        int amPort = Net.freePort();
        int promPort = Net.freePort();
        amUrl = "http://127.0.0.1:" + amPort;
        promUrl = "http://127.0.0.1:" + promPort;
        Files.writeString(dir.resolve("am.yml"), "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n");
        alertmanager = BackendProcess.start(
                List.of(
                        ALERTMANAGER.toString(),
                        "--config.file=" + dir.resolve("am.yml"),
                        "--storage.path=" + dir.resolve("am-data"),
                        "--web.listen-address=127.0.0.1:" + amPort,
                        "--cluster.listen-address="),
                dir.resolve("am.log"));
        alertmanager.awaitHealthy(amUrl + "/-/ready", Duration.ofSeconds(30));
        Files.writeString(
                dir.resolve("rules.yml"),
                "groups:\n  - name: sonda\n    interval: 1s\n    rules:\n      - alert: HighCpuUsage\n"
                        + "        expr: cpu_usage > 90\n        for: 30s\n        labels:\n          severity: critical\n");
        Files.writeString(
                dir.resolve("prom.yml"),
                "global:\n  evaluation_interval: 1s\nrule_files: [" + dir.resolve("rules.yml") + "]\n"
                        + "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [\"127.0.0.1:"
                        + amPort
                        + "\"]\n");
        prometheus = BackendProcess.start(
                List.of(
                        PROMETHEUS.toString(),
                        "--config.file=" + dir.resolve("prom.yml"),
                        "--storage.tsdb.path=" + dir.resolve("prom-data"),
                        "--web.listen-address=127.0.0.1:" + promPort,
                        "--web.enable-remote-write-receiver"),
                dir.resolve("prom.log"));
        prometheus.awaitHealthy(promUrl + "/-/ready", Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.stop();
        }
        if (alertmanager != null) {
            alertmanager.stop();
        }
    }

    /** A scenario pushing {@code cpu_usage = value} for 5 s, expecting HighCpuUsage within {@code within}. */
    private static Path scenario(String instance, double value, String within) throws IOException {
        Path f = dir.resolve(instance + ".yaml");
        Files.writeString(
                f,
                "version: 2\nkind: runnable\ndefaults:\n  labels: {instance: " + instance + ", job: sonda}\n"
                        + "scenarios:\n  - id: cpu\n    signal_type: metrics\n    name: cpu_usage\n    rate: 1\n"
                        + "    duration: 5s\n    generator: {type: constant, value: " + value + "}\n"
                        + "    sink: {type: remote_write, url: \"" + promUrl + "/api/v1/write\", batch_size: 1}\n"
                        + "expect:\n  alerts:\n    - alert: HighCpuUsage\n      labels: {instance: " + instance + "}\n"
                        + "      firing_within: " + within + "\n");
        return f;
    }

    /** A running {@code sonda} process, its stderr in a file. */
    private record Sonda(Process process, Path err) {
        int await() throws InterruptedException {
            if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("sonda test did not end within " + PROCESS_LIMIT + ":\n" + stderr());
            }
            return process.exitValue();
        }

        String stderr() {
            try {
                return Files.readString(err, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no stderr: " + e + ")";
            }
        }
    }

    private static Sonda sonda(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd)
                .redirectError(err.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .start();
        return new Sonda(p, err);
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The seconds of {@code PASS HighCpuUsage firing after Ns}. */
    private static long firingAfter(String stderr) {
        Matcher m = Pattern.compile("  PASS HighCpuUsage firing after (\\d+)s \\(within 50s\\)")
                .matcher(stderr);
        assertThat(m.find()).as(stderr).isTrue();
        return Long.parseLong(m.group(1));
    }

    /**
     * Starts {@code sonda test} twice side by side, each on its own scenario: through Prometheus
     * ({@code --query-step 1s}) and through Alertmanager, both polling every second.
     */
    private static Sonda[] bothPaths(String kind, double value, String within) throws IOException {
        Path viaProm = scenario(unique(kind + "-prom"), value, within);
        Path viaAm = scenario(unique(kind + "-am"), value, within);
        return new Sonda[] {
            sonda(
                    kind + "-prom",
                    "test",
                    viaProm.toString(),
                    "--prometheus-url",
                    promUrl,
                    "--interval",
                    "1s",
                    "--query-step",
                    "1s"),
            sonda(kind + "-am", "test", viaAm.toString(), "--alertmanager-url", amUrl, "--interval", "1s")
        };
    }

    @Test
    void aScenarioCrossingTheThresholdPassesThroughPrometheusAndThroughAlertmanager() throws Exception {
        Sonda[] both = bothPaths("pass", 95, "50s");
        Sonda prom = both[0];
        Sonda am = both[1];

        assertThat(prom.await()).as(prom.stderr()).isZero();
        assertThat(am.await()).as(am.stderr()).isZero();
        // the rule needs 30 s of cpu_usage > 90; evaluation every 1 s, polls every 1 s
        assertThat(firingAfter(prom.stderr())).isBetween(30L, 40L);
        assertThat(firingAfter(am.stderr())).isBetween(30L, 40L);
        assertThat(prom.stderr())
                .contains("▶ cpu_usage  signal_type: metrics | rate: 1/s")
                .containsPattern("  PASS 1 alert expectation\\(s\\) verified via Prometheus \\(scenario ran [45]s\\)")
                .doesNotContain("WARN");
        assertThat(am.stderr())
                .contains("  note: Alertmanager keeps no queryable history, so these times come from live polling"
                        + " every 1s")
                .containsPattern("  PASS 1 alert expectation\\(s\\) verified via Alertmanager \\(scenario ran [45]s\\)")
                .doesNotContain("WARN");
    }

    @Test
    void aScenarioThatNeverCrossesFailsWithDidNotFireWithin() throws Exception {
        Sonda[] both = bothPaths("fail", 50, "5s");
        Sonda prom = both[0];
        Sonda am = both[1];

        assertThat(prom.await()).as(prom.stderr()).isEqualTo(1);
        assertThat(am.await()).as(am.stderr()).isEqualTo(1);
        assertThat(prom.stderr())
                .contains("\n  FAIL HighCpuUsage did not fire within 5s\n")
                .endsWith("error: 1 alert expectation(s) failed (verified via Prometheus)\n");
        assertThat(am.stderr())
                .contains("\n  FAIL HighCpuUsage did not fire within 5s\n")
                .endsWith("error: 1 alert expectation(s) failed (verified via Alertmanager)\n");
    }
}
