package dev.sonda.api;

import dev.sonda.api.internal.num.FloatText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * A point on an entry's own timeline, counted from the entry's start: a fixed time ({@code 30s},
 * {@code 2m}) or a share of the entry's {@code duration} ({@code 25%}). Shares let a scenario
 * scale with its duration: an incident written as {@code from: 25%, to: 75%} stays in the middle
 * half of the run whatever {@code --duration} says. Used by {@code traces.faults[].from/to} and
 * {@code events[].at}.
 *
 * <p>Exactly one of the components is set.
 *
 * @param time the time since the entry's start, zero or positive, or null for a share
 * @param percent the share of the entry's duration in percent, 0 to 100, or null for a time
 */
public record Offset(Duration time, Double percent) {
    /** The entry's start: {@code 0s}. */
    public static final Offset START = new Offset(Duration.ZERO, null);

    /**
     * Creates the record.
     *
     * @param time the time since the entry's start, or null
     * @param percent the share of the duration in percent, or null
     * @throws IllegalArgumentException unless exactly one of them is set
     */
    public Offset {
        if ((time == null) == (percent == null)) {
            throw new IllegalArgumentException("an offset is either a time or a percentage of the duration, got time "
                    + time + " and percent " + percent);
        }
    }

    /**
     * A fixed time after the entry's start (YAML {@code 30s}).
     *
     * @param time zero or positive
     * @return the offset
     * @throws NullPointerException if {@code time} is null
     */
    public static Offset at(Duration time) {
        return new Offset(Objects.requireNonNull(time, "time"), null);
    }

    /**
     * A share of the entry's duration (YAML {@code 25%}).
     *
     * @param percent 0 to 100
     * @return the offset
     */
    public static Offset percent(double percent) {
        return new Offset(null, percent);
    }

    /**
     * Reads the YAML text: a number followed by {@code %} is a share of the duration, anything
     * else a duration ({@code 30s}, {@code 1.5m}, {@code 250ms}, {@code 0s}).
     *
     * @param text such as {@code 25%} or {@code 30s}
     * @return the offset
     * @throws IllegalArgumentException if the text is neither
     */
    public static Offset parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.endsWith("%")) {
            String number = text.substring(0, text.length() - 1);
            double p = DurationText.parseRustFloat(number);
            if (Double.isNaN(p)) {
                throw new IllegalArgumentException("invalid offset " + FloatText.rustDebugString(text)
                        + ": expected a percentage such as 25% or a duration such as 30s");
            }
            return percent(p);
        }
        return at(DurationText.parseOptional(text));
    }

    /**
     * Whether this offset is a share of the duration.
     *
     * @return true for {@code N%}
     */
    public boolean relative() {
        return percent != null;
    }

    /**
     * The time since the entry's start this offset stands for: the time itself, or the share of
     * {@code duration} truncated to whole microseconds.
     *
     * @param duration the entry's duration, or null when it runs until stopped
     * @return the time, zero or positive
     * @throws IllegalStateException if this is a share and {@code duration} is null
     */
    public Duration resolve(Duration duration) {
        if (time != null) {
            return time;
        }
        if (duration == null) {
            throw new IllegalStateException(
                    "offset " + text() + " is a share of the entry's duration, but the entry has no duration");
        }
        BigDecimal micros = BigDecimal.valueOf(duration.getSeconds())
                .multiply(BigDecimal.valueOf(1_000_000))
                .add(BigDecimal.valueOf(duration.getNano() / 1000))
                .multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
        return Duration.ofNanos(micros.longValueExact() * 1000);
    }

    /**
     * The YAML text: {@code 25%} or the duration as {@link DurationText#format(Duration)} writes it.
     *
     * @return the text
     */
    public String text() {
        return time != null ? DurationText.format(time) : FloatText.display(percent) + "%";
    }

    /**
     * Adds this offset's problems: a negative time, or a percentage that is not within 0 to 100.
     *
     * @param path where the offset sits, such as {@code scenarios[0].traces.faults[1].from}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (time != null && time.isNegative()) {
            problems.add(path, "offset must not be negative, got " + DurationText.format(time));
        }
        if (percent != null && !(percent >= 0 && percent <= 100)) {
            problems.add(
                    path,
                    "a percentage of the duration must be within 0% and 100%, got " + FloatText.display(percent) + "%");
        }
    }

    /**
     * The YAML text.
     *
     * @return {@link #text()}
     */
    @Override
    public String toString() {
        return text();
    }
}
