package dev.sonda.bench;

import dev.sonda.server.SondaServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the HTTP control plane ({@code sonda-server}) on loopback, with the JDK HttpClient (a
 * plain program, not JMH; {@code ./bench server}). Prints Markdown tables.
 *
 * <ol>
 *   <li><b>POST /events</b>: {@code --events} requests (default 5,000), {@code --clients} at a time
 *       (default 8), each a JSON log event delivered synchronously into a local TCP receiver (a
 *       fresh encoder and sink per request, as the reference does): requests per second over the
 *       wall time, latency p50 / p99 / max as the client sees it, and whether every event reached
 *       the receiver. 500 requests warm the JIT first.
 *   <li><b>Scenarios</b>: {@code --scenarios} single-entry bodies (default 1,000), each a constant
 *       gauge at 1 event/s into the memory sink, POSTed then DELETEd: the time each phase took,
 *       threads and heap used after a full GC before, with every scenario running, and after.
 * </ol>
 */
public final class ServerBench {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private ServerBench() {}

    /**
     * Runs both measurements.
     *
     * @param args {@code --events N}, {@code --clients N}, {@code --scenarios N}
     * @throws Exception if a request fails
     */
    public static void main(String[] args) throws Exception {
        int events = 5000;
        int clients = 8;
        int scenarios = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--scenarios" -> scenarios = Integer.parseInt(args[++i]);
                default -> {
                    System.out.println("usage: ServerBench [--events N] [--clients N] [--scenarios N]");
                    return;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "ServerBench: %d cores, Java %s, max heap %d MiB, load average %.2f%n%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (SondaServer server = SondaServer.builder().log(l -> {}).start();
                Receiver receiver = new Receiver()) {
            URI base = server.baseUri();
            events(base, receiver, 500, clients);
            receiver.lines.set(0);
            long t0 = System.nanoTime();
            long[] latencies = events(base, receiver, events, clients);
            double secs = (System.nanoTime() - t0) / 1e9;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (receiver.lines.get() < events && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Arrays.sort(latencies);
            System.out.println("### POST /events into a TCP receiver (loopback)");
            System.out.println();
            System.out.println("| requests | clients | requests/s | latency p50 | p99 | max | delivered |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
            System.out.printf(
                    Locale.ROOT,
                    "| %,d | %d | %,.0f | %.2f ms | %.2f ms | %.2f ms | %,d |%n%n",
                    events,
                    clients,
                    events / secs,
                    latencies[latencies.length / 2] / 1e6,
                    latencies[(int) (latencies.length * 0.99)] / 1e6,
                    latencies[latencies.length - 1] / 1e6,
                    receiver.lines.get());
            scenarios(base, scenarios, clients);
        }
    }

    private static long[] events(URI base, Receiver receiver, int n, int clients) {
        String body = "{\"signal_type\":\"logs\",\"labels\":{\"event\":\"bench\"},"
                + "\"log\":{\"severity\":\"info\",\"message\":\"bench event\"},"
                + "\"encoder\":{\"type\":\"json_lines\"},"
                + "\"sink\":{\"type\":\"tcp\",\"address\":\"127.0.0.1:" + receiver.port() + "\"}}";
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<CompletableFuture<Long>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            long t = System.nanoTime();
                            HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("events"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)));
                            if (r.statusCode() != 200) {
                                throw new IllegalStateException("POST /events: " + r.statusCode() + " " + r.body());
                            }
                            return System.nanoTime() - t;
                        },
                        pool));
            }
            return calls.stream().mapToLong(CompletableFuture::join).toArray();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void scenarios(URI base, int n, int clients) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int threadsBefore = threads.getThreadCount();
        long heapBefore = heapAfterGc();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long t0 = System.nanoTime();
            List<CompletableFuture<String>> posts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String yaml = "version: 2\nkind: runnable\nscenarios:\n  - signal_type: metrics\n    name: bench_" + i
                        + "\n    rate: 1\n    generator: { type: constant, value: 1 }\n    sink: { type: memory }\n";
                posts.add(CompletableFuture.supplyAsync(
                        () -> {
                            HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("scenarios"))
                                    .header("Content-Type", "application/yaml")
                                    .POST(HttpRequest.BodyPublishers.ofString(yaml)));
                            Matcher m = ID.matcher(r.body());
                            if (r.statusCode() != 201 || !m.find()) {
                                throw new IllegalStateException("POST /scenarios: " + r.statusCode() + " " + r.body());
                            }
                            return m.group(1);
                        },
                        pool));
            }
            List<String> ids = posts.stream().map(CompletableFuture::join).toList();
            double postSecs = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(2000);
            int threadsRunning = threads.getThreadCount();
            long heapRunning = heapAfterGc();
            t0 = System.nanoTime();
            ids.stream()
                    .map(id -> CompletableFuture.runAsync(
                            () -> send(HttpRequest.newBuilder(base.resolve("scenarios/" + id))
                                    .DELETE()),
                            pool))
                    .toList()
                    .forEach(CompletableFuture::join);
            double deleteSecs = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(2000);
            long heapAfter = heapAfterGc();
            System.out.println("### Scenarios started and deleted over HTTP");
            System.out.println();
            System.out.println("| scenarios | POST all | DELETE all | threads before → running → after |"
                    + " heap after GC before → running → after | per scenario |");
            System.out.println("|---:|---:|---:|---:|---:|---:|");
            System.out.printf(
                    Locale.ROOT,
                    "| %,d | %.2f s | %.2f s | %d → %d → %d | %.1f → %.1f → %.1f MiB | %.1f KiB, %.1f threads |%n",
                    n,
                    postSecs,
                    deleteSecs,
                    threadsBefore,
                    threadsRunning,
                    threads.getThreadCount(),
                    heapBefore / 1048576.0,
                    heapRunning / 1048576.0,
                    heapAfter / 1048576.0,
                    (heapRunning - heapBefore) / 1024.0 / n,
                    (threadsRunning - threadsBefore) / (double) n);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(
                    used,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A loopback TCP receiver counting the lines of every connection. */
    private static final class Receiver implements AutoCloseable {
        final AtomicLong lines = new AtomicLong();
        private final ServerSocket socket;
        private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-receiver");
            t.setDaemon(true);
            return t;
        });

        Receiver() throws IOException {
            socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
            readers.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        readers.execute(() -> read(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        private void read(Socket s) {
            try (s;
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                while (in.readLine() != null) {
                    lines.incrementAndGet();
                }
            } catch (IOException e) {
                // the sender closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            readers.shutdownNow();
        }
    }
}
