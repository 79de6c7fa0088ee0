package dev.sonda.engine.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.WorkloadMetric;
import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.sink.EncodingSink;
import dev.sonda.engine.sink.MemorySink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExpositionTest {

    private static final ScenarioPlan SMALL = Scenario.workload("w")
            .rate(1)
            .duration("2s")
            .label("env", "ci")
            .profile(LabelProfile.of("p").values("path", "/a\"b", "c\\d"))
            .metric(WorkloadMetric.gauge("temp", "p").constant(1.5).help("A \"gauge\"\nwith two lines"))
            .metric(WorkloadMetric.counter("req_total", "p").constant(2))
            .scrape(Endpoint.port(0))
            .buildPlan();

    private static String expose(ScenarioPlan plan, ExpositionFormat format, String prefix, boolean timestamps)
            throws Exception {
        try (Run run = Sonda.start(plan, RunOptions.defaults().withClock(Clock.simulated(Capture.START)))) {
            run.join();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            run.workloads().get(0).writeExposition(out, format, prefix, timestamps);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static String userPart(String text, String prefix) {
        return text.substring(0, text.indexOf("# HELP " + prefix + "gen_points"));
    }

    @Test
    void theTextFormatWritesTheLastTickWithEscapedLabelsSortedByName() throws Exception {
        String text = expose(SMALL, ExpositionFormat.PROMETHEUS_TEXT, "prom_", false);

        assertThat(userPart(text, "prom_"))
                .isEqualTo(
                        """
                        # HELP prom_temp A "gauge"\\nwith two lines
                        # TYPE prom_temp gauge
                        prom_temp{env="ci",path="/a\\"b"} 1.5
                        prom_temp{env="ci",path="c\\\\d"} 1.5
                        # TYPE prom_req_total counter
                        prom_req_total{env="ci",path="/a\\"b"} 4
                        prom_req_total{env="ci",path="c\\\\d"} 4
                        """);
        assertThat(text).contains("prom_gen_points_total{metric_name=\"temp\"} 4\n");
        assertThat(text).doesNotContain("# EOF");
    }

    @Test
    void openMetricsNamesCounterFamiliesWithoutTotalStampsSecondsAndEndsWithEof() throws Exception {
        String text = expose(SMALL, ExpositionFormat.OPENMETRICS, "", true);

        assertThat(userPart(text, ""))
                .isEqualTo(
                        """
                        # HELP temp A \\"gauge\\"\\nwith two lines
                        # TYPE temp gauge
                        temp{env="ci",path="/a\\"b"} 1.5 1700000001.000
                        temp{env="ci",path="c\\\\d"} 1.5 1700000001.000
                        # TYPE req counter
                        req_total{env="ci",path="/a\\"b"} 4 1700000001.000
                        req_total{env="ci",path="c\\\\d"} 4 1700000001.000
                        """);
        assertThat(text).contains("# TYPE gen_points counter\n").endsWith("# EOF\n");
    }

    @Test
    void millisecondTimestampsInTheTextFormat() throws Exception {
        assertThat(expose(SMALL, ExpositionFormat.PROMETHEUS_TEXT, "", true))
                .contains("temp{env=\"ci\",path=\"c\\\\d\"} 1.5 1700000001000\n");
    }

    @Test
    void beforeTheFirstTickOnlyTheSelfMetricsAreWritten() throws IOException {
        ScenarioPlan later = Scenario.workload("w")
                .rate(1)
                .phaseOffset(Duration.ofHours(1))
                .duration("1s")
                .profile(LabelProfile.of("p"))
                .metric(WorkloadMetric.gauge("g", "p").constant(1))
                .buildPlan();
        try (Run run = Sonda.start(later, RunOptions.defaults())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            run.workload("w").writeExposition(out, ExpositionFormat.PROMETHEUS_TEXT, null, false);
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("# HELP gen_points_total").doesNotContain("\ng{");
            run.stop();
        }
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern PAIR = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** An independent reader of the text format: "name{sorted labels}" to value. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher p = PAIR.matcher(m.group(2));
                while (p.find()) {
                    labels.put(
                            p.group(1),
                            p.group(2)
                                    .replace("\\\"", "\"")
                                    .replace("\\n", "\n")
                                    .replace("\\\\", "\\"));
                }
            }
            out.put(m.group(1) + labels, Double.parseDouble(m.group(3).replace("+Inf", "Infinity")));
        }
        return out;
    }

    /** "a=x, b=y" with one more label, as a sorted map's text. */
    private static String with(String labels, String key, String value) {
        Map<String, String> m = new TreeMap<>();
        for (String pair : labels.split(", ")) {
            m.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        m.put(key, value);
        return m.toString();
    }

    @Test
    void aScrapeCarriesExactlyTheValuesTheTicksBatchesCarry() throws Exception {
        ScenarioPlan plan = Scenario.workload("w")
                .rate(1)
                .duration("4s")
                .seed(3)
                .profile(LabelProfile.of("p").values("zone", "a", "b").range("pod", 1, 50, "pod-%d"))
                .metric(WorkloadMetric.gauge("cpu", "p").randomWalk(0.5, 0.1))
                .metric(WorkloadMetric.counter("req_total", "p").poisson(7))
                .metric(WorkloadMetric.histogram("lat", "p").lognormal(-2, 0.7).buckets(0.05, 0.1, 0.5))
                .metric(WorkloadMetric.summary("size", "p").lognormal(5, 1).quantiles(0.5, 0.9))
                .buildPlan();
        List<String> scrapes = new ArrayList<>();
        Capture c = Capture.run(plan, (tick, metric, run) -> {
            if (tick == 2 && metric.equals("size")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    run.workload("w").writeExposition(out, ExpositionFormat.PROMETHEUS_TEXT, "", false);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                scrapes.add(out.toString(StandardCharsets.UTF_8));
            }
        });
        Map<String, Double> scraped = parse(scrapes.get(0));
        Map<String, Double> fromBatches = new LinkedHashMap<>();
        c.ticks.get(2).forEach((key, parts) -> {
            String name = key.substring(0, key.indexOf('{'));
            String labels = key.substring(key.indexOf('{') + 1, key.length() - 1);
            switch (name) {
                case "lat" -> {
                    String[] le = {"0.05", "0.1", "0.5", "+Inf"};
                    for (int b = 0; b < 4; b++) {
                        fromBatches.put("lat_bucket" + with(labels, "le", le[b]), parts[b]);
                    }
                    fromBatches.put("lat_sum{" + labels + "}", parts[4]);
                    fromBatches.put("lat_count{" + labels + "}", parts[5]);
                }
                case "size" -> {
                    fromBatches.put("size" + with(labels, "quantile", "0.5"), parts[0]);
                    fromBatches.put("size" + with(labels, "quantile", "0.9"), parts[1]);
                    fromBatches.put("size_sum{" + labels + "}", parts[2]);
                    fromBatches.put("size_count{" + labels + "}", parts[3]);
                }
                default -> fromBatches.put(key, parts[0]);
            }
        });
        Map<String, Double> user = new LinkedHashMap<>(scraped);
        user.keySet().removeIf(k -> k.startsWith("gen_"));
        java.util.Set<String> onlyScraped = new java.util.TreeSet<>(user.keySet());
        onlyScraped.removeAll(fromBatches.keySet());
        java.util.Set<String> onlyBatched = new java.util.TreeSet<>(fromBatches.keySet());
        onlyBatched.removeAll(user.keySet());
        assertThat(onlyScraped).as("only scraped").isEmpty();
        assertThat(onlyBatched).as("only in batches").isEmpty();
        assertThat(user).hasSize(100 * (1 + 1 + 6 + 4));
        user.forEach((k, v) -> assertThat(v).as(k).isEqualTo(fromBatches.get(k)));
        assertThat(scraped).containsEntry("gen_last_tick_timestamp_seconds{}", 1_700_000_002.0);
    }

    @Test
    void anOrdinarySinkReceivesEverySeriesOfEveryPushedTickAsPrometheusLines() throws Exception {
        MemorySink sink = new MemorySink();
        try (Run run = Sonda.start(
                SMALL,
                RunOptions.defaults()
                        .withClock(Clock.simulated(Capture.START))
                        .withSinkFactory((e, ctx) -> EncodingSink.of(sink, ctx)))) {
            run.join();
        }
        // SMALL has a scrape endpoint and no sink written: it pushes nothing
        assertThat(sink.eventCount()).isZero();

        ScenarioPlan pushed = Scenario.workload("w")
                .rate(1)
                .duration("2s")
                .profile(LabelProfile.of("p").values("path", "a", "b"))
                .metric(WorkloadMetric.counter("req_total", "p").constant(2))
                .sink(dev.sonda.api.sink.SinkSpec.file("/dev/null"))
                .buildPlan();
        MemorySink lines = new MemorySink();
        try (Run run = Sonda.start(
                pushed,
                RunOptions.defaults()
                        .withClock(Clock.simulated(Capture.START))
                        .withSinkFactory((e, ctx) -> EncodingSink.of(lines, ctx)))) {
            run.join();
        }
        assertThat(lines.text())
                .isEqualTo("req_total{path=\"a\"} 2 1700000000000\n"
                        + "req_total{path=\"b\"} 2 1700000000000\n"
                        + "req_total{path=\"a\"} 4 1700000001000\n"
                        + "req_total{path=\"b\"} 4 1700000001000\n");
    }
}
