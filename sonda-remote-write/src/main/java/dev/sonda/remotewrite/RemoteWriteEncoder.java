package dev.sonda.remotewrite;

import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.MetricEncoder;
import java.util.Objects;

/**
 * The {@code remote_write} encoder for byte-stream sinks (file, tcp, udp, http_push), as the
 * reference writes it (Sonda 1.20 {@code encoder/remote_write.rs}): each sample becomes one
 * Prometheus remote-write 1.0 {@code TimeSeries} message, framed as a 4-byte little-endian length
 * followed by the message.
 *
 * <pre>
 * TimeSeries { repeated Label labels = 1; repeated Sample samples = 2; }
 * Label      { string name = 1; string value = 2; }
 * Sample     { double value = 1; int64 timestamp = 2; }   // timestamp: epoch milliseconds
 * </pre>
 *
 * <p>Labels are {@code __name__} (the metric name) and the series' labels, sorted by name byte-wise,
 * so names starting with an upper-case letter come before {@code __name__}. One sample per
 * message. Fields are written in tag order and proto3 defaults are left out: an empty label value,
 * a value of {@code 0.0} or {@code -0.0}, a timestamp of 0. NaN, the stale marker ({@code
 * 0x7ff0000000000002}) included, is written with its raw bits. The timestamp is the sample time
 * floored to milliseconds; a time before 1970 gives a negative {@code int64}, written as a 10-byte
 * varint. Unlike the text encoders, a record does not end with a newline.
 *
 * <p>Example ({@code up{host="srv1"} 1.0} at 1700000000000 ms, 52 bytes): {@code 30000000 0A0E0A08
 * 5F5F6E616D655F5F 1202 7570 0A0C0A04 686F7374 1204 73727631 1210 09 000000000000F03F 10
 * 80D095FFBC31}.
 *
 * <p>The label bytes are encoded once per series ({@link #series}); {@link #encode} copies them
 * and writes the sample, allocating nothing. Immutable and thread-safe.
 */
public final class RemoteWriteEncoder implements MetricEncoder {
    private static final byte[] EMPTY = new byte[0];

    /** Creates the encoder; it has no settings. */
    public RemoteWriteEncoder() {}

    /**
     * Encodes the label fields of a series.
     *
     * @param name metric name
     * @param labels the labels, sorted by code point
     * @return the prepared series
     * @throws NullPointerException if an argument is null
     */
    @Override
    public EncodedSeries series(String name, Labels labels) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
        return new EncodedSeries(this, name, labels, Proto.labelFields(Proto.sortedPairs(name, labels)), EMPTY);
    }

    /**
     * Appends one framed {@code TimeSeries}.
     *
     * @param series a series from {@link #series}
     * @param value the value, any bits
     * @param epochNanos the sample time, nanoseconds since the epoch (negative before 1970)
     * @param out where the record goes
     * @throws IllegalArgumentException if another encoder prepared {@code series}
     */
    @Override
    public void encode(EncodedSeries series, double value, long epochNanos, ByteBuf out) {
        series.checkOwner(this);
        byte[] labels = series.head();
        long ms = Math.floorDiv(epochNanos, 1_000_000L);
        boolean keepValue = value != 0.0; // false for 0.0 and -0.0, true for NaN
        int sample = Proto.sampleSize(keepValue, ms);
        int message = labels.length + 1 + Proto.varintSize(sample) + sample;
        byte[] b = out.ensureCapacity(4 + message);
        int pos = out.length();
        b[pos++] = (byte) message;
        b[pos++] = (byte) (message >>> 8);
        b[pos++] = (byte) (message >>> 16);
        b[pos++] = (byte) (message >>> 24);
        System.arraycopy(labels, 0, b, pos, labels.length);
        pos += labels.length;
        b[pos++] = Proto.TAG_2_LEN;
        pos = Proto.putVarint(b, pos, sample);
        pos = Proto.putSample(b, pos, keepValue, value, ms);
        out.setLength(pos);
    }

    /**
     * Names the format.
     *
     * @return {@code remote_write}
     */
    @Override
    public String toString() {
        return "remote_write";
    }
}
