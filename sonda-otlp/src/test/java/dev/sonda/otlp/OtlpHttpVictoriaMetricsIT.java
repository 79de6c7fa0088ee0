package dev.sonda.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.Distribution;
import dev.sonda.api.MetricType;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.Clock;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Sample;
import dev.sonda.testing.BackendProcess;
import dev.sonda.testing.Backends;
import dev.sonda.testing.Net;
import dev.sonda.testing.VictoriaMetrics;
import java.io.IOException;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The otlp_http sink into a real VictoriaMetrics 1.112 ({@code /opentelemetry/v1/metrics}, the
 * Debian trixie build that {@code .ci/backends.sh} extracts without installing): an hour of a
 * gauge, a counter and a histogram on the simulated clock, read back with {@code /api/v1/export};
 * every sample present with its value and millisecond timestamp, as the same run's captured
 * samples say.
 */
class OtlpHttpVictoriaMetricsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static VictoriaMetrics vm;
    private static String base;

    /** Where {@code .ci/backends.sh} puts the binary; {@code -Dsonda.vm112=PATH} overrides. */
    static Path binary() {
        String override = System.getProperty("sonda.vm112");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        List<Path> candidates = new ArrayList<>();
        String cache = System.getenv("SONDA_CI_CACHE");
        if (cache != null && !cache.isBlank()) {
            candidates.add(Path.of(cache, "vm112/usr/bin/victoria-metrics"));
        }
        candidates.add(Path.of("/var/cache/sonda-ci/vm112/usr/bin/victoria-metrics"));
        candidates.add(Path.of(System.getProperty("user.home"), ".cache/sonda-ci/vm112/usr/bin/victoria-metrics"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(candidates.get(0));
    }

    @BeforeAll
    static void startVictoriaMetrics() throws IOException {
        Path bin = binary();
        if (!Files.isExecutable(bin)) {
            Backends.missing("VictoriaMetrics 1.112 (OTLP/HTTP receiver) is missing at " + bin
                    + ": run .ci/backends.sh, which fetches Debian trixie's victoria-metrics .deb and extracts it"
                    + " there without installing it (bookworm's apt cannot install it), or pass -Dsonda.vm112=PATH");
        }
        vm = VictoriaMetrics.start(bin, dir);
        base = vm.base();
    }

    @AfterAll
    static void stopVictoriaMetrics() {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void anHourOfAGaugeACounterAndAHistogramIsStoredSampleForSample() throws Exception {
        String run = UUID.randomUUID().toString();
        // the hour ends a minute ago, so every sample is inside the retention and not in the future
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(61));
        SinkSpec sink = SinkSpec.otlpHttp(base + "/opentelemetry", "metrics")
                .withBatchSize(500)
                .withMaxBufferAge(Duration.ZERO)
                .withResourceAttributes(Map.of("service.name", "sonda-it"));
        ScenarioPlan plan = Scenario.plan()
                .add(Scenario.metrics("sonda_otlp_gauge")
                        .rate(1)
                        .duration("1h")
                        .sequence(1.5, 2.25, -3, 0, 100, 42.125, 7, 8.5, 1000, 0.001)
                        .label("run", run)
                        .sink(sink))
                .add(Scenario.metrics("sonda_otlp_requests_total")
                        .rate(1)
                        .duration("1h")
                        .step(1.0)
                        .metricType(MetricType.COUNTER)
                        .label("run", run)
                        .sink(sink))
                .add(Scenario.histogram("sonda_otlp_latency")
                        .rate(1)
                        .duration("1h")
                        .distribution(new Distribution.Exponential(10))
                        .buckets(0.05, 0.1, 0.5)
                        .observationsPerTick(10)
                        .seed(42)
                        .label("run", run)
                        .sink(sink))
                .build();
        List<String> diagnostics = new CopyOnWriteArrayList<>();
        var r = Sonda.start(
                plan, RunOptions.defaults().withClock(Clock.simulated(start)).withDiagnostics(diagnostics::add));
        r.join();
        assertThat(r.failures()).isEmpty();
        assertThat(diagnostics).isEmpty();

        // expected: what the same run hands to a capturing sink, keyed as VictoriaMetrics names series
        Map<String, TreeMap<Long, Double>> expected = new TreeMap<>();
        for (Sample s : Captured.simulate(plan, start).samples()) {
            String le = s.labels().get("le");
            String key =
                    s.name() + (le == null ? "" : "{le=" + Double.parseDouble(le.replace("+Inf", "Infinity")) + "}");
            expected.computeIfAbsent(key, k -> new TreeMap<>()).put(s.epochMillis(), s.value());
        }
        assertThat(expected.keySet()).hasSize(1 + 1 + 4 + 2);
        assertThat(expected.values().stream().mapToInt(Map::size))
                .as("samples per series")
                .containsOnly(3600);

        String match = URLEncoder.encode("{run=\"" + run + "\"}", StandardCharsets.UTF_8);
        AtomicReference<Map<String, TreeMap<Long, Double>>> seen = new AtomicReference<>(Map.of());
        boolean complete = Net.pollUntil(Duration.ofSeconds(60), () -> {
            try {
                BackendProcess.get(base + "/internal/force_flush");
                String body = BackendProcess.get(
                                base + "/api/v1/export?match[]=" + match + "&start=" + (start.getEpochSecond() - 60)
                                        + "&end=" + (Instant.now().getEpochSecond() + 60))
                        .body();
                Map<String, TreeMap<Long, Double>> got = new TreeMap<>();
                for (String row : body.split("\n")) {
                    if (row.isBlank()) {
                        continue;
                    }
                    JsonNode node = JSON.readTree(row);
                    JsonNode metric = node.path("metric");
                    if (!metric.path("service.name").asText().equals("sonda-it")) {
                        return false;
                    }
                    String le = metric.path("le").asText(null);
                    String key = metric.path("__name__").asText()
                            + (le == null ? "" : "{le=" + Double.parseDouble(le.replace("+Inf", "Infinity")) + "}");
                    TreeMap<Long, Double> values = got.computeIfAbsent(key, k -> new TreeMap<>());
                    for (int i = 0; i < node.path("values").size(); i++) {
                        values.put(
                                node.path("timestamps").get(i).asLong(),
                                node.path("values").get(i).asDouble());
                    }
                }
                seen.set(got);
                return got.keySet().equals(expected.keySet())
                        && got.values().stream().allMatch(v -> v.size() == 3600);
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(complete)
                .as(
                        "export after polling: %s series %s\n%s",
                        seen.get().size(), seen.get().keySet(), vm.logTail())
                .isTrue();
        for (String series : expected.keySet()) {
            TreeMap<Long, Double> want = expected.get(series);
            TreeMap<Long, Double> got = seen.get().get(series);
            List<String> differences = new ArrayList<>();
            // VictoriaMetrics keeps 12 significant decimal digits (its decimal compression), which
            // only the histogram's sum of random observations exceeds; every other value is exact
            boolean twelveDigits = series.endsWith("_sum");
            want.forEach((t, v) -> {
                Double stored = got.get(t);
                boolean same =
                        twelveDigits ? stored != null && Math.abs(stored - v) <= 1e-11 * Math.abs(v) : v.equals(stored);
                if (!same) {
                    differences.add(t + ": expected " + v + ", stored " + got.get(t));
                }
            });
            assertThat(differences).as("%s: samples that differ", series).isEmpty();
        }
    }
}
