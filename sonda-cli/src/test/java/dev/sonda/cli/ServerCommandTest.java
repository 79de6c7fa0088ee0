package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sonda server} as a real process: {@code --port 0} announces its port on stdout, it answers
 * {@code /health}, runs a POSTed scenario, and SIGTERM stops it with every event flushed.
 */
class ServerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path tmp;

    private static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void portZeroIsAnnouncedAndSigtermFlushesEveryScenarioAndExitsZero() throws Exception {
        Path err = tmp.resolve("err.txt");
        Path out = tmp.resolve("out.prom");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.sonda.cli.Main",
                        "server",
                        "--port",
                        "0",
                        "--api-key",
                        "cli-key",
                        "--allow-dir",
                        tmp.toString())
                .redirectError(err.toFile())
                .start();
        try {
            BufferedReader stdout =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String announce = stdout.readLine();
            assertThat(announce)
                    .as("stderr: %s", Files.readString(err))
                    .matches("\\{\"sonda_server\":\\{\"port\":\\d+}}");
            int port = JSON.readTree(announce).get("sonda_server").get("port").asInt();
            URI base = URI.create("http://127.0.0.1:" + port + "/");

            assertThat(send(HttpRequest.newBuilder(base.resolve("health"))).body())
                    .isEqualTo("{\"status\":\"ok\"}");
            String yaml =
                    """
                    version: 2
                    kind: runnable
                    scenarios:
                      - signal_type: metrics
                        name: served
                        rate: 500
                        generator: { type: constant, value: 3 }
                        sink: { type: file, path: "%s" }
                    """
                            .formatted(out);
            HttpResponse<String> created = send(HttpRequest.newBuilder(base.resolve("scenarios"))
                    .header("Authorization", "Bearer cli-key")
                    .header("Content-Type", "application/yaml")
                    .POST(HttpRequest.BodyPublishers.ofString(yaml)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").asText();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long events = 0;
            while (events < 200 && System.nanoTime() < deadline) {
                JsonNode stats = JSON.readTree(send(HttpRequest.newBuilder(base.resolve("scenarios/" + id + "/stats"))
                                .header("Authorization", "Bearer cli-key"))
                        .body());
                events = stats.get("total_events").asLong();
            }
            assertThat(events).isGreaterThanOrEqualTo(200);

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).isZero();
            List<String> lines = Files.readAllLines(out);
            assertThat(lines.size()).isGreaterThanOrEqualTo((int) events);
            assertThat(Files.readString(out)).endsWith("\n");
            assertThat(lines).allMatch(l -> l.matches("served 3 \\d{13}"));
            assertThat(Files.readString(err))
                    .contains("API key authentication enabled")
                    .contains("sonda-server listening addr=127.0.0.1:" + port)
                    .contains("sonda-server shut down cleanly")
                    .doesNotContain("cli-key");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aHostNameAsBindAddressIsRefused() {
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("server", "--bind", "localhost");
        } finally {
            System.setErr(saved);
        }

        assertThat(code).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).startsWith("error: invalid bind address: localhost:8080");
    }
}
