package dev.sonda.api.sink;

import dev.sonda.api.Problems;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code retry:} block of a sink: up to {@code maxAttempts} retries after the first call, each
 * preceded by a sleep drawn uniformly from {@code [0, min(maxBackoff, initialBackoff·2^attempt)]}
 * ("full jitter"), as in Sonda 1.20 {@code sink/retry.rs}.
 *
 * @param maxAttempts retries after the first call, at least 1 (YAML {@code max_attempts})
 * @param initialBackoff backoff before the first retry (YAML {@code initial_backoff})
 * @param maxBackoff cap on any backoff, at least {@code initialBackoff} (YAML {@code max_backoff})
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param maxAttempts retries after the first call, at least 1 (YAML {@code max_attempts})
     * @param initialBackoff backoff before the first retry (YAML {@code initial_backoff})
     * @param maxBackoff cap on any backoff, at least {@code initialBackoff} (YAML {@code max_backoff})
     * @throws NullPointerException if a required component is null
     */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /**
     * Adds the reference's retry validation problems, in its order.
     *
     * @param path where this block sits, such as {@code scenarios[0].sink.retry}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (maxAttempts < 1) {
            problems.add(path + ".max_attempts", "retry max_attempts must be at least 1");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            problems.add(
                    path + ".max_backoff",
                    "retry max_backoff (" + dev.sonda.api.DurationText.format(maxBackoff)
                            + ") must be >= initial_backoff (" + dev.sonda.api.DurationText.format(initialBackoff)
                            + ")");
        }
    }
}
