package dev.sonda.engine;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** The wall clock. Sleeps with {@link LockSupport#parkNanos(long)} until each deadline. */
final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public void sleepUntil(long deadline) throws InterruptedException {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    @Override
    public boolean isSimulated() {
        return false;
    }

    @Override
    public String toString() {
        return "system";
    }
}
