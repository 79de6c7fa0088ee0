package dev.sonda.junit5;

import java.time.Duration;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.stream.Collectors;

/**
 * The alert episodes an evaluation found, in the order they went pending (or fired): what {@link
 * ThresholdAlert#evaluate(Series)} and {@link PrometheusRules#evaluate(Captured)} return. Assert
 * with {@link SondaAssertions#assertThat(Alerts)}. Immutable and thread-safe.
 */
public final class Alerts extends AbstractList<Alert> implements RandomAccess {
    private final Captured captured;
    private final List<Alert> alerts;
    private final String evaluation;

    /**
     * Creates the result of an evaluation.
     *
     * @param captured the capture evaluated
     * @param alerts the episodes, in order
     * @param evaluation what was evaluated and how, for messages, such as {@code cpu{host="a"} > 90
     *     for 5m, evaluated every 15s from +0s to +35m}
     */
    Alerts(Captured captured, List<Alert> alerts, String evaluation) {
        this.captured = captured;
        this.alerts = List.copyOf(alerts);
        this.evaluation = evaluation;
    }

    /**
     * The episode at {@code index}.
     *
     * @param index position, in order
     * @return the episode
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    @Override
    public Alert get(int index) {
        return alerts.get(index);
    }

    /**
     * The number of episodes.
     *
     * @return the count
     */
    @Override
    public int size() {
        return alerts.size();
    }

    /**
     * The capture that was evaluated.
     *
     * @return the capture
     */
    public Captured captured() {
        return captured;
    }

    /**
     * What was evaluated and how (the rule, the evaluation interval and range).
     *
     * @return the description
     */
    public String evaluation() {
        return evaluation;
    }

    /**
     * The episodes of one alert name.
     *
     * @param name the alert's name
     * @return the episodes, possibly none
     * @throws NullPointerException if {@code name} is null
     */
    public Alerts named(String name) {
        Objects.requireNonNull(name, "name");
        return new Alerts(
                captured, alerts.stream().filter(a -> a.name().equals(name)).toList(), evaluation + ", alert " + name);
    }

    /**
     * The first episode that fired.
     *
     * @return the episode, or empty if none fired
     */
    public Optional<Alert> firstFiring() {
        return alerts.stream().filter(Alert::fired).findFirst();
    }

    /**
     * Whether some episode was firing right after the evaluation at {@code offset}.
     *
     * @param offset an offset from the run's start
     * @return true if one was firing
     */
    public boolean isFiringAt(Duration offset) {
        return alerts.stream().anyMatch(a -> a.isFiringAt(offset));
    }

    /**
     * The number of episodes that fired.
     *
     * @return the count
     */
    public int firingCount() {
        return (int) alerts.stream().filter(Alert::fired).count();
    }

    /**
     * The evaluation and every episode, one per line, for failure messages.
     *
     * @return the text
     */
    public String describe() {
        return evaluation
                + (alerts.isEmpty()
                        ? ": no alert went pending"
                        : ":" + alerts.stream().map(a -> "\n  - " + a).collect(Collectors.joining()));
    }

    /**
     * The same as {@link #describe()}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return describe();
    }
}
