package dev.sonda.api;

import dev.sonda.api.internal.num.FloatText;
import java.time.Duration;
import java.util.Objects;

/**
 * Recurring bursts (YAML {@code bursts:}): during the first {@code forDuration} of every {@code
 * every} cycle the rate is multiplied by {@code multiplier}; the tick index advances once per
 * emission. A gap wins over a burst.
 *
 * @param every cycle length, positive
 * @param forDuration burst length at the head of each cycle (YAML {@code for}), shorter than
 *     {@code every}
 * @param multiplier rate factor during the burst, above 0 (below 1 slows down)
 */
public record Bursts(Duration every, Duration forDuration, double multiplier) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param every cycle length, positive
     * @param forDuration burst length at the head of each cycle (YAML {@code for}), shorter than {@code every}
     * @param multiplier rate factor during the burst, above 0 (below 1 slows down)
     * @throws NullPointerException if a required component is null
     */
    public Bursts {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(forDuration, "forDuration");
    }

    /**
     * Adds the reference's burst problems.
     *
     * @param path where this block sits, such as {@code scenarios[0].bursts}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (Double.isNaN(multiplier) || multiplier <= 0) {
            problems.add(
                    path + ".multiplier", "bursts.multiplier must be positive, got " + FloatText.display(multiplier));
        }
        Windows.check("bursts", every, forDuration, path, problems);
    }
}
