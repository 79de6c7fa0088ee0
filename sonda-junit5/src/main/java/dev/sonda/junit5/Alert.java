package dev.sonda.junit5;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert episode, as Prometheus' rule manager tracks it: it goes pending when its condition
 * first holds at an evaluation, fires once the condition held at every evaluation for the rule's
 * {@code for:} duration, and resolves at the first evaluation where the condition no longer holds
 * (after {@code keep_firing_for}, when set). Times are offsets from the run's start ({@link
 * Captured#start()}), always evaluation times.
 *
 * @param name the alert's name: the rule file's {@code alert:}, or {@link ThresholdAlert#named}
 * @param labels the alert's labels: the series' labels and the rule's {@code labels:} (with {@code
 *     alertname} for a rule file), unmodifiable
 * @param annotations the rule's annotations as rendered when it fired, unmodifiable; empty for a
 *     {@link ThresholdAlert}
 * @param pendingAt when it went pending; null when unknown (promtool reports firing alerts only)
 * @param firedAt when it fired; null if it resolved while pending
 * @param resolvedAt when it resolved; null if still active at the last evaluation
 */
public record Alert(
        String name,
        Map<String, String> labels,
        Map<String, String> annotations,
        Duration pendingAt,
        Duration firedAt,
        Duration resolvedAt) {

    /**
     * Creates an episode, copying the maps.
     *
     * @param name the alert's name
     * @param labels the labels
     * @param annotations the annotations
     * @param pendingAt when it went pending, or null
     * @param firedAt when it fired, or null
     * @param resolvedAt when it resolved, or null
     * @throws NullPointerException if {@code name} or a map is null
     */
    public Alert {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    /**
     * Whether the episode reached the firing state.
     *
     * @return true if it fired
     */
    public boolean fired() {
        return firedAt != null;
    }

    /**
     * When it fired.
     *
     * @return the offset, or empty if it never fired
     */
    public Optional<Duration> firing() {
        return Optional.ofNullable(firedAt);
    }

    /**
     * When it resolved.
     *
     * @return the offset, or empty if it was still active at the last evaluation
     */
    public Optional<Duration> resolved() {
        return Optional.ofNullable(resolvedAt);
    }

    /**
     * Whether it was firing right after the evaluation at {@code offset}: it fired at or before
     * it, and had not resolved by then.
     *
     * @param offset an offset from the run's start
     * @return true while firing
     */
    public boolean isFiringAt(Duration offset) {
        return firedAt != null
                && firedAt.compareTo(offset) <= 0
                && (resolvedAt == null || resolvedAt.compareTo(offset) > 0);
    }

    /**
     * Renders the episode for messages, such as {@code HighCpu{host="a"} pending at +10m, firing at
     * +15m, resolved at +20m}.
     *
     * @return the episode as one line
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Text.series(name, labels));
        String sep = " ";
        if (pendingAt != null) {
            sb.append(sep).append("pending at ").append(Text.offset(pendingAt));
            sep = ", ";
        }
        sb.append(sep).append(firedAt == null ? "never fired" : "firing at " + Text.offset(firedAt));
        sb.append(resolvedAt == null ? ", still active at the end" : ", resolved at " + Text.offset(resolvedAt));
        return sb.toString();
    }
}
