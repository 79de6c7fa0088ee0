package dev.sonda.engine.encode;

import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;

/**
 * Prometheus text exposition format 0.0.4 sample lines, byte for byte as Sonda 1.20 {@code
 * encoder/prometheus.rs} writes them:
 *
 * <pre>{@code
 * name{k1="v1",k2="v2"} VALUE TIMESTAMP_MS\n
 * }</pre>
 *
 * <ul>
 *   <li>The braces are omitted when there are no labels. Labels follow the {@link Labels} order,
 *       separated by {@code ,} without spaces; names and keys are written raw; values escape
 *       {@code \} → {@code \\}, {@code "} → {@code \"} and LF → {@code \n}, nothing else.
 *   <li>VALUE is Rust's {@code f64} Display (shortest round-trip digits, never an exponent: {@code
 *       1}, {@code 0.0000001}, {@code -0}) or, with a precision, {@code {:.n}} (exact value
 *       rounded half to even: {@code 99.61}). NaN is {@code NaN}, infinities {@code inf} / {@code
 *       -inf}.
 *   <li>TIMESTAMP_MS is the sample time in whole milliseconds since the epoch (truncated). It can
 *       be switched off (as the reference's scrape endpoint does), which yields {@code name VALUE\n}.
 * </ul>
 *
 * <p>No {@code # TYPE} / {@code # HELP} lines are written. Immutable and thread-safe.
 */
public final class PrometheusTextEncoder implements MetricEncoder {
    private static final byte[] EMPTY = new byte[0];
    private static final int TAIL_MAX = 1 + 20 + 1; // ' ' + a long + '\n'

    private final int precision; // -1: Display
    private final boolean timestamps;

    /** Creates an encoder with shortest round-trip values and millisecond timestamps. */
    public PrometheusTextEncoder() {
        this(null, true);
    }

    /**
     * Creates an encoder with millisecond timestamps.
     *
     * @param precision fixed number of decimals, 0..17, or null for shortest round-trip digits
     * @throws IllegalArgumentException if {@code precision} is outside 0..17
     */
    public PrometheusTextEncoder(Integer precision) {
        this(precision, true);
    }

    /**
     * Creates an encoder.
     *
     * @param precision fixed number of decimals, 0..17, or null for shortest round-trip digits
     * @param timestamps whether each line ends with the timestamp in milliseconds; without it a
     *     pre-1970 timestamp is not an error
     * @throws IllegalArgumentException if {@code precision} is outside 0..17
     */
    public PrometheusTextEncoder(Integer precision, boolean timestamps) {
        this.precision = Encoders.checkPrecision(precision);
        this.timestamps = timestamps;
    }

    /**
     * Pre-encodes {@code name{k="v",...} } (with the trailing space) as UTF-8.
     *
     * @param name metric name, already validated
     * @param labels label set; keys already validated
     * @return the prepared series
     * @throws NullPointerException if an argument is null
     */
    @Override
    public EncodedSeries series(String name, Labels labels) {
        ByteBuf b = new ByteBuf(64);
        b.putUtf8(name);
        if (!labels.isEmpty()) {
            b.put((byte) '{');
            for (int i = 0; i < labels.size(); i++) {
                if (i > 0) {
                    b.put((byte) ',');
                }
                b.putUtf8(labels.key(i));
                b.put((byte) '=');
                b.put((byte) '"');
                b.putUtf8(Escapes.prometheusLabelValue(labels.value(i)));
                b.put((byte) '"');
            }
            b.put((byte) '}');
        }
        b.put((byte) ' ');
        return new EncodedSeries(this, name, labels, b.toByteArray(), EMPTY);
    }

    /**
     * Appends {@code <head>VALUE TIMESTAMP_MS\n} (or {@code <head>VALUE\n} without timestamps).
     *
     * @param series a series prepared by this encoder
     * @param value the sample value, any double
     * @param epochNanos sample time in nanoseconds since the epoch; written as {@code epochNanos /
     *     1_000_000} milliseconds
     * @param out buffer the line is appended to
     * @throws EncodeException if timestamps are on and {@code epochNanos} is negative
     * @throws IllegalArgumentException if {@code series} was prepared by another encoder
     */
    @Override
    public void encode(EncodedSeries series, double value, long epochNanos, ByteBuf out) {
        series.checkOwner(this);
        if (epochNanos < 0 && timestamps) {
            throw EncodeException.timestampBeforeEpoch();
        }
        byte[] head = series.head;
        byte[] a = out.ensureCapacity(head.length + FloatText.MAX_LENGTH + TAIL_MAX);
        int p = out.length();
        System.arraycopy(head, 0, a, p, head.length);
        p += head.length;
        p = precision < 0 ? FloatText.display(value, a, p) : FloatText.fixed(value, precision, a, p);
        if (timestamps) {
            a[p++] = ' ';
            p = FloatText.writeLong(epochNanos / 1_000_000L, a, p);
        }
        a[p++] = '\n';
        out.setLength(p);
    }

    /**
     * Describes the configuration.
     *
     * @return such as {@code PrometheusTextEncoder[precision=2, timestamps=true]}
     */
    @Override
    public String toString() {
        return "PrometheusTextEncoder[precision=" + (precision < 0 ? "shortest" : precision) + ", timestamps="
                + timestamps + "]";
    }

    /**
     * The built-in provider of {@code type: prometheus_text}: key {@code precision} (0 to 17 decimals; absent for shortest round-trip digits); metrics only.
     */
    public static final class Provider implements EncoderProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "prometheus_text";
        }

        @Override
        public Class<EncoderSpec.PrometheusText> specClass() {
            return EncoderSpec.PrometheusText.class;
        }

        @Override
        public String summary() {
            return "Prometheus text exposition format 0.0.4 sample lines";
        }

        @Override
        public EncoderSpec read(SpecBlock block) {
            return new EncoderSpec.PrometheusText(Encoders.readPrecision(block));
        }

        @Override
        public void write(EncoderSpec spec, SpecWriter out) {
            EncoderSpec.PrometheusText e = (EncoderSpec.PrometheusText) spec;
            out.put("precision", e.precision());
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
         * @param spec an {@link EncoderSpec.PrometheusText}
         * @return the encoder
         * @throws IllegalArgumentException if the precision is outside 0 to 17
         */
        @Override
        public MetricEncoder metricEncoder(EncoderSpec spec) {
            EncoderSpec.PrometheusText e = (EncoderSpec.PrometheusText) spec;
            return new PrometheusTextEncoder(e.precision());
        }

        @Override
        public String display(EncoderSpec spec) {
            return Encoders.withPrecision(type(), ((EncoderSpec.PrometheusText) spec).precision());
        }
    }
}
