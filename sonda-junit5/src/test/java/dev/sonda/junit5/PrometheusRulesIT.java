package dev.sonda.junit5;

import static dev.sonda.api.Comparison.GREATER_THAN;
import static dev.sonda.junit5.SondaAssertions.*;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.sonda.api.Scenario;
import dev.sonda.testing.Backends;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PrometheusRules} with the real {@code promtool test rules} (Debian package {@code
 * prometheus}): a rule file that fires, one that does not, and promtool's firing times equal to
 * {@link ThresholdAlert}'s for the same rule, an independent implementation of the same semantics.
 * Skipped when promtool is missing, failed instead under {@code CI=true}.
 */
class PrometheusRulesIT {

    @BeforeAll
    static void promtool() {
        Backends.require(Path.of("/usr/bin/promtool"), "prometheus");
    }

    @Test
    void aRuleFileThatFiresReportsWhenWithLabelsAndRenderedAnnotations() {
        Alerts alerts = PrometheusRules.fromClasspath("rules/cpu-high.yml")
                .evaluatedEvery(ofSeconds(15))
                .evaluate(ThresholdAlertTest.PLATEAU);

        // cpu_usage > 90 from +10m; for: 5m fires at 15m; resolved at 20m (the value is 40 again).
        assertThat(alerts)
                .named("HighCpu")
                .firesAt(ofMinutes(15))
                .resolvesAt(ofMinutes(20))
                .firesTimes(1)
                .hasLabel("severity", "page")
                .hasLabel("host", "a")
                .hasLabel("alertname", "HighCpu")
                .hasAnnotation("summary", "CPU of a at 95");
        assertThat(alerts.evaluation())
                .startsWith("rule file classpath:rules/cpu-high.yml (alerts HighCpu) by promtool test rules,"
                        + " evaluated every 15s from +0s to +35m, samples written every 15s");
    }

    @Test
    void aRuleFileThatDoesNotFireReportsNoAlert() {
        Alerts alerts = PrometheusRules.fromClasspath("rules/cpu-never.yml")
                .evaluatedEvery(ofSeconds(15))
                .evaluate(ThresholdAlertTest.PLATEAU);

        assertThat(alerts).named("ImpossibleCpu").neverFires();
        assertThat(alerts).episodes().isEmpty();
    }

    @Test
    void promtoolAndThresholdAlertAgreeOnFiringAndResolution() {
        record Case(Captured captured, String forText, String keepText, Duration every) {}
        Captured gappy = Captured.simulate(Scenario.metrics("cpu_usage")
                .every(ofSeconds(15))
                .duration("30m")
                .label("host", "a")
                .constant(95)
                .gaps(ofMinutes(10), ofMinutes(6))
                .buildPlan());
        List<Case> cases = List.of(
                new Case(ThresholdAlertTest.PLATEAU, "5m", "0s", ofSeconds(15)),
                new Case(ThresholdAlertTest.PLATEAU, "5m", "0s", ofMinutes(2)),
                new Case(ThresholdAlertTest.PLATEAU, "5m", "3m", ofSeconds(15)),
                new Case(ThresholdAlertTest.PLATEAU, "10m", "0s", ofMinutes(1)),
                new Case(ThresholdAlertTest.ENDS_HIGH, "5m", "0s", ofSeconds(15)),
                new Case(gappy, "2m", "0s", ofSeconds(15)),
                new Case(gappy, "2m", "1m", ofSeconds(30)));
        int fired = 0;
        for (Case c : cases) {
            String rules = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: cpu_usage > 90\n"
                    + "        for: " + c.forText + "\n        keep_firing_for: " + c.keepText + "\n";
            Alerts promtool =
                    PrometheusRules.fromString(rules).evaluatedEvery(c.every).evaluate(c.captured);
            Alerts ours = ThresholdAlert.when(GREATER_THAN, 90)
                    .named("A")
                    .forDuration(Duration.parse("PT" + c.forText.toUpperCase()))
                    .keepFiringFor(Duration.parse("PT" + c.keepText.toUpperCase()))
                    .evaluatedEvery(c.every)
                    .evaluate(c.captured.series("cpu_usage"));
            assertThat(promtool.stream()
                            .map(a -> List.of(a.firedAt(), String.valueOf(a.resolvedAt())))
                            .toList())
                    .as("%s against %s", promtool.describe(), ours.describe())
                    .isEqualTo(ours.stream()
                            .filter(Alert::fired)
                            .map(a -> List.of(a.firedAt(), String.valueOf(a.resolvedAt())))
                            .toList());
            fired += promtool.isEmpty() ? 0 : 1;
        }
        assertThat(fired).as("cases where the alert fired").isEqualTo(cases.size() - 1);
    }

    @Test
    void aRuleFilePromtoolRejectsFailsWithItsOutput() {
        PrometheusRules broken = PrometheusRules.fromString(
                "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: cpu_usage >\n");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> broken.evaluate(ThresholdAlertTest.PLATEAU))
                .withMessageStartingWith("promtool could not evaluate rules text (exit 1):");
    }
}
