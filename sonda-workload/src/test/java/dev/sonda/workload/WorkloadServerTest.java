package dev.sonda.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.WorkloadMetric;
import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkloadServerTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Run run;
    private WorkloadServer server;

    private static ScenarioPlan plan(Endpoint scrape, Endpoint control) {
        return Scenario.workload("shop")
                .rate(1)
                .duration("3s")
                .seed(5)
                .profile(LabelProfile.of("p").values("zone", "a", "b"))
                .metric(WorkloadMetric.gauge("temp", "p").constant(21.5))
                .metric(WorkloadMetric.counter("req_total", "p").constant(3))
                .scrape(scrape)
                .control(control)
                .push(dev.sonda.api.workload.Push.NONE)
                .buildPlan();
    }

    private void start(ScenarioPlan plan, ControlHandler.Reloader reloader) throws InterruptedException {
        run = Sonda.start(
                plan, RunOptions.defaults().withClock(Clock.simulated(Instant.ofEpochSecond(1_700_000_000L))));
        run.join();
        server = WorkloadServer.start(run, reloader);
    }

    @BeforeEach
    void nothing() {}

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (run != null) {
            run.close();
        }
    }

    private static String base(InetSocketAddress a) {
        return "http://127.0.0.1:" + a.getPort();
    }

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(
                b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePullEndpointServesTheTextFormatOnAnyPath() throws Exception {
        start(plan(new Endpoint("127.0.0.1", 0, "prom_", false), null), null);
        String url = base(server.scrapeAddress("shop"));

        HttpResponse<String> r = get(url + "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.body())
                .contains("# TYPE prom_temp gauge\nprom_temp{zone=\"a\"} 21.5\nprom_temp{zone=\"b\"} 21.5\n")
                .contains("prom_req_total{zone=\"b\"} 9\n")
                .contains("prom_gen_active_series{metric_name=\"temp\"} 2\n");
        assertThat(get(url + "/anything").body()).isEqualTo(r.body());
    }

    @Test
    void prometheusGetsOpenMetricsWhenItAsksAndGzipWhenItAllows() throws Exception {
        start(plan(new Endpoint("127.0.0.1", 0, null, false), null), null);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(server.scrapeAddress("shop")) + "/metrics"))
                // Prometheus 2.42's scrape headers
                .header(
                        "Accept",
                        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
                .header("Accept-Encoding", "gzip")
                .build();
        HttpResponse<InputStream> r = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(r.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String text;
        try (InputStream in = new GZIPInputStream(r.body())) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text)
                .contains("# TYPE req counter\nreq_total{zone=\"a\"} 9\n")
                .endsWith("# EOF\n");
    }

    @Test
    void theControlApiAnswersAsMockingbirdUsersExpect() throws Exception {
        start(plan(null, new Endpoint("127.0.0.1", 0, null, false)), null);
        String url = base(server.controlAddress("shop"));

        JsonNode health = JSON.readTree(get(url + "/healthz").body());
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("timestamp").isNumber()).isTrue();

        HttpResponse<String> spike = post(
                url + "/control/spike",
                "application/json",
                "{\"metric\": \"temp\", \"multiplier\": 5, \"duration_s\": 300}");
        assertThat(spike.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(spike.body()))
                .isEqualTo(JSON.readTree(
                        "{\"status\":\"spike_triggered\",\"metric\":\"temp\",\"multiplier\":5.0,\"duration_s\":300}"));

        JsonNode status = JSON.readTree(get(url + "/status").body());
        assertThat(status.get("tick_count").asLong()).isEqualTo(3);
        assertThat(status.get("total_series").asLong()).isEqualTo(4);
        assertThat(status.get("active_metrics").asInt()).isEqualTo(2);
        assertThat(status.get("available_metrics").toString()).isEqualTo("[\"temp\",\"req_total\"]");
        assertThat(status.get("active_spikes").get("temp").get("multiplier").asDouble())
                .isEqualTo(5.0);
        assertThat(status.get("active_spikes").get("temp").get("duration_s").asLong())
                .isEqualTo(300);
        assertThat(status.get("config").get("tick_interval_s").asDouble()).isEqualTo(1.0);
        assertThat(status.get("config").get("seed").asLong()).isEqualTo(5);
    }

    @Test
    void badRequestsGetTheStatusThatSaysWhatIsWrong() throws Exception {
        start(plan(null, new Endpoint("127.0.0.1", 0, null, false)), null);
        String url = base(server.controlAddress("shop"));

        HttpResponse<String> unknown = post(
                url + "/control/spike", null, "{\"metric\": \"prom_temp\", \"multiplier\": 5, \"duration_s\": 300}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("detail").asText())
                .isEqualTo("Metric 'prom_temp' not found. Available metrics: ['temp', 'req_total']");

        HttpResponse<String> missing = post(url + "/control/spike", "application/json", "{\"metric\": \"temp\"}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("multiplier").contains("duration_s").contains("Field required");

        HttpResponse<String> form = post(url + "/control/spike", "application/x-www-form-urlencoded", "metric=temp");
        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(form.body()).contains("Content-Type: application/json");

        HttpResponse<String> level = post(url + "/control/loglevel", "application/json", "{\"level\": \"loud\"}");
        assertThat(level.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(level.body()).get("detail").asText()).startsWith("Invalid log level: LOUD");

        HttpResponse<String> debug = post(url + "/control/loglevel", "application/json", "{\"level\": \"debug\"}");
        assertThat(debug.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(debug.body()).get("level").asText()).isEqualTo("DEBUG");
        assertThat(run.workload("shop").logLevel()).isEqualTo(dev.sonda.engine.workload.LogLevel.DEBUG);

        assertThat(post(url + "/control/reload", null, "").statusCode()).isEqualTo(501);
        assertThat(get(url + "/control/spike").statusCode()).isEqualTo(405);
        assertThat(get(url + "/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void aReloadReadsTheDefinitionAgainAndAnInvalidOneIsRefused() throws Exception {
        ScenarioPlan plan = plan(null, new Endpoint("127.0.0.1", 0, null, false));
        dev.sonda.api.workload.Workload same =
                ((dev.sonda.api.Signal.Workload) plan.entries().get(0).signal()).workload();
        boolean[] broken = {false};
        start(
                plan,
                name -> broken[0]
                        ? same.metric(WorkloadMetric.gauge("x", "none").constant(1))
                        : same);
        String url = base(server.controlAddress("shop"));

        HttpResponse<String> ok = post(url + "/control/reload", null, "");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("status").asText()).isEqualTo("config_reloaded");

        broken[0] = true;
        HttpResponse<String> bad = post(url + "/control/reload", null, "");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("refers to the profile 'none'");
    }

    @Test
    void oneSharedPortServesTheControlPathsAndTheMetricsEverywhereElse() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        start(plan(new Endpoint("127.0.0.1", port, null, false), new Endpoint("127.0.0.1", port, null, false)), null);
        String url = "http://127.0.0.1:" + port;

        assertThat(get(url + "/metrics").body()).contains("temp{zone=\"a\"} 21.5");
        assertThat(get(url + "/healthz").body()).contains("healthy");
    }

    @Test
    void aPortInUseIsNamedWithWhatToDo() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            run = Sonda.start(
                    plan(new Endpoint("127.0.0.1", taken.getLocalPort(), null, false), null),
                    RunOptions.defaults().withClock(Clock.simulated(Instant.EPOCH)));
            run.join();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkloadServer.start(run, null))
                    .hasMessageContaining(
                            "workload 'shop': cannot serve its pull endpoint on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("free the port or choose another one");
        }
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
