package dev.sonda.examples.junit;

import static dev.sonda.api.Comparison.GREATER_THAN;
import static dev.sonda.junit5.SondaAssertions.*;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.sonda.junit5.Alert;
import dev.sonda.junit5.Alerts;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.PrometheusRules;
import dev.sonda.junit5.Series;
import dev.sonda.junit5.SondaScenario;
import org.junit.jupiter.api.Test;

/**
 * Alert timing: when does {@code cpu_usage_percent > 90 for 5m} fire, resolve, and what does a
 * silence do to it? Each test runs a scenario from {@code src/test/resources/scenarios/} on
 * simulated time (half an hour of samples in milliseconds, the same on every run) and evaluates
 * the rule the way Prometheus does: at every evaluation interval, with the 5-minute lookback.
 */
class AlertRuleExamplesTest {

    @Test
    @SondaScenario("scenarios/cpu-sustained.yaml")
    void theRuleIgnoresAShortBlipAndFiresFiveMinutesIntoASustainedSpike(Captured captured) {
        Series cpu = captured.series("cpu_usage_percent", "host", "web-1");

        // What the scenario emits, every 20 s: above 90 from 3:00 to 5:40 (a blip), and from
        // 9:00 to 16:40; back to 70 at 17:00.
        assertThat(cpu).hasSampleCount(60).hasSampleInterval(ofSeconds(20)).hasValuesBetween(0, 100);
        assertThat(cpu).firstSampleAbove(90).isAtOffset(ofMinutes(3));

        // The blip goes pending at 3:00 and is dropped at 6:00, before 5 minutes; the spike goes
        // pending at 9:00, fires at 14:00 (9:00 + 5m) and resolves at 17:00, the first
        // evaluation that sees 70.
        assertThat(cpu)
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofSeconds(20))
                .goesPendingAt(ofMinutes(3))
                .firesAt(ofMinutes(14))
                .resolvesAt(ofMinutes(17))
                .firesTimes(1);
    }

    @Test
    @SondaScenario("scenarios/cpu-gap.yaml")
    void aSilenceLongerThanTheLookbackResolvesTheAlertUntilSamplesReturn(Captured captured) {
        Series cpu = captured.series("cpu_usage_percent");

        // Pegged at 97, but silent from 12:00 to 20:00: the last sample before is at 11:40.
        assertThat(cpu).neverGoesBelow(97).longestGap().isEqualTo(ofMinutes(8).plusSeconds(20));

        // Firing from 5:00. The sample at 11:40 stays visible while it is at most 5 minutes old,
        // up to the evaluation at 16:40; the alert resolves at 17:00. Samples return at 20:00:
        // firing again at 25:00, until 5 minutes after the last sample (29:40) have passed.
        assertThat(cpu)
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofSeconds(20))
                .alerts()
                .episodes()
                .extracting(Alert::firedAt, Alert::resolvedAt)
                .containsExactly(tuple(ofMinutes(5), ofMinutes(17)), tuple(ofMinutes(25), ofMinutes(35)));

        // Prometheus 3 no longer counts a sample exactly 5 minutes old: resolved at 16:40.
        assertThat(cpu)
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofSeconds(20))
                .prometheus3()
                .resolvesAt(ofMinutes(16).plusSeconds(40));
    }

    @Test
    @SondaScenario("scenarios/cpu-sustained.yaml")
    void theRealRuleEngineAgrees(Captured captured) {
        // promtool test rules (Debian package prometheus) evaluates src/test/resources/rules/cpu.yml;
        // without promtool this test is skipped, saying what to install.
        Alerts alerts = PrometheusRules.fromClasspath("rules/cpu.yml")
                .evaluatedEvery(ofSeconds(20))
                .evaluate(captured);

        assertThat(alerts)
                .named("HighCpu")
                .firesAt(ofMinutes(14))
                .resolvesAt(ofMinutes(17))
                .hasLabel("severity", "page")
                .hasAnnotation("summary", "CPU of web-1 above 90% for 5 minutes");
    }
}
