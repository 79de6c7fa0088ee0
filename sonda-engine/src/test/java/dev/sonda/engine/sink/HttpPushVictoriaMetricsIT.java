package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.testing.VictoriaMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http_push sink against a real VictoriaMetrics (Debian {@code victoria-metrics}, 1.79.5 on the
 * reference machine): prometheus_text lines POSTed to {@code /api/v1/import/prometheus}, read back
 * with {@code /api/v1/export}.
 */
class HttpPushVictoriaMetricsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static VictoriaMetrics vm;

    @BeforeAll
    static void startVictoriaMetrics() throws IOException {
        vm = VictoriaMetrics.start(dir);
    }

    @AfterAll
    static void stopVictoriaMetrics() {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void prometheusTextLinesPushedInBatchesAreStoredWithExactValuesAndTimestamps() throws Exception {
        String run = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        long t1 = now - 3_000;
        long t2 = now - 2_000;
        long t3 = now - 1_000;
        List<String> lines = List.of(
                "sonda_it_metric{host=\"a\",run=\"" + run + "\"} 42.5 " + t1 + "\n",
                "sonda_it_metric{host=\"b\",run=\"" + run + "\"} -17 " + t1 + "\n",
                "sonda_it_metric{host=\"a\",run=\"" + run + "\"} 43.25 " + t2 + "\n",
                "sonda_it_metric{host=\"b\",run=\"" + run + "\"} 1e-3 " + t2 + "\n",
                "sonda_it_metric{host=\"a\",run=\"" + run + "\"} 0 " + t3 + "\n");
        TestSupport.Lines diagnostics = new TestSupport.Lines();
        String url = vm.base() + "/api/v1/import/prometheus";
        // 150-byte batches: the five lines go out in several POSTs, the rest on close.
        ByteSink sink = TestSupport.open(
                new SinkSpec.HttpPush(url, "text/plain", 150, Duration.ZERO, Map.of(), null),
                TestSupport.context(diagnostics));
        int sends = 0;
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            sink.write(b, 0, b.length);
            if (sink.lastWriteDelivered()) {
                sends++;
            }
        }
        sink.close();
        assertThat(sends).as("batches sent before close").isGreaterThanOrEqualTo(1);
        assertThat(diagnostics.lines).isEmpty();

        String match = "{__name__=\"sonda_it_metric\",run=\"" + run + "\"}";
        AtomicReference<Map<String, JsonNode>> seen = new AtomicReference<>(Map.of());
        boolean complete = TestSupport.pollUntil(Duration.ofSeconds(30), () -> {
            try {
                String body = vm.export(match);
                Map<String, JsonNode> byHost = new TreeMap<>();
                for (String row : body.split("\n")) {
                    if (!row.isBlank()) {
                        JsonNode node = JSON.readTree(row);
                        byHost.put(node.path("metric").path("host").asText(), node);
                    }
                }
                seen.set(byHost);
                return byHost.size() == 2
                        && byHost.get("a").path("values").size() == 3
                        && byHost.get("b").path("values").size() == 2;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(complete)
                .as("export after polling: %s\n%s", seen.get(), vm.logTail())
                .isTrue();

        JsonNode a = seen.get().get("a");
        assertThat(a.path("metric").path("__name__").asText()).isEqualTo("sonda_it_metric");
        assertThat(a.path("metric").path("run").asText()).isEqualTo(run);
        assertThat(doubles(a.path("values"))).containsExactly(42.5, 43.25, 0.0);
        assertThat(longs(a.path("timestamps"))).containsExactly(t1, t2, t3);
        JsonNode b = seen.get().get("b");
        assertThat(doubles(b.path("values"))).containsExactly(-17.0, 0.001);
        assertThat(longs(b.path("timestamps"))).containsExactly(t1, t2);
    }

    private static List<Double> doubles(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asDouble)
                .toList();
    }

    private static List<Long> longs(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asLong)
                .toList();
    }
}
