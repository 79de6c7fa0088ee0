package dev.sonda.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Severity;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.log.LogFields;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The {@code otlp} encoder against the reference's worked examples (spec §11.6). */
class OtlpEncoderGoldenTest {
    private static final long TIME = 1_700_000_000_000L * 1_000_000L;

    private static Map<String, byte[]> golden() throws IOException {
        Map<String, byte[]> vectors = new TreeMap<>();
        try (InputStream in = OtlpEncoderGoldenTest.class.getResourceAsStream("/golden/otlp-encoder.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 2);
                vectors.put(parts[0], HexFormat.of().parseHex(parts[1].replace(" ", "")));
            }
        }
        return vectors;
    }

    @Test
    void theWorkedMetricExampleIsTheReferences46Bytes() throws IOException {
        ByteBuf out = new ByteBuf(8);
        EncodedSeries s = OtlpMetricEncoder.INSTANCE.series("up", Labels.of(Map.of("host", "srv1")));

        OtlpMetricEncoder.INSTANCE.encode(s, 1.0, TIME, out);

        assertThat(out.toByteArray()).hasSize(46).isEqualTo(golden().get("metric"));
    }

    @Test
    void theWorkedLogExampleIsTheReferencesBytes() throws IOException {
        ByteBuf out = new ByteBuf(8);
        LogEvent event = new LogEvent(
                TIME, Severity.INFO, "hello", Labels.of(Map.of("env", "prod")), LogFields.of(Map.of("ip", "10.0.0.1")));

        OtlpLogEncoder.framed().encode(event, out);

        assertThat(out.toByteArray()).isEqualTo(golden().get("log"));
    }

    @Test
    void aRecordDecodesWithThePublishedClassesAsTheFrameSays() throws IOException {
        ByteBuf out = new ByteBuf(8);
        EncodedSeries s = OtlpMetricEncoder.INSTANCE.series(
                "http_requests_total", Labels.of(Map.of("method", "GET", "path", "/é", "empty", "")));
        OtlpMetricEncoder.INSTANCE.encode(s, -0.0, 123_456_789L, out);
        OtlpMetricEncoder.INSTANCE.encode(s, Double.longBitsToDouble(0x7ff0000000000002L), 1L, out);

        byte[] bytes = out.toByteArray();
        ByteBuffer frames = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int first = frames.getInt();
        Metric m1 = Metric.parseFrom(Arrays.copyOfRange(bytes, 4, 4 + first));
        int second = ByteBuffer.wrap(bytes, 4 + first, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt();
        Metric m2 = Metric.parseFrom(Arrays.copyOfRange(bytes, 8 + first, 8 + first + second));

        assertThat(8 + first + second).isEqualTo(bytes.length);
        assertThat(m1.getName()).isEqualTo("http_requests_total");
        assertThat(m1.getGauge().getDataPointsList()).hasSize(1);
        var p = m1.getGauge().getDataPoints(0);
        assertThat(p.getTimeUnixNano()).isEqualTo(123_456_789L);
        assertThat(Double.doubleToRawLongBits(p.getAsDouble())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(p.getAttributesList())
                .extracting(kv -> kv.getKey() + "=" + kv.getValue().getStringValue())
                .containsExactly("empty=", "method=GET", "path=/é");
        assertThat(Double.doubleToRawLongBits(m2.getGauge().getDataPoints(0).getAsDouble()))
                .isEqualTo(0x7ff0000000000002L);
        assertThat(m2.getGauge().getDataPoints(0).getTimeUnixNano()).isEqualTo(1L);
    }

    @Test
    void atTheEpochTheTimeIsOmittedAndTheLengthsFollow() throws IOException {
        ByteBuf out = new ByteBuf(8);
        EncodedSeries s = OtlpMetricEncoder.INSTANCE.series("up", Labels.of(Map.of("host", "srv1")));

        OtlpMetricEncoder.INSTANCE.encode(s, 0.0, 0L, out);

        byte[] b = out.toByteArray();
        assertThat(b).hasSize(46 - 9);
        Metric m = Metric.parseFrom(Arrays.copyOfRange(b, 4, b.length));
        assertThat(m.getGauge().getDataPoints(0).getTimeUnixNano()).isZero();
        assertThat(m.getGauge().getDataPoints(0).hasAsDouble())
                .as("oneof always written")
                .isTrue();
    }

    @Test
    void aLogRecordWithEmptyBodyAndEverySeverityDecodes() throws IOException {
        int[] numbers = {1, 5, 9, 13, 17, 21};
        for (Severity severity : Severity.values()) {
            ByteBuf out = new ByteBuf(8);
            LogEvent e =
                    new LogEvent(0, severity, "", Labels.of(Map.of("k", "label")), LogFields.of(Map.of("k", "field")));
            OtlpLogEncoder.framed().encode(e, out);
            byte[] b = out.toByteArray();
            LogRecord r = LogRecord.parseFrom(Arrays.copyOfRange(b, 4, b.length));

            assertThat(r.getSeverityNumberValue()).isEqualTo(numbers[severity.ordinal()]);
            assertThat(r.getSeverityText()).isEqualTo(severity.name());
            assertThat(r.hasBody()).isTrue();
            assertThat(r.getBody().getStringValue()).isEmpty();
            assertThat(r.getAttributesList())
                    .extracting(kv -> kv.getKey() + "=" + kv.getValue().getStringValue())
                    .containsExactly("k=label", "k=field");
            // body "" is written as 2A 02 0A 00, as prost writes a set oneof
            assertThat(HexFormat.of().formatHex(b)).contains("2a020a00");
        }
    }

    @Test
    void aTimeBeforeTheEpochIsRefused() {
        EncodedSeries s = OtlpMetricEncoder.INSTANCE.series("up", Labels.empty());
        assertThatThrownBy(() -> OtlpMetricEncoder.INSTANCE.encode(s, 1, -1, new ByteBuf(8)))
                .isInstanceOf(EncodeException.class)
                .hasMessage("timestamp before the Unix epoch");
    }
}
