package dev.sonda.engine.internal;

import dev.sonda.api.Comparison;
import dev.sonda.api.WhileClause.IfUnresolved;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Not API. One {@code while:} subscription: the downstream's view of its upstream's condition.
 *
 * <p>The upstream evaluates the condition on every value it publishes (after jitter) and records
 * each flip with the upstream tick's clock time; the downstream asks, at each of its own tick
 * times, whether the debounced gate is open. Written by the upstream's thread (and, for a
 * cross-body gate, by the registry's), read by the downstream's: the whole state is one immutable
 * snapshot behind a volatile field.
 *
 * <p>A local gate's upstream runs in the same run: it starts closed, and when the upstream ends
 * the downstream ends too ({@link #goneAt()}). A cross-body gate ({@code while.scenario_name},
 * server only; Sonda 1.20 {@code schedule/core_loop.rs} and {@code sonda-server/src/gate_registry.rs})
 * may have no upstream: it is then <em>unresolved</em> and behaves as its {@code if_unresolved}
 * says (open: as if open; closed and pending: as closed). The first value after a (re)subscription
 * takes effect without {@code delay:} debounce, and the upstream going away makes it unresolved
 * again instead of ending the downstream. Its flips are stamped with the downstream's own clock,
 * since the upstream runs in another run with its own clock.
 */
public final class Gate {
    /** One snapshot: whether the upstream's condition is known, holds, since when, and debounce. */
    private record State(boolean known, boolean open, long changedAt, boolean fresh) {}

    private static final State CLOSED = new State(true, false, Long.MIN_VALUE, false);
    private static final State UNRESOLVED = new State(false, false, Long.MIN_VALUE, false);

    private final Comparison op;
    private final double threshold;
    private final long openDelay;
    private final long closeDelay;
    private final Runnable wake;
    private final IfUnresolved mode;
    private final LongSupplier now;
    private volatile State state;
    private volatile long goneAt = Long.MAX_VALUE;

    /**
     * Creates a closed local gate.
     *
     * @param op the comparison
     * @param threshold the threshold
     * @param openDelayNanos {@code delay.open}, 0 for none
     * @param closeDelayNanos {@code delay.close}, 0 for none
     * @param wake called after every flip, so the scheduler can reconsider the downstream
     */
    public Gate(Comparison op, double threshold, long openDelayNanos, long closeDelayNanos, Runnable wake) {
        this(op, threshold, openDelayNanos, closeDelayNanos, wake, null, null);
    }

    private Gate(
            Comparison op,
            double threshold,
            long openDelayNanos,
            long closeDelayNanos,
            Runnable wake,
            IfUnresolved mode,
            LongSupplier now) {
        this.op = op;
        this.threshold = threshold;
        this.openDelay = openDelayNanos;
        this.closeDelay = closeDelayNanos;
        this.wake = wake;
        this.mode = mode;
        this.now = now;
        this.state = mode == null ? CLOSED : UNRESOLVED;
    }

    /**
     * Creates an unresolved cross-body gate.
     *
     * @param op the comparison
     * @param threshold the threshold
     * @param openDelayNanos {@code delay.open}, 0 for none
     * @param closeDelayNanos {@code delay.close}, 0 for none
     * @param mode {@code if_unresolved}, null for {@code pending}
     * @param now the downstream's monotonic clock, which stamps every flip
     * @param wake called after every change, from the thread that made it
     * @return the gate
     */
    public static Gate crossBody(
            Comparison op,
            double threshold,
            long openDelayNanos,
            long closeDelayNanos,
            IfUnresolved mode,
            LongSupplier now,
            Runnable wake) {
        return new Gate(
                op,
                threshold,
                openDelayNanos,
                closeDelayNanos,
                wake,
                mode == null ? IfUnresolved.PENDING : mode,
                Objects.requireNonNull(now, "now"));
    }

    /**
     * Whether this gate subscribes to another body's upstream.
     *
     * @return true for a cross-body gate
     */
    public boolean isCrossBody() {
        return mode != null;
    }

    /**
     * Whether the upstream's condition is unknown: a cross-body gate with no upstream, or with one
     * that has published nothing since the subscription.
     *
     * @return true while unresolved
     */
    public boolean unresolved() {
        return !state.known();
    }

    /**
     * The upstream published {@code value} at clock time {@code at}. NaN never satisfies the gate.
     *
     * @param value the upstream's value
     * @param at the upstream tick's monotonic clock time (ignored by a cross-body gate, which uses
     *     its own clock)
     */
    void observe(double value, long at) {
        boolean open = op.test(value, threshold);
        State s = state;
        if (s.known() && s.open() == open) {
            return;
        }
        synchronized (this) {
            s = state;
            if (!s.known()) {
                state = new State(true, open, stamp(at), true);
            } else if (s.open() != open) {
                state = new State(true, open, stamp(at), false);
            } else {
                return;
            }
        }
        wake.run();
    }

    /**
     * A cross-body gate was subscribed when its downstream started and its upstream has no value
     * yet: it counts as known and closed, so the first satisfying value opens it with the usual
     * {@code delay.open} debounce, as a local gate's does.
     */
    synchronized void subscribedClosed() {
        if (!state.known()) {
            state = CLOSED;
        }
    }

    /**
     * The upstream ended at clock time {@code at}: a local gate's downstream finishes too; a
     * cross-body gate becomes unresolved (a no-op when it already is).
     *
     * @param at the monotonic clock time the upstream ended (ignored by a cross-body gate)
     */
    public void upstreamGone(long at) {
        if (mode == null) {
            goneAt = at;
            wake.run();
            return;
        }
        synchronized (this) {
            if (!state.known()) {
                return;
            }
            state = new State(false, false, stamp(at), false);
        }
        wake.run();
    }

    private long stamp(long at) {
        return now == null ? at : now.getAsLong();
    }

    /**
     * When the upstream ended, or {@link Long#MAX_VALUE}; always that for a cross-body gate.
     *
     * @return the clock time
     */
    long goneAt() {
        return goneAt;
    }

    /**
     * When a paused downstream may resume: the open flip plus {@code delay.open}, or {@link
     * Long#MAX_VALUE} while the condition does not hold. An unresolved gate in mode {@code open}
     * is open since it became unresolved.
     *
     * @return the clock time
     */
    long openAt() {
        State s = state;
        if (!s.known()) {
            return mode == IfUnresolved.OPEN ? s.changedAt() : Long.MAX_VALUE;
        }
        return s.open() ? saturatingAdd(s.changedAt(), s.fresh() ? 0 : openDelay) : Long.MAX_VALUE;
    }

    /**
     * When a running downstream must pause: the close flip plus {@code delay.close}, or {@link
     * Long#MAX_VALUE} while the condition holds. An unresolved gate in mode {@code closed} or
     * {@code pending} is closed since it became unresolved.
     *
     * @return the clock time
     */
    long closeAt() {
        State s = state;
        if (!s.known()) {
            return mode == IfUnresolved.OPEN ? Long.MAX_VALUE : s.changedAt();
        }
        return s.open() ? Long.MAX_VALUE : saturatingAdd(s.changedAt(), s.fresh() ? 0 : closeDelay);
    }

    /**
     * Whether the gate is open and has been since {@code time} or earlier (no debounce applies
     * to a local gate found open when the downstream starts). Always false for a cross-body gate,
     * whose {@link #openAt()} already leaves out the debounce of the values that skip it (the
     * subscription snapshot, the first value after resolution).
     *
     * @param time a monotonic clock time
     * @return true if open since at most {@code time}
     */
    boolean openedAtOrBefore(long time) {
        State s = state;
        return mode == null && s.open() && s.changedAt() <= time;
    }

    /**
     * Whether the gate is open now (after any debounce due by now, as far as the flags tell).
     *
     * @return true while a downstream would emit
     */
    boolean isOpen() {
        return openAt() != Long.MAX_VALUE;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }
}
