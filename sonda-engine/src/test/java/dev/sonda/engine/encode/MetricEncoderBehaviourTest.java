package dev.sonda.engine.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricEncoderBehaviourTest {
    private static final List<MetricEncoder> ALL =
            List.of(new PrometheusTextEncoder(), new InfluxLineProtocolEncoder(), new JsonLinesEncoder());

    @Test
    void aTimestampBeforeTheEpochIsAnErrorAndWritesNothing() {
        for (MetricEncoder encoder : ALL) {
            EncodedSeries series = encoder.series("m", Labels.of(Map.of("a", "b")));
            ByteBuf out = new ByteBuf(4);
            out.putUtf8("kept");

            assertThatThrownBy(() -> encoder.encode(series, 1.0, -1, out))
                    .as(encoder.toString())
                    .isInstanceOf(EncodeException.class)
                    .hasMessage("timestamp before the Unix epoch");
            assertThat(out).hasToString("kept");
        }
    }

    @Test
    void prometheusWithoutTimestampsWritesNameAndValueOnlyAndAcceptsPre1970() {
        PrometheusTextEncoder encoder = new PrometheusTextEncoder(null, false);
        ByteBuf out = new ByteBuf(4);

        encoder.encode(encoder.series("up", Labels.of(Map.of("job", "x"))), 1.0, -5, out);

        assertThat(out).hasToString("up{job=\"x\"} 1\n");
    }

    @Test
    void theEpochItselfIsAValidTimestamp() {
        ByteBuf out = new ByteBuf(4);
        for (MetricEncoder encoder : ALL) {
            encoder.encode(encoder.series("m", Labels.empty()), 0.5, 0, out);
        }
        assertThat(out)
                .hasToString("m 0.5 0\nm value=0.5 0\n"
                        + "{\"name\":\"m\",\"value\":0.5,\"labels\":{},\"timestamp\":\"1970-01-01T00:00:00.000Z\"}\n");
    }

    @Test
    void aSeriesPreparedByAnotherEncoderIsRejected() {
        PrometheusTextEncoder prom = new PrometheusTextEncoder();
        EncodedSeries foreign = new PrometheusTextEncoder().series("m", Labels.empty());

        assertThatThrownBy(() -> prom.encode(foreign, 1, 0, new ByteBuf()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another encoder");
    }

    @Test
    void recordsAppendToTheBufferAndGrowItFromOneByte() {
        InfluxLineProtocolEncoder encoder = new InfluxLineProtocolEncoder();
        EncodedSeries series = encoder.series("cpu", Labels.of(Map.of("host", "srv1")));
        ByteBuf out = new ByteBuf(1);

        for (int i = 0; i < 3; i++) {
            encoder.encode(series, i, i * 1_000_000_000L, out);
        }

        assertThat(out)
                .hasToString(
                        "cpu,host=srv1 value=0 0\ncpu,host=srv1 value=1 1000000000\ncpu,host=srv1 value=2 2000000000\n");
    }

    @Test
    void theSmallestSubnormalPrintsInFullPositionalForm() {
        PrometheusTextEncoder encoder = new PrometheusTextEncoder();
        ByteBuf out = new ByteBuf(1);

        encoder.encode(encoder.series("m", Labels.empty()), Double.MIN_VALUE, 0, out);

        assertThat(out).hasToString("m 0." + "0".repeat(323) + "5 0\n");
    }

    @Test
    void theLargestDoubleAtPrecision17FitsAndKeepsItsExactDigits() {
        PrometheusTextEncoder encoder = new PrometheusTextEncoder(17);
        ByteBuf out = new ByteBuf(1);

        encoder.encode(encoder.series("m", Labels.empty()), -Double.MAX_VALUE, 0, out);

        String expected = new BigDecimal(-Double.MAX_VALUE).setScale(17).toPlainString();
        assertThat(out).hasToString("m " + expected + " 0\n");
    }

    @Test
    void theSeriesKeepsItsNameAndLabels() {
        Labels labels = Labels.of(Map.of("k", "v"));

        EncodedSeries series = new JsonLinesEncoder().series("m", labels);

        assertThat(series.name()).isEqualTo("m");
        assertThat(series.labels()).isSameAs(labels);
        assertThat(new String(series.head(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"m\",\"value\":");
        assertThat(new String(series.middle(), StandardCharsets.UTF_8))
                .isEqualTo(",\"labels\":{\"k\":\"v\"},\"timestamp\":\"");
        assertThat(series).hasToString("m{k=v}");
    }

    @Test
    void nullArgumentsToSeriesAreRejected() {
        for (MetricEncoder encoder : ALL) {
            assertThatThrownBy(() -> encoder.series(null, Labels.empty())).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> encoder.series("m", null)).isInstanceOf(NullPointerException.class);
        }
    }
}
