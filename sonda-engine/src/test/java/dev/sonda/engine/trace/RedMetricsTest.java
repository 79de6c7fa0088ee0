package dev.sonda.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sonda.api.Offset;
import dev.sonda.api.trace.Fault;
import dev.sonda.engine.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The RED metrics are a recount of the spans delivered: counted here again from the captured
 * spans, independently of the pipeline (spans grouped by service and by the interval their start
 * falls in, quantiles by nearest rank computed from a sorted copy).
 */
class RedMetricsTest {
    private static final long INTERVAL = Duration.ofSeconds(10).toNanos();
    private static final List<String> SERVICES = List.of("gateway", "auth", "orders", "db", "cache");

    private record Window(String service, long index) {}

    private static Capture run(long seed, String duration) {
        return Capture.run(Graphs.shop(seed)
                .duration(duration)
                .fault(Fault.on("orders")
                        .between(Offset.percent(40), Offset.percent(70))
                        .withErrorRate(0.3)
                        .withLatencyFactor(3))
                .redMetrics(Duration.ofSeconds(10))
                .buildPlan());
    }

    @Test
    void everyIntervalsMetricsEqualARecountOfItsSpans() {
        Capture c = run(21, "60s");
        long start = Capture.startNanos();
        Map<Window, List<SpanData>> windows = c.spans.stream()
                .collect(Collectors.groupingBy(
                        s -> new Window(s.service(), (s.startEpochNanos() - start) / INTERVAL),
                        java.util.HashMap::new,
                        Collectors.toList()));

        assertThat(c.samples).hasSize(6 * SERVICES.size() * 6);
        for (int k = 0; k < 6; k++) {
            long end = start + (k + 1) * INTERVAL;
            for (String service : SERVICES) {
                List<SpanData> spans = windows.getOrDefault(new Window(service, k), List.of());
                Map<String, Double> got = c.samples.stream()
                        .filter(x -> x.epochNanos() == end && x.label("service").equals(service))
                        .collect(Collectors.toMap(x -> x.series().name(), Capture.Sample::value));
                List<Double> ms = new ArrayList<>();
                spans.forEach(s -> ms.add(s.durationNanos() / 1e6));
                Collections.sort(ms);
                long errors = spans.stream().filter(SpanData::error).count();
                String at = service + " interval " + k;
                assertThat(got.get("request_rate")).as(at).isEqualTo(spans.size() / 10.0);
                assertThat(got.get("error_rate"))
                        .as(at)
                        .isCloseTo(spans.isEmpty() ? 0 : 100.0 * errors / spans.size(), within(1e-9));
                assertThat(got.get("latency_avg"))
                        .as(at)
                        .isCloseTo(
                                ms.stream()
                                        .mapToDouble(Double::doubleValue)
                                        .average()
                                        .orElse(0),
                                within(1e-9));
                assertThat(got.get("latency_p50")).as(at).isEqualTo(nearestRank(ms, 0.50));
                assertThat(got.get("latency_p95")).as(at).isEqualTo(nearestRank(ms, 0.95));
                assertThat(got.get("latency_p99")).as(at).isEqualTo(nearestRank(ms, 0.99));
            }
        }
    }

    @Test
    void everySeriesCarriesItsServiceAndUnit() {
        Capture c = run(2, "20s");

        assertThat(c.samples).allSatisfy(x -> {
            assertThat(SERVICES).contains(x.label("service"));
            String unit =
                    switch (x.series().name()) {
                        case "request_rate" -> "req/s";
                        case "error_rate" -> "%";
                        default -> "ms";
                    };
            assertThat(x.label("unit")).isEqualTo(unit);
        });
    }

    @Test
    void aLastIntervalCutShortIsCountedOverItsOwnLength() {
        Capture c = run(8, "25s");
        long start = Capture.startNanos();
        long last =
                c.samples.stream().mapToLong(Capture.Sample::epochNanos).max().orElseThrow();
        long count = c.spans.stream()
                .filter(s -> s.service().equals("gateway") && s.startEpochNanos() - start >= 2 * INTERVAL)
                .count();

        long lastStart =
                c.spans.stream().mapToLong(SpanData::startEpochNanos).max().orElseThrow();
        long end = Math.max(start + Duration.ofSeconds(25).toNanos(), lastStart + 1000);
        assertThat(last)
                .as("the end of the last tick, or just after the last span's start")
                .isEqualTo(end);
        double rate = c.samples.stream()
                .filter(x -> x.epochNanos() == last
                        && x.series().name().equals("request_rate")
                        && x.label("service").equals("gateway"))
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(count).isEqualTo(100);
        assertThat(rate).isCloseTo(count / ((end - start - 2 * INTERVAL) / 1e9), within(1e-9));
    }

    /** Nearest rank: the value at index ceil(q·n) − 1 of the sorted values; 0 for none. */
    private static double nearestRank(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
