package dev.sonda.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.testing.Backends;
import dev.sonda.testing.Net;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every exposition the server writes passes {@code promtool check metrics} of Prometheus 2.42
 * (Debian {@code prometheus}): gauges, counters, histograms and summaries per scenario, the
 * aggregate, and the server's own nine families. promtool exits 0 when the text parses and lints
 * clean, 3 when it parses with lint findings (such as a missing {@code # HELP}, which the
 * reference leaves out when a scenario has no {@code help:}), 1 when it does not parse.
 */
class PromtoolCheckIT {
    private static final Path BINARY = Path.of("/usr/bin/promtool");

    private static SondaServer server;
    private static Client c;
    private static List<String> ids;

    @BeforeAll
    static void start() {
        Backends.require(BINARY, "prometheus");
        server = SondaServer.builder().log(l -> {}).start();
        c = new Client(server);
        ids = List.of(
                post(
                        """
                        - signal_type: metrics
                          name: node_temperature_celsius
                          rate: 20
                          generator: { type: sine, amplitude: 10, period_secs: 60, offset: 40 }
                          labels: { chip: "a\\\\b \\"c\\"" }
                          dynamic_labels: [{ key: core, prefix: c, cardinality: 3 }]
                          help: "Temperature\\nof a \\\\ core."
                        """),
                post(
                        """
                        - signal_type: metrics
                          name: http_requests_total
                          rate: 20
                          generator: { type: step, start: 0, step_size: 1 }
                          help: "Requests served."
                        """),
                post(
                        """
                        - signal_type: histogram
                          name: http_request_duration_seconds
                          rate: 20
                          distribution: { type: exponential, rate: 10.0 }
                          buckets: [0.01, 0.05, 0.1, 0.5, 1, 5]
                          help: "Request latency."
                          labels: { service: checkout }
                        """),
                post(
                        """
                        - signal_type: summary
                          name: rpc_duration_seconds
                          rate: 20
                          distribution: { type: normal, mean: 0.1, stddev: 0.02 }
                          help: "RPC latency."
                        """));
        for (String id : ids) {
            assertThat(Net.pollUntil(
                            Duration.ofSeconds(10),
                            () -> !c.get("scenarios/" + id + "/metrics").body().isEmpty()))
                    .isTrue();
        }
    }

    private static String post(String entry) {
        String yaml =
                "version: 2\nkind: runnable\ndefaults: { sink: { type: memory } }\nscenarios:\n" + entry.indent(2);
        var r = c.postYaml("scenarios", yaml);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Client.json(r).get("id").asText();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** promtool's exit code and its findings for {@code text}. */
    private static Result check(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(BINARY.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private record Result(int exit, String output) {}

    @Test
    void everyScenarioExpositionPassesPromtool() throws Exception {
        for (String id : ids) {
            String text = c.get("scenarios/" + id + "/metrics").body();
            Result r = check(text);
            assertThat(r.exit()).as("%s%n%s", text, r.output()).isZero();
        }
        assertThat(c.get("scenarios/" + ids.get(2) + "/metrics").body())
                .startsWith("# HELP http_request_duration_seconds Request latency.\n"
                        + "# TYPE http_request_duration_seconds histogram\n"
                        + "http_request_duration_seconds_bucket{le=\"0.01\",service=\"checkout\"} ");
        assertThat(c.get("scenarios/" + ids.get(0) + "/metrics").body())
                .startsWith("# HELP node_temperature_celsius Temperature\\nof a \\\\ core.\n")
                .contains("chip=\"a\\\\b \\\"c\\\"\"");
    }

    @Test
    void theAggregateAndTheServerMetricsPassPromtool() throws Exception {
        for (String path : List.of("scenarios/metrics", "metrics")) {
            String text = c.get(path).body();
            Result r = check(text);
            assertThat(r.exit()).as("%s%n%s", text, r.output()).isZero();
        }
    }

    @Test
    void aScenarioWithoutHelpParsesAndOnlyLacksItsHelpText() throws Exception {
        String id = post(
                """
                - signal_type: metrics
                  name: no_help_ratio
                  rate: 20
                  generator: { type: constant, value: 0.5 }
                """);
        assertThat(Net.pollUntil(
                        Duration.ofSeconds(10),
                        () -> !c.get("scenarios/" + id + "/metrics").body().isEmpty()))
                .isTrue();

        Result r = check(c.get("scenarios/" + id + "/metrics").body());

        assertThat(r.exit()).as(r.output()).isEqualTo(3);
        assertThat(r.output().strip()).isEqualTo("no_help_ratio no help text");
    }
}
