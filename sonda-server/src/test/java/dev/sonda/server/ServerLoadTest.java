package dev.sonda.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.testing.Net;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5 and issue 14 item 4: a thousand scenarios started and deleted over HTTP leave the
 * JVM's threads and heap where they were. Scenarios run on the system clock at one event per
 * second into the memory sink, on loopback; the whole test takes a few seconds.
 */
class ServerLoadTest {
    private static final int SCENARIOS = 1000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Threads of runs: each run's workers ({@code sonda-run-N-worker-K}; a run has no dispatcher thread). */
    private static long runThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(n -> n.startsWith("sonda-run-") || n.startsWith("sonda-worker-"))
                .count();
    }

    private static List<String> post(Client c, ExecutorService pool, int n, String prefix) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = Bodies.gauge(prefix + i, 1, "load");
            calls.add(CompletableFuture.supplyAsync(() -> c.postYaml("scenarios", body), pool));
        }
        return calls.stream()
                .map(CompletableFuture::join)
                .peek(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201))
                .map(r -> Client.json(r).get("id").asText())
                .toList();
    }

    private static void delete(Client c, ExecutorService pool, List<String> ids) {
        ids.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> c.delete("scenarios/" + id), pool))
                .toList()
                .forEach(f -> {
                    HttpResponse<String> r = f.join();
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(Client.json(r).get("status").asText()).isEqualTo("stopped");
                });
    }

    @Test
    void aThousandScenariosStartedAndDeletedLeaveThreadsAndHeapAsTheyWere() {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SondaServer server = SondaServer.builder().log(l -> {}).start()) {
            Client c = new Client(server);
            delete(c, pool, post(c, pool, 50, "warmup_"));
            assertThat(Net.pollUntil(Duration.ofSeconds(10), () -> runThreads() == 0))
                    .isTrue();
            int threadsBefore = THREADS.getThreadCount();
            long heapBefore = heapAfterGc();

            long t0 = System.nanoTime();
            List<String> ids = post(c, pool, SCENARIOS, "load_");
            double postSecs = (System.nanoTime() - t0) / 1e9;
            int threadsRunning = THREADS.getThreadCount();
            long heapRunning = heapAfterGc();
            assertThat(Client.json(c.get("scenarios")).get("scenarios")).hasSize(SCENARIOS);
            t0 = System.nanoTime();
            delete(c, pool, ids);
            double deleteSecs = (System.nanoTime() - t0) / 1e9;

            assertThat(Client.json(c.get("scenarios")).get("scenarios")).isEmpty();
            boolean runsGone = Net.pollUntil(Duration.ofSeconds(15), () -> runThreads() == 0);
            assertThat(runThreads()).as("threads of runs left").isZero();
            assertThat(runsGone).isTrue();
            assertThat(THREADS.getThreadCount())
                    .as("threads before %d, with %d scenarios %d", threadsBefore, SCENARIOS, threadsRunning)
                    .isLessThanOrEqualTo(threadsBefore + 8);
            long heapAfter = heapAfterGc();
            assertThat(heapAfter)
                    .as("heap before %d, with %d scenarios %d, after %d", heapBefore, SCENARIOS, heapRunning, heapAfter)
                    .isLessThan(heapBefore + 16L * 1024 * 1024);
            System.out.printf(
                    "server load: %d scenarios posted in %.2f s and deleted in %.2f s; threads %d -> %d -> %d;"
                            + " heap after GC %.1f MiB -> %.1f MiB (%.1f KiB per scenario) -> %.1f MiB%n",
                    SCENARIOS,
                    postSecs,
                    deleteSecs,
                    threadsBefore,
                    threadsRunning,
                    THREADS.getThreadCount(),
                    heapBefore / 1048576.0,
                    heapRunning / 1048576.0,
                    (heapRunning - heapBefore) / 1024.0 / SCENARIOS,
                    heapAfter / 1048576.0);
        } finally {
            pool.shutdownNow();
        }
    }
}
