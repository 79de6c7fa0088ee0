package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.encode.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in sink reports each record it was given exactly once, delivered when its receiver
 * took it and dropped when it was lost, as {@link Delivery} and {@link ByteSink} define it.
 */
class DeliveryReportTest {
    @TempDir
    Path tmp;

    private final TestSupport.Lines lines = new TestSupport.Lines();
    private final TestSupport.FakeClock clock = new TestSupport.FakeClock();
    private final Counted counted = new Counted();

    /** Sums what a sink reports. */
    static final class Counted implements Delivery {
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final List<String> reasons = new CopyOnWriteArrayList<>();
        volatile long deliveredAtFirstDrop = -1;

        @Override
        public void delivered(long records) {
            delivered.addAndGet(records);
        }

        @Override
        public void dropped(long records, String reason) {
            if (records > 0 && deliveredAtFirstDrop < 0) {
                deliveredAtFirstDrop = delivered.get();
            }
            dropped.addAndGet(records);
            reasons.add(reason);
        }

        long total() {
            return delivered.get() + dropped.get();
        }
    }

    private SinkContext context() {
        return TestSupport.context(clock, lines).withDelivery(counted);
    }

    private static byte[] line(int i) {
        return ("metric{i=\"" + i + "\"} " + i + " 1700000000000\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes records 0..n-1; returns how many writes threw. */
    private static int writeAll(ByteSink sink, int n) {
        int failed = 0;
        for (int i = 0; i < n; i++) {
            byte[] b = line(i);
            try {
                sink.write(b, 0, b.length);
            } catch (SinkException e) {
                failed++;
            }
        }
        return failed;
    }

    // ---- file and stdout: a completed write to the operating system ------------------------------

    @Test
    void aFileSinkReportsRecordsDeliveredOnlyOnceTheirChunkIsWrittenToTheFile() throws IOException {
        Path file = tmp.resolve("out.prom");
        FileSink sink = new FileSink(file.toString());
        assertThat(sink.reportTo(counted)).isTrue();

        writeAll(sink, 10);
        assertThat(counted.delivered).as("still in the 8 KiB buffer").hasValue(0);
        assertThat(Files.size(file)).isZero();

        sink.flush();
        assertThat(counted.delivered).hasValue(10);
        writeAll(sink, 1000); // about 30 KB: several chunks reach the file during the writes
        long beforeClose = counted.delivered.get();
        long linesInFile = Files.readAllLines(file).size();
        assertThat(beforeClose).isEqualTo(linesInFile).isBetween(11L, 1009L);

        sink.close();
        assertThat(counted.delivered).hasValue(1010);
        assertThat(counted.dropped).hasValue(0);
        assertThat(Files.readAllLines(file)).hasSize(1010);
    }

    @Test
    void aFullDiskDropsTheRecordsOfTheFailedChunkAndTheRecordThatCouldNotBeTaken() {
        // A stream that takes 20,000 bytes, then fails as write(2) does on a full disk.
        QuotaStream disk = new QuotaStream(20_000);
        FileSink sink = new FileSink(disk);
        sink.reportTo(counted);

        int failed = writeAll(sink, 2000);
        SinkException last = null;
        try {
            sink.close();
        } catch (SinkException e) {
            last = e;
        }

        assertThat(failed).isPositive();
        assertThat(counted.total()).as("every record reported once").isEqualTo(2000);
        assertThat(counted.delivered.get())
                .as("exactly the records whose bytes the disk took")
                .isEqualTo(disk.text().lines().count());
        assertThat(counted.reasons).isNotEmpty().allMatch("No space left on device"::equals);
        assertThat(last).isNotNull().hasMessage("No space left on device");
    }

    @Test
    void aFileSinkOnDevFullFailsWithTheOperatingSystemsWordsAndDropsEveryRecord() {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is not available");
        FileSink sink = new FileSink(full.toString());
        sink.reportTo(counted);

        int failed = writeAll(sink, 500);
        assertThatThrownBy(sink::close).isInstanceOf(SinkException.class).hasMessage("No space left on device");

        assertThat(failed).isPositive();
        assertThat(counted.delivered).hasValue(0);
        assertThat(counted.dropped).hasValue(500);
    }

    @Test
    void aStdoutSinkReportsDeliveredWhenTheStreamTookTheChunkAndDroppedWhenItFailed() {
        ByteArrayOutputStream ok = new ByteArrayOutputStream();
        StdoutSink good = new StdoutSink(new PrintStream(ok, false, StandardCharsets.UTF_8));
        good.reportTo(counted);
        writeAll(good, 300);
        good.close();
        assertThat(counted.delivered).hasValue(300);
        assertThat(ok.toString(StandardCharsets.UTF_8).lines()).hasSize(300);

        Counted broken = new Counted();
        StdoutSink bad = new StdoutSink(new PrintStream(new QuotaStream(0), false, StandardCharsets.UTF_8));
        bad.reportTo(broken);
        int failed = writeAll(bad, 300);
        assertThatThrownBy(bad::close).isInstanceOf(SinkException.class);
        assertThat(failed).isPositive();
        assertThat(broken.delivered).hasValue(0);
        assertThat(broken.dropped).hasValue(300);
    }

    // ---- unbuffered byte sinks: the adapter counts ------------------------------------------------

    @Test
    void theAdapterCountsForAByteSinkThatDoesNotReport() throws IOException {
        MemorySink memory = new MemorySink();
        assertThat(memory.reportTo(counted)).isFalse();
        dev.sonda.engine.encode.MetricEncoder prometheus = new dev.sonda.engine.encode.PrometheusTextEncoder();
        EncodingSink sink = new EncodingSink(memory, prometheus, null, counted);
        assertThat(sink.reportsDelivery()).isTrue();
        Object series = sink.prepare(series("small"));
        for (int i = 0; i < 3000; i++) {
            sink.sample(series, 1_700_000_000_000_000_000L + i, i);
        }
        assertThat(counted.delivered.get()).as("reported in chunks of 1,024").isEqualTo(2048);
        sink.close();
        assertThat(counted.delivered).hasValue(3000);
        assertThat(memory.eventCount()).isEqualTo(3000);

        Counted udpCounted = new Counted();
        try (UdpReceiver udp = new UdpReceiver()) {
            EncodingSink adapter = new EncodingSink(new UdpSink(udp.address()), prometheus, null, udpCounted);
            Object big = adapter.prepare(series("x".repeat(70_000)));
            Object small = adapter.prepare(series("small"));
            adapter.sample(small, 1_700_000_000_000_000_000L, 1);
            assertThatThrownBy(() -> adapter.sample(big, 1_700_000_000_000_000_000L, 1))
                    .isInstanceOf(SinkException.class)
                    .hasMessageStartingWith("UDP datagram size ");
            adapter.close();
            assertThat(udpCounted.delivered).hasValue(1);
            assertThat(udpCounted.dropped).hasValue(1);
            assertThat(udpCounted.reasons.get(0)).startsWith("UDP datagram size ");
        }
    }

    @Test
    void anAdapterWithoutADeliveryLeavesTheCountingToTheEngine() {
        EncodingSink sink = new EncodingSink(new MemorySink(), null, null);
        assertThat(sink.reportsDelivery()).isFalse();
    }

    private static dev.sonda.engine.data.Series series(String value) {
        return dev.sonda.engine.data.Series.of("m", Labels.of(Map.of("k", value)), dev.sonda.api.MetricType.GAUGE);
    }

    // ---- tcp: written to the socket ---------------------------------------------------------------

    @Test
    void aTcpSinkReportsWhatReachedTheSocketAndTheReceiverReadsExactlyThat() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> received = readAll(server);
            TcpSink sink = new TcpSink("127.0.0.1:" + server.getLocalPort(), null, context());
            sink.reportTo(counted);
            writeAll(sink, 5000);
            sink.close();

            assertThat(counted.delivered).hasValue(5000);
            assertThat(counted.dropped).hasValue(0);
            assertThat(received.get(10, TimeUnit.SECONDS).lines()).hasSize(5000);
        }
    }

