package dev.sonda.engine.sink;

import dev.sonda.engine.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * When a batching sink sends: the reference's one algorithm for http_push, remote_write, loki,
 * otlp and kafka (Sonda 1.20 {@code sink-batching.md}). After each write the batch is due when it
 * holds at least {@code batchSize} units (bytes, series or records: the sink's unit) or when {@code
 * maxBufferAge} has passed since the last send started (or since the sink was created); {@link
 * Duration#ZERO} disables the age. The age is checked only when a write asks, on the run's clock,
 * so a simulated run batches deterministically and there is no background timer. Not thread-safe.
 */
public final class BatchPolicy {
    private final long batchSize;
    private final long maxAgeNanos;
    private final Clock clock;
    private long lastSendAt;

    /**
     * Creates the policy; the age counts from now.
     *
     * @param batchSize units that make a batch due, at least 0
     * @param maxBufferAge the age that makes a batch due, or null for {@code defaultAge}; {@link
     *     Duration#ZERO} disables it
     * @param defaultAge the sink's default age (5 s for every reference sink)
     * @param clock the run's clock
     * @throws IllegalArgumentException if {@code batchSize} or the age is negative
     */
    public BatchPolicy(long batchSize, Duration maxBufferAge, Duration defaultAge, Clock clock) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch_size must not be negative: " + batchSize);
        }
        Duration age = maxBufferAge == null ? defaultAge : maxBufferAge;
        if (age.isNegative()) {
            throw new IllegalArgumentException("max_buffer_age must not be negative: " + age);
        }
        this.batchSize = batchSize;
        long nanos;
        try {
            nanos = age.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        this.maxAgeNanos = nanos;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastSendAt = clock.nanoTime();
    }

    /**
     * Whether a batch holding {@code buffered} units is due now. When it is, the caller sends it
     * and the age restarts (whether the send then succeeds or not).
     *
     * @param buffered units in the batch after the write
     * @return true when the caller must send now
     */
    public boolean due(long buffered) {
        long now = clock.nanoTime();
        boolean due = buffered >= batchSize || (maxAgeNanos > 0 && now - lastSendAt >= maxAgeNanos);
        if (due) {
            lastSendAt = now;
        }
        return due;
    }

    /** Restarts the age: a send started outside {@link #due} (a flush). */
    public void sending() {
        lastSendAt = clock.nanoTime();
    }

    /**
     * The batch size, in the sink's unit.
     *
     * @return the size
     */
    public long batchSize() {
        return batchSize;
    }
}
