package dev.sonda.bench;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.WorkloadStage;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.WorkloadMetric;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.workload.ExpositionFormat;
import dev.sonda.engine.workload.internal.CompiledWorkload;
import dev.sonda.engine.workload.internal.WorkloadEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * A workload's tick and scrape at scale: {@code --series N} series per tick (a 3-label profile of
 * N/2 combinations, 50 regions x 100 hosts x N/10,000 endpoints, spanned by a Poisson counter and
 * a clamped random-walk gauge), generated {@code --ticks T} times after {@code --warmup W} ticks on
 * {@code --threads K} threads. Prints the time per tick (p50, p95, max), the heap in use after a GC
 * before and after the workload exists (so its footprint), the bytes allocated per tick, and for a
 * pull-endpoint scrape of the last tick written to a byte counter: the time to the last byte, the
 * bytes written and the bytes the writing thread allocated.
 *
 * <p>Defaults: {@code --series 1000000 --ticks 20 --warmup 5 --threads <cores> --scrapes 5}. Run
 * with {@code JAVA_OPTS=-Xmx1g ./bench workload} to hold it to a 1 GiB heap.
 */
public final class WorkloadBench {
    private WorkloadBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args the options
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        long series = 1_000_000;
        int ticks = 20;
        int warmup = 5;
        int scrapes = 5;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--series" -> series = Long.parseLong(args[++i]);
                case "--ticks" -> ticks = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--scrapes" -> scrapes = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: WorkloadBench [--series N] [--ticks T] [--warmup W] [--threads K]"
                            + " [--scrapes S]");
                    System.exit(2);
                }
            }
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedAfterGc(memory);
        ScenarioPlan plan = workload(series)
                .threads(threads)
                .scrape(Endpoint.port(0).withPrefix("prom_"))
                .buildPlan();
        CompiledEntry entry = Sonda.compile(plan).entries().get(0);
        CompiledWorkload compiled = entry.runtime().workload();
        WorkloadEngine engine = new WorkloadEngine(compiled, Clock.simulated(Instant.EPOCH), s -> {});
        long total = compiled.totalSeries();
        System.out.printf(
                Locale.ROOT,
                "series per tick: %,d (profile %,d x 2 metrics), threads: %d, cores: %d%n",
                total,
                total / 2,
                threads,
                Runtime.getRuntime().availableProcessors());

        long epoch = 1_700_000_000_000_000_000L;
        for (int t = 0; t < warmup; t++) {
            engine.tick(t, epoch + t * 1_000_000_000L);
        }
        long[] nanos = new long[ticks];
        long allocBefore = allocatedBytes();
        for (int t = 0; t < ticks; t++) {
            long tick = warmup + t;
            long start = System.nanoTime();
            engine.tick(tick, epoch + tick * 1_000_000_000L);
            nanos[t] = System.nanoTime() - start;
        }
        long allocPerTick = (allocatedBytes() - allocBefore) / ticks;
        long heapAfter = usedAfterGc(memory);
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "tick: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d ticks)%n",
                nanos[ticks / 2] / 1e6,
                nanos[Math.min(ticks - 1, (int) Math.ceil(ticks * 0.95) - 1)] / 1e6,
                nanos[ticks - 1] / 1e6,
                ticks);
        System.out.printf(
                Locale.ROOT,
                "heap after GC: %.1f MiB before the workload, %.1f MiB with it: %.1f MiB for %,d series (%.1f B each)%n",
                heapBefore / 1048576.0,
                heapAfter / 1048576.0,
                (heapAfter - heapBefore) / 1048576.0,
                total,
                (double) (heapAfter - heapBefore) / total);
        System.out.printf(Locale.ROOT, "allocated per tick (all threads): %,d bytes%n", allocPerTick);

        for (ExpositionFormat format : ExpositionFormat.values()) {
            long[] scrape = new long[scrapes];
            long bytes = 0;
            long alloc = 0;
            for (int s = 0; s < scrapes; s++) {
                Counting out = new Counting();
                long a = threadAllocated();
                long start = System.nanoTime();
                engine.writeExposition(out, format, "prom_", false);
                scrape[s] = System.nanoTime() - start;
                alloc = threadAllocated() - a;
                bytes = out.bytes;
            }
            Arrays.sort(scrape);
            System.out.printf(
                    Locale.ROOT,
                    "scrape %s: time to last byte p50 %.0f ms (min %.0f), %,d bytes, %,d bytes allocated%n",
                    format,
                    scrape[scrapes / 2] / 1e6,
                    scrape[0] / 1e6,
                    bytes,
                    alloc);
        }
        http(engine, scrapes);
        engine.close();
    }

    /** The same scrape over loopback HTTP through the pull endpoint's handler, plain and gzip. */
    private static void http(WorkloadEngine engine, int scrapes) throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", new dev.sonda.workload.MetricsHandler(engine, "prom_", false));
        server.start();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        try {
            for (String encoding : new String[] {"identity", "gzip"}) {
                long[] ttlb = new long[scrapes];
                long bytes = 0;
                for (int s = 0; s < scrapes; s++) {
                    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                    "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics"))
                            .header("Accept-Encoding", encoding)
                            .header(
                                    "Accept",
                                    "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                            .build();
                    long start = System.nanoTime();
                    java.net.http.HttpResponse<java.io.InputStream> r =
                            client.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                    Counting out = new Counting();
                    try (java.io.InputStream in = r.body()) {
                        in.transferTo(out);
                    }
                    ttlb[s] = System.nanoTime() - start;
                    bytes = out.bytes;
                }
                Arrays.sort(ttlb);
                System.out.printf(
                        Locale.ROOT,
                        "scrape over HTTP (%s, OpenMetrics): time to last byte p50 %.0f ms (min %.0f), %,d bytes on the wire%n",
                        encoding,
                        ttlb[scrapes / 2] / 1e6,
                        ttlb[0] / 1e6,
                        bytes);
            }
        } finally {
            server.stop(0);
        }
    }

    /**
     * The benchmarks' workload: a 3-label profile of {@code series / 2} combinations (50 regions ×
     * 100 hosts × {@code series / 10,000} endpoints, at least 1) spanned by a Poisson counter with a
     * daily cycle and a clamped random-walk gauge, one tick a second, seed 1.
     *
     * @param series the series per tick wanted (two metrics over the profile)
     * @return the stage, for the caller's endpoints and threads
     */
    static WorkloadStage workload(long series) {
        long endpoints = Math.max(1, series / 2 / 5_000);
        return Scenario.workload("bench")
                .rate(1)
                .seed(1)
                .profile(LabelProfile.of("p")
                        .range("region", 1, 50, "region-%02d")
                        .range("host", 1, 100, "host-%03d")
                        .range("endpoint", 1, endpoints, "/api/r%04d"))
                .metric(WorkloadMetric.counter("http_requests_total", "p").poisson(20, 0.3))
                .metric(WorkloadMetric.gauge("cpu_usage", "p")
                        .randomWalk(0.5, 0.02)
                        .clamp(0, 1));
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long threadAllocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Bytes allocated so far by every live thread. */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = bean.getAllThreadIds();
        long sum = 0;
        for (long a : bean.getThreadAllocatedBytes(ids)) {
            if (a > 0) {
                sum += a;
            }
        }
        return sum;
    }

    /** Counts the bytes written and keeps none. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            bytes += len;
        }
    }
}
