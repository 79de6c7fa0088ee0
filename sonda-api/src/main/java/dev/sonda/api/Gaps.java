package dev.sonda.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Recurring silences (YAML {@code gaps:}): no events during the last {@code forDuration} of every
 * {@code every} cycle. The tick index keeps advancing through a gap.
 *
 * @param every cycle length, positive
 * @param forDuration silence at the tail of each cycle (YAML {@code for}), shorter than {@code
 *     every}
 */
public record Gaps(Duration every, Duration forDuration) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param every cycle length, positive
     * @param forDuration silence at the tail of each cycle (YAML {@code for}), shorter than {@code every}
     * @throws NullPointerException if a required component is null
     */
    public Gaps {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(forDuration, "forDuration");
    }

    /**
     * Adds the reference's gap problems.
     *
     * @param path where this block sits, such as {@code scenarios[0].gaps}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        Windows.check("gaps", every, forDuration, path, problems);
    }
}
