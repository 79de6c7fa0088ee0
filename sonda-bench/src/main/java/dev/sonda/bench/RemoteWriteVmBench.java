package dev.sonda.bench;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.Clock;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.SinkProvider;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * End to end over the network: a simulated stretch of {@code --series} series at one sample per
 * second each (one entry, rate = series per second, a dynamic label {@code series} with that
 * cardinality, a sine), pushed with the {@code remote_write} sink into a VictoriaMetrics this
 * program starts on loopback ({@code /usr/bin/victoria-metrics}, temporary data directory, killed at
 * the end). Prints the samples the receiver acknowledged ({@code Delivery.delivered}), the wall
 * time, samples per second delivered, the CPU seconds of this JVM and of VictoriaMetrics, and the
 * series and sample counts VictoriaMetrics then reports.
 *
 * <p>Options: {@code --series N} (default 10000), {@code --seconds S} simulated seconds (default
 * 3600), {@code --batch B} samples per request (default 10000), {@code --protocol v1|v2} (default
 * v1), {@code --binary PATH}.
 */
public final class RemoteWriteVmBench {
    private RemoteWriteVmBench() {}

    /**
     * Runs the benchmark.
     *
     * @param args the options
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        int series = 10_000;
        int seconds = 3600;
        int batch = 10_000;
        String protocol = "v1";
        String binary = "/usr/bin/victoria-metrics";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--series" -> series = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--protocol" -> protocol = args[++i];
                case "--binary" -> binary = args[++i];
                default -> {
                    System.out.println("usage: RemoteWriteVmBench [--series N] [--seconds S] [--batch B]"
                            + " [--protocol v1|v2] [--binary PATH]");
                    return;
                }
            }
        }
        Path dir = Files.createTempDirectory("sonda-rw-bench");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Process vm = new ProcessBuilder(
                        binary,
                        "-storageDataPath=" + dir.resolve("data"),
                        "-httpListenAddr=127.0.0.1:" + port,
                        "-retentionPeriod=1d",
                        "-search.latencyOffset=0s")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("vm.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!get(http, base + "/health").equals("OK")) {
                if (System.nanoTime() > deadline || !vm.isAlive()) {
                    throw new IllegalStateException("VictoriaMetrics did not start: see " + dir.resolve("vm.log"));
                }
                Thread.sleep(50);
            }
            run(http, base, vm, series, seconds, batch, protocol);
        } finally {
            vm.destroy();
            vm.waitFor();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(
            HttpClient http, String base, Process vm, int series, int seconds, int batch, String protocol)
            throws Exception {
        Instant start = Instant.now().minus(seconds + 600L, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
        SinkSpec.RemoteWrite sink = SinkSpec.remoteWrite(base + "/api/v1/write")
                .withBatchSize(batch)
                .withProtocol(
                        protocol.equals("v2") ? SinkSpec.RemoteWrite.Protocol.V2 : SinkSpec.RemoteWrite.Protocol.V1);
        ScenarioPlan plan = Scenario.metrics("rw_bench_sine")
                .rate(series)
                .duration(Duration.ofSeconds(seconds))
                .sine(40, 600, 50)
                .label("job", "sonda-bench")
                .dynamicLabel("series", "s-", series)
                .sink(sink)
                .buildPlan();
        AtomicLong delivered = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        Delivery counter = new Delivery() {
            @Override
            public void delivered(long records) {
                delivered.addAndGet(records);
            }

            @Override
            public void dropped(long records, String reason) {
                dropped.addAndGet(records);
                System.err.println("dropped " + records + ": " + reason);
            }
        };
        SinkProvider provider = SpecRegistry.defaults()
                .find(SpecKind.SINK, "remote_write", SinkProvider.class)
                .orElseThrow();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        double vmCpu0 = cpuSeconds(vm.pid());
        long t0 = System.nanoTime();
        Sonda.start(
                        plan,
                        RunOptions.defaults()
                                .withClock(Clock.simulated(start))
                                .withSinkFactory(
                                        (entry, ctx) -> provider.create(entry.sink(), ctx.withDelivery(counter))))
                .join();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double vmCpu = cpuSeconds(vm.pid()) - vmCpu0;
        get(http, base + "/internal/force_flush");
        String count = query(http, base, "count(count_over_time(rw_bench_sine[" + (seconds + 1200) + "s]))");
        String samples = query(http, base, "sum(count_over_time(rw_bench_sine[" + (seconds + 1200) + "s]))");
        System.out.printf(
                "remote_write %s into VictoriaMetrics: %d series x %d s = %d samples, batch_size %d%n",
                protocol, series, seconds, (long) series * seconds, batch);
        System.out.printf(
                "delivered %d, dropped %d in %.1f s wall: %.0f samples/s%n",
                delivered.get(), dropped.get(), wall, delivered.get() / wall);
        System.out.printf(
                "CPU: this JVM %.1f s (%.2f us/sample), VictoriaMetrics %.1f s%n",
                cpu, cpu * 1e6 / Math.max(1, delivered.get()), vmCpu);
        System.out.printf("VictoriaMetrics reports %s series, %s samples%n", count, samples);
    }

    /** utime + stime of a process, from /proc/PID/stat (Linux, 100 ticks per second). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    private static String get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body()
                    .trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String query(HttpClient http, String base, String promql) {
        String body = get(http, base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        int v = body.indexOf("\"value\":[");
        if (v < 0) {
            return body;
        }
        List<String> parts = List.of(body.substring(v + 9, body.indexOf(']', v)).split(","));
        return parts.get(1).replace("\"", "");
    }
}
