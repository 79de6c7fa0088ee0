package dev.sonda.junit5;

import java.time.Duration;

/**
 * A threshold alert rule over one captured series, being set up for an assertion; start with
 * {@link SeriesAssert#alertWhen(dev.sonda.api.Comparison, double)}. The set-up methods return new
 * stages (a base stage can be reused); the assertion methods evaluate the rule ({@link
 * ThresholdAlert}) and go on as an {@link AlertsAssert}:
 *
 * <pre>{@code
 * assertThat(cpu).alertWhen(GREATER_THAN, 90)
 *         .forDuration(Duration.ofMinutes(5))
 *         .evaluatedEvery(Duration.ofSeconds(15))
 *         .goesPendingAt(Duration.ofMinutes(10))
 *         .firesAt(Duration.ofMinutes(15))
 *         .resolvesAt(Duration.ofMinutes(20));
 * }</pre>
 */
public final class ThresholdAlertAssert {
    private final Series series;
    private final ThresholdAlert rule;

    ThresholdAlertAssert(Series series, ThresholdAlert rule) {
        this.series = series;
        this.rule = rule;
    }

    /**
     * The rule's {@code for:}: how long the condition must hold before the alert fires.
     *
     * @param duration zero or more (default zero: fire at the first evaluation that holds)
     * @return the new stage
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public ThresholdAlertAssert forDuration(Duration duration) {
        return new ThresholdAlertAssert(series, rule.forDuration(duration));
    }

    /**
     * The rule's {@code keep_firing_for:}.
     *
     * @param duration zero or more (default zero)
     * @return the new stage
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public ThresholdAlertAssert keepFiringFor(Duration duration) {
        return new ThresholdAlertAssert(series, rule.keepFiringFor(duration));
    }

    /**
     * The {@code evaluation_interval}.
     *
     * @param interval above zero (default 1m, as in Prometheus)
     * @return the new stage
     * @throws IllegalArgumentException if {@code interval} is zero or negative
     */
    public ThresholdAlertAssert evaluatedEvery(Duration interval) {
        return new ThresholdAlertAssert(series, rule.evaluatedEvery(interval));
    }

    /**
     * The lookback delta of instant vector selection.
     *
     * @param lookback above zero (default 5m, as in Prometheus)
     * @return the new stage
     * @throws IllegalArgumentException if {@code lookback} is zero or negative
     */
    public ThresholdAlertAssert lookback(Duration lookback) {
        return new ThresholdAlertAssert(series, rule.lookback(lookback));
    }

    /**
     * Evaluates as Prometheus 3 selects samples: the lookback window is left-open ({@link
     * ThresholdAlert#prometheus3()}).
     *
     * @return the new stage
     */
    public ThresholdAlertAssert prometheus3() {
        return new ThresholdAlertAssert(series, rule.prometheus3());
    }

    /**
     * The last evaluation time, as an offset from the run's start.
     *
     * @param offset zero or more (default: one interval after the last sample left the lookback)
     * @return the new stage
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public ThresholdAlertAssert until(Duration offset) {
        return new ThresholdAlertAssert(series, rule.until(offset));
    }

    /**
     * Evaluates the rule and moves on to assertions on its episodes.
     *
     * @return the assertion
     */
    public AlertsAssert alerts() {
        return new AlertsAssert(rule.evaluate(series));
    }

    /**
     * Evaluates the rule and verifies when the alert first went pending ({@link
     * AlertsAssert#goesPendingAt}).
     *
     * @param offset the expected offset from the run's start
     * @return assertions on the episodes, to go on
     * @throws AssertionError if it went pending at another time or never
     */
    public AlertsAssert goesPendingAt(Duration offset) {
        return alerts().goesPendingAt(offset);
    }

    /**
     * Evaluates the rule and verifies when the alert first fired ({@link AlertsAssert#firesAt}).
     *
     * @param offset the expected offset from the run's start
     * @return assertions on the episodes, to go on
     * @throws AssertionError if it fired at another time or never
     */
    public AlertsAssert firesAt(Duration offset) {
        return alerts().firesAt(offset);
    }

    /**
     * Evaluates the rule and verifies when the first firing episode resolved ({@link
     * AlertsAssert#resolvesAt}).
     *
     * @param offset the expected offset from the run's start
     * @return assertions on the episodes, to go on
     * @throws AssertionError if it never fired, never resolved, or resolved at another time
     */
    public AlertsAssert resolvesAt(Duration offset) {
        return alerts().resolvesAt(offset);
    }

    /**
     * Evaluates the rule and verifies that the alert was firing right after the evaluation at
     * {@code offset} ({@link AlertsAssert#isFiringAt}).
     *
     * @param offset an offset from the run's start
     * @return assertions on the episodes, to go on
     * @throws AssertionError if it was not firing then
     */
    public AlertsAssert isFiringAt(Duration offset) {
        return alerts().isFiringAt(offset);
    }

    /**
     * Evaluates the rule and verifies that the alert never fired ({@link AlertsAssert#neverFires}).
     *
     * @return assertions on the episodes, to go on
     * @throws AssertionError if it fired
     */
    public AlertsAssert neverFires() {
        return alerts().neverFires();
    }

    /**
     * Evaluates the rule and verifies how many episodes fired ({@link AlertsAssert#firesTimes}).
     *
     * @param times the expected count
     * @return assertions on the episodes, to go on
     * @throws AssertionError if another number fired
     */
    public AlertsAssert firesTimes(int times) {
        return alerts().firesTimes(times);
    }

    /**
     * The rule as text.
     *
     * @return such as {@code threshold: > 90 for 5m, every 15s}
     */
    @Override
    public String toString() {
        return rule.describe(series);
    }
}
