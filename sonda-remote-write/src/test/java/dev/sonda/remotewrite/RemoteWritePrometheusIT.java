package dev.sonda.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.MetricType;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.testing.BackendProcess;
import dev.sonda.testing.Backends;
import dev.sonda.testing.Net;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote_write sink against a real Prometheus (Debian {@code prometheus}, 2.42 on the reference
 * machine) started with {@code --web.enable-remote-write-receiver}: an hour of samples pushed on the
 * simulated clock and read back with a range selector, every sample compared by millisecond and by
 * the bits of its value; and a sample older than the head's window, refused, with the refusal
 * named.
 */
class RemoteWritePrometheusIT {
    private static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static BackendProcess prometheus;
    private static String base;

    @BeforeAll
    static void startPrometheus() throws IOException {
        Backends.require(BINARY, "prometheus");
        int port = Net.freePort();
        base = "http://127.0.0.1:" + port;
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1m\n");
        prometheus = BackendProcess.start(
                List.of(
                        BINARY.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--web.enable-remote-write-receiver"),
                dir.resolve("prometheus.log"));
        prometheus.awaitHealthy(base + "/-/ready", Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.stop();
        }
    }

    @Test
    void anHourOfASineACounterAndAHistogramIsStoredSampleForSample() throws Exception {
        HourOfData data = new HourOfData(UUID.randomUUID().toString());
        data.push(SinkSpec.remoteWrite(base + "/api/v1/write").withBatchSize(1000));

        assertThat(data.stats.errors())
                .as("sink errors; diagnostics %s", data.diagnostics)
                .isZero();
        assertThat(data.diagnostics).isEmpty();
        Map<String, List<HourOfData.Point>> expected = data.expected();
        // sine, counter, 6 buckets (5 bounds and +Inf), _sum and _count: 3600 samples each
        assertThat(expected).hasSize(10);
        assertThat(data.sampleCount()).isEqualTo(10 * 3600);

        Map<String, List<HourOfData.Point>> stored = query("{run=\"" + data.run + "\"}[2h]");

        assertThat(stored.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String series : expected.keySet()) {
            assertThat(stored.get(series)).as(series).containsExactlyElementsOf(expected.get(series));
        }
    }

    @Test
    void aSampleOlderThanTheHeadsWindowIsRefusedAndTheRefusalSaysWhichSamplesAndWhy() {
        Fixtures.Ctx ctx = new Fixtures.Ctx();
        String url = base + "/api/v1/write";
        RemoteWriteSink sink = new RemoteWriteSink(SinkSpec.remoteWrite(url).withBatchSize(1), ctx.context());
        Object fresh = sink.prepare(Series.of("rw_it_old", Labels.of(Map.of("run", "window")), MetricType.GAUGE));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sink.sample(fresh, now.toEpochMilli() * 1_000_000L, 1.0);
        Instant old = now.minus(3, ChronoUnit.HOURS);

        assertThatThrownBy(() -> sink.sample(fresh, old.toEpochMilli() * 1_000_000L, 2.0))
                .isInstanceOf(SinkException.class)
                .hasMessage("HTTP 400 from '" + url + "'");
        assertThat(ctx.lines).hasSize(2);
        assertThat(ctx.lines.get(1))
                .startsWith("sonda: remote_write sink: dropped 1 samples of 1 series (rw_it_old{run=window}) from "
                        + old + " to " + old + ": HTTP 400 from '" + url + "': ")
                .contains("out of bounds");
        assertThat(ctx.reports.delivered.get()).isEqualTo(1);
        assertThat(ctx.reports.dropped.get()).isEqualTo(1);
    }

    /** Runs an instant query whose result is a matrix, keyed like {@link HourOfData#key}. */
    private static Map<String, List<HourOfData.Point>> query(String promql) throws IOException {
        long now = Instant.now().getEpochSecond();
        String url = base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time=" + now;
        JsonNode root = JSON.readTree(BackendProcess.get(url).body());
        assertThat(root.path("status").asText()).as(root.toString()).isEqualTo("success");
        Map<String, List<HourOfData.Point>> out = new TreeMap<>();
        for (JsonNode series : root.path("data").path("result")) {
            Map<String, String> labels = new TreeMap<>();
            series.path("metric")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            String name = labels.remove("__name__");
            List<HourOfData.Point> points = new ArrayList<>();
            for (JsonNode v : series.path("values")) {
                // [seconds with millisecond decimals, "shortest round-trip decimal"]
                long ms = new BigDecimal(v.get(0).asText()).movePointRight(3).longValueExact();
                double value = Double.parseDouble(v.get(1).asText());
                points.add(new HourOfData.Point(ms, Double.doubleToRawLongBits(value)));
            }
            out.put(HourOfData.key(name, labels), points);
        }
        return out;
    }
}