    @Test
    void aTcpPeerThatNeverReadsFailsTheWriteAfterTheWriteTimeoutAndDropsWhatWasBuffered() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setReceiveBufferSize(4096);
                    release.await(20, TimeUnit.SECONDS); // never reads
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            TcpSink sink = new TcpSink("127.0.0.1:" + server.getLocalPort(), null, Duration.ofMillis(300), context());
            sink.reportTo(counted);

            long start = System.nanoTime();
            SinkException failure = null;
            int written = 0;
            // The kernel buffers a few MB on loopback; the write that finds them full fails.
            while (failure == null && written < 5_000_000) {
                byte[] b = line(written++);
                try {
                    sink.write(b, 0, b.length);
                } catch (SinkException e) {
                    failure = e;
                }
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            release.countDown();
            sink.close();
            peer.get(10, TimeUnit.SECONDS);

            assertThat(failure)
                    .isNotNull()
                    .hasMessage("TCP write to 127.0.0.1:" + server.getLocalPort()
                            + ": no progress for 0.3s: the receiver is not reading (write_timeout)");
            assertThat(elapsedMs).isLessThan(15_000);
            assertThat(counted.total()).isEqualTo(written);
            assertThat(counted.dropped.get()).isPositive();
            assertThat(sink.connected()).isFalse();
        }
    }

    @Test
    void aConnectionTheReceiverResetIsFoundBeforeAChunkIsWrittenAndTheChunkGoesOutOnTheNextOne() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + server.getLocalPort();
            TcpSink sink =
                    new TcpSink(address, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2)), context());
            sink.reportTo(counted);
            Socket first = server.accept();
            first.setSoLinger(true, 0);
            first.close(); // a reset the sink has not seen yet
            CompletableFuture<String> second = readAll(server);

            writeAll(sink, 2000); // about 80 KB: the first chunk meets the reset
            sink.close();

            assertThat(lines.lines)
                    .anyMatch(l -> l.startsWith("sonda: retry 1/3 after ")
                            && l.contains("(error: TCP write to " + address + ": Connection reset by peer)"));
            assertThat(counted.dropped).hasValue(0);
            assertThat(counted.delivered).hasValue(2000);
            assertThat(second.get(10, TimeUnit.SECONDS).lines()).hasSize(2000);
        }
    }

    @Test
    void withoutARetryPolicyTheChunkOfAClosedConnectionIsDroppedNotWrittenIntoIt() throws Exception {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        try (server) {
            TcpSink sink = new TcpSink("127.0.0.1:" + server.getLocalPort(), null, context());
            sink.reportTo(counted);
            server.accept().close(); // an orderly close (FIN): writing would succeed once, unseen
            server.close();

            int failed = writeAll(sink, 300);
            sink.close();

            assertThat(failed).isPositive();
            assertThat(counted.delivered)
                    .as("nothing reported delivered into the closed connection")
                    .hasValue(0);
            assertThat(counted.dropped).hasValue(300);
            assertThat(counted.reasons.get(0)).endsWith(": the receiver closed the connection");
        }
    }

    private static CompletableFuture<String> readAll(ServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket c = server.accept();
                    InputStream in = c.getInputStream()) {
                c.setSoTimeout(10_000);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ---- http_push and loki: a 2xx -----------------------------------------------------------------

    @Test
    void anHttpPushBatchIsDeliveredOn2xxDroppedWhenA4xxDiscardsItAndDroppedWhenItFails() throws IOException {
        AtomicInteger status = new AtomicInteger(204);
        AtomicInteger bodies = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.addAndGet((int) new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .count());
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
            HttpPushSink sink =
                    new HttpPushSink(new SinkSpec.HttpPush(url, null, 1000, null, Map.of(), null), context());
            sink.reportTo(counted);

            writeAll(sink, 100);
            sink.flush();
            assertThat(counted.delivered).hasValue(100);

            status.set(400);
            writeAll(sink, 40);
            sink.flush();
            assertThat(counted.delivered).hasValue(100);
            assertThat(counted.dropped).hasValue(40);
            assertThat(counted.reasons).isNotEmpty().allMatch(("HTTP 400 from '" + url + "': batch discarded")::equals);

            status.set(503);
            writeAll(sink, 7);
            assertThatThrownBy(sink::flush).hasMessage("HTTP 503 from '" + url + "'");
            assertThat(counted.dropped).hasValue(47);
            assertThat(bodies).as("every record reached the server once").hasValue(147);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anHttpServerThatNeverAnswersFailsTheRequestAfterTheRequestTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept(); // takes the request, never answers
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/push";
            HttpSender sender = HttpSender.to(url, "http_push", "HTTP push")
                    .requestTimeout(Duration.ofMillis(300))
                    .build();

            long start = System.nanoTime();
            assertThatThrownBy(() -> sender.post(new byte[] {'x'}))
                    .isInstanceOf(SinkException.class)
                    .hasMessage("HTTP push to '" + url + "' failed: no response within 0.3s (request timeout)");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
            accepted.get(5, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void theDefaultRequestTimeoutIsThirtySeconds() {
        HttpSender sender =
                HttpSender.to("http://127.0.0.1:9/x", "http_push", "HTTP push").build();
        assertThat(sender.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> HttpSender.to("http://127.0.0.1:9/x", "a", "b").requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLokiBatchIsDeliveredOn2xxAndDroppedOn4xx() throws IOException {
        AtomicInteger status = new AtomicInteger(204);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            LokiSink sink = new LokiSink(new SinkSpec.Loki(url, 10, null, null, null), context());
            assertThat(sink.reportsDelivery()).isTrue();
            byte[] b = line(1);
            for (int i = 0; i < 20; i++) {
                sink.line(Labels.empty(), i, b, 0, b.length);
            }
            status.set(400);
            for (int i = 0; i < 5; i++) {
                sink.line(Labels.empty(), i, b, 0, b.length);
            }
            sink.close();
            assertThat(counted.delivered).hasValue(20);
            assertThat(counted.dropped).hasValue(5);
        } finally {
            server.stop(0);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** An output that takes {@code quota} bytes, then fails each write as a full disk does. */
    static final class QuotaStream extends OutputStream {
        private final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        private final int quota;

        QuotaStream(int quota) {
            this.quota = quota;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (taken.size() + len > quota) {
                throw new IOException("No space left on device");
            }
            taken.write(b, off, len);
        }

        String text() {
            return taken.toString(StandardCharsets.UTF_8);
        }
    }

    /** A loopback UDP socket nobody reads (datagrams only need somewhere to go). */
    static final class UdpReceiver implements AutoCloseable {
        private final java.net.DatagramSocket socket;

        UdpReceiver() throws IOException {
            socket = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress());
        }

        String address() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
