package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.incident.IncidentOptions;
import dev.sonda.api.incident.IncidentPattern;
import dev.sonda.api.incident.Incidents;
import dev.sonda.yaml.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesCommandTest {
    private static final List<String> FILES =
            List.of("metrics.ndjson", "logs.ndjson", "traces.ndjson", "events.ndjson");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path tmp;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void anOutageWritesFourFilesInTheSeedsSchemasWithConsistentTraces() throws IOException {
        assertThat(Main.execute("fixtures", "outage", "--out", tmp.toString())).isZero();

        Path dir = tmp.resolve("incidents/outage");
        assertThat(FILES).allSatisfy(f -> assertThat(dir.resolve(f)).isNotEmptyFile());
        List<JsonNode> spans = read(dir.resolve("traces.ndjson"));
        Map<String, Set<String>> idsByTrace = new HashMap<>();
        spans.forEach(s -> idsByTrace
                .computeIfAbsent(s.get("trace_id").asText(), k -> new HashSet<>())
                .add(s.get("span_id").asText()));
        assertThat(spans).allSatisfy(s -> {
            assertThat(s.get("timestamp").asText()).matches("2024-01-15T10:3\\d:\\d\\d\\.\\d{6}\\+00:00");
            assertThat(s.get("trace_id").asText()).matches("[0-9a-f]{32}");
            assertThat(s.get("span_id").asText()).matches("[0-9a-f]{16}");
            assertThat(s.get("duration_ms").isNumber()).isTrue();
            assertThat(s.get("status").asText()).isIn("success", "error");
            assertThat(s.get("operation").asText()).startsWith(s.get("service").asText() + ".");
            JsonNode parent = s.get("parent_span_id");
            if (!parent.isNull()) {
                assertThat(idsByTrace.get(s.get("trace_id").asText())).contains(parent.asText());
            }
        });
        assertThat(spans).anySatisfy(s -> assertThat(s.path("status_message").asText())
                .isEqualTo("could not connect to server: Connection refused (database:5432)"));
        List<JsonNode> logs = read(dir.resolve("logs.ndjson"));
        assertThat(logs).hasSameSizeAs(spans);
        assertThat(logs)
                .allSatisfy(l -> assertThat(idsByTrace.get(l.get("trace_id").asText()))
                        .contains(l.get("span_id").asText()));
        assertThat(read(dir.resolve("metrics.ndjson"))).allSatisfy(m -> {
            assertThat(m.get("metric").asText())
                    .isIn("request_rate", "error_rate", "latency_avg", "latency_p50", "latency_p95", "latency_p99");
            assertThat(m.get("value").isNumber()).isTrue();
            assertThat(m.get("unit").asText()).isIn("req/s", "%", "ms");
        });
        assertThat(read(dir.resolve("events.ndjson")))
                .extracting(e -> e.get("type").asText())
                .containsExactly("alert", "restart", "alert");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("sonda: wrote " + dir + ": 300 traces (");
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        assertThat(Main.execute("fixtures", "cascade", "--out", a.toString(), "--seed", "7", "-q"))
                .isZero();
        assertThat(Main.execute("fixtures", "cascade", "--out", b.toString(), "--seed", "7", "-q"))
                .isZero();
        assertThat(Main.execute("fixtures", "cascade", "--out", c.toString(), "--seed", "8", "-q"))
                .isZero();

        for (String f : FILES) {
            Path rel = Path.of("incidents/cascade", f);
            assertThat(Files.readAllBytes(b.resolve(rel))).as(f).isEqualTo(Files.readAllBytes(a.resolve(rel)));
        }
        assertThat(Files.readAllBytes(c.resolve("incidents/cascade/traces.ndjson")))
                .isNotEqualTo(Files.readAllBytes(a.resolve("incidents/cascade/traces.ndjson")));
    }

    @Test
    void allWritesTheSeedsWholeTree() throws IOException {
        assertThat(Main.execute("fixtures", "all", "--out", tmp.toString(), "--duration", "10s", "-q"))
                .isZero();

        for (String d : List.of(
                "normal",
                "incidents/degradation",
                "incidents/outage",
                "incidents/cascade",
                "incidents/deployment",
                "noise/transient",
                "noise/high_volume",
                "noise/intermittent")) {
            assertThat(FILES)
                    .allSatisfy(f -> assertThat(tmp.resolve(d).resolve(f)).isNotEmptyFile());
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("normal", "incidents", "noise");
        }
    }

    @Test
    void optionsChangeDurationServicesStartAndInterval() throws IOException {
        assertThat(Main.execute(
                        "fixtures",
                        "high-volume",
                        "--out",
                        tmp.toString(),
                        "--duration",
                        "20s",
                        "--interval",
                        "10s",
                        "--services",
                        "edge,api,db",
                        "--start",
                        "2026-02-01T00:00:00Z",
                        "-q"))
                .isZero();

        List<JsonNode> metrics = read(tmp.resolve("noise/high_volume/metrics.ndjson"));
        assertThat(metrics.stream().map(m -> m.get("service").asText()).distinct())
                .containsExactlyInAnyOrder("edge", "api", "db");
        assertThat(metrics.stream().map(m -> m.get("timestamp").asText()).distinct())
                .containsExactly("2026-02-01T00:00:10.000000+00:00", "2026-02-01T00:00:20.000000+00:00");
        assertThat(read(tmp.resolve("noise/high_volume/traces.ndjson")).stream()
                        .filter(s -> s.get("parent_span_id").isNull()))
                .hasSize(50 * 20);
    }

    @Test
    void listShowsThePatternsAndTheFixturesADirectoryHolds() {
        assertThat(Main.execute("fixtures", "intermittent", "--out", tmp.toString(), "--duration", "2s", "-q"))
                .isZero();
        assertThat(Main.execute("fixtures", "--list", "--out", tmp.toString())).isZero();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("PATTERN\tDIRECTORY\tDURATION\tDESCRIPTION");
        assertThat(lines)
                .contains("cascade\tincidents/cascade\t90s\ta bad deploy's failures spread up the graph and"
                        + " open circuit breakers");
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("noise/intermittent\tmetrics=60\tlogs=")
                .endsWith("events=1"));
    }

    @Test
    void scenarioPrintsThePatternWithTheOptionsAsAFileThatLoadsBackEqual() {
        assertThat(Main.execute("fixtures", "deployment", "--scenario", "--severity", "low", "--seed", "3"))
                .isZero();

        assertThat(ScenarioLoader.load(out.toString(StandardCharsets.UTF_8), "printed.yaml"))
                .isEqualTo(Incidents.plan(
                        IncidentPattern.DEPLOYMENT,
                        IncidentOptions.defaults()
                                .withSeverity(IncidentOptions.LOW)
                                .withSeed(3)
                                .withStart(Instant.parse(FixturesCommand.DEFAULT_START))));
    }

    @Test
    void anUnknownPatternListsTheKnownOnes() {
        assertThat(Main.execute("fixtures", "meltdown", "--out", tmp.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown pattern \"meltdown\"; known: normal, degradation, outage, cascade, deployment,"
                        + " transient, high-volume, intermittent, all");
    }

    @Test
    void badOptionsAreReportedByName() {
        assertThat(Main.execute("fixtures", "outage", "--out", tmp.toString(), "--services", "solo"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--services: an incident needs at least two services, got 1");
    }

    @Test
    void theSamePatternRunsFromTheBuiltInCatalogAndPrintsCorrelatedSignals() throws IOException {
        int code = Main.execute("run", "@cascade", "--clock", "simulated", "--start", "0", "--duration", "10s", "-q");

        assertThat(code).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).anySatisfy(l -> assertThat(l.has("span_id") && l.has("duration_ms"))
                .isTrue());
        assertThat(lines).anySatisfy(l -> assertThat(l.has("level")).isTrue());
        assertThat(lines).anySatisfy(l -> assertThat(l.has("metric")).isTrue());
        assertThat(lines).anySatisfy(l -> assertThat(l.path("type").asText()).isEqualTo("deployment"));
        assertThat(Duration.ofSeconds(10)).isPositive();
    }
}
