package dev.sonda.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Free loopback ports and bounded polling for real-time tests. */
public final class Net {
    private Net() {}

    /**
     * A TCP port free on 127.0.0.1 at the time of the call.
     *
     * @return the port
     * @throws UncheckedIOException if no socket can be bound
     */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks {@code condition} every 10 ms until it holds or {@code timeout} passes.
     *
     * @param timeout the longest wait
     * @param condition the condition
     * @return whether it held in time
     */
    public static boolean pollUntil(Duration timeout, BooleanSupplier condition) {
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
}
