package dev.sonda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonda.testing.BackendProcess;
import dev.sonda.testing.Backends;
import dev.sonda.testing.Net;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scrape endpoints read by a real Prometheus 2.42 (Debian {@code prometheus}): it scrapes a
 * scenario's {@code /scenarios/{id}/metrics}, the aggregate {@code /scenarios/metrics} and the
 * server's {@code /metrics} every second with the API key as a bearer token, and the values come
 * back through its query API.
 */
class PrometheusScrapeIT {
    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final String KEY = "it-key";

    @TempDir
    static Path dir;

    private static SondaServer server;
    private static BackendProcess prometheus;
    private static String prom;
    private static String gaugeId;
    private static String counterId;

    @BeforeAll
    static void start() throws IOException {
        Backends.require(BINARY, "prometheus");
        server = SondaServer.builder().apiKey(KEY).log(l -> {}).start();
        Client c = new Client(server).withKey(KEY);
        gaugeId = Client.json(
                        c.postYaml(
                                "scenarios",
                                """
                        version: 2
                        kind: runnable
                        scenarios:
                          - signal_type: metrics
                            name: sonda_it_temperature_celsius
                            rate: 10
                            generator: { type: constant, value: 21.5 }
                            labels: { room: lab }
                            help: "A constant temperature."
                            sink: { type: memory }
                        """))
                .get("id")
                .asText();
        counterId = Client.json(
                        c.postYaml(
                                "scenarios",
                                """
                        version: 2
                        kind: runnable
                        scenarios:
                          - signal_type: metrics
                            name: sonda_it_requests_total
                            rate: 10
                            generator: { type: step, start: 0, step_size: 1 }
                            help: "Requests so far."
                            sink: { type: memory }
                        """))
                .get("id")
                .asText();
        int port = Net.freePort();
        prom = "http://127.0.0.1:" + port;
        String target = "127.0.0.1:" + server.port();
        Path config = Files.writeString(
                dir.resolve("prometheus.yml"),
                """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: scenario
                    metrics_path: /scenarios/%s/metrics
                    authorization: { credentials: %s }
                    static_configs: [{ targets: ['%s'] }]
                  - job_name: counter
                    metrics_path: /scenarios/%s/metrics
                    authorization: { credentials: %s }
                    static_configs: [{ targets: ['%s'] }]
                  - job_name: aggregate
                    metrics_path: /scenarios/metrics
                    params: { label: ['room:lab'] }
                    authorization: { credentials: %s }
                    static_configs: [{ targets: ['%s'] }]
                  - job_name: sonda_server
                    metrics_path: /metrics
                    authorization: { credentials: %s }
                    static_configs: [{ targets: ['%s'] }]
                """
                        .formatted(gaugeId, KEY, target, counterId, KEY, target, KEY, target, KEY, target));
        prometheus = BackendProcess.start(
                List.of(
                        BINARY.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port),
                dir.resolve("prometheus.log"));
        prometheus.awaitHealthy(prom + "/-/ready", Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The first result of an instant query once it has one (bounded polling). */
    private static JsonNode query(String promql) {
        AtomicReference<JsonNode> result = new AtomicReference<>();
        boolean found = Net.pollUntil(Duration.ofSeconds(20), () -> {
            try {
                JsonNode r = Client.JSON.readTree(BackendProcess.get(
                                prom + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                        .body());
                JsonNode list = r.path("data").path("result");
                if (list.size() > 0) {
                    result.set(list.get(0));
                    return true;
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(found)
                .as("%s answered within 20 s; log:%n%s", promql, prometheus.logTail())
                .isTrue();
        return result.get();
    }

    @Test
    void aScenarioScrapedByPrometheusReadsBackWithItsValueAndLabels() {
        JsonNode r = query("sonda_it_temperature_celsius{job=\"scenario\"}");

        assertThat(r.get("metric").get("room").asText()).isEqualTo("lab");
        assertThat(r.get("metric").get("instance").asText()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(r.get("value").get(1).asText()).isEqualTo("21.5");
        assertThat(query("up{job=\"scenario\"}").get("value").get(1).asText()).isEqualTo("1");
    }

    @Test
    void aStepScenarioIsACounterThatPrometheusSeesIncrease() {
        double first = query("sonda_it_requests_total{job=\"counter\"}")
                .get("value")
                .get(1)
                .asDouble();

        assertThat(Net.pollUntil(
                        Duration.ofSeconds(20),
                        () -> query("sonda_it_requests_total{job=\"counter\"}")
                                        .get("value")
                                        .get(1)
                                        .asDouble()
                                > first))
                .isTrue();
        JsonNode meta = query("rate(sonda_it_requests_total{job=\"counter\"}[5s])");
        assertThat(meta.get("value").get(1).asDouble()).isPositive();
    }

    @Test
    void theAggregateEndpointWithALabelFilterIsScrapedToo() {
        JsonNode r = query("sonda_it_temperature_celsius{job=\"aggregate\"}");

        assertThat(r.get("value").get(1).asText()).isEqualTo("21.5");
        assertThat(query("count(sonda_it_requests_total{job=\"aggregate\"}) or vector(0)")
                        .get("value")
                        .get(1)
                        .asText())
                .as("the counter has no room label: filtered out")
                .isEqualTo("0");
    }

    @Test
    void theServersOwnMetricsAreScrapedToo() {
        assertThat(query("sonda_server_active_scenarios{job=\"sonda_server\",state=\"running\"}")
                        .get("value")
                        .get(1)
                        .asText())
                .isEqualTo("2");
        assertThat(query("sonda_server_build_info{job=\"sonda_server\"}")
                        .get("value")
                        .get(1)
                        .asText())
                .isEqualTo("1");
        assertThat(query("sonda_server_requests_total{job=\"sonda_server\",route=\"/scenarios/{id}/metrics\","
                                + "status=\"200\"}")
                        .get("value")
                        .get(1)
                        .asDouble())
                .isPositive();
    }
}
