package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.EntryStats;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receivers that stop taking data never make a run's memory grow: a TCP peer that never reads, an
 * HTTP server that never answers and a full disk hold the entry back for at most their timeout,
 * then drop what they hold, counted; what is in flight never exceeds the sink's buffer or batch.
 * Real time, bounded: each run lasts about two seconds.
 */
class StalledReceiverTest {
    private static final Duration RUN_FOR = Duration.ofSeconds(2);

    @TempDir
    Path tmp;

    private final List<String> diagnostics = new CopyOnWriteArrayList<>();

    /** A label of 1,000 characters: every line is more than 1,000 bytes, so buffers hold few. */
    private static final java.util.Map<String, String> PAD = java.util.Map.of("pad", "x".repeat(1000));

    private static final int LINE_MIN = 1000;

    /** A run of {@code plan} for {@link #RUN_FOR}; returns the largest in-flight count seen, then the stats. */
    private record Observed(long maxInFlight, EntryStats last) {}

    private Observed runFor(ScenarioPlan plan, RunOptions options) {
        Run run = Sonda.start(plan, options.withDiagnostics(diagnostics::add));
        long maxInFlight = 0;
        long end = System.nanoTime() + RUN_FOR.toNanos();
        while (System.nanoTime() < end) {
            maxInFlight = Math.max(maxInFlight, run.stats().entries().get(0).inFlight());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        run.stop();
        try {
            assertThat(run.await(Duration.ofSeconds(30))).as("stopped").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return new Observed(maxInFlight, run.stats().entries().get(0));
    }

    /** Accepts every connection and holds it: never reads, never answers. */
    private static List<Socket> holdConnections(ServerSocket server) {
        List<Socket> held = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return held;
    }

    private static void release(List<Socket> held) throws IOException {
        for (Socket s : held) {
            s.close();
        }
    }

    @Test
    void aTcpPeerThatNeverReadsHoldsTheEntryForTheWriteTimeoutThenDropsWhatWasBuffered() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096); // before bind: the window accepted sockets advertise
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
            List<Socket> held = holdConnections(server);
            ScenarioPlan plan = Scenario.metrics("stalled")
                    .rate(20_000)
                    .step(1)
                    .labels(PAD)
                    .sink(new SinkSpec.Tcp("127.0.0.1:" + server.getLocalPort(), null)
                            .withWriteTimeout(Duration.ofMillis(200)))
                    .buildPlan();

            Observed o = runFor(plan, RunOptions.defaults());
            release(held);

            EntryStats e = o.last();
            assertThat(e.records()).isEqualTo(e.delivered() + e.dropped());
            assertThat(e.dropped()).as("dropped: %s", e).isPositive();
            assertThat(e.dropReason()).endsWith(": the receiver is not reading (write_timeout)");
            // in flight: at most the 8 KiB buffer's records, and the one being written
            assertThat(o.maxInFlight()).isLessThanOrEqualTo(8192 / LINE_MIN + 1);
            assertThat(e.errors()).isPositive();
        }
    }

    @Test
    void anHttpServerThatNeverAnswersHoldsTheEntryForTheRequestTimeoutThenDropsTheBatch() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = holdConnections(silent);
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/push";
            ScenarioPlan plan = Scenario.metrics("stalled")
                    .rate(5_000)
                    .step(1)
                    .labels(PAD)
                    .sink(SinkSpec.httpPush(url)
                            .withRequestTimeout(Duration.ofMillis(200))
                            .withRetry(null))
                    .buildPlan();

            Observed o = runFor(plan, RunOptions.defaults());
            release(held);

            EntryStats e = o.last();
            assertThat(e.records()).isEqualTo(e.delivered() + e.dropped());
            assertThat(e.delivered()).isZero();
            assertThat(e.dropped()).isPositive();
            assertThat(e.dropReason())
                    .isEqualTo("HTTP push to '" + url + "' failed: no response within 0.2s (request timeout)");
            // in flight: at most one 4096-byte batch, plus the record being added
            assertThat(o.maxInFlight()).isLessThanOrEqualTo(4096 / LINE_MIN + 1);
            // the entry was held back: about one batch per request timeout, not 5,000 records a second
            assertThat(e.records()).isLessThan(5_000);
        }
    }

    @Test
    void aFileSinkOnAFullDiskDropsEveryRecordWithTheOperatingSystemsError() {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is not available");
        ScenarioPlan plan = Scenario.metrics("full")
                .rate(1000)
                .duration("1s")
                .step(1)
                .sink(SinkSpec.file(full.toString()))
                .buildPlan();

        EntryStats e = runFor(plan, RunOptions.defaults()).last();

        assertThat(e.records()).isEqualTo(1000);
        assertThat(e.delivered()).isZero();
        assertThat(e.dropped()).isEqualTo(1000);
        assertThat(e.dropReason()).isEqualTo("No space left on device");
        assertThat(e.lastError()).isEqualTo("No space left on device");
        assertThat(diagnostics).anyMatch(l -> l.startsWith("sonda: scenario 'full': ") && l.contains("sink errors"));
    }

    @Test
    void aDiskThatFillsMidRunDropsFromThatChunkOnAndKeepsTheFileWhole() {
        DeliveryReportTest.QuotaStream disk = new DeliveryReportTest.QuotaStream(10_000);
        ScenarioPlan plan = Scenario.metrics("filling")
                .rate(1000)
                .duration("1s")
                .step(1)
                .sink(SinkSpec.memory())
                .buildPlan();

        EntryStats e = runFor(
                        plan,
                        RunOptions.defaults()
                                .withSinkFactory((entry, context) -> EncodingSink.of(new FileSink(disk), context)))
                .last();

        long written = disk.text().lines().count();
        assertThat(e.records()).isEqualTo(1000);
        assertThat(e.delivered()).isEqualTo(written);
        assertThat(e.dropped()).isEqualTo(1000 - written);
        assertThat(disk.text()).endsWith("\n"); // whole lines only
        assertThat(e.dropReason()).isEqualTo("No space left on device");
    }

    @Test
    void aFilePathThatIsADirectoryFailsTheEntryAtStartWithAClearError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out.prom"));
        ScenarioPlan plan = Scenario.metrics("m")
                .rate(10)
                .duration("1s")
                .step(1)
                .sink(SinkSpec.file(dir.toString()))
                .buildPlan();

        try (Run run = Sonda.start(plan, RunOptions.defaults().withDiagnostics(diagnostics::add))) {
            run.await(Duration.ofSeconds(10));
            assertThat(run.failures())
                    .singleElement()
                    .hasToString("scenario 'm': failed to open " + dir + " for writing: Is a directory");
            assertThat(run.stats().records()).isZero();
        } catch (dev.sonda.engine.RunFailedException expected) {
            assertThat(expected).hasMessageContaining("Is a directory");
        }
    }
}
