package dev.sonda.engine.encode;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.log.JsonLinesLogEncoder;
import dev.sonda.engine.log.LogEncoder;
import java.util.Objects;

/**
 * JSON Lines metric records, byte for byte as Sonda 1.20 {@code encoder/json.rs} (serde_json)
 * writes them: one compact object per line, keys in this order, no whitespace:
 *
 * <pre>{@code
 * {"name":"cpu","value":0.5,"labels":{"host":"srv1","zone":"eu1"},"timestamp":"2023-11-14T22:13:20.000Z"}\n
 * }</pre>
 *
 * <ul>
 *   <li>Strings use serde_json escaping: {@code "} and {@code \} backslashed, {@code \b \t \n \f
 *       \r}, other control bytes as {@code \}{@code u00xx} (lowercase hex), everything else raw UTF-8.
 *   <li>{@code labels} is always present ({@code {}} when empty), in {@link Labels} order.
 *   <li>{@code value} is serde_json's number form: shortest round-trip digits, plain for 1e-5
 *       &le; |x| &lt; 1e16 with at least one decimal ({@code 1.0}, {@code 0.00001}), scientific
 *       otherwise ({@code 1e+16}, {@code 1e-6}); {@code -0.0}; {@code null} for NaN and
 *       infinities. With a precision the value is first rounded half away from zero to that many
 *       decimals.
 *   <li>{@code timestamp} is RFC 3339 UTC with milliseconds (truncated), always 24 characters.
 * </ul>
 *
 * <p>Only metric records; log records are not written by this class. Immutable and thread-safe.
 */
public final class JsonLinesEncoder implements MetricEncoder {
    private static final byte[] TAIL = {'"', '}', '\n'};
    private static final int TIMESTAMP_LENGTH = 24;

    private final int precision; // -1: no rounding

    /** Creates an encoder that writes values unrounded. */
    public JsonLinesEncoder() {
        this(null);
    }

    /**
     * Creates an encoder.
     *
     * @param precision decimals (0..17) values are rounded to, half away from zero, or null
     * @throws IllegalArgumentException if {@code precision} is outside 0..17
     */
    public JsonLinesEncoder(Integer precision) {
        this.precision = Encoders.checkPrecision(precision);
    }

    /**
     * Pre-encodes the head <code>&#123;"name":NAME,"value":</code> and the middle <code>
     * ,"labels":&#123;...&#125;,"timestamp":"</code> as UTF-8.
     *
     * @param name metric name, already validated
     * @param labels label set; keys already validated
     * @return the prepared series
     * @throws NullPointerException if an argument is null
     */
    @Override
    public EncodedSeries series(String name, Labels labels) {
        Objects.requireNonNull(labels, "labels");
        ByteBuf b = new ByteBuf(64);
        b.putUtf8("{\"name\":");
        Escapes.jsonString(name, b);
        b.putUtf8(",\"value\":");
        byte[] head = b.toByteArray();
        b.clear();
        b.putUtf8(",\"labels\":{");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                b.put((byte) ',');
            }
            Escapes.jsonString(labels.key(i), b);
            b.put((byte) ':');
            Escapes.jsonString(labels.value(i), b);
        }
        b.putUtf8("},\"timestamp\":\"");
        return new EncodedSeries(this, name, labels, head, b.toByteArray());
    }

    /**
     * Appends head, VALUE, middle, TIMESTAMP and <code>"&#125;\n</code>.
     *
     * @param series a series prepared by this encoder
     * @param value the sample value, any double (non-finite values are written as {@code null})
     * @param epochNanos sample time in nanoseconds since the epoch; written as RFC 3339 with
     *     milliseconds ({@code epochNanos / 1_000_000})
     * @param out buffer the record is appended to
     * @throws EncodeException if {@code epochNanos} is negative
     * @throws IllegalArgumentException if {@code series} was prepared by another encoder
     */
    @Override
    public void encode(EncodedSeries series, double value, long epochNanos, ByteBuf out) {
        series.checkOwner(this);
        if (epochNanos < 0) {
            throw EncodeException.timestampBeforeEpoch();
        }
        byte[] head = series.head;
        byte[] middle = series.middle;
        byte[] a =
                out.ensureCapacity(head.length + FloatText.MAX_LENGTH + middle.length + TIMESTAMP_LENGTH + TAIL.length);
        int p = out.length();
        System.arraycopy(head, 0, a, p, head.length);
        p += head.length;
        p = precision < 0 ? FloatText.json(value, a, p) : FloatText.jsonRounded(value, precision, a, p);
        System.arraycopy(middle, 0, a, p, middle.length);
        p += middle.length;
        p = FloatText.rfc3339Millis(epochNanos / 1_000_000L, a, p);
        a[p++] = '"';
        a[p++] = '}';
        a[p++] = '\n';
        out.setLength(p);
    }

    /**
     * Describes the configuration.
     *
     * @return such as {@code JsonLinesEncoder[precision=none]}
     */
    @Override
    public String toString() {
        return "JsonLinesEncoder[precision=" + (precision < 0 ? "none" : precision) + "]";
    }

    /**
     * The built-in provider of {@code type: json_lines}: key {@code precision} (0 to 17 decimals the metric value is rounded to;
     * absent for none); metrics and logs.
     */
    public static final class Provider implements EncoderProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "json_lines";
        }

        @Override
        public Class<EncoderSpec.JsonLines> specClass() {
            return EncoderSpec.JsonLines.class;
        }

        @Override
        public String summary() {
            return "one JSON object per line, for metrics and logs";
        }

        @Override
        public EncoderSpec read(SpecBlock block) {
            return new EncoderSpec.JsonLines(Encoders.readPrecision(block));
        }

        @Override
        public void write(EncoderSpec spec, SpecWriter out) {
            EncoderSpec.JsonLines e = (EncoderSpec.JsonLines) spec;
            out.put("precision", e.precision());
        }

        @Override
        public boolean encodesMetrics() {
            return true;
        }

        @Override
        public boolean encodesLogs() {
            return true;
        }

        /**
         * Builds the metric encoder.
         *
         * @param spec an {@link EncoderSpec.JsonLines}
         * @return the encoder
         * @throws IllegalArgumentException if the precision is outside 0 to 17
         */
        @Override
        public MetricEncoder metricEncoder(EncoderSpec spec) {
            EncoderSpec.JsonLines e = (EncoderSpec.JsonLines) spec;
            return new JsonLinesEncoder(e.precision());
        }

        /**
         * Builds the log encoder.
         *
         * @param spec an {@link EncoderSpec.JsonLines}
         * @return the encoder
         */
        @Override
        public LogEncoder logEncoder(EncoderSpec spec) {
            return new JsonLinesLogEncoder();
        }

        @Override
        public String display(EncoderSpec spec) {
            return Encoders.withPrecision(type(), ((EncoderSpec.JsonLines) spec).precision());
        }
    }
}
