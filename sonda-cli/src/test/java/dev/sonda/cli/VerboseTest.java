package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --verbose}: the version line and each entry's resolved configuration (§2.4.4). */
class VerboseTest extends CapturedConsole {

    @Test
    void aSingleEntryPrintsItsResolvedConfigurationBlockBeforeTheBanner() {
        int code = sonda(
                "-v",
                "metrics",
                "--scenario",
                "../examples/flat/basic-metrics.yaml",
                "--clock",
                "simulated",
                "--duration",
                "1s");

        assertThat(code).isZero();
        List<String> err = stderr().lines().toList();
        assertThat(err.subList(0, 15))
                .containsExactly(
                        "sonda 0.1.0 (JVM) — synthetic telemetry generator",
                        "[config] interface_oper_state",
                        "",
                        "  name:          interface_oper_state",
                        "  signal:        metrics",
                        "  rate:          1000/s",
                        "  duration:      1s",
                        "  generator:     sine (amplitude: 5, period_secs: 30, offset: 10)",
                        "  encoder:       prometheus_text",
                        "  sink:          stdout",
                        "  labels:        hostname=t0-a1, zone=eu1",
                        "  gaps:          every 2m, for 20s",
                        "  bursts:        every 10s, for 2s, multiplier 5x",
                        "",
                        "▶ interface_oper_state  signal_type: metrics | rate: 1000/s | encoder: prometheus_text |"
                                + " sink: stdout | duration: 1s");
    }

    @Test
    void severalEntriesAreNumberedAndSeparated() {
        int code = sonda(
                "run",
                "../examples/multi-metric-correlation.yaml",
                "--verbose",
                "--clock",
                "simulated",
                "--duration",
                "2s");

        assertThat(code).isZero();
        assertThat(stderr())
                .contains("[config] [1/2] cpu_usage\n\n  name:          cpu_usage\n")
                .contains("\n───\n[config] [2/2] memory_usage_percent\n")
                .contains("  phase_offset:  3s\n")
                .contains("  clock_group:   alert-test\n");
    }

    @Test
    void quietAndVerboseTogetherAreRefused() {
        assertThat(sonda("-q", "-v", "run", "../examples/hello.yaml")).isEqualTo(2);
        assertThat(stderr()).contains("--quiet and --verbose cannot be used together");
    }
}
