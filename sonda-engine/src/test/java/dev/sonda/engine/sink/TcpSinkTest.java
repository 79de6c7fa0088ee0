package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpSinkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ServerSocket server;
    private final TestSupport.Lines lines = new TestSupport.Lines();
    private final TestSupport.FakeClock clock = new TestSupport.FakeClock();

    @AfterEach
    void closeServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private String listen(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Accepts one connection and reads it to the end, in the background. */
    private CompletableFuture<String> acceptAndReadAll() {
        ServerSocket s = server;
        return CompletableFuture.supplyAsync(() -> {
            try (Socket c = s.accept();
                    InputStream in = c.getInputStream()) {
                c.setSoTimeout((int) WAIT.toMillis());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void write(ByteSink sink, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        sink.write(b, 0, b.length);
    }

    /** Writes and flushes until the broken connection reports an error; bounded. */
    private static SinkException writeUntilFailure(ByteSink sink) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                write(sink, "probe\n");
                sink.flush();
            } catch (SinkException e) {
                return e;
            }
            TestSupport.pollUntil(Duration.ofMillis(5), () -> false);
        }
        throw new AssertionError("the broken connection never failed");
    }

    @Test
    void eventsArriveInOrderAfterFlush() throws Exception {
        String addr = listen(0);
        CompletableFuture<String> received = acceptAndReadAll();
        ByteSink sink = TestSupport.open(SinkSpec.tcp(addr), TestSupport.context(clock, lines));
        write(sink, "line1\n");
        write(sink, "line2\n");
        sink.close();
        assertThat(received.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("line1\nline2\n");
    }

    @Test
    void aRefusedConnectFailsCreationWithTheReferenceMessage() throws IOException {
        int port = TestSupport.freePort();
        String addr = "127.0.0.1:" + port;
        assertThatThrownBy(() -> new TcpSink(addr, null, TestSupport.context(clock, lines)))
                .isInstanceOf(SinkException.class)
                .hasMessage("TCP connect to " + addr + ": Connection refused");
    }

    @Test
    void malformedAddressesFailWithRustsResolutionMessages() {
        SinkContext ctx = TestSupport.context(clock, lines);
        assertThatThrownBy(() -> new TcpSink("not-a-host", null, ctx))
                .hasMessage("TCP connect to not-a-host: invalid socket address");
        assertThatThrownBy(() -> new TcpSink("localhost:99999", null, ctx))
                .hasMessage("TCP connect to localhost:99999: invalid port value");
        assertThatThrownBy(() -> new TcpSink("no-such-host.invalid:80", null, ctx))
                .hasMessageStartingWith(
                        "TCP connect to no-such-host.invalid:80: failed to lookup address information: ");
    }

    @Test
    void withoutRetryItReconnectsAfterTheServerRestartsRateLimitedByTheBackoff() throws Exception {
        String addr = listen(0);
        int port = server.getLocalPort();
        CompletableFuture<Socket> first = CompletableFuture.supplyAsync(() -> {
            try {
                return server.accept();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        TcpSink sink = new TcpSink(addr, null, TestSupport.context(clock, lines));
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS).close();
        server.close();

        SinkException broken = writeUntilFailure(sink);
        assertThat(broken.getMessage()).matches("TCP (write|flush) to " + addr + ": .+");
        assertThat(sink.connected()).isFalse();

        // Within the first 100 ms: fail fast with the same error, no network.
        assertThatThrownBy(() -> write(sink, "dropped\n")).hasMessage(broken.getMessage());
        sink.flush(); // nothing buffered after a failure: succeeds without reconnecting

        // Backoff expired, server still down: one reconnect, which fails.
        clock.advance(Duration.ofMillis(100));
        assertThatThrownBy(() -> write(sink, "dropped\n"))
                .hasMessage("TCP reconnect to " + addr + ": Connection refused");

        // Second consecutive failure: now 200 ms; 100 ms later it still fails fast.
        clock.advance(Duration.ofMillis(100));
        assertThatThrownBy(() -> write(sink, "dropped\n"))
                .hasMessage("TCP reconnect to " + addr + ": Connection refused");

        // The server comes back on the same port.
        listen(port);
        CompletableFuture<String> received = acceptAndReadAll();
        clock.advance(Duration.ofMillis(100));
        write(sink, "back 1\n");
        assertThat(sink.connected()).isTrue();
        write(sink, "back 2\n");
        sink.close();
        assertThat(received.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("back 1\nback 2\n");
        assertThat(lines.lines).isEmpty();
    }

    @Test
    void theReconnectDelayDoublesFrom100MillisecondsTo5Seconds() {
        assertThat(TcpSink.reconnectDelayNanos(1)).isEqualTo(100_000_000L);
        assertThat(TcpSink.reconnectDelayNanos(2)).isEqualTo(200_000_000L);
        assertThat(TcpSink.reconnectDelayNanos(6)).isEqualTo(3_200_000_000L);
        assertThat(TcpSink.reconnectDelayNanos(7)).isEqualTo(5_000_000_000L);
        assertThat(TcpSink.reconnectDelayNanos(1_000)).isEqualTo(5_000_000_000L);
    }

    @Test
    void withRetryItReconnectsPrintingTheRetryLineAndKeepsDelivering() throws Exception {
        String addr = listen(0);
        CompletableFuture<Socket> first = CompletableFuture.supplyAsync(() -> {
            try {
                return server.accept();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1));
        ByteSink sink = TestSupport.open(new SinkSpec.Tcp(addr, policy), TestSupport.context(clock, lines));
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS).close();

        CompletableFuture<String> second = acceptAndReadAll();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (lines.lines.isEmpty() && System.nanoTime() - deadline < 0) {
            write(sink, "probe\n");
            sink.flush();
        }
        assertThat(lines.lines).hasSize(1);
        assertThat(lines.lines.get(0))
                .matches("sonda: retry 1/3 after [01]ms \\(error: TCP (write|flush) to " + addr.replace(".", "\\.")
                        + ": .+\\)");
        write(sink, "after reconnect\n");
        sink.close();
        assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS)).endsWith("after reconnect\n");
    }

    @Test
    void withRetryAFailedReconnectCountsAsTheAttemptAndExhaustionIsReported() throws Exception {
        String addr = listen(0);
        CompletableFuture<Socket> first = CompletableFuture.supplyAsync(() -> {
            try {
                return server.accept();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1));
        TcpSink sink = new TcpSink(addr, policy, TestSupport.context(clock, lines));
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS).close();
        server.close();

        SinkException e = writeUntilFailure(sink);
        assertThat(e).hasMessage("TCP reconnect to " + addr + ": Connection refused");
        assertThat(lines.lines).hasSize(3);
        assertThat(lines.lines.get(1))
                .matches("sonda: retry 2/2 after [01]ms \\(error: TCP reconnect to .+: Connection refused\\)");
        assertThat(lines.lines.get(2))
                .isEqualTo("sonda: all 2 retries exhausted (last error: TCP reconnect to " + addr
                        + ": Connection refused)");
    }
}
