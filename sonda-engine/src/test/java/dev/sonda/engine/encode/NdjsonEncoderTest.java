package dev.sonda.engine.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.MetricType;
import dev.sonda.api.Severity;
import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.EventType;
import dev.sonda.api.trace.SpanKind;
import dev.sonda.engine.data.EventData;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SpanData;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.log.LogFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The four schemas of the telemetry-simulation README, field for field. The golden lines are
 * written by hand from the README's examples (its metric and event examples verbatim, with the
 * fixed-width timestamp), not produced by the encoder.
 */
class NdjsonEncoderTest {
    private static final long T0 = Instant.parse("2024-01-15T10:30:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long TRACE_HI = 0x4bf92f3577b34da6L;
    private static final long TRACE_LO = 0xa3ce929d0e0e4736L;
    private static final long ROOT = 0x00f067aa0ba902b7L;
    private static final long CHILD = 0xb7ad6b7169203331L;

    private final NdjsonEncoder encoder = new NdjsonEncoder();

    private static List<String> golden() throws IOException {
        try (InputStream in = NdjsonEncoderTest.class.getResourceAsStream("/golden/ndjson/seed-schemas.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private String metric() {
        Series s = Series.of("cpu_usage", Labels.of(Map.of("service", "api-gateway", "unit", "%")), MetricType.GAUGE);
        ByteBuf out = new ByteBuf();
        encoder.encode(encoder.series(s.name(), s.labels()), 42.5, T0, out);
        return out.toString();
    }

    private String log() {
        LogEvent e = new LogEvent(
                T0,
                Severity.ERROR,
                "Connection pool exhausted",
                Labels.of(Map.of("service", "auth-service")),
                LogFields.of(Map.of(
                        "trace_id", "4bf92f3577b34da6a3ce929d0e0e4736",
                        "span_id", "00f067aa0ba902b7",
                        "operation", "verify")));
        ByteBuf out = new ByteBuf();
        encoder.encode(e, out);
        return out.toString();
    }

    private String span(
            long id,
            long parent,
            String service,
            String op,
            SpanKind kind,
            long start,
            long micros,
            String error,
            Map<String, String> attributes) {
        SpanData s = new SpanData(
                TRACE_HI,
                TRACE_LO,
                id,
                parent,
                service,
                op,
                kind,
                start,
                start + micros * 1000,
                error != null,
                error,
                Labels.of(attributes),
                Labels.empty());
        ByteBuf out = new ByteBuf();
        encoder.encode(s, out);
        return out.toString();
    }

    private String event() {
        ByteBuf out = new ByteBuf();
        encoder.encode(
                new EventData(
                        T0,
                        EventType.DEPLOYMENT,
                        "api-gateway",
                        EventSeverity.INFO,
                        "Deploying new version to api-gateway",
                        Labels.of(Map.of("version", "2.1.0"))),
                out);
        return out.toString();
    }

    @Test
    void everySchemaIsWrittenAsTheReadmeShowsIt() throws IOException {
        List<String> golden = golden();

        assertThat(metric()).isEqualTo(golden.get(0) + "\n");
        assertThat(log()).isEqualTo(golden.get(1) + "\n");
        assertThat(span(
                        ROOT,
                        0,
                        "user-service",
                        "get_user",
                        SpanKind.SERVER,
                        T0 + 123_456_000L,
                        45_125,
                        null,
                        Map.of()))
                .isEqualTo(golden.get(2) + "\n");
        assertThat(span(
                        CHILD,
                        ROOT,
                        "postgres",
                        "query",
                        SpanKind.CLIENT,
                        T0 + 200_000_000L,
                        45_000,
                        "connection refused: \"db\"\n",
                        Map.of("db.system", "postgresql")))
                .isEqualTo(golden.get(3) + "\n");
        assertThat(event()).isEqualTo(golden.get(4) + "\n");
    }

    @Test
    void aJsonParserReadsTheReadmesFieldsWithTheirTypes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode m = json.readTree(metric());
        JsonNode l = json.readTree(log());
        JsonNode s =
                json.readTree(span(ROOT, 0, "user-service", "get_user", SpanKind.SERVER, T0, 45_000, null, Map.of()));
        JsonNode e = json.readTree(event());

        assertThat(m.get("value").isNumber()).isTrue();
        assertThat(m.get("unit").asText()).isEqualTo("%");
        assertThat(l.get("level").asText()).isEqualTo("ERROR");
        assertThat(l.get("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(s.get("duration_ms").isNumber()).isTrue();
        assertThat(s.get("duration_ms").asDouble()).isEqualTo(45.0);
        assertThat(s.get("parent_span_id").isNull()).isTrue();
        assertThat(s.get("status").asText()).isEqualTo("success");
        assertThat(Instant.parse(s.get("timestamp").asText().replace("+00:00", "Z")))
                .isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
        assertThat(e.get("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void durationsKeepMicrosecondsAndDropTrailingZeros() {
        for (long[] c : new long[][] {{1, 1}, {10, 1}, {100, 1}, {1_500, 1}, {45_120, 1}, {2_000_000, 1}}) {
            String line = span(ROOT, 0, "s", "o", SpanKind.INTERNAL, T0, c[0], null, Map.of());
            String ms = line.replaceAll(".*\"duration_ms\":([0-9.]+),.*\\n", "$1");
            assertThat(Double.parseDouble(ms)).isEqualTo(c[0] / 1000.0);
            assertThat(ms).doesNotEndWith("0.").doesNotMatch(".*\\.\\d*0$");
        }
    }

    @Test
    void aWarningIsWrittenAsPythonsLoggingNamesIt() {
        assertThat(NdjsonEncoder.level(Severity.WARN)).isEqualTo("WARNING");
        assertThat(NdjsonEncoder.level(Severity.FATAL)).isEqualTo("FATAL");
    }

    @Test
    void aTimestampBeforeTheEpochIsRefused() {
        assertThatThrownBy(() -> span(ROOT, 0, "s", "o", SpanKind.SERVER, -1000, 1, null, Map.of()))
                .isInstanceOf(EncodeException.class)
                .hasMessage("timestamp before the Unix epoch");
    }

    @Test
    void aLogBeforeTheEpochIsRefusedWithoutWritingIntoTheBuffer() {
        ByteBuf out = new ByteBuf();
        out.putUtf8("kept\n");
        LogEvent e = new LogEvent(-1, Severity.INFO, "m", Labels.of(Map.of()), LogFields.of(Map.of()));
        assertThatThrownBy(() -> new NdjsonEncoder().encode(e, out))
                .isInstanceOf(EncodeException.class)
                .hasMessage("timestamp before the Unix epoch");
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo("kept\n");
    }
}
