package dev.sonda.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.Push;
import dev.sonda.api.workload.Workload;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.testing.BackendProcess;
import dev.sonda.testing.Backends;
import dev.sonda.testing.Net;
import dev.sonda.yaml.ScenarioLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workload of 100,000 series per metric ({@code examples/workload-100k.yaml}), pulled
 * by a real Prometheus 2.42 (Debian {@code prometheus}) every 2 s and pushed over OTLP/HTTP
 * every tick to a receiver in this JVM: at each of several ticks, what Prometheus stored (read back
 * through {@code /federate}, every series with its sample's timestamp) equals what the receiver
 * got for that tick, series for series and bit for bit.
 */
class WorkloadPrometheusOtlpIT {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)} (\\S+) (-?\\d+)$");
    private static final Pattern PAIR = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    Path dir;

    /** The example, adapted to the test: free loopback ports, samples stamped with their tick, every tick pushed. */
    private static ScenarioPlan example(int scrapePort, String otlp) {
        ScenarioPlan plan = ScenarioLoader.load(Path.of("../examples/workload-100k.yaml"));
        Workload w = ((Signal.Workload) plan.entries().get(0).signal()).workload();
        w = w.scrape(new Endpoint("127.0.0.1", scrapePort, "prom_", true))
                .control(null)
                .push(Push.every(null, "otel_"));
        return Scenario.workload("fleet")
                .rate(0.5)
                .workload(w)
                .sink(new SinkSpec.OtlpHttp(otlp, "metrics", null, null, null, Map.of(), Map.of(), null))
                .buildPlan();
    }

    /** One federated sample per series: "name{labels}" (prefix and Prometheus' target labels dropped) -> [time, value]. */
    private static Map<String, double[]> federate(String base) throws Exception {
        String match =
                URLEncoder.encode("{__name__=~\"prom_(http_requests_total|cpu_usage)\"}", StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/federate?match[]=" + match))
                .header("Accept", "text/plain")
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<java.io.InputStream> r = BackendProcess.HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
        Map<String, double[]> out = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                Matcher m = LINE.matcher(line);
                assertThat(m.matches()).as(line).isTrue();
                Map<String, String> labels = new TreeMap<>();
                Matcher p = PAIR.matcher(m.group(2));
                while (p.find()) {
                    if (!p.group(1).equals("instance") && !p.group(1).equals("job")) {
                        labels.put(p.group(1), p.group(2));
                    }
                }
                String name = m.group(1).substring("prom_".length());
                out.put(name + labels, new double[] {Long.parseLong(m.group(4)), Double.parseDouble(m.group(3))});
            }
        }
        return out;
    }

    private static Map<Long, Integer> sizes(OtlpReceiver receiver) {
        Map<Long, Integer> out = new TreeMap<>();
        receiver.points.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    @Test
    void prometheusAndTheOtlpReceiverHoldTheSameValuesAtEveryTick() throws Exception {
        Backends.require(PROMETHEUS, "prometheus");
        int scrapePort = Net.freePort();
        int promPort = Net.freePort();
        String base = "http://127.0.0.1:" + promPort;
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(
                config,
                """
                global:
                  scrape_interval: 2s
                  scrape_timeout: 2s
                scrape_configs:
                  - job_name: workload
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """
                        .formatted(scrapePort));
        BackendProcess prometheus = BackendProcess.start(
                List.of(
                        PROMETHEUS.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + promPort),
                dir.resolve("prometheus.log"));
        try (OtlpReceiver receiver = new OtlpReceiver();
                Run run = Sonda.start(example(scrapePort, receiver.endpoint()), RunOptions.defaults());
                WorkloadServer server = WorkloadServer.start(run, null)) {
            assertThat(server.scrapeAddress("fleet").getPort()).isEqualTo(scrapePort);
            prometheus.awaitHealthy(base + "/-/ready", Duration.ofSeconds(30));
            List<Long> compared = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (compared.size() < 2 && System.nanoTime() < deadline) {
                Map<String, double[]> stored = federate(base);
                if (stored.size() < 200_000) {
                    java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L);
                    continue;
                }
                // every series of one scrape carries one tick's timestamp
                long ms = (long) stored.values().iterator().next()[0];
                if (compared.contains(ms)) {
                    java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L);
                    continue;
                }
                assertThat(stored.values())
                        .allSatisfy(v -> assertThat((long) v[0]).isEqualTo(ms));
                assertThat(Net.pollUntil(
                                Duration.ofSeconds(20),
                                () -> receiver.points.containsKey(ms)
                                        && receiver.points.get(ms).size() == 200_000))
                        .as("the receiver got the tick at %d ms; it has %s", ms, sizes(receiver))
                        .isTrue();
                Map<String, Double> pushed = receiver.points.get(ms);
                List<String> different = new ArrayList<>();
                stored.forEach((k, v) -> {
                    Double p = pushed.get("otel_" + k);
                    if (p == null || Double.doubleToLongBits(p) != Double.doubleToLongBits(v[1])) {
                        different.add(k + ": Prometheus " + v[1] + ", OTLP " + p);
                    }
                });
                assertThat(different).as("series that differ at %d ms", ms).isEmpty();
                compared.add(ms);
            }
            assertThat(compared)
                    .as("ticks compared; Prometheus log:\n%s", prometheus.logTail())
                    .hasSize(2);
            HttpResponse<String> up = BackendProcess.get(base + "/api/v1/query?query=up");
            assertThat(up.body()).contains("\"value\":[").contains(",\"1\"]");
            System.out.println("scrape_duration_seconds: "
                    + BackendProcess.get(base + "/api/v1/query?query=scrape_duration_seconds")
                            .body());
        } finally {
            prometheus.stop();
        }
    }
}
