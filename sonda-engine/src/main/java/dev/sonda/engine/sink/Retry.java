package dev.sonda.engine.sink;

import dev.sonda.api.DurationText;
import dev.sonda.api.sink.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A sink's {@code retry:} policy at run time, as in Sonda 1.20 {@code sink/retry.rs}: one initial
 * call plus up to {@code max_attempts} retries, each preceded by a sleep drawn uniformly from
 * {@code [0, min(max_backoff, initial_backoff * 2^attempt)]} ("full jitter"; {@code attempt} is
 * 0-based and the product saturates instead of overflowing).
 *
 * <p>Before each retry sleep it prints, through the sink context's {@link
 * SinkContext#diagnostics() diagnostics}, {@code sonda: retry {n}/{max_attempts} after {ms}ms
 * (error: {err})} ({@code n} 1-based, {@code ms} the chosen sleep in whole milliseconds, {@code
 * err} the last error's message); when every retry failed it prints {@code sonda: all
 * {max_attempts} retries exhausted (last error: {err})} and rethrows the last error. An error the
 * classifier calls permanent is rethrown at once, without a line. The classifier is consulted
 * before each retry, as in the reference.
 *
 * <p>Sleeping uses {@link Thread#sleep(long, int)}: real (wall-clock) time, also when the run uses
 * a simulated clock, as the reference's {@code std::thread::sleep}. A retrying sink therefore blocks
 * its entry's scheduler thread for the backoff. The jitter comes from {@link ThreadLocalRandom}
 * (the reference seeds a SplitMix64 hash from the attempt and the thread name; any uniform source
 * is acceptable for parity).
 *
 * <p>Immutable and thread-safe; one instance can serve several sinks.
 */
public final class Retry {

    /** One call of the retried operation. */
    @FunctionalInterface
    public interface Attempt {
        /**
         * Runs the operation once.
         *
         * @param attempt 0 for the initial call, 1 .. {@code max_attempts} for the retries (TCP
         *     reconnects first when this is positive)
         * @throws SinkException on a failure, retried if the classifier allows
         */
        void run(int attempt);
    }

    /** Sleeps; replaced in tests of the backoff arithmetic only. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Consumer<String> diagnostics;
    private final Sleeper sleeper;

    /**
     * Creates the retry runner.
     *
     * @param policy the policy, or null for none (the first failure is rethrown at once)
     * @param diagnostics receives the retry lines, without trailing newline (usually {@link
     *     SinkContext#diagnostics()})
     * @throws IllegalArgumentException with the reference's validation message: {@code retry
     *     max_attempts must be at least 1}, or {@code retry max_backoff ({max}) must be >=
     *     initial_backoff ({init})}; also when a backoff is negative
     * @throws NullPointerException if {@code diagnostics} is null
     */
    public Retry(RetryPolicy policy, Consumer<String> diagnostics) {
        this(policy, diagnostics, Retry::sleepFor);
    }

    Retry(RetryPolicy policy, Consumer<String> diagnostics, Sleeper sleeper) {
        if (policy != null) {
            if (policy.maxAttempts() < 1) {
                throw new IllegalArgumentException("retry max_attempts must be at least 1");
            }
            if (policy.initialBackoff().isNegative() || policy.maxBackoff().isNegative()) {
                throw new IllegalArgumentException("retry backoffs must not be negative");
            }
            if (policy.maxBackoff().compareTo(policy.initialBackoff()) < 0) {
                throw new IllegalArgumentException("retry max_backoff (" + DurationText.format(policy.maxBackoff())
                        + ") must be >= initial_backoff (" + DurationText.format(policy.initialBackoff()) + ")");
            }
        }
        this.policy = policy;
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.sleeper = sleeper;
    }

    /**
     * The policy.
     *
     * @return the policy, or null when there is none
     */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code op}, retrying every {@link SinkException}.
     *
     * @param op the operation
     * @throws SinkException the last error, when the policy is absent or exhausted
     */
    public void run(Attempt op) {
        run(op, e -> true);
    }

    /**
     * Runs {@code op}, retrying the {@link SinkException}s {@code retryable} accepts. Other runtime
     * exceptions propagate at once.
     *
     * <p>If the thread is interrupted during a backoff sleep, the interrupt flag is restored and
     * the last error is rethrown (with the {@link InterruptedException} suppressed on it), without
     * the exhaustion line.
     *
     * @param op the operation
     * @param retryable classifies an error: true for transient (retry), false for permanent
     * @throws SinkException the last error: permanent, or the policy absent or exhausted
     */
    public void run(Attempt op, Predicate<SinkException> retryable) {
        try {
            op.run(0);
        } catch (SinkException e) {
            retryAfter(e, op, retryable);
        }
    }

    /**
     * Continues after a failed initial call that the caller made itself (so that the successful
     * path allocates nothing): the retry loop of {@link #run(Attempt, Predicate)}, calling {@code
     * op} with attempts 1 .. {@code max_attempts}.
     *
     * @param failure the initial call's error
     * @param op the operation
     * @param retryable classifies an error: true for transient (retry), false for permanent
     * @throws SinkException the last error: permanent, or the policy absent or exhausted; {@code
     *     failure} itself when there is no policy
     */
    public void retryAfter(SinkException failure, Attempt op, Predicate<SinkException> retryable) {
        SinkException last = Objects.requireNonNull(failure, "failure");
        if (policy == null) {
            throw last;
        }
        int max = policy.maxAttempts();
        for (int attempt = 0; attempt < max; attempt++) {
            if (!retryable.test(last)) {
                throw last;
            }
            Duration backoff = jitteredBackoff(attempt);
            diagnostics.accept("sonda: retry " + (attempt + 1) + "/" + max + " after " + backoff.toMillis()
                    + "ms (error: " + last.getMessage() + ")");
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                last.addSuppressed(ie);
                throw last;
            }
            try {
                op.run(attempt + 1);
                return;
            } catch (SinkException e) {
                last = e;
            }
        }
        diagnostics.accept("sonda: all " + max + " retries exhausted (last error: " + last.getMessage() + ")");
        throw last;
    }

    /**
     * The un-jittered backoff before retry {@code attempt}: {@code min(max_backoff,
     * initial_backoff * 2^attempt)}, where {@code 2^attempt} saturates at {@code 2^32 - 1} (a Rust
     * {@code u32}) and the product saturates too.
     *
     * @param attempt 0-based retry index
     * @return the cap of the jittered sleep
     * @throws IllegalStateException if there is no policy
     */
    public Duration baseBackoff(int attempt) {
        if (policy == null) {
            throw new IllegalStateException("no retry policy");
        }
        long multiplier = attempt >= 0 && attempt < 32 ? 1L << attempt : 0xFFFF_FFFFL;
        long initialNanos = saturatedNanos(policy.initialBackoff());
        long maxNanos = saturatedNanos(policy.maxBackoff());
        long product = initialNanos > Long.MAX_VALUE / multiplier ? Long.MAX_VALUE : initialNanos * multiplier;
        return Duration.ofNanos(Math.min(product, maxNanos));
    }

    /**
     * A jittered backoff before retry {@code attempt}: uniform in {@code [0, baseBackoff(attempt)]},
     * nanosecond resolution.
     *
     * @param attempt 0-based retry index
     * @return the sleep
     * @throws IllegalStateException if there is no policy
     */
    public Duration jitteredBackoff(int attempt) {
        long nanos = baseBackoff(attempt).toNanos();
        if (nanos == 0) {
            return Duration.ZERO;
        }
        long bound = nanos == Long.MAX_VALUE ? nanos : nanos + 1;
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound));
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void sleepFor(Duration d) throws InterruptedException {
        long nanos = d.toNanos();
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }
}
