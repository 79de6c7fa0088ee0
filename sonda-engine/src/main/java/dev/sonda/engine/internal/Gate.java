package dev.sonda.engine.internal;

import dev.sonda.api.Comparison;

/**
 * Not API. One {@code while:} subscription: the downstream's view of its upstream's condition.
 *
 * <p>The upstream evaluates the condition on every value it publishes (after jitter) and records
 * each flip with the upstream tick's clock time; the downstream asks, at each of its own tick
 * times, whether the debounced gate is open. Written by the upstream's thread, read by the
 * downstream's: fields are volatile and each flip is written time first, state last.
 */
public final class Gate {
    private final Comparison op;
    private final double threshold;
    private final long openDelay;
    private final long closeDelay;
    private final Runnable wake;
    private volatile long changedAt = Long.MIN_VALUE;
    private volatile boolean rawOpen;
    private volatile long goneAt = Long.MAX_VALUE;

    /**
     * Creates a closed gate.
     *
     * @param op the comparison
     * @param threshold the threshold
     * @param openDelayNanos {@code delay.open}, 0 for none
     * @param closeDelayNanos {@code delay.close}, 0 for none
     * @param wake called after every flip, so the scheduler can reconsider the downstream
     */
    public Gate(Comparison op, double threshold, long openDelayNanos, long closeDelayNanos, Runnable wake) {
        this.op = op;
        this.threshold = threshold;
        this.openDelay = openDelayNanos;
        this.closeDelay = closeDelayNanos;
        this.wake = wake;
    }

    /**
     * The upstream published {@code value} at clock time {@code at}. NaN never satisfies the gate.
     *
     * @param value the upstream's value
     * @param at the upstream tick's monotonic clock time
     */
    void observe(double value, long at) {
        boolean open = op.test(value, threshold);
        if (open != rawOpen) {
            changedAt = at;
            rawOpen = open;
            wake.run();
        }
    }

    /**
     * The upstream finished at clock time {@code at}; the downstream finishes too.
     *
     * @param at the monotonic clock time the upstream ended
     */
    void upstreamGone(long at) {
        goneAt = at;
        wake.run();
    }

    /**
     * When the upstream ended, or {@link Long#MAX_VALUE}.
     *
     * @return the clock time
     */
    long goneAt() {
        return goneAt;
    }

    /**
     * When a paused downstream may resume: the open flip plus {@code delay.open}, or {@link
     * Long#MAX_VALUE} while the condition does not hold.
     *
     * @return the clock time
     */
    long openAt() {
        boolean open = rawOpen;
        long at = changedAt;
        return open ? saturatingAdd(at, openDelay) : Long.MAX_VALUE;
    }

    /**
     * When a running downstream must pause: the close flip plus {@code delay.close}, or {@link
     * Long#MAX_VALUE} while the condition holds.
     *
     * @return the clock time
     */
    long closeAt() {
        boolean open = rawOpen;
        long at = changedAt;
        return open ? Long.MAX_VALUE : saturatingAdd(at, closeDelay);
    }

    /**
     * Whether the condition holds and has held since {@code time} or earlier (no debounce applies
     * to a gate found open when the downstream starts).
     *
     * @param time a monotonic clock time
     * @return true if open since at most {@code time}
     */
    boolean openedAtOrBefore(long time) {
        boolean open = rawOpen;
        return open && changedAt <= time;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }
}
