package dev.sonda.junit5;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on the alert episodes of an evaluation: when the alert goes pending, fires and
 * resolves, as offsets from the run's start. Start with {@link SondaAssertions#assertThat(Alerts)}
 * (a rule file's alerts, {@link PrometheusRules}) or {@link SeriesAssert#alertWhen} (a threshold
 * rule, {@link ThresholdAlert}).
 *
 * <pre>{@code
 * assertThat(PrometheusRules.fromClasspath("alerts.yml").evaluate(captured))
 *         .named("HighCpu")
 *         .firesAt(Duration.ofMinutes(15))
 *         .resolvesAt(Duration.ofMinutes(20))
 *         .hasLabel("severity", "page");
 * }</pre>
 *
 * <p>{@code firesAt}, {@code resolvesAt} and the label checks look at the first episode that
 * fired; {@code goesPendingAt} at the first episode. A failure lists every episode and the capture.
 */
public final class AlertsAssert extends AbstractAssert<AlertsAssert, Alerts> {

    AlertsAssert(Alerts actual) {
        super(actual, AlertsAssert.class);
    }

    private void fail(String expected, String found) {
        failWithMessage(
                "%s",
                "\nExpecting " + actual.evaluation() + "\n  " + expected + "\nbut " + found + ".\nThe alerts: "
                        + actual.describe() + "\n" + actual.captured().describe());
    }

    private Alert firing(String expected) {
        isNotNull();
        Optional<Alert> a = actual.firstFiring();
        if (a.isEmpty()) {
            fail(expected, actual.isEmpty() ? "it never went pending" : "it never fired");
        }
        return a.orElseThrow();
    }

    /**
     * Moves on to the episodes of one alert of a rule file.
     *
     * @param name the {@code alert:} name
     * @return assertions on its episodes (possibly none, for {@link #neverFires()})
     */
    public AlertsAssert named(String name) {
        isNotNull();
        return new AlertsAssert(actual.named(name));
    }

    /**
     * Verifies when the first episode went pending.
     *
     * @param offset the expected offset from the run's start
     * @return this assertion
     * @throws AssertionError if no episode went pending then (or it is unknown, as for promtool)
     */
    public AlertsAssert goesPendingAt(Duration offset) {
        isNotNull();
        Objects.requireNonNull(offset, "offset");
        String expected = "to go pending at " + Text.offset(offset);
        if (actual.isEmpty()) {
            fail(expected, "it never went pending");
        }
        Duration at = actual.get(0).pendingAt();
        if (at == null) {
            fail(expected, "the evaluation does not report pending alerts (promtool reports firing ones only)");
        }
        if (!at.equals(offset)) {
            fail(expected, "it went pending at " + Text.offset(at));
        }
        return this;
    }

    /**
     * Verifies when the alert first fired.
     *
     * @param offset the expected offset from the run's start
     * @return this assertion
     * @throws AssertionError if it never fired, or first fired at another time
     */
    public AlertsAssert firesAt(Duration offset) {
        Objects.requireNonNull(offset, "offset");
        String expected = "to fire at " + Text.offset(offset);
        Alert a = firing(expected);
        if (!a.firedAt().equals(offset)) {
            fail(expected, "it first fired at " + Text.offset(a.firedAt()));
        }
        return this;
    }

    /**
     * Verifies when the first firing episode resolved.
     *
     * @param offset the expected offset from the run's start
     * @return this assertion
     * @throws AssertionError if it never fired, never resolved, or resolved at another time
     */
    public AlertsAssert resolvesAt(Duration offset) {
        Objects.requireNonNull(offset, "offset");
        String expected = "to resolve at " + Text.offset(offset);
        Alert a = firing(expected);
        if (a.resolvedAt() == null) {
            fail(expected, "it was still firing at the last evaluation");
        }
        if (!a.resolvedAt().equals(offset)) {
            fail(expected, "it resolved at " + Text.offset(a.resolvedAt()));
        }
        return this;
    }

