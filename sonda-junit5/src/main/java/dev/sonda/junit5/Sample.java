package dev.sonda.junit5;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One captured metric sample: which series, its value, and when.
 *
 * <p>The timestamp is the one the engine stamped the sample with (and the encoder wrote), in
 * nanoseconds since the Unix epoch; on the simulated clock it is exact and the same on every run.
 * The offset is the timestamp minus the run's start ({@link Captured#start()}), so an entry with a
 * {@code phase_offset} of two minutes has its first sample at offset {@code +2m}.
 *
 * @param name the metric name, such as {@code cpu_usage} or {@code latency_bucket}
 * @param labels the series' labels, unmodifiable, iteration order unspecified
 * @param value the sample value
 * @param timestamp when the sample was stamped
 * @param offset {@code timestamp} minus the run's start; negative if the entry's {@code start_time}
 *     places it before the run
 */
public record Sample(String name, Map<String, String> labels, double value, Instant timestamp, Duration offset) {

    /**
     * Creates a sample.
     *
     * @param name the metric name
     * @param labels the series' labels; copied unless already an immutable map
     * @param value the sample value
     * @param timestamp when the sample was stamped
     * @param offset {@code timestamp} minus the run's start
     * @throws NullPointerException if {@code name}, {@code labels}, a label, {@code timestamp} or
     *     {@code offset} is null
     */
    public Sample {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(offset, "offset");
    }

    /**
     * The timestamp in milliseconds since the Unix epoch (rounded down), as most encoders write it.
     *
     * @return epoch milliseconds
     */
    public long epochMillis() {
        return timestamp.toEpochMilli();
    }

    /**
     * The series this sample belongs to, rendered as {@code name{key="value", ...}} with keys in
     * code-point order.
     *
     * @return the series text
     */
    public String series() {
        return Text.series(name, labels);
    }

    /**
     * Renders the sample for messages, such as {@code cpu_usage{host="a"} 97 at +14m
     * (2026-01-01T00:14:00Z)}.
     *
     * @return the sample as one line
     */
    @Override
    public String toString() {
        return series() + " " + Text.value(value) + " at " + Text.offset(offset) + " (" + timestamp + ")";
    }
}
