package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.testing.Net;
import dev.sonda.yaml.ScenarioLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand runs started and stopped in one JVM, as a large test suite starts them, leave live
 * threads, open file descriptors and the heap after a full GC where they were: every run's workers
 * end, every sink's socket, file and selector is closed, and nothing is kept per run. The runs
 * cycle through memory, file, tcp, http_push, remote_write and otlp_grpc sinks into receivers in
 * this JVM; one in three is on the simulated clock and runs to its end, the others are stopped
 * about a millisecond after they start. The baseline is taken after 60 warm-up runs of the same
 * mix, so shared clients and pools exist before it.
 */
class RunResourcesTest {
    private static final int RUNS = 1000;
    private static final int WARM_UP = 60;

    @TempDir
    Path dir;

    private record Usage(int threads, long fds, long heap) {}

    /** Live threads, without the test receivers' own (named chaos-...). */
    private static java.util.List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> !n.startsWith("chaos-"))
                .sorted()
                .toList();
    }

    private static Usage usage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long fds;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            fds = s.count();
        } catch (IOException e) {
            fds = -1;
        }
        return new Usage(
                threadNames().size(),
                fds,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    @Test
    void aThousandRunsLeaveThreadsFileDescriptorsAndHeapWhereTheyWere() throws Exception {
        try (ChaosReceivers.TcpLines tcp = new ChaosReceivers.TcpLines();
                ChaosReceivers.HttpLines http = new ChaosReceivers.HttpLines();
                ChaosReceivers.OtlpPoints otlp = new ChaosReceivers.OtlpPoints()) {
            String[] sinks = {
                "{ type: memory }",
                null, // a file per run
                "{ type: tcp, address: '" + tcp.address() + "' }",
                "{ type: http_push, url: '" + http.url() + "', batch_size: 512 }",
                "{ type: remote_write, url: '" + http.url() + "', batch_size: 20 }",
                "{ type: otlp_grpc, endpoint: '" + otlp.endpoint() + "', signal_type: metrics, batch_size: 10 }"
            };
            for (int i = 0; i < WARM_UP; i++) {
                runOnce(i, sinks);
            }
            Usage before = settled(null);
            java.util.List<String> namesBefore = threadNames();

            long start = System.nanoTime();
            for (int i = WARM_UP; i < WARM_UP + RUNS; i++) {
                runOnce(i, sinks);
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            Usage after = settled(before);

            System.out.println("RunResourcesTest: " + RUNS + " runs in " + seconds + " s; threads " + before.threads()
                    + " -> " + after.threads() + ", file descriptors " + before.fds() + " -> " + after.fds()
                    + ", heap after GC " + before.heap() / 1024 + " KiB -> " + after.heap() / 1024 + " KiB");
            java.util.List<String> added = new java.util.ArrayList<>(threadNames());
            namesBefore.forEach(added::remove);
            assertThat(after.threads()).as("live threads; new: %s", added).isLessThanOrEqualTo(before.threads() + 2);
            assertThat(after.fds()).as("open file descriptors").isLessThanOrEqualTo(before.fds() + 4);
            assertThat(after.heap()).as("heap after GC").isLessThanOrEqualTo(before.heap() + 16L * 1024 * 1024);
        }
    }

    /** Usage once threads and descriptors stop falling (workers end, pools shrink), bounded. */
    private static Usage settled(Usage target) {
        Usage[] last = {usage()};
        Net.pollUntil(Duration.ofSeconds(20), () -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            Usage now = usage();
            boolean stable = now.threads() >= last[0].threads() && now.fds() >= last[0].fds();
            last[0] = now;
            return target == null ? stable : now.threads() <= target.threads() + 2 && now.fds() <= target.fds() + 4;
        });
        return last[0];
    }

    private void runOnce(int i, String[] sinks) throws Exception {
        String sink = sinks[i % sinks.length];
        Path file = dir.resolve("r" + i + ".prom");
        if (sink == null) {
            sink = "{ type: file, path: '" + file + "' }";
        }
        boolean simulated = i % 3 == 0;
        String yaml = "version: 2\nkind: runnable\nscenarios:\n  - signal_type: metrics\n    name: resources\n"
                + "    rate: 1000\n    duration: " + (simulated ? "200ms" : "1h") + "\n"
                + "    generator: { type: step, step_size: 1 }\n    labels: { run: r" + i + " }\n"
                + "    sink: " + sink + "\n";
        RunOptions options = RunOptions.defaults().withDiagnostics(line -> {});
        if (simulated) {
            options = options.withClock(Clock.simulated(Instant.now()));
        }
        try (Run run = Sonda.start(ScenarioLoader.load(yaml, "r" + i + ".yaml"), options)) {
            if (!simulated) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            } else {
                assertThat(run.await(Duration.ofSeconds(30))).isTrue();
            }
        }
        Files.deleteIfExists(file);
    }
}
