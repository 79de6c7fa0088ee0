package dev.sonda.engine.sink;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Shared helpers of the sink tests: a fake clock, a diagnostics collector, bounded polling. */
final class TestSupport {
    private TestSupport() {}

    /** A manual monotonic clock in nanoseconds. */
    static final class FakeClock {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        long now() {
            return nanos.get();
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }
    }

    /** Collects diagnostics lines. */
    static final class Lines {
        final List<String> lines = new CopyOnWriteArrayList<>();

        void accept(String line) {
            lines.add(line);
        }
    }

    static SinkContext context(FakeClock clock, Lines lines) {
        return new SinkContext("it", Map.of(), clock::now, lines::accept);
    }

    static SinkContext context(Lines lines) {
        return new SinkContext("it", Map.of(), System::nanoTime, lines::accept);
    }

    /**
     * Waits until {@code condition} holds, checking every 10 ms, for at most {@code timeout}.
     *
     * @return whether it held before the deadline
     */
    static boolean pollUntil(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    /** A free loopback TCP port (bound, then released). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
