package dev.sonda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.sonda.testing.Net;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14 item 5: API keys, tokens and URL credentials never come back in a response. */
class ServerSecretsTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private SondaServer server;
    private HttpServer receiver;
    private Client c;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        receiver.start();
        server = SondaServer.builder().apiKey("server-key-123").log(log::add).start();
        c = new Client(server).withKey("server-key-123");
    }

    @AfterEach
    void close() {
        server.close();
        receiver.stop(0);
    }

    private String url() {
        return "http://alice:hunter2-pw@127.0.0.1:" + receiver.getAddress().getPort() + "/push";
    }

    @Test
    void configStatsErrorsAndWarningsMaskHeadersAndUrlCredentials() {
        String yaml =
                """
                version: 2
                kind: runnable
                scenarios:
                  - signal_type: metrics
                    name: leaky
                    rate: 20
                    generator: { type: constant, value: 1 }
                    sink:
                      type: http_push
                      url: "%s"
                      batch_size: 1
                      headers: { Authorization: "Bearer tok-s3cr3t-42", X-Team: visible }
                """
                        .formatted(url());

        HttpResponse<String> created = c.postYaml("scenarios", yaml);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Client.json(created).get("id").asText();
        assertThat(Net.pollUntil(Duration.ofSeconds(10), () -> !Client.json(c.get("scenarios/" + id))
                        .get("stats")
                        .get("last_sink_error")
                        .isNull()))
                .as("the receiver's 500 was recorded")
                .isTrue();
        List<HttpResponse<String>> responses = List.of(
                created,
                c.get("scenarios/" + id),
                c.get("scenarios/" + id + "/stats"),
                c.get("scenarios"),
                c.get("metrics"));
        for (HttpResponse<String> r : responses) {
            assertThat(r.body()).doesNotContain("hunter2", "tok-s3cr3t-42", "server-key-123", "alice");
        }
        JsonNode one = Client.json(c.get("scenarios/" + id));
        JsonNode sink = one.get("config").get("sink");
        assertThat(sink.get("url").asText())
                .isEqualTo("http://***@127.0.0.1:" + receiver.getAddress().getPort() + "/push");
        assertThat(sink.get("headers").get("Authorization").asText()).isEqualTo("***");
        assertThat(sink.get("headers").get("X-Team").asText()).isEqualTo("visible");
        assertThat(one.get("stats").get("last_sink_error").asText()).isNotEmpty();
        assertThat(one.get("degraded").asBoolean())
                .as("failures and no success")
                .isTrue();
        assertThat(log).noneMatch(l -> l.contains("hunter2") || l.contains("tok-s3cr3t-42"));
    }

    @Test
    void aRefusedBodyDoesNotEchoTheCredentialsOfItsUrl() {
        HttpResponse<String> r = c.postYaml(
                "scenarios",
                """
                version: 2
                kind: runnable
                scenarios:
                  - signal_type: metrics
                    name: bad
                    rate: 1
                    generator: { type: constant, value: 1 }
                    sink: { type: http_push, url: "ftp://bob:pa55word@example.invalid/x" }
                """);

        assertThat(r.statusCode()).isIn(400, 422);
        assertThat(r.body()).doesNotContain("pa55word").doesNotContain("bob:");
    }

    @Test
    void anEventsSinkErrorDoesNotEchoCredentials() {
        HttpResponse<String> r = c.postJson(
                "events",
                """
                {"signal_type": "logs", "log": {"severity": "info", "message": "m"},
                 "encoder": {"type": "json_lines"},
                 "sink": {"type": "http_push", "url": "%s", "headers": {"Authorization": "Bearer tok-s3cr3t-42"}}}
                """
                        .formatted(url()));

        assertThat(r.body()).doesNotContain("hunter2", "tok-s3cr3t-42");
    }
}
