package dev.sonda.junit5;

import java.time.Duration;
import java.util.Objects;

/**
 * A silence in a series: two consecutive samples and the time between them.
 *
 * <p>At a steady rate of {@code r} events per second consecutive samples are {@code 1/r} apart,
 * so every pair of neighbours is a "gap" of that length; a {@code gaps:} window of 20 seconds at
 * rate 1 shows up as a gap of 21 seconds (the last sample before the window to the first after).
 *
 * @param before the last sample before the silence
 * @param after the first sample after it
 */
public record Gap(Sample before, Sample after) {

    /**
     * Creates a gap.
     *
     * @param before the last sample before the silence
     * @param after the first sample after it
     * @throws NullPointerException if either sample is null
     */
    public Gap {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * The time between the two samples.
     *
     * @return {@code after.timestamp() - before.timestamp()}
     */
    public Duration length() {
        return Duration.between(before.timestamp(), after.timestamp());
    }

    /**
     * Renders the gap for messages, such as {@code 8m20s from +11m40s to +20m}.
     *
     * @return the gap as one line
     */
    @Override
    public String toString() {
        return Text.duration(length()) + " from " + Text.offset(before.offset()) + " to " + Text.offset(after.offset());
    }
}