    /**
     * Verifies that the first firing episode was still firing at the last evaluation.
     *
     * @return this assertion
     * @throws AssertionError if it never fired or it resolved
     */
    public AlertsAssert isStillFiringAtTheEnd() {
        String expected = "to be still firing at the last evaluation";
        Alert a = firing(expected);
        if (a.resolvedAt() != null) {
            fail(expected, "it resolved at " + Text.offset(a.resolvedAt()));
        }
        return this;
    }

    /**
     * Verifies that the alert never fired (it may have gone pending).
     *
     * @return this assertion
     * @throws AssertionError if an episode fired; the message lists them
     */
    public AlertsAssert neverFires() {
        isNotNull();
        Optional<Alert> a = actual.firstFiring();
        if (a.isPresent()) {
            fail("never to fire", "it fired at " + Text.offset(a.get().firedAt()));
        }
        return this;
    }

    /**
     * Verifies how many episodes fired.
     *
     * @param times the expected count
     * @return this assertion
     * @throws AssertionError if another number fired
     */
    public AlertsAssert firesTimes(int times) {
        isNotNull();
        if (actual.firingCount() != times) {
            fail("to fire " + times + (times == 1 ? " time" : " times"), "it fired " + actual.firingCount());
        }
        return this;
    }

    /**
     * Verifies that the alert was firing right after the evaluation at {@code offset}.
     *
     * @param offset an offset from the run's start
     * @return this assertion
     * @throws AssertionError if no episode was firing then
     */
    public AlertsAssert isFiringAt(Duration offset) {
        isNotNull();
        if (!actual.isFiringAt(offset)) {
            fail("to be firing at " + Text.offset(offset), "it was not");
        }
        return this;
    }

    /**
     * Verifies that the alert was not firing right after the evaluation at {@code offset}.
     *
     * @param offset an offset from the run's start
     * @return this assertion
     * @throws AssertionError if an episode was firing then
     */
    public AlertsAssert isNotFiringAt(Duration offset) {
        isNotNull();
        if (actual.isFiringAt(offset)) {
            fail("not to be firing at " + Text.offset(offset), "it was");
        }
        return this;
    }

    /**
     * Verifies a label of the first firing episode (a rule's {@code labels:} or the series').
     *
     * @param key the label key
     * @param value the expected value
     * @return this assertion
     * @throws AssertionError if it never fired or the label differs
     */
    public AlertsAssert hasLabel(String key, String value) {
        String expected = "to fire with label " + key + "=\"" + value + "\"";
        Alert a = firing(expected);
        if (!Objects.equals(a.labels().get(key), value)) {
            fail(expected, "its labels are " + a.labels());
        }
        return this;
    }

    /**
     * Verifies an annotation of the first firing episode, as rendered when it fired.
     *
     * @param key the annotation name, such as {@code summary}
     * @param value the expected text
     * @return this assertion
     * @throws AssertionError if it never fired or the annotation differs
     */
    public AlertsAssert hasAnnotation(String key, String value) {
        String expected = "to fire with annotation " + key + "=\"" + value + "\"";
        Alert a = firing(expected);
        if (!Objects.equals(a.annotations().get(key), value)) {
            fail(expected, "its annotations are " + a.annotations());
        }
        return this;
    }

    /**
     * Moves on to AssertJ list assertions on every episode, such as {@code
     * episodes().extracting(Alert::firedAt, Alert::resolvedAt).containsExactly(...)}.
     *
     * @return assertions on the episodes, described with the evaluation
     */
    public ListAssert<Alert> episodes() {
        isNotNull();
        return Assertions.assertThat((List<Alert>) actual).as("alert episodes of %s", actual.evaluation());
    }

    /**
     * Moves on to the first episode that fired.
     *
     * @return an object assertion on it
     * @throws AssertionError if none fired
     */
    public AbstractObjectAssert<?, Alert> firstFiring() {
        Alert a = firing("to fire");
        return Assertions.assertThat(a).as("first firing of %s", actual.evaluation());
    }
}
