package dev.sonda.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.testing.Net;
import dev.sonda.testing.VictoriaMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * The remote_write sink against a real VictoriaMetrics (Debian {@code victoria-metrics}, 1.79 on
 * the reference machine) at {@code /api/v1/write}, started with {@code -search.latencyOffset=0s}:
 * the same hour as the Prometheus test, read back with {@code /internal/force_flush} and {@code
 * /api/v1/export}, every sample compared: timestamps to the millisecond, whole numbers exactly, other
 * values to the 12 significant digits VictoriaMetrics keeps.
 */
class RemoteWriteVictoriaMetricsIT {
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
    void anHourOfASineACounterAndAHistogramIsStoredSampleForSample() throws Exception {
        HourOfData data = new HourOfData(UUID.randomUUID().toString());
        data.push(SinkSpec.remoteWrite(vm.base() + "/api/v1/write").withBatchSize(1000));
        assertThat(data.stats.errors())
                .as("sink errors; diagnostics %s", data.diagnostics)
                .isZero();
        Map<String, List<HourOfData.Point>> expected = data.expected();
        assertThat(expected).hasSize(10);

        AtomicReference<Map<String, List<HourOfData.Point>>> stored = new AtomicReference<>(Map.of());
        boolean complete = Net.pollUntil(Duration.ofSeconds(30), () -> {
            try {
                stored.set(parse(vm.export("{run=\"" + data.run + "\"}")));
                return stored.get().values().stream().mapToInt(List::size).sum() == data.sampleCount();
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(complete).as("export after polling:\n%s", vm.logTail()).isTrue();

        assertThat(stored.get().keySet()).containsExactlyElementsOf(expected.keySet());
        double worst = 0;
        for (String series : expected.keySet()) {
            List<HourOfData.Point> want = expected.get(series);
            List<HourOfData.Point> got = stored.get().get(series);
            assertThat(got).as(series).hasSameSizeAs(want);
            for (int i = 0; i < want.size(); i++) {
                assertThat(got.get(i).ms())
                        .as("%s sample %d", series, i)
                        .isEqualTo(want.get(i).ms());
                double w = want.get(i).value();
                double g = got.get(i).value();
                worst = Math.max(worst, Math.abs(g - w) / Math.max(Math.abs(w), Double.MIN_NORMAL));
                // VictoriaMetrics 1.79 keeps a value as a decimal and exports it with 12 significant
                // digits (88.88888888888889 comes back as 88.8888888888): at most 1e-11 relative
                // error; integers (counts, whole counter steps) come back exact
                if (w == Math.rint(w) && Math.abs(w) < 1e15) {
                    assertThat(g).as("%s sample %d", series, i).isEqualTo(w);
                } else {
                    assertThat(g)
                            .as("%s sample %d", series, i)
                            .isCloseTo(w, org.assertj.core.data.Offset.offset(Math.abs(w) * 1e-11));
                }
            }
        }
        assertThat(worst).as("worst relative error").isLessThanOrEqualTo(1e-11);
    }

    /**
     * The points of a {@code /api/v1/export} body: one JSON object per series with {@code values} and
     * {@code timestamps}.
     */
    private static Map<String, List<HourOfData.Point>> parse(String body) throws IOException {
        Map<String, List<HourOfData.Point>> out = new TreeMap<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            Map<String, String> labels = new TreeMap<>();
            node.path("metric")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            String name = labels.remove("__name__");
            List<HourOfData.Point> points = new ArrayList<>();
            JsonNode values = node.path("values");
            JsonNode stamps = node.path("timestamps");
            for (int i = 0; i < values.size(); i++) {
                double v = Double.parseDouble(values.get(i).asText());
                points.add(new HourOfData.Point(stamps.get(i).asLong(), Double.doubleToRawLongBits(v)));
            }
            points.sort(java.util.Comparator.comparingLong(HourOfData.Point::ms));
            out.merge(HourOfData.key(name, labels), points, (a, b) -> {
                List<HourOfData.Point> all = new ArrayList<>(a);
                all.addAll(b);
                all.sort(java.util.Comparator.comparingLong(HourOfData.Point::ms));
                return all;
            });
        }
        return out;
    }
}
