package dev.sonda.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.PrometheusTextEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import prometheus.Types;

class RemoteWriteEncoderTest {
    private static final long MS = 1_000_000L;
    private final RemoteWriteEncoder encoder = new RemoteWriteEncoder();

    private byte[] encode(String name, Map<String, String> labels, double value, long epochNanos) {
        ByteBuf out = new ByteBuf(16);
        encoder.encode(encoder.series(name, Labels.of(labels)), value, epochNanos, out);
        return out.toByteArray();
    }

    /** Splits the length prefix off and parses the message with classes generated from prompb/types.proto. */
    private static Types.TimeSeries decode(byte[] record) throws IOException {
        int len = ByteBuffer.wrap(record, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(len).as("length prefix").isEqualTo(record.length - 4);
        return Types.TimeSeries.parseFrom(Arrays.copyOfRange(record, 4, record.length));
    }

    private static byte[] golden(String file) throws IOException {
        try (InputStream in = RemoteWriteEncoderTest.class.getResourceAsStream("/golden/" + file)) {
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .filter(l -> !l.startsWith("#"))
                    .collect(Collectors.joining())
                    .replaceAll("\\s", "");
            return HexFormat.of().parseHex(hex);
        }
    }

    @Test
    void theSpecsWorkedExampleIsFiftyTwoBytesExactly() throws IOException {
        byte[] record = encode("up", Map.of("host", "srv1"), 1.0, 1_700_000_000_000L * MS);

        assertThat(record).hasSize(52).isEqualTo(golden("remote_write_up_srv1.hex"));
    }

    @Test
    void labelNamesStartingWithAnUpperCaseLetterSortBeforeTheMetricName() throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("zone", "eu");
        labels.put("Host", "a");
        labels.put("_x", "b");
        labels.put("__a", "c");

        Types.TimeSeries ts = decode(encode("cpu", labels, 2.5, 1_000 * MS));

        assertThat(ts.getLabelsList())
                .extracting(Types.Label::getName, Types.Label::getValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Host", "a"),
                        org.assertj.core.groups.Tuple.tuple("__a", "c"),
                        org.assertj.core.groups.Tuple.tuple("__name__", "cpu"),
                        org.assertj.core.groups.Tuple.tuple("_x", "b"),
                        org.assertj.core.groups.Tuple.tuple("zone", "eu"));
    }

    @Test
    void aZeroValueOfEitherSignIsLeftOutAsProto3Does() {
        byte[] zero = encode("up", Map.of(), 0.0, 1_000 * MS);
        byte[] negativeZero = encode("up", Map.of(), -0.0, 1_000 * MS);

        // 4-byte length, label __name__=up (16 bytes), samples field: 12 03 10 E8 07 (timestamp 1000 only)
        byte[] expected = HexFormat.of().parseHex("15000000" + "0A0E0A085F5F6E616D655F5F12027570" + "120310E807");
        assertThat(zero).isEqualTo(expected);
        assertThat(negativeZero).isEqualTo(expected);
    }

    @Test
    void aTimestampOfZeroAndAnEmptyLabelValueAreLeftOut() {
        byte[] record = encode("up", Map.of("env", ""), 1.0, 0);

        // labels: __name__=up, then env with no value field (0A 05 0A 03 'env'); sample holds only the value
        assertThat(HexFormat.of().withUpperCase().formatHex(record))
                .isEqualTo(
                        "22000000" + "0A0E0A085F5F6E616D655F5F12027570" + "0A050A03656E76" + "120909000000000000F03F");
    }

    @Test
    void aTimeBeforeNineteenSeventyIsATenByteVarint() throws IOException {
        byte[] record = encode("up", Map.of(), 1.0, -1 * MS);

        assertThat(HexFormat.of().withUpperCase().formatHex(record))
                .endsWith("1214" + "09000000000000F03F" + "10FFFFFFFFFFFFFFFFFF01");
        assertThat(decode(record).getSamples(0).getTimestamp()).isEqualTo(-1L);
    }

    @Test
    void theTimestampIsFlooredToMilliseconds() throws IOException {
        assertThat(decode(encode("up", Map.of(), 1.0, 1_999_999)).getSamples(0).getTimestamp())
                .isEqualTo(1);
        assertThat(decode(encode("up", Map.of(), 1.0, -1)).getSamples(0).getTimestamp())
                .isEqualTo(-1);
    }

    @Test
    void theStaleMarkerKeepsItsBits() throws IOException {
        double stale = Double.longBitsToDouble(0x7ff0000000000002L);

        Types.Sample s = decode(encode("up", Map.of(), stale, 5 * MS)).getSamples(0);

        assertThat(Double.doubleToRawLongBits(s.getValue())).isEqualTo(0x7ff0000000000002L);
    }

    @Test
    void aSeriesPreparedByAnotherEncoderIsRefused() {
        EncodedSeries other = new PrometheusTextEncoder(null).series("up", Labels.empty());

        assertThatThrownBy(() -> encoder.encode(other, 1.0, 0, new ByteBuf()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsAppendToWhatTheBufferHolds() throws IOException {
        EncodedSeries s = encoder.series("up", Labels.empty());
        ByteBuf out = new ByteBuf(4);
        encoder.encode(s, 1.0, MS, out);
        int first = out.length();
        encoder.encode(s, 2.0, 2 * MS, out);

        byte[] all = out.toByteArray();
        assertThat(decode(Arrays.copyOfRange(all, 0, first)).getSamples(0).getValue())
                .isEqualTo(1.0);
        assertThat(decode(Arrays.copyOfRange(all, first, all.length))
                        .getSamples(0)
                        .getValue())
                .isEqualTo(2.0);
    }

    @Property(tries = 300)
    void protobufJavaReadsBackEveryLabelValueAndTimestamp(
            @ForAll("labels") Map<String, String> labels, @ForAll("values") double value, @ForAll long epochNanos)
            throws IOException {
        Types.TimeSeries ts = decode(encode("metric_x", labels, value, epochNanos));

        Map<String, String> expected = new java.util.TreeMap<>(RemoteWriteEncoderTest::utf8Order);
        expected.putAll(labels);
        expected.put("__name__", "metric_x");
        List<String> names =
                ts.getLabelsList().stream().map(Types.Label::getName).toList();
        assertThat(names).containsExactlyElementsOf(expected.keySet());
        assertThat(ts.getLabelsList().stream().map(Types.Label::getValue).toList())
                .containsExactlyElementsOf(expected.values());
        assertThat(ts.getSamplesCount()).isEqualTo(1);
        Types.Sample s = ts.getSamples(0);
        long expectedBits = value == 0.0 ? 0L : Double.doubleToRawLongBits(value);
        assertThat(Double.doubleToRawLongBits(s.getValue())).isEqualTo(expectedBits);
        assertThat(s.getTimestamp()).isEqualTo(Math.floorDiv(epochNanos, MS));
    }

    private static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Map<String, String>> labels() {
        Arbitrary<String> keys = Arbitraries.strings()
                .withChars("abcXYZ_019")
                .ofMinLength(1)
                .ofMaxLength(8)
                .filter(k -> !Character.isDigit(k.charAt(0)) && !k.equals("__name__"));
        Arbitrary<String> values = Arbitraries.strings().ofMaxLength(12);
        return Arbitraries.maps(keys, values).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.of(
                        0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.longBitsToDouble(0x7ff0000000000002L)),
                Arbitraries.longs().map(Double::longBitsToDouble));
    }
}
