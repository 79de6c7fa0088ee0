package dev.sonda.engine;

import java.time.Instant;

/**
 * A clock that never sleeps: {@link #sleepUntil(long)} moves time forward to the deadline at once.
 * Time starts at monotonic 0 and epoch {@code start}, and only moves forward. Thread-safe.
 */
final class SimulatedClock implements Clock {
    private final long startEpochNanos;
    private volatile long now;

    SimulatedClock(Instant start) {
        this.startEpochNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long epochNanos() {
        return startEpochNanos + now;
    }

    @Override
    public synchronized void sleepUntil(long deadline) {
        if (deadline > now) {
            now = deadline;
        }
    }

    /**
     * Moves the clock forward to {@code nanos} without a lock, for the run's one driver thread,
     * which alone moves a simulated clock during a run; readers on other threads see the time with
     * release ordering.
     *
     * @param nanos the clock's new monotonic time, ignored when not later
     */
    void advanceTo(long nanos) {
        // a plain read: only this thread writes the clock while a run drives it
        if (nanos > (long) NOW.get(this)) {
            NOW.setRelease(this, nanos);
        }
    }

    private static final java.lang.invoke.VarHandle NOW;

    static {
        try {
            NOW = java.lang.invoke.MethodHandles.lookup().findVarHandle(SimulatedClock.class, "now", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public boolean isSimulated() {
        return true;
    }

    @Override
    public String toString() {
        return "simulated";
    }
}
