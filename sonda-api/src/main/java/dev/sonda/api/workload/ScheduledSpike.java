package dev.sonda.api.workload;

import dev.sonda.api.Problems;
import dev.sonda.api.internal.num.FloatText;
import java.time.Duration;
import java.util.Objects;

/**
 * A spike written in the workload (an item of YAML {@code spikes:}): at {@code at} after the
 * workload's start, the named metric's values are multiplied for {@code duration}, exactly as
 * {@code POST /control/spike} does at run time.
 *
 * <p>What is multiplied: a gauge's value (after its clamp), a counter's increments (the total
 * stays monotonic), each histogram or summary observation.
 *
 * @param metric the metric's name as written in the workload (no prefix)
 * @param multiplier the factor, finite
 * @param at when the spike starts, from the workload's start, at least 0
 * @param duration how long it lasts, positive
 */
public record ScheduledSpike(String metric, double multiplier, Duration at, Duration duration) {
    /**
     * Creates the record.
     *
     * @param metric the metric's name
     * @param multiplier the factor
     * @param at the start offset
     * @param duration the length
     * @throws NullPointerException if an argument is null
     */
    public ScheduledSpike {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * Adds every problem of the settings that needs no other part of the workload.
     *
     * @param path where the spike sits, such as {@code workload.spikes[0]}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        if (!Double.isFinite(multiplier)) {
            problems.add(path + ".multiplier", "multiplier must be finite, got " + FloatText.display(multiplier));
        }
        if (at.isNegative()) {
            problems.add(path + ".at", "at must be at least 0");
        }
        Checks.positive(duration, path, "duration", problems);
    }
}
