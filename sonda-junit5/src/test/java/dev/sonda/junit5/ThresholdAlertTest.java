package dev.sonda.junit5;

import static dev.sonda.api.Comparison.GREATER_THAN;
import static dev.sonda.api.Comparison.LESS_THAN;
import static dev.sonda.junit5.SondaAssertions.*;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.sonda.api.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ThresholdAlert} against Prometheus' alerting rule semantics. Every expected time is worked
 * out by hand from the definitions in {@link ThresholdAlert}'s Javadoc (evaluation at {@code
 * k·interval}, lookback {@code [T - 5m, T]}, pending at the first evaluation that holds, firing
 * when {@code T - activeAt >= for}, resolution at the first evaluation that does not hold).
 */
class ThresholdAlertTest {

    /** {@code n} copies of {@code v}. */
    static List<Double> times(int n, double v) {
        return Collections.nCopies(n, v);
    }

    static List<Double> concat(List<Double> a, List<Double> b) {
        List<Double> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * Every 15 s: 40 for ten minutes (+0s..+9m45s), 95 for ten minutes (+10m..+19m45s), 40 for ten
     * minutes (+20m..+29m45s).
     */
    static final Captured PLATEAU = Captured.simulate(Scenario.metrics("cpu_usage")
            .every(ofSeconds(15))
            .duration("30m")
            .label("host", "a")
            .sequence(concat(concat(times(40, 40.0), times(40, 95.0)), times(40, 40.0)), false)
            .buildPlan());

    /** Every 15 s: 40 for ten minutes, then 95 for ten minutes, then nothing (the series ends). */
    static final Captured ENDS_HIGH = Captured.simulate(Scenario.metrics("cpu_usage")
            .every(ofSeconds(15))
            .duration("20m")
            .label("host", "a")
            .sequence(concat(times(40, 40.0), times(40, 95.0)), false)
            .buildPlan());

    private static Series cpu(Captured c) {
        return c.series("cpu_usage");
    }

    @Test
    void anAlertGoesPendingWhenTheConditionFirstHoldsAndFiresOnceItHeldForItsForDuration() {
        // > 90 holds from +10m (the first sample of 95); T - 10m >= 5m first at T = 15m;
        // at +20m the latest sample is 40: resolved.
        assertThat(cpu(PLATEAU))
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofSeconds(15))
                .goesPendingAt(ofMinutes(10))
                .firesAt(ofMinutes(15))
                .resolvesAt(ofMinutes(20))
                .firesTimes(1)
                .isNotFiringAt(ofMinutes(14).plusSeconds(45))
                .isFiringAt(ofMinutes(15))
                .isFiringAt(ofMinutes(19).plusSeconds(45))
                .isNotFiringAt(ofMinutes(20));
    }

