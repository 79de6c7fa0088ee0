package dev.sonda.engine;

/**
 * The time source of a run. Entries are paced and stamped by it; generators never read it (they
 * take the tick).
 *
 * <p>Two implementations share every code path: {@link #system()} paces by deadlines on the wall
 * clock; {@link #simulated(java.time.Instant)} never sleeps and jumps straight to the next due
 * emission, so a day of telemetry takes as long as the CPU needs to encode it.
 */
public interface Clock {

    /**
     * Monotonic time in nanoseconds. Only differences are meaningful.
     *
     * @return the current monotonic time
     */
    long nanoTime();

    /**
     * Wall-clock time in nanoseconds since the Unix epoch, read once per entry start to anchor
     * event timestamps.
     *
     * @return the current epoch time in nanoseconds
     */
    long epochNanos();

    /**
     * Waits until {@link #nanoTime()} reaches {@code deadline}. A simulated clock advances to it
     * instead of waiting.
     *
     * @param deadline a monotonic time from {@link #nanoTime()}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleepUntil(long deadline) throws InterruptedException;

    /**
     * Whether this clock is simulated (never sleeps).
     *
     * @return true for a simulated clock
     */
    boolean isSimulated();

    /**
     * The wall clock: {@link System#nanoTime()} for pacing, {@link java.time.Instant#now()} for
     * timestamps.
     *
     * @return the system clock
     */
    static Clock system() {
        return SystemClock.INSTANCE;
    }

    /**
     * A simulated clock whose epoch time starts at {@code start} and whose monotonic time starts at
     * 0; it advances only when a run asks it to.
     *
     * @param start the instant the first event of a run is stamped with (before phase offsets)
     * @return a new simulated clock, for one run
     */
    static Clock simulated(java.time.Instant start) {
        return new SimulatedClock(start);
    }
}
