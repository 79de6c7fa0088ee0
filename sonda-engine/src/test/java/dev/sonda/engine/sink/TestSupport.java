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

    /** A manual monotonic clock in nanoseconds (its epoch time is the same number). */
    static final class FakeClock implements dev.sonda.engine.Clock {
        final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        long now() {
            return nanos.get();
        }

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        @Override
        public long epochNanos() {
            return nanos.get();
        }

        @Override
        public void sleepUntil(long deadline) {
            nanos.accumulateAndGet(deadline, Math::max);
        }

        @Override
        public boolean isSimulated() {
            return true;
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
        return context(clock, Map.of(), lines);
    }

    static SinkContext context(FakeClock clock, Map<String, String> labels, Lines lines) {
        return new SinkContext("it", labels, clock, lines::accept, null, null, Delivery.NONE);
    }

    /** The provider of a built-in sink type, from the default registry. */
    static SinkProvider provider(String type) {
        return dev.sonda.api.spi.SpecRegistry.defaults()
                .find(dev.sonda.api.spi.SpecKind.SINK, type, SinkProvider.class)
                .orElseThrow();
    }

    /** Opens a byte-stream sink through its provider and returns the byte sink inside the adapter. */
    static ByteSink open(dev.sonda.api.sink.SinkSpec spec, SinkContext context) {
        return ((EncodingSink) provider(spec.type()).create(spec, context)).byteSink();
    }

    static SinkContext context(Lines lines) {
        return new SinkContext(
                "it", Map.of(), dev.sonda.engine.Clock.system(), lines::accept, null, null, Delivery.NONE);
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
