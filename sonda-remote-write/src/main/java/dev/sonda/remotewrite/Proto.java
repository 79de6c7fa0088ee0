package dev.sonda.remotewrite;

import dev.sonda.engine.encode.Labels;
import java.nio.charset.StandardCharsets;

/**
 * The protobuf wire-format pieces both remote-write encoders share (protobuf encoding guide:
 * varints, fixed64, length-delimited fields), written into plain arrays so that a sample costs no
 * allocation, and the label list of a series sorted as remote write wants it. Not API.
 */
final class Proto {
    /** {@code Label.name} / {@code Sample.value} / {@code WriteRequest.timeseries} key: field 1, length-delimited. */
    static final int TAG_1_LEN = 0x0A;
    /** {@code Label.value} / {@code TimeSeries.samples} key: field 2, length-delimited. */
    static final int TAG_2_LEN = 0x12;
    /** {@code Sample.value} key: field 1, 64-bit. */
    static final int TAG_1_FIXED64 = 0x09;
    /** {@code Sample.timestamp} key: field 2, varint. */
    static final int TAG_2_VARINT = 0x10;

    private Proto() {}

    /**
     * Bytes of an unsigned varint of {@code v}'s 64 bits (a negative int64 takes 10).
     *
     * @param v the value
     * @return 1 to 10
     */
    static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    /**
     * Writes an unsigned varint of {@code v}'s 64 bits.
     *
     * @return the position after it
     */
    static int putVarint(byte[] b, int pos, long v) {
        while ((v & ~0x7FL) != 0) {
            b[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[pos++] = (byte) v;
        return pos;
    }

    /**
     * Writes 8 bytes little-endian.
     *
     * @return the position after them
     */
    static int putFixed64(byte[] b, int pos, long v) {
        for (int i = 0; i < 8; i++) {
            b[pos++] = (byte) (v >>> (8 * i));
        }
        return pos;
    }

    /**
     * The size of a {@code Sample} message body: {@code value} (field 1) unless {@code keepValue}
     * is false, {@code timestamp} (field 2) unless 0.
     */
    static int sampleSize(boolean keepValue, long ms) {
        return (keepValue ? 9 : 0) + (ms != 0 ? 1 + varintSize(ms) : 0);
    }

    /**
     * Writes a {@code Sample} body.
     *
     * @return the position after it
     */
    static int putSample(byte[] b, int pos, boolean keepValue, double value, long ms) {
        if (keepValue) {
            b[pos++] = TAG_1_FIXED64;
            pos = putFixed64(b, pos, Double.doubleToRawLongBits(value));
        }
        if (ms != 0) {
            b[pos++] = TAG_2_VARINT;
            pos = putVarint(b, pos, ms);
        }
        return pos;
    }

    /**
     * The label pairs of a series as remote write sends them: {@code __name__} with the metric
     * name, then the labels, sorted by name byte-wise (UTF-8 order, which is code point order), so
     * a name starting with an upper-case letter sorts before {@code __name__}.
     *
     * @param name the metric name
     * @param labels the labels, sorted by code point
     * @return names at even indexes, values at odd ones
     */
    static String[] sortedPairs(String name, Labels labels) {
        String[] pairs = new String[2 * (labels.size() + 1)];
        int j = 0;
        boolean placed = false;
        for (int i = 0; i < labels.size(); i++) {
            if (!placed && Labels.compareCodePoints("__name__", labels.key(i)) < 0) {
                pairs[j++] = "__name__";
                pairs[j++] = name;
                placed = true;
            }
            pairs[j++] = labels.key(i);
            pairs[j++] = labels.value(i);
        }
        if (!placed) {
            pairs[j++] = "__name__";
            pairs[j] = name;
        }
        return pairs;
    }

    /**
     * The repeated {@code TimeSeries.labels} fields (field 1, each a {@code Label} message) of a
     * series, empty strings left out as proto3 does.
     *
     * @param pairs from {@link #sortedPairs}
     * @return the encoded fields
     */
    static byte[] labelFields(String[] pairs) {
        int size = 0;
        byte[][] utf8 = new byte[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            utf8[i] = pairs[i].getBytes(StandardCharsets.UTF_8);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            int label = stringFieldSize(utf8[i]) + stringFieldSize(utf8[i + 1]);
            size += 1 + varintSize(label) + label;
        }
        byte[] out = new byte[size];
        int pos = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            int label = stringFieldSize(utf8[i]) + stringFieldSize(utf8[i + 1]);
            out[pos++] = TAG_1_LEN;
            pos = putVarint(out, pos, label);
            pos = putString(out, pos, TAG_1_LEN, utf8[i]);
            pos = putString(out, pos, TAG_2_LEN, utf8[i + 1]);
        }
        return out;
    }

    private static int stringFieldSize(byte[] s) {
        return s.length == 0 ? 0 : 1 + varintSize(s.length) + s.length;
    }

    private static int putString(byte[] b, int pos, int tag, byte[] s) {
        if (s.length == 0) {
            return pos;
        }
        b[pos++] = (byte) tag;
        pos = putVarint(b, pos, s.length);
        System.arraycopy(s, 0, b, pos, s.length);
        return pos + s.length;
    }
}
