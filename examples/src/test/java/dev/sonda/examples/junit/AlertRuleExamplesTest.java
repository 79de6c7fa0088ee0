package dev.sonda.examples.junit;

import static dev.sonda.junit5.SondaAssertions.*;

import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Series;
import dev.sonda.junit5.SondaScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Testing alert rules against exact, reproducible telemetry: each test runs a scenario from
 * {@code src/test/resources/scenarios/} on simulated time (half an hour of data in milliseconds,
 * the same samples on every run) and evaluates a rule against what it emitted.
 *
 * <p>Copy this class: one static import ({@code SondaAssertions.*}, which is AssertJ too) and one
 * annotation per test. The rule evaluator at the bottom stands in for the alerting system under
 * test.
 */
class AlertRuleExamplesTest {

    /** {@code cpu_usage_percent > 90 for 5m}, evaluated every 20 seconds, with a 5-minute lookback. */
    static final AlertRule CPU_ABOVE_90_FOR_5M =
            new AlertRule(90, Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(20));

    @Test
    @SondaScenario("scenarios/cpu-sustained.yaml")
    void theCpuRuleIgnoresAShortBlipAndFiresFiveMinutesIntoASustainedSpike(Captured captured) {
        Series cpu = captured.series("cpu_usage_percent", "host", "web-1");

        // What the scenario emitted: a 3-minute blip from minute 3, and 8 minutes above 90 from minute 9.
        assertThat(cpu).hasSampleCount(60).hasValuesBetween(0, 100);
        assertThat(cpu).firstCrossing(">", 90).isAtOffset(Duration.ofMinutes(3));
        assertThat(cpu).longestRunAbove(90).isEqualTo(Duration.ofMinutes(7).plusSeconds(40));

        // The rule: the blip never lasts 5 minutes; the sustained spike fires at minute 14 and
        // resolves with the first sample back under 90, at minute 17.
        assertThat(CPU_ABOVE_90_FOR_5M.firing(cpu, Duration.ofMinutes(20)))
                .containsExactly(new Firing(Duration.ofMinutes(14), Duration.ofMinutes(17)));
    }

    @Test
    @SondaScenario("scenarios/cpu-gap.yaml")
    void aSilenceLongerThanTheLookbackResolvesTheAlertUntilSamplesReturn(Captured captured) {
        Series cpu = captured.series("cpu_usage_percent");

        // Pegged at 97 the whole time, but silent from minute 12 to minute 20.
        assertThat(cpu).neverCrosses("<=", 90);
        assertThat(cpu).hasGapOfAtLeast(Duration.ofMinutes(8));
        assertThat(cpu).longestGap().isEqualTo(Duration.ofMinutes(8).plusSeconds(20));

        // Firing from minute 5; the last sample before the silence is at 11:40, so the rule
        // stops seeing data 5 minutes later, at 16:40, and resolves. Samples return at minute 20:
        // pending again, firing at minute 25, resolved 5 minutes after the last sample (29:40).
        assertThat(CPU_ABOVE_90_FOR_5M.firing(cpu, Duration.ofMinutes(35)))
                .containsExactly(
                        new Firing(Duration.ofMinutes(5), Duration.ofMinutes(16).plusSeconds(40)),
                        new Firing(
                                Duration.ofMinutes(25), Duration.ofMinutes(34).plusSeconds(40)));
    }

    @Test
    @SondaScenario("scenarios/link-failover.yaml")
    void latencyDegradesOnlyAfterTheBackupLinkSaturates(Captured captured) {
        Series primary = captured.series("interface_oper_state", "role", "primary");
        Series backup = captured.series("interface_utilization_percent", "role", "backup");
        Series latency = captured.series("probe_latency_ms");

        // The cascade: the backup starts carrying traffic when the primary goes down at minute 2,
        // and latency starts degrading once the backup crosses 90 %. after: computes that crossing
        // from the ramp itself: 2m + 70/80 of its 5 minutes = +6m22.5s, between two samples.
        assertThat(backup).startsAfter(primary).crosses("<", 1).startsAtOffset(Duration.ofMinutes(2));
        assertThat(latency).startsAfter(backup).crosses(">", 90).startsAtOffset(Duration.ofMillis(382_500));

        // A latency alert (> 100 ms for 1 minute) fires, but never before the backup saturated.
        AlertRule latencyHigh =
                new AlertRule(100, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(15));
        List<Firing> firing = latencyHigh.firing(latency, Duration.ofMinutes(20));
        assertThat(firing).isNotEmpty();
        assertThat(firing.get(0).from())
                .isGreaterThan(backup.firstCrossing(">", 90).orElseThrow().offset());
    }

    /**
     * A tiny alert-rule evaluator with Prometheus semantics, {@code series > threshold for
     * forDuration}: at each evaluation the expression sees the latest sample within the lookback;
     * the alert fires once the expression has held at every evaluation for {@code forDuration},
     * and resolves at the first evaluation where it does not (a value at or below the threshold,
     * or no sample within the lookback). In other words it fires when every sample of the last
     * {@code forDuration} is above the threshold, and a silence longer than the lookback ends it.
     *
     * @param threshold the value the series must stay above
     * @param forDuration how long the expression must hold before the alert fires
     * @param lookback how far back an evaluation looks for the latest sample
     * @param interval time between evaluations, starting at the run's start
     */
    record AlertRule(double threshold, Duration forDuration, Duration lookback, Duration interval) {

        /** When the alert fired, as offsets from the run's start, evaluating up to {@code until}. */
        List<Firing> firing(Series series, Duration until) {
            List<Firing> out = new ArrayList<>();
            Duration pendingSince = null;
            Duration firingSince = null;
            int next = 0; // first sample after the current evaluation
            for (Duration t = Duration.ZERO; t.compareTo(until) <= 0; t = t.plus(interval)) {
                while (next < series.size() && series.offset(next).compareTo(t) <= 0) {
                    next++;
                }
                int latest = next - 1;
                boolean active = latest >= 0
                        && series.offset(latest).compareTo(t.minus(lookback)) > 0
                        && series.value(latest) > threshold;
                if (!active) {
                    if (firingSince != null) {
                        out.add(new Firing(firingSince, t));
                    }
                    pendingSince = null;
                    firingSince = null;
                    continue;
                }
                if (pendingSince == null) {
                    pendingSince = t;
                }
                if (firingSince == null && t.minus(pendingSince).compareTo(forDuration) >= 0) {
                    firingSince = t;
                }
            }
            if (firingSince != null) {
                out.add(new Firing(firingSince, null));
            }
            return out;
        }
    }

    /**
     * One firing of an alert.
     *
     * @param from the evaluation that fired it, as an offset from the run's start
     * @param to the evaluation that resolved it, or null if still firing at the end
     */
    record Firing(Duration from, Duration to) {}
}
