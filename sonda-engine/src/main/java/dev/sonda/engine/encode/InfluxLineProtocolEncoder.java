package dev.sonda.engine.encode;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.util.Objects;

/**
 * InfluxDB line protocol, byte for byte as Sonda 1.20 {@code encoder/influx.rs} writes it:
 *
 * <pre>{@code
 * measurement,k1=v1,k2=v2 FIELD_KEY=VALUE TIMESTAMP_NS\n
 * }</pre>
 *
 * <ul>
 *   <li>The measurement (metric name), tag keys, tag values and the field key all get a backslash
 *       before {@code ,}, space and {@code =}; nothing else is escaped (not backslashes, quotes or
 *       newlines), as in the reference. Tags follow the {@link Labels} order.
 *   <li>VALUE is written as {@link PrometheusTextEncoder} writes it (Rust Display or {@code {:.n}}),
 *       without the {@code i} suffix; NaN and infinities come out as {@code NaN} / {@code inf} /
 *       {@code -inf}, which InfluxDB itself rejects (reproduced as the reference does).
 *   <li>TIMESTAMP_NS is the sample time in nanoseconds since the epoch.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class InfluxLineProtocolEncoder implements MetricEncoder {
    private static final byte[] EMPTY = new byte[0];
    private static final int TAIL_MAX = 1 + 20 + 1; // ' ' + a long + '\n'

    private final String fieldKey;
    private final int precision; // -1: Display

    /** Creates an encoder with the field key {@code value} and shortest round-trip values. */
    public InfluxLineProtocolEncoder() {
        this(null, null);
    }

    /**
     * Creates an encoder.
     *
     * @param fieldKey field key, or null for {@code value}
     * @param precision fixed number of decimals, 0..17, or null for shortest round-trip digits
     * @throws IllegalArgumentException if {@code precision} is outside 0..17
     */
    public InfluxLineProtocolEncoder(String fieldKey, Integer precision) {
        this.fieldKey = fieldKey != null ? fieldKey : "value";
        this.precision = Encoders.checkPrecision(precision);
    }

    /**
     * Pre-encodes {@code measurement,tags FIELD_KEY=} as UTF-8.
     *
     * @param name metric name (the measurement), already validated
     * @param labels tags; keys already validated
     * @return the prepared series
     * @throws NullPointerException if an argument is null
     */
    @Override
    public EncodedSeries series(String name, Labels labels) {
        Objects.requireNonNull(labels, "labels");
        ByteBuf b = new ByteBuf(64);
        b.putUtf8(Escapes.influx(name));
        for (int i = 0; i < labels.size(); i++) {
            b.put((byte) ',');
            b.putUtf8(Escapes.influx(labels.key(i)));
            b.put((byte) '=');
            b.putUtf8(Escapes.influx(labels.value(i)));
        }
        b.put((byte) ' ');
        b.putUtf8(Escapes.influx(fieldKey));
        b.put((byte) '=');
        return new EncodedSeries(this, name, labels, b.toByteArray(), EMPTY);
    }

    /**
     * Appends {@code <head>VALUE TIMESTAMP_NS\n}.
     *
     * @param series a series prepared by this encoder
     * @param value the sample value, any double
     * @param epochNanos sample time in nanoseconds since the epoch, written as is
     * @param out buffer the line is appended to
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
        byte[] a = out.ensureCapacity(head.length + FloatText.MAX_LENGTH + TAIL_MAX);
        int p = out.length();
        System.arraycopy(head, 0, a, p, head.length);
        p += head.length;
        p = precision < 0 ? FloatText.display(value, a, p) : FloatText.fixed(value, precision, a, p);
        a[p++] = ' ';
        p = FloatText.writeLong(epochNanos, a, p);
        a[p++] = '\n';
        out.setLength(p);
    }

    /**
     * Describes the configuration.
     *
     * @return such as {@code InfluxLineProtocolEncoder[fieldKey=value, precision=shortest]}
     */
    @Override
    public String toString() {
        return "InfluxLineProtocolEncoder[fieldKey=" + fieldKey + ", precision="
                + (precision < 0 ? "shortest" : precision) + "]";
    }

    /**
     * The built-in provider of {@code type: influx_lp}: keys {@code field_key} (default {@code value}) and {@code precision} (0 to 17
     * decimals; absent for shortest round-trip digits); metrics only.
     */
    public static final class Provider implements EncoderProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "influx_lp";
        }

        @Override
        public Class<EncoderSpec.InfluxLp> specClass() {
            return EncoderSpec.InfluxLp.class;
        }

        @Override
        public String summary() {
            return "InfluxDB line protocol";
        }

        @Override
        public EncoderSpec read(SpecBlock block) {
            return new EncoderSpec.InfluxLp(block.string("field_key"), Encoders.readPrecision(block));
        }

        @Override
        public void write(EncoderSpec spec, SpecWriter out) {
            EncoderSpec.InfluxLp e = (EncoderSpec.InfluxLp) spec;
            out.put("field_key", e.fieldKey()).put("precision", e.precision());
        }

        @Override
        public boolean encodesMetrics() {
            return true;
        }

        @Override
        public boolean encodesLogs() {
            return false;
        }

        /**
         * Builds the metric encoder.
         *
         * @param spec an {@link EncoderSpec.InfluxLp}
         * @return the encoder
         * @throws IllegalArgumentException if the precision is outside 0 to 17
         */
        @Override
        public MetricEncoder metricEncoder(EncoderSpec spec) {
            EncoderSpec.InfluxLp e = (EncoderSpec.InfluxLp) spec;
            return new InfluxLineProtocolEncoder(e.resolvedFieldKey(), e.precision());
        }

        @Override
        public String display(EncoderSpec spec) {
            return Encoders.withPrecision(type(), ((EncoderSpec.InfluxLp) spec).precision());
        }
    }
}
