package dev.sonda.otlp;

import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.otlp.internal.Proto;
import java.util.Objects;

/**
 * The {@code otlp} encoder for metric samples, for byte-stream sinks (stdout, file, tcp, kafka):
 * each sample becomes one OTLP {@code Metric} message framed by its length as an unsigned 32-bit
 * little-endian integer, exactly as Sonda 1.20 {@code encoder/otlp.rs} writes it.
 *
 * <p>Record layout ({@code opentelemetry/proto/metrics/v1/metrics.proto}, fields in ascending
 * number, proto3 defaults omitted):
 *
 * <pre>
 * u32 LE length
 * Metric { name = 1; gauge = 5: Gauge { data_points = 1: NumberDataPoint {
 *     time_unix_nano = 3 (fixed64, omitted when 0); as_double = 4 (always written);
 *     attributes = 7: KeyValue { key = 1; value = 2: AnyValue { string_value = 1 } } ... } } }
 * </pre>
 *
 * Every sample is a gauge with one point, whatever the metric type (histogram buckets, sums and
 * counts included), the labels in code point order as string attributes; description and unit
 * are empty. For {@code up{host="srv1"} 1.0} at 1700000000000 ms the record is the 46 bytes
 * {@code 2A000000 0A02 7570 2A24 0A22 19 00002A36FE9C9717 21 000000000000F03F 3A0E 0A04 686F7374
 * 1206 0A04 73727631}.
 *
 * <p>The series' constant bytes are prepared once; a sample copies them and writes its 8-byte time
 * and value, allocating nothing. Immutable and thread-safe.
 */
public final class OtlpMetricEncoder implements MetricEncoder {
    /** The shared instance. */
    public static final OtlpMetricEncoder INSTANCE = new OtlpMetricEncoder();

    /** {@code time_unix_nano} and {@code as_double}: two tagged 8-byte fields. */
    private static final int POINT_FIXED = 18;

    private OtlpMetricEncoder() {}

    /**
     * Prepares a series: the frame, name, gauge and data point headers (lengths computed for a
     * non-zero time) and the encoded attributes.
     *
     * @param name the metric name
     * @param labels the labels, written in their (code point) order
     * @return the prepared series
     */
    @Override
    public EncodedSeries series(String name, Labels labels) {
        Objects.requireNonNull(name, "name");
        ByteBuf attrs = new ByteBuf(64);
        for (int i = 0; i < labels.size(); i++) {
            Proto.keyValue(attrs, 7, labels.key(i), labels.value(i));
        }
        ByteBuf head = new ByteBuf(32 + name.length());
        header(name, POINT_FIXED + attrs.length(), head);
        return new EncodedSeries(this, name, labels, head.toByteArray(), attrs.toByteArray());
    }

    /**
     * Appends one framed {@code Metric} for one sample.
     *
     * @param series a series prepared by this encoder
     * @param value the value (NaN payloads kept)
     * @param epochNanos the sample time in nanoseconds since the epoch, not negative
     * @param out the buffer
     * @throws EncodeException {@code timestamp before the Unix epoch} for a negative time
     * @throws IllegalArgumentException if another encoder prepared {@code series}
     */
    @Override
    public void encode(EncodedSeries series, double value, long epochNanos, ByteBuf out) {
        series.checkOwner(this);
        if (epochNanos < 0) {
            throw new EncodeException("timestamp before the Unix epoch");
        }
        byte[] attrs = series.middle();
        if (epochNanos == 0) {
            header(series.name(), POINT_FIXED - 9 + attrs.length, out);
        } else {
            byte[] head = series.head();
            byte[] b = out.ensureCapacity(head.length + POINT_FIXED + attrs.length);
            int p = out.length();
            System.arraycopy(head, 0, b, p, head.length);
            p += head.length;
            b[p] = 0x19;
            Proto.putFixed64(b, p + 1, epochNanos);
            p += 9;
            out.setLength(p);
        }
        byte[] b = out.ensureCapacity(9 + attrs.length);
        int p = out.length();
        b[p] = 0x21;
        Proto.putFixed64(b, p + 1, Double.doubleToRawLongBits(value));
        p += 9;
        System.arraycopy(attrs, 0, b, p, attrs.length);
        out.setLength(p + attrs.length);
    }

    /** Frame length, name, gauge and data point headers for a point body of {@code pointLength}. */
    private static void header(String name, int pointLength, ByteBuf out) {
        int nameLength = Proto.utf8Length(name);
        int gauge = Proto.lenFieldSize(1, pointLength);
        int metric = (nameLength == 0 ? 0 : Proto.lenFieldSize(1, nameLength)) + Proto.lenFieldSize(5, gauge);
        Proto.fixed32(out, metric);
        if (nameLength > 0) {
            Proto.lenField(out, 1, nameLength);
            Proto.utf8(out, name, nameLength);
        }
        Proto.lenField(out, 5, gauge);
        Proto.lenField(out, 1, pointLength);
    }

    @Override
    public String toString() {
        return "otlp";
    }
}
