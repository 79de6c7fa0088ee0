package dev.sonda.engine.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

class EncoderPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Independent of {@link Labels#compareCodePoints}: compares the {@code codePoints()} streams. */
    private static final Comparator<String> BY_CODE_POINTS = (a, b) -> {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return Arrays.compare(x, y);
    };

    // ------------------------------------------------------------------ arbitraries

    /** Well-formed strings mixing ASCII, Latin-1, BMP (incl. U+E000..U+FFFF) and supplementary code points. */
    @Provide
    Arbitrary<String> text() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0, 0x7F)),
                Tuple.of(1, Arbitraries.integers().between(0x80, 0xD7FF)),
                Tuple.of(2, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                Tuple.of(2, Arbitraries.of((int) '\\', (int) '"', (int) '\n', (int) ',', (int) ' ', (int) '=')));
        return codePoint.list().ofMaxSize(12).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<Map<String, String>> labelMaps() {
        return Arbitraries.maps(text(), text()).ofMaxSize(8);
    }

    /** Every bit pattern (NaN payloads, subnormals, ±0, ±inf) plus the usual edge values. */
    @Provide
    Arbitrary<Double> anyDouble() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.doubles(),
                Arbitraries.of(
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        0.0,
                        -0.0,
                        Double.MIN_VALUE,
                        -Double.MIN_VALUE,
                        Double.MAX_VALUE,
                        -Double.MAX_VALUE,
                        Double.MIN_NORMAL,
                        1e21,
                        1e-7,
                        0.5,
                        2.5));
    }

    /** Label maps whose keys have no newline: Prometheus writes keys raw (they are validated upstream). */
    @Provide
    Arbitrary<Map<String, String>> labelMapsWithoutNewlineKeys() {
        return Arbitraries.maps(text().filter(k -> k.indexOf('\n') < 0), text()).ofMaxSize(8);
    }

    @Provide
    Arbitrary<EncoderSpec> textSpecs() {
        Arbitrary<Integer> precision =
                Arbitraries.integers().between(0, EncoderSpec.MAX_PRECISION).injectNull(0.3);
        return Arbitraries.oneOf(
                precision.map(EncoderSpec.PrometheusText::new),
                precision.map(p -> new EncoderSpec.InfluxLp(null, p)),
                precision.map(EncoderSpec.JsonLines::new));
    }

    @Provide
    Arbitrary<EncoderSpec> promOrJsonSpecs() {
        Arbitrary<Integer> precision =
                Arbitraries.integers().between(0, EncoderSpec.MAX_PRECISION).injectNull(0.3);
        return Arbitraries.oneOf(
                precision.map(EncoderSpec.PrometheusText::new), precision.map(EncoderSpec.JsonLines::new));
    }

    @Provide
    Arbitrary<Long> timestamps() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(0L, 1_777_000_000_000_000_000L));
    }

    @Provide
    Arbitrary<String> noBackslashText() {
        return text().filter(s -> s.indexOf('\\') < 0);
    }

    // ------------------------------------------------------------------ labels

    @Property
    void labelsIterateInCodePointOrderOfTheirKeys(@ForAll("labelMaps") Map<String, String> map) {
        Labels labels = Labels.of(map);

        List<String> expected = new ArrayList<>(map.keySet());
        expected.sort(BY_CODE_POINTS);
        List<String> actual = new ArrayList<>();
        for (Map.Entry<String, String> e : labels) {
            actual.add(e.getKey());
            assertThat(e.getValue()).isEqualTo(map.get(e.getKey()));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(labels.size()).isEqualTo(map.size());
    }

    @Property
    void compareCodePointsAgreesInSignWithTheCodePointStreams(@ForAll("text") String a, @ForAll("text") String b) {
        assertThat(Integer.signum(Labels.compareCodePoints(a, b)))
                .isEqualTo(Integer.signum(BY_CODE_POINTS.compare(a, b)));
        assertThat(Integer.signum(Labels.compareCodePoints(a, b)))
                .isEqualTo(-Integer.signum(Labels.compareCodePoints(b, a)));
    }

    @Property
    void addingKeysOneByOneGivesTheSameSetAsBuildingFromTheMap(@ForAll("labelMaps") Map<String, String> map) {
        Labels built = Labels.empty();
        for (Map.Entry<String, String> e : map.entrySet()) {
            built = built.with(e.getKey(), e.getValue());
        }
        assertThat(built).isEqualTo(Labels.of(map)).hasSameHashCodeAs(Labels.of(map));
    }

    // ------------------------------------------------------------------ escaping

    @Property
    void prometheusLabelValueEscapingRoundTrips(@ForAll("text") String s) {
        String escaped = Escapes.prometheusLabelValue(s);

        assertThat(escaped).doesNotContain("\n");
        assertThat(unescapePrometheus(escaped)).isEqualTo(s);
    }

    @Property
    void prometheusLabelValueEscapingRoundTripsForArbitraryJavaStrings(@ForAll String s) {
        assertThat(unescapePrometheus(Escapes.prometheusLabelValue(s))).isEqualTo(s);
    }

    @Property
    void influxEscapingRoundTripsForTextWithoutBackslashes(@ForAll("noBackslashText") String s) {
        String escaped = Escapes.influx(s);

        assertThat(escaped.replace("\\,", "").replace("\\ ", "").replace("\\=", ""))
                .doesNotContain(",", " ", "=");
        assertThat(escaped.replace("\\,", ",").replace("\\ ", " ").replace("\\=", "="))
                .isEqualTo(s);
    }

    @Property
    void jsonLinesRecordsParseBackToTheSameNameLabelsAndValue(
            @ForAll("text") String name,
            @ForAll("labelMaps") Map<String, String> map,
            @ForAll("anyDouble") double value,
            @ForAll("timestamps") long ts)
            throws IOException {
        JsonLinesEncoder encoder = new JsonLinesEncoder();
        ByteBuf out = new ByteBuf(4);

        encoder.encode(encoder.series(name, Labels.of(map)), value, ts, out);

        JsonNode node = JSON.readTree(out.toByteArray());
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("name", "value", "labels", "timestamp");
        assertThat(node.get("name").asText()).isEqualTo(name);
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.get("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asText());
        }
        assertThat(labels).containsExactlyEntriesOf(Labels.of(map).toMap());
        if (Double.isFinite(value)) {
            assertThat(Double.doubleToRawLongBits(
                            Double.parseDouble(node.get("value").asText())))
                    .isEqualTo(Double.doubleToRawLongBits(value));
        } else {
            assertThat(node.get("value").isNull()).isTrue();
        }
        assertThat(node.get("timestamp").asText()).hasSize(24).endsWith("Z");
    }

    @Property
    void prometheusValuesWithoutPrecisionParseBackToTheSameDouble(@ForAll("anyDouble") double value) {
        PrometheusTextEncoder encoder = new PrometheusTextEncoder();
        ByteBuf out = new ByteBuf(4);

        encoder.encode(encoder.series("m", Labels.empty()), value, 0, out);

        String line = out.toString();
        String text = line.substring(2, line.length() - 3);
        assertThat(text).doesNotContain("e", "E");
        double parsed = Double.parseDouble(text.replace("inf", "Infinity"));
        if (Double.isNaN(value)) {
            assertThat(text).isEqualTo("NaN");
        } else {
            assertThat(Double.doubleToRawLongBits(parsed)).isEqualTo(Double.doubleToRawLongBits(value));
        }
    }

    // ------------------------------------------------------------------ never throw, one newline

    @Property
    void everyEncoderWritesOneRecordEndingWithExactlyOneNewlineForAnyValue(
            @ForAll("textSpecs") EncoderSpec spec, @ForAll("anyDouble") double value, @ForAll("timestamps") long ts) {
        MetricEncoder encoder = Encoders.metricEncoder(spec);
        EncodedSeries series =
                encoder.series("cpu_usage", Labels.of(Map.of("host", "srv-1", "zone", "eu 1", "env", "a,b=c")));
        ByteBuf out = new ByteBuf(4);
        out.putUtf8("prefix|");

        encoder.encode(series, value, ts, out);
        encoder.encode(series, value, ts, out);

        String s = out.toString();
        assertThat(s).startsWith("prefix|").endsWith("\n");
        String[] records = s.substring("prefix|".length()).split("\n", -1);
        assertThat(records).hasSize(3);
        assertThat(records[0]).isEqualTo(records[1]).isNotEmpty();
        assertThat(records[2]).isEmpty();
    }

    @Property
    void prometheusAndJsonRecordsHaveOneNewlineWhateverTheLabels(
            @ForAll("promOrJsonSpecs") EncoderSpec spec,
            @ForAll("labelMapsWithoutNewlineKeys") Map<String, String> map,
            @ForAll("anyDouble") double value,
            @ForAll @LongRange(min = 0) long ts) {
        MetricEncoder encoder = Encoders.metricEncoder(spec);
        ByteBuf out = new ByteBuf(4);

        encoder.encode(encoder.series("m", Labels.of(map)), value, ts, out);

        String s = out.toString();
        assertThat(s.indexOf('\n')).isEqualTo(s.length() - 1);
    }

    @Property
    void theNumberPartNeverExceedsFloatTextMaxLength(
            @ForAll("textSpecs") EncoderSpec spec, @ForAll("anyDouble") double value) {
        MetricEncoder encoder = Encoders.metricEncoder(spec);
        EncodedSeries series = encoder.series("m", Labels.empty());
        ByteBuf out = new ByteBuf(1);

        encoder.encode(series, value, Long.MAX_VALUE / 4, out);

        assertThat(out.length())
                .isLessThanOrEqualTo(series.head().length + FloatText.MAX_LENGTH + series.middle().length + 32);
    }

    private static String unescapePrometheus(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
