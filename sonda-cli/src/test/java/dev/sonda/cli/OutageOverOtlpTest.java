package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sonda run @outage --sink otlp_grpc --endpoint ...}, in process ({@link Main#execute}),
 * against a collector in this JVM ({@link OtlpCollector}): the pattern's spans, log lines, RED
 * metrics and infrastructure events all arrive, each at its own service. The expected counts and
 * identities come from an independent run of the same pattern, start and duration written as
 * {@code ndjson} to standard output.
 */
class OutageOverOtlpTest {
    private static final String START = "1777000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private OtlpCollector collector;

    @BeforeEach
    void start() throws Exception {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        collector = new OtlpCollector();
    }

    @AfterEach
    void stop() throws Exception {
        System.setOut(savedOut);
        System.setErr(savedErr);
        collector.close();
    }

    /** The NDJSON lines of one kind: spans, logs, metrics or events, by the keys of their schema. */
    private record Ndjson(List<JsonNode> spans, List<JsonNode> logs, List<JsonNode> metrics, List<JsonNode> events) {}

    private Ndjson ndjsonRun() throws Exception {
        int code = Main.execute(
                "run",
                "@outage",
                "--encoder",
                "ndjson",
                "--clock",
                "simulated",
                "--start",
                START,
                "--duration",
                "30s",
                "-q");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Ndjson n = new Ndjson(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            JsonNode j = JSON.readTree(line);
            if (j.has("duration_ms")) {
                n.spans().add(j);
            } else if (j.has("metric")) {
                n.metrics().add(j);
            } else if (j.has("level")) {
                n.logs().add(j);
            } else {
                assertThat(j.has("type") && j.has("details")).as(line).isTrue();
                n.events().add(j);
            }
        }
        out.reset();
        return n;
    }

    @Test
    void theOutagePatternDeliversItsSpansLogsMetricsAndEventsToACollector() throws Exception {
        Ndjson expected = ndjsonRun();

        int code = Main.execute(
                "run",
                "@outage",
                "--sink",
                "otlp_grpc",
                "--endpoint",
                collector.endpoint(),
                "--clock",
                "simulated",
                "--start",
                START,
                "--duration",
                "30s");

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(stderr).isZero();
        assertThat(stderr).contains("sink: otlp_grpc (" + collector.endpoint() + ")");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

        // spans: the same identities as the NDJSON run, each once, with its service, times and status
        Map<String, Span> spans = new HashMap<>();
        Map<String, String> serviceOf = new HashMap<>();
        for (ExportTraceServiceRequest r : collector.traces) {
            for (ResourceSpans rs : r.getResourceSpansList()) {
                assertThat(rs.getResource().getAttributes(0).getKey()).isEqualTo("service.name");
                String service = rs.getResource().getAttributes(0).getValue().getStringValue();
                for (Span s : rs.getScopeSpans(0).getSpansList()) {
                    String id = hex(s.getTraceId()) + hex(s.getSpanId());
                    assertThat(spans.put(id, s)).as("span %s arrived twice", id).isNull();
                    serviceOf.put(id, service);
                }
            }
        }
        assertThat(expected.spans()).hasSizeGreaterThan(500);
        assertThat(spans).hasSameSizeAs(expected.spans());
        for (JsonNode e : expected.spans()) {
            String id = e.get("trace_id").asText() + e.get("span_id").asText();
            Span s = spans.get(id);
            assertThat(s).as("span %s", id).isNotNull();
            assertThat(serviceOf.get(id) + "." + s.getName())
                    .isEqualTo(e.get("operation").asText());
            Instant start = Instant.parse(e.get("timestamp").asText().replace("+00:00", "Z"));
            assertThat(s.getStartTimeUnixNano()).isEqualTo(start.getEpochSecond() * 1_000_000_000L + start.getNano());
            assertThat((s.getEndTimeUnixNano() - s.getStartTimeUnixNano()) / 1e6)
                    .isEqualTo(e.get("duration_ms").asDouble());
            assertThat(s.getStatus().getCode())
                    .isEqualTo(
                            e.get("status").asText().equals("error")
                                    ? Status.StatusCode.STATUS_CODE_ERROR
                                    : Status.StatusCode.STATUS_CODE_UNSET);
            JsonNode parent = e.get("parent_span_id");
            assertThat(hex(s.getParentSpanId())).isEqualTo(parent.isNull() ? "" : parent.asText());
            if (!parent.isNull()) {
                assertThat(spans)
                        .as("parent of %s", id)
                        .containsKey(e.get("trace_id").asText() + parent.asText());
            }
        }
        assertThat(spans.values()).anyMatch(s -> s.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR);

        // log lines (with their span) and events (with an event_name) at LogsService
        List<LogRecord> records = new ArrayList<>();
        for (ExportLogsServiceRequest r : collector.logs) {
            r.getResourceLogsList()
                    .forEach(rl -> rl.getScopeLogsList().forEach(sl -> records.addAll(sl.getLogRecordsList())));
        }
        List<LogRecord> lines =
                records.stream().filter(l -> l.getEventName().isEmpty()).toList();
        List<LogRecord> events =
                records.stream().filter(l -> !l.getEventName().isEmpty()).toList();
        assertThat(lines).hasSameSizeAs(expected.logs());
        assertThat(lines).allSatisfy(l -> assertThat(spans).containsKey(hex(l.getTraceId()) + hex(l.getSpanId())));
        assertThat(events)
                .extracting(LogRecord::getEventName)
                .containsExactlyElementsOf(expected.events().stream()
                        .map(e -> e.get("type").asText())
                        .toList());

        // RED metrics at MetricsService: one data point per NDJSON metric line
        long points = 0;
        for (ExportMetricsServiceRequest r : collector.metrics) {
            for (var rm : r.getResourceMetricsList()) {
                for (var sm : rm.getScopeMetricsList()) {
                    for (var m : sm.getMetricsList()) {
                        points += m.getGauge().getDataPointsCount();
                    }
                }
            }
        }
        assertThat(expected.metrics()).isNotEmpty();
        assertThat(points).isEqualTo(expected.metrics().size());
    }

    private static String hex(ByteString bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes.toByteArray()) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