    @Test
    void theAlertFiresAtTheFirstEvaluationTimeAtOrAfterTheForDuration() {
        // evaluations every 2m: 10m pending, 12m and 14m still pending, 16m is the first T with
        // T - 10m >= 5m; 20m resolves.
        assertThat(cpu(PLATEAU))
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofMinutes(2))
                .firesAt(ofMinutes(16))
                .resolvesAt(ofMinutes(20));
    }

    @Test
    void withoutForTheAlertFiresAtTheEvaluationThatFirstHolds() {
        assertThat(cpu(PLATEAU))
                .alertWhen(GREATER_THAN, 90)
                .goesPendingAt(ofMinutes(10))
                .firesAt(ofMinutes(10))
                .resolvesAt(ofMinutes(20));
    }

    @Test
    void aConditionShorterThanForNeverFiresButWentPending() {
        // holds +10m..+19m45s; T - 10m >= 10m would be T = 20m, when it no longer holds.
        assertThat(cpu(PLATEAU))
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(10))
                .evaluatedEvery(ofSeconds(15))
                .neverFires()
                .goesPendingAt(ofMinutes(10));
        Alerts alerts = ThresholdAlert.when(GREATER_THAN, 90)
                .forDuration(ofMinutes(10))
                .evaluatedEvery(ofSeconds(15))
                .evaluate(cpu(PLATEAU));
        assertThat(alerts).episodes().hasSize(1);
        assertThat(alerts.get(0).resolvedAt()).isEqualTo(ofMinutes(20));
        assertThat(alerts.get(0).firedAt()).isNull();
    }

    @Test
    void keepFiringForHoldsAFiringAlertAfterTheConditionStops() {
        // condition stops at 20m (keepFiringSince = 20m); it keeps firing while T - 20m < 3m,
        // so it resolves at 23m.
        assertThat(cpu(PLATEAU))
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .keepFiringFor(ofMinutes(3))
                .evaluatedEvery(ofSeconds(15))
                .firesAt(ofMinutes(15))
                .resolvesAt(ofMinutes(23));
    }

    @Test
    void aSeriesThatStopsResolvesTheAlertOnceItsLastSampleLeavesTheLookback() {
        // last sample 95 at +19m45s; [T - 5m, T] holds it up to T = 24m45s (Prometheus 2.x keeps
        // a sample exactly 5m old); at 25m there is no value.
        assertThat(cpu(ENDS_HIGH))
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofSeconds(15))
                .firesAt(ofMinutes(15))
                .isFiringAt(ofMinutes(24).plusSeconds(45))
                .resolvesAt(ofMinutes(25));
        // with a one-minute lookback: visible up to 20m45s, resolved at 21m
        assertThat(cpu(ENDS_HIGH))
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofSeconds(15))
                .lookback(ofMinutes(1))
                .resolvesAt(ofMinutes(21));
        // Prometheus 3's window (T - 5m, T] no longer holds +19m45s at T = 24m45s
        assertThat(cpu(ENDS_HIGH))
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofSeconds(15))
                .prometheus3()
                .resolvesAt(ofMinutes(24).plusSeconds(45));
        // evaluated only up to 20m: still firing at the end
        assertThat(cpu(ENDS_HIGH))
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .until(ofMinutes(20))
                .alerts()
                .isStillFiringAtTheEnd();
    }

    @Test
    void theLookbackBridgesGapsShorterThanItAndAGapLongerEndsTheEpisode() {
        // 95 every 15 s for 30m, silent in [7m, 10m) of every 10-minute cycle: samples up to +6m45s,
        // +16m45s and +26m45s before each silence.
        Captured gappy = Captured.simulate(Scenario.metrics("cpu_usage")
                .every(ofSeconds(15))
                .duration("30m")
                .constant(95)
                .gaps(ofMinutes(10), ofMinutes(3))
                .buildPlan());
        assertThat(gappy.series("cpu_usage"))
                .hasGapOfAtLeast(ofMinutes(3))
                .alertWhen(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofSeconds(15))
                .firesAt(ofMinutes(5))
                .firesTimes(1);
        // with a 2m lookback the silences break it: +6m45s is seen up to T = 8m45s, so each
        // episode resolves 2m15s into its silence and a new one starts at the next sample.
        Alerts alerts = ThresholdAlert.when(GREATER_THAN, 90)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofSeconds(15))
                .lookback(ofMinutes(2))
                .evaluate(gappy.series("cpu_usage"));
        assertThat(alerts)
                .episodes()
                .extracting(Alert::pendingAt, Alert::firedAt, Alert::resolvedAt)
                .containsExactly(
                        tuple(Duration.ZERO, ofMinutes(5), ofMinutes(9)),
                        tuple(ofMinutes(10), ofMinutes(15), ofMinutes(19)),
                        tuple(ofMinutes(20), ofMinutes(25), ofMinutes(29)));
    }

    @Test
    void belowWorksAsAbove() {
        // < 50 holds from +0s to +9m45s: pending 0, fires at 5m, resolves at 10m; again from 20m,
        // firing at 25m, until one interval after the last sample (+29m45s) left the lookback.
        assertThat(cpu(PLATEAU))
                .alertWhen(LESS_THAN, 50)
                .forDuration(ofMinutes(5))
                .evaluatedEvery(ofSeconds(15))
                .firesAt(ofMinutes(5))
                .resolvesAt(ofMinutes(10))
                .firesTimes(2);
        assertThat(cpu(PLATEAU)).alertWhen("<=", 40).firesAt(Duration.ZERO);
    }

    @Test
    void aWrongTimeFailsWithTheRuleTheEpisodesAndTheCapture() {
        assertThatThrownBy(() -> assertThat(cpu(PLATEAU))
                        .alertWhen(GREATER_THAN, 90)
                        .forDuration(ofMinutes(5))
                        .evaluatedEvery(ofSeconds(15))
                        .firesAt(ofMinutes(14)))
                .hasMessageContaining(
                        "Expecting alert threshold: cpu_usage{host=\"a\"} > 90 for 5m, evaluated every 15s"
                                + " from +0s to +35m (lookback 5m)\n  to fire at +14m\nbut it first fired at +15m.")
                .hasMessageContaining("threshold{host=\"a\"} pending at +10m, firing at +15m, resolved at +20m")
                .hasMessageContaining("captured 1 series, 120 samples");
        assertThatThrownBy(() ->
                        assertThat(cpu(PLATEAU)).alertWhen(GREATER_THAN, 99).firesAt(ofMinutes(14)))
                .hasMessageContaining("to fire at +14m\nbut it never went pending.");
    }
}
