package dev.sonda.junit5;

import static dev.sonda.junit5.SondaAssertions.*;
import static java.time.Duration.ofSeconds;

import dev.sonda.api.Scenario;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** {@link PrometheusRules} without promtool: the input it writes and the output it reads. */
class PrometheusRulesTest {

    @Test
    void capturedValuesAreWrittenInPromtoolsExpandingNotation() {
        // 40 40 40 95 at 0, 15, 30, 45 s; the gap silences [60 s, 105 s), the rest of the run
        Captured c = Captured.simulate(Scenario.metrics("m")
                .every(ofSeconds(15))
                .duration("105s")
                .sequence(40, 40, 40, 95, 95, 95, 95)
                .gaps(ofSeconds(105), ofSeconds(45))
                .buildPlan());
        // promtool: "a x n" is n+1 values, "_ x n" is n missing ones
        assertThat(PrometheusRules.values(c.series("m"), 15_000)).isEqualTo("40.0x2 95.0");
        assertThat(PrometheusRules.values(c.series("m"), 5_000)).isEqualTo("40.0 _x2 40.0 _x2 40.0 _x2 95.0");
    }

    @Test
    void goLabelSetsAndDurationsAreReadBack() {
        assertThat(PrometheusRules.parseLabels("{alertname=\"HighCpu\", host=\"a\\\"b\\\\c\", note=\"x\\ny\"}"))
                .containsExactly(
                        Map.entry("alertname", "HighCpu"), Map.entry("host", "a\"b\\c"), Map.entry("note", "x\ny"));
        assertThat(PrometheusRules.parseLabels("{}")).isEmpty();
        assertThat(PrometheusRules.parseDuration("15m")).isEqualTo(900_000);
        assertThat(PrometheusRules.parseDuration("1h2m3s")).isEqualTo(3_723_000);
        assertThat(PrometheusRules.parseDuration("500ms")).isEqualTo(500);
        assertThat(PrometheusRules.parseDuration("0s")).isZero();
    }

    @Test
    void alertNamesComeFromEveryGroupAndRecordingRulesAreLeftOut() {
        PrometheusRules rules = PrometheusRules.fromString("groups:\n"
                + "  - name: a\n    rules:\n      - record: job:up:sum\n        expr: sum(up)\n"
                + "      - alert: Down\n        expr: up == 0\n"
                + "  - name: b\n    rules:\n      - alert: Slow\n        expr: latency > 1\n");
        assertThat(rules.alertNames()).containsExactly("Down", "Slow");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PrometheusRules.fromString("rules: []").alertNames())
                .withMessageStartingWith("rule file rules text has no groups: list;");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PrometheusRules.fromClasspath("rules/nope.yml"))
                .withMessageStartingWith("rule file classpath:rules/nope.yml not found");
    }

    @Test
    void withoutPromtoolTheTestIsSkippedWithWhatToInstall() {
        PrometheusRules rules =
                PrometheusRules.fromClasspath("rules/cpu-high.yml").withPromtool(Path.of("/nonexistent/promtool"));
        assertThat(rules.promtool()).isNull();
        assertThatThrownBy(() -> rules.evaluate(ThresholdAlertTest.PLATEAU))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("promtool is not installed, so classpath:rules/cpu-high.yml cannot be evaluated:"
                        + " install the Debian package prometheus (apt-get install prometheus)");
    }
}
