package dev.sonda.api.trace;

import dev.sonda.api.DurationText;
import dev.sonda.api.Problems;
import java.time.Duration;
import java.util.Objects;

/**
 * Circuit breakers on every edge of the graph (YAML {@code circuit_breaker: {failures, open_for}}):
 * after {@code failures} failed calls in a row from one service to another, the caller stops
 * calling for {@code open_for}. While open, each call it would have made fails at once with {@code
 * circuit breaker open: <callee>} and no callee span; the first call after that is a trial, which
 * closes the breaker when it succeeds and opens it again when it fails. Opening and closing are
 * logged as {@code WARN} and {@code INFO} lines of the caller.
 *
 * @param failures consecutive failed calls that open the breaker, at least 1
 * @param openFor how long it stays open, positive
 */
public record CircuitBreaker(int failures, Duration openFor) {
    /**
     * Creates the record.
     *
     * @param failures failed calls in a row that open it
     * @param openFor how long it stays open
     * @throws NullPointerException if {@code openFor} is null
     */
    public CircuitBreaker {
        Objects.requireNonNull(openFor, "openFor");
    }

    /**
     * Adds this block's problems.
     *
     * @param path where it sits, such as {@code scenarios[0].traces.circuit_breaker}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (failures < 1) {
            problems.add(path + ".failures", "failures must be at least 1, got " + failures);
        }
        if (openFor.isZero() || openFor.isNegative()) {
            problems.add(path + ".open_for", "open_for must be greater than zero, got " + DurationText.format(openFor));
        }
    }
}
