package dev.sonda.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonda.testing.Net;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request timeout (408), the concurrency cap (429), the bind address and the shutdown that
 * flushes every scenario's sink.
 */
class ServerLimitsTest {
    @TempDir
    Path tmp;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
    private ServerSocket silent;
    private SondaServer server;

    /** An HTTP peer that accepts connections and never answers. */
    @BeforeEach
    void silentPeer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
        silent.close();
        for (Socket s : held) {
            s.close();
        }
    }

    private String hangingEvent() {
        return """
                {"signal_type": "logs", "log": {"severity": "info", "message": "m"},
                 "encoder": {"type": "json_lines"},
                 "sink": {"type": "http_push", "url": "http://127.0.0.1:%d/push"}}
                """
                .formatted(silent.getLocalPort());
    }

    @Test
    void aRequestPastTheTimeoutIs408WithAnEmptyBodyAndTheServerGoesOn() {
        server = SondaServer.builder()
                .requestTimeout(Duration.ofMillis(500))
                .log(log::add)
                .start();
        Client c = new Client(server);

        long t0 = System.nanoTime();
        HttpResponse<String> r = c.postJson("events", hangingEvent());
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(408);
        assertThat(r.body()).isEmpty();
        assertThat(ms).isBetween(400L, 5000L);
        assertThat(c.get("health").statusCode()).isEqualTo(200);
        assertThat(c.get("metrics").body()).as("408s are not counted").doesNotContain("status=\"408\"");
    }

    @Test
    void aControlRequestFindingEverySlotTakenIs429() {
        server = SondaServer.builder().maxInflightRequests(1).log(log::add).start();
        Client c = new Client(server);
        CompletableFuture<HttpResponse<String>> first =
                CompletableFuture.supplyAsync(() -> c.postJson("events", hangingEvent()));
        assertThat(Net.pollUntil(Duration.ofSeconds(5), () -> !held.isEmpty())).isTrue();

        HttpResponse<String> second = c.get("scenarios");

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(second.body())
                .isEqualTo("{\"detail\":\"1 requests in flight (--max-inflight-requests 1); retry later\","
                        + "\"error\":\"too_many_requests\"}");
        assertThat(c.get("scenarios/metrics").statusCode())
                .as("observability routes have no cap")
                .isEqualTo(200);
        server.close();
        assertThat(first.handle((r, e) -> e != null || r.statusCode() != 200).join())
                .as("the hanging request never succeeds")
                .isTrue();
    }

    @Test
    void itListensOnLoopbackUnlessToldOtherwiseAndRefusesHostNames() {
        server = SondaServer.builder().log(log::add).start();

        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
        assertThat(log).anyMatch(l -> l.startsWith("INFO sonda-server listening addr=127.0.0.1:" + server.port()));
        assertThatThrownBy(
                        () -> SondaServer.builder().bind("localhost").port(8080).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid bind address: localhost:8080");
        assertThatThrownBy(() -> SondaServer.builder().bind("::").start())
                .hasMessageStartingWith("invalid bind address: :::0");
        assertThatThrownBy(() ->
                        SondaServer.builder().port(server.port()).log(l -> {}).start())
                .hasMessageStartingWith("failed to bind to 127.0.0.1:" + server.port());
    }

    @Test
    void closingTheServerStopsEveryScenarioAndFlushesItsSink() throws IOException {
        server = SondaServer.builder().allowDir(tmp).log(log::add).start();
        Client c = new Client(server);
        Path out = tmp.resolve("out.prom");
        HttpResponse<String> created = c.postYaml("scenarios", Bodies.fileSink(200, out.toString()));
        String id = Client.json(created).get("id").asText();
        assertThat(Net.pollUntil(
                        Duration.ofSeconds(10),
                        () -> Client.json(c.get("scenarios/" + id + "/stats"))
                                        .get("total_events")
                                        .asLong()
                                > 50))
                .isTrue();
        JsonNode before = Client.json(c.get("scenarios/" + id + "/stats"));

        server.close();

        List<String> lines = Files.readAllLines(out);
        assertThat(lines.size())
                .isGreaterThanOrEqualTo(before.get("total_events").asInt());
        assertThat(Files.readString(out)).endsWith("\n");
        assertThat(log).contains("INFO scenario task joined", "INFO sonda-server shut down cleanly");
    }
}
