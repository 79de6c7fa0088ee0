package dev.sonda.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonda.testing.Net;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /events} (sinks-cli-server §4.14): one event, delivered before the response. */
class EventsTest {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private SondaServer server;
    private Client c;
    private TcpReceiver receiver;

    /** A loopback TCP receiver that keeps every line of every connection. */
    static final class TcpReceiver implements AutoCloseable {
        final ServerSocket socket;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-tcp-receiver");
            t.setDaemon(true);
            return t;
        });

        TcpReceiver() throws IOException {
            socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
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

        private void read(Socket s) {
            try (s;
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the sender closed
            }
        }

        String address() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            readers.shutdownNow();
        }
    }

    @BeforeEach
    void start() throws IOException {
        receiver = new TcpReceiver();
        server = SondaServer.builder().log(log::add).start();
        c = new Client(server);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        receiver.close();
    }

    private String logEvent(String message) {
        return """
                {"signal_type": "logs", "labels": {"event": "deploy_start", "env": "prod"},
                 "log": {"severity": "warning", "message": "%s", "fields": {"version": "1.2.2"}},
                 "encoder": {"type": "json_lines"}, "sink": {"type": "tcp", "address": "%s"}}
                """
                .formatted(message, receiver.address());
    }

    @Test
    void aLogEventIsDeliveredBeforeTheResponseWithItsLatencyAndTheLoopbackWarning() {
        HttpResponse<String> r = c.postJson("events", logEvent("Deploy {started}"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = Client.json(r);
        assertThat(body.fieldNames()).toIterable().containsExactly("sent", "signal_type", "latency_ms", "warnings");
        assertThat(body.get("sent").asBoolean()).isTrue();
        assertThat(body.get("signal_type").asText()).isEqualTo("logs");
        assertThat(body.get("latency_ms").asLong()).isBetween(0L, 5000L);
        assertThat(body.get("warnings").get(0).asText())
                .startsWith("scenario entry 'events.logs' sink `tcp` targets `" + receiver.address() + "` —");
        assertThat(Net.pollUntil(Duration.ofSeconds(5), () -> !receiver.lines.isEmpty()))
                .isTrue();
        JsonNode line = Client.JSON.valueToTree(parse(receiver.lines.get(0)));
        assertThat(line.get("message").asText()).isEqualTo("Deploy {started}");
        assertThat(line.get("severity").asText()).isEqualTo("warn");
        assertThat(line.get("labels").get("event").asText()).isEqualTo("deploy_start");
        assertThat(line.get("fields").get("version").asText()).isEqualTo("1.2.2");
        assertThat(log)
                .anyMatch(l -> l.startsWith("INFO POST /events: event delivered signal_type=logs sink_type=tcp"));
    }

    private static Object parse(String json) {
        try {
            return Client.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(json, e);
        }
    }

    @Test
    void aMetricEventIsOneSampleWithItsLabels() {
        HttpResponse<String> r = c.postJson(
                "events",
                """
                {"signal_type": "metrics", "labels": {"job": "sonda"},
                 "metric": {"name": "deploy_events_total", "value": 1.5},
                 "encoder": {"type": "prometheus_text"}, "sink": {"type": "tcp", "address": "%s"}}
                """
                        .formatted(receiver.address()));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Net.pollUntil(Duration.ofSeconds(5), () -> !receiver.lines.isEmpty()))
                .isTrue();
        assertThat(receiver.lines.get(0)).matches("deploy_events_total\\{job=\"sonda\"} 1\\.5 \\d{13}");
    }

    @Test
    void shapeErrorsAre400ValueErrors422AndDeliveryFailures502() throws IOException {
        assertThat(detail(c.postJson("events", "{"), 400)).startsWith("invalid event body: ");
        assertThat(detail(c.postJson("events", "{}"), 400))
                .isEqualTo("invalid event body: missing field `signal_type`");
        assertThat(detail(c.postJson("events", "{\"signal_type\": \"traces\"}"), 400))
                .isEqualTo("invalid event body: unknown variant `traces`, expected `logs` or `metrics`");
        assertThat(detail(
                        c.postJson(
                                "events",
                                "{\"signal_type\": \"logs\", \"encoder\": {\"type\": \"json_lines\"}, \"sink\": {\"type\":"
                                        + " \"stdout\"}}"),
                        400))
                .isEqualTo("invalid event body: missing field `log`");
        assertThat(detail(c.postJson("events", logEvent("m").replace("\"tcp\"", "\"kafak\"")), 400))
                .startsWith("invalid event body: ")
                .contains("unknown sink type 'kafak'");
        assertThat(detail(
                        c.postJson(
                                "events",
                                """
                                {"signal_type": "metrics", "metric": {"name": "1bad", "value": 1},
                                 "encoder": {"type": "prometheus_text"}, "sink": {"type": "stdout"}}
                                """),
                        422))
                .contains("1bad");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpResponse<String> refused =
                c.postJson("events", logEvent("m").replace(receiver.address(), "127.0.0.1:" + closedPort));
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(Client.json(refused).get("error").asText()).isEqualTo("bad_gateway");
        assertThat(Client.json(refused).get("detail").asText()).startsWith("sink error: ");
    }

    private static String detail(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Client.json(r).get("detail").asText();
    }

    @Test
    void twoHundredConcurrentEventsAllArrive() {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String body = logEvent("event-" + i);
                calls.add(CompletableFuture.supplyAsync(
                        () -> c.postJson("events", body).statusCode(), pool));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).hasSize(200).containsOnly(200);
            assertThat(Net.pollUntil(Duration.ofSeconds(10), () -> receiver.lines.size() >= 200))
                    .isTrue();
            List<String> messages = receiver.lines.stream()
                    .map(l -> ((JsonNode) parse(l)).get("message").asText())
                    .sorted()
                    .toList();
            assertThat(messages).hasSize(200).doesNotHaveDuplicates().allMatch(m -> m.startsWith("event-"));
        } finally {
            pool.shutdownNow();
        }
    }
}
