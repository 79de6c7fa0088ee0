package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.testing.BackendProcess;
import dev.sonda.testing.Backends;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http_push sink against a real InfluxDB 1.x (Debian {@code influxdb}, 1.6.7 on the reference
 * machine): influx_lp lines POSTed to {@code /write?db=...}, read back with InfluxQL over HTTP.
 */
class HttpPushInfluxDbIT {
    private static final Path BINARY = Path.of("/usr/bin/influxd");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DB = "sonda_it";

    @TempDir
    static Path dir;

    private static BackendProcess influx;
    private static String base;

    @BeforeAll
    static void startInfluxDb() throws IOException {
        Backends.require(BINARY, "influxdb");
        int httpPort = TestSupport.freePort();
        int rpcPort = TestSupport.freePort();
        base = "http://127.0.0.1:" + httpPort;
        Path config = dir.resolve("influx.conf");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "reporting-enabled = false",
                        "bind-address = \"127.0.0.1:" + rpcPort + "\"",
                        "[meta]",
                        "  dir = \"" + dir.resolve("meta") + "\"",
                        "[data]",
                        "  dir = \"" + dir.resolve("data") + "\"",
                        "  wal-dir = \"" + dir.resolve("wal") + "\"",
                        "  query-log-enabled = false",
                        "[http]",
                        "  enabled = true",
                        "  bind-address = \"127.0.0.1:" + httpPort + "\"",
                        "  log-enabled = false",
                        "[ifql]",
                        "  enabled = false",
                        "[monitor]",
                        "  store-enabled = false",
                        ""));
        influx = BackendProcess.start(
                List.of(BINARY.toString(), "run", "-config", config.toString()), dir.resolve("influx.log"));
        influx.awaitHealthy(base + "/ping", Duration.ofSeconds(30));
        int status = BackendProcess.postForm(base + "/query", "q=" + enc("CREATE DATABASE " + DB))
                .statusCode();
        assertThat(status).isEqualTo(200);
    }

    @AfterAll
    static void stopInfluxDb() throws InterruptedException {
        if (influx != null) {
            influx.stop();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void write(ByteSink sink, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        sink.write(b, 0, b.length);
    }

    @Test
    void lineProtocolPushedOverHttpIsQueryableWithExactValuesAndTimestamps() throws Exception {
        long now = System.currentTimeMillis() * 1_000_000L;
        long t1 = now - 2_000_000_000L + 123_456;
        long t2 = now - 1_000_000_000L + 789;
        TestSupport.Lines diagnostics = new TestSupport.Lines();
        ByteSink sink = TestSupport.open(
                new SinkSpec.HttpPush(base + "/write?db=" + DB + "&precision=ns", null, null, null, Map.of(), null),
                TestSupport.context(diagnostics));
        write(sink, "sonda_it_cpu,host=h1,region=eu value=42.5,count=3i " + t1 + "\n");
        write(sink, "sonda_it_cpu,host=h2,region=us value=7,count=-1i " + t1 + "\n");
        write(sink, "sonda_it_cpu,host=h1,region=eu value=0.125,count=4i " + t2 + "\n");
        assertThat(sink.lastWriteDelivered())
                .as("still batched: 4096-byte default")
                .isFalse();
        sink.close();
        assertThat(diagnostics.lines).isEmpty();

        String query = base + "/query?epoch=ns&db=" + DB + "&q="
                + enc("SELECT \"value\", \"count\", \"host\", \"region\" FROM \"sonda_it_cpu\" ORDER BY time ASC");
        AtomicReference<List<List<Object>>> rows = new AtomicReference<>(List.of());
        boolean complete = TestSupport.pollUntil(Duration.ofSeconds(30), () -> {
            try {
                JsonNode series = JSON.readTree(BackendProcess.get(query).body())
                        .path("results")
                        .path(0)
                        .path("series")
                        .path(0);
                List<List<Object>> out = new ArrayList<>();
                for (JsonNode v : series.path("values")) {
                    out.add(List.of(
                            v.get(0).asLong(),
                            v.get(1).asDouble(),
                            v.get(2).asLong(),
                            v.get(3).asText(),
                            v.get(4).asText()));
                }
                rows.set(out);
                return out.size() == 3;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(complete)
                .as("query rows: %s\n%s", rows.get(), influx.logTail())
                .isTrue();
        assertThat(rows.get())
                .containsExactly(
                        List.of(t1, 42.5, 3L, "h1", "eu"),
                        List.of(t1, 7.0, -1L, "h2", "us"),
                        List.of(t2, 0.125, 4L, "h1", "eu"));
    }

    @Test
    void aMalformedBatchIsDiscardedWithTheReferenceLineAndCountsAsDelivered() {
        TestSupport.Lines diagnostics = new TestSupport.Lines();
        String url = base + "/write?db=" + DB;
        ByteSink sink = TestSupport.open(
                new SinkSpec.HttpPush(url, null, 1, null, Map.of(), null), TestSupport.context(diagnostics));
        write(sink, "bad line no fields\n");
        assertThat(sink.lastWriteDelivered()).isTrue();
        assertThat(diagnostics.lines)
                .containsExactly("sonda: http_push sink: received HTTP 400 from '" + url + "'; discarding batch");
        sink.close();
    }

    @Test
    void aMissingDatabaseIsA404AndAlsoDiscarded() {
        TestSupport.Lines diagnostics = new TestSupport.Lines();
        String url = base + "/write?db=no_such_db";
        ByteSink sink = TestSupport.open(
                new SinkSpec.HttpPush(url, null, 1, null, Map.of(), null), TestSupport.context(diagnostics));
        write(sink, "m value=1\n");
        assertThat(diagnostics.lines)
                .containsExactly("sonda: http_push sink: received HTTP 404 from '" + url + "'; discarding batch");
        sink.close();
    }
}
