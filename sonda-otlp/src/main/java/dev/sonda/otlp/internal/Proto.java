package dev.sonda.otlp.internal;

import dev.sonda.engine.encode.ByteBuf;

/**
 * Protobuf binary wire format written straight into a reusable {@link ByteBuf}: varints,
 * little-endian fixed 64-bit values, length-delimited fields and UTF-8 strings, with the size
 * functions a writer needs to compute nested lengths first. Fields at their proto3 default are
 * omitted where the helper's name says so. Stateless; allocation-free.
 */
public final class Proto {
    /** Wire type 0. */
    public static final int VARINT = 0;
    /** Wire type 1. */
    public static final int FIXED64 = 1;
    /** Wire type 2. */
    public static final int LEN = 2;

    private Proto() {}

    /**
     * Writes a field tag.
     *
     * @param out the buffer
     * @param field the field number
     * @param wireType the wire type
     */
    public static void tag(ByteBuf out, int field, int wireType) {
        varint(out, (field << 3) | wireType);
    }

    /**
     * Writes an unsigned varint.
     *
     * @param out the buffer
     * @param v the value, treated as unsigned 64-bit
     */
    public static void varint(ByteBuf out, long v) {
        byte[] b = out.ensureCapacity(10);
        int p = out.length();
        while ((v & ~0x7FL) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        out.setLength(p);
    }

    /**
     * Writes a little-endian 64-bit value.
     *
     * @param out the buffer
     * @param v the bits
     */
    public static void fixed64(ByteBuf out, long v) {
        byte[] b = out.ensureCapacity(8);
        int p = out.length();
        putFixed64(b, p, v);
        out.setLength(p + 8);
    }

    /**
     * Writes a little-endian unsigned 32-bit value (the {@code otlp} encoder's frame length).
     *
     * @param out the buffer
     * @param v the bits
     */
    public static void fixed32(ByteBuf out, int v) {
        byte[] b = out.ensureCapacity(4);
        int p = out.length();
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
        out.setLength(p + 4);
    }

    /**
     * Writes a {@code fixed64} field, or nothing when {@code v} is 0 (the proto3 default).
     *
     * @param out the buffer
     * @param field the field number
     * @param v the value
     */
    public static void fixed64Field(ByteBuf out, int field, long v) {
        if (v != 0) {
            tag(out, field, FIXED64);
            fixed64(out, v);
        }
    }

    /**
     * Writes a {@code double} field, or nothing when its bits are 0 (the proto3 default +0.0; -0.0
     * is written).
     *
     * @param out the buffer
     * @param field the field number
     * @param v the value; NaN payloads are kept
     */
    public static void doubleField(ByteBuf out, int field, double v) {
        fixed64Field(out, field, Double.doubleToRawLongBits(v));
    }

    /**
     * Writes a {@code double} field even when it is 0: a oneof member or an {@code optional}.
     *
     * @param out the buffer
     * @param field the field number
     * @param v the value; NaN payloads are kept
     */
    public static void doubleFieldAlways(ByteBuf out, int field, double v) {
        tag(out, field, FIXED64);
        fixed64(out, Double.doubleToRawLongBits(v));
    }

    /**
     * Writes the header of a length-delimited field.
     *
     * @param out the buffer
     * @param field the field number
     * @param length the body length in bytes
     */
    public static void lenField(ByteBuf out, int field, int length) {
        tag(out, field, LEN);
        varint(out, length);
    }

    /**
     * Writes a string field: tag, UTF-8 length and the UTF-8 bytes, even when empty (use it for
     * oneof members; guard plain proto3 strings yourself).
     *
     * @param out the buffer
     * @param field the field number
     * @param s the string
     */
    public static void stringField(ByteBuf out, int field, String s) {
        int n = utf8Length(s);
        lenField(out, field, n);
        utf8(out, s, n);
    }

    /**
     * Writes a 64-bit value as 8 bytes, big-endian: the byte order of trace and span ids (W3C Trace
     * Context), which OTLP carries as {@code bytes}.
     *
     * @param out the buffer
     * @param v the bits
     */
    public static void bigEndian64(ByteBuf out, long v) {
        byte[] b = out.ensureCapacity(8);
        int p = out.length();
        for (int i = 0; i < 8; i++) {
            b[p + i] = (byte) (v >>> (56 - 8 * i));
        }
        out.setLength(p + 8);
    }

    /**
     * Writes {@code v} at {@code b[p..p+8)}, little-endian.
     *
     * @param b the array
     * @param p the offset
     * @param v the bits
     */
    public static void putFixed64(byte[] b, int p, long v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
        b[p + 4] = (byte) (v >>> 32);
        b[p + 5] = (byte) (v >>> 40);
        b[p + 6] = (byte) (v >>> 48);
        b[p + 7] = (byte) (v >>> 56);
    }

    /**
     * Bytes of an unsigned varint.
     *
     * @param v the value, unsigned 64-bit
     * @return 1 to 10
     */
    public static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    /**
     * Bytes of a tag.
     *
     * @param field the field number
     * @return the size
     */
    public static int tagSize(int field) {
        return varintSize((long) field << 3);
    }

    /**
     * Bytes of a length-delimited field whose body is {@code length} bytes.
     *
     * @param field the field number
     * @param length the body length
     * @return tag, length prefix and body
     */
    public static int lenFieldSize(int field, int length) {
        return tagSize(field) + varintSize(length) + length;
    }

    /**
     * Bytes of a {@code fixed64}/{@code double} field; 0 when its bits are 0 (omitted).
     *
     * @param field the field number
     * @param bits the value's bits
     * @return 0 or tag + 8
     */
    public static int fixed64FieldSize(int field, long bits) {
        return bits == 0 ? 0 : tagSize(field) + 8;
    }

    /**
     * The UTF-8 length of {@code s}. An unpaired surrogate (which a Rust string cannot hold) counts
     * as the 3 bytes of U+FFFD, which {@link #utf8} writes in its place.
     *
     * @param s the string
     * @return the byte count
     */
    public static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for the pair's 2 chars
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /**
     * Writes {@code s} as UTF-8; {@code length} must be {@link #utf8Length}{@code (s)}.
     *
     * @param out the buffer
     * @param s the string
     * @param length its UTF-8 length
     */
    public static void utf8(ByteBuf out, String s, int length) {
        byte[] b = out.ensureCapacity(length);
        int p = out.length();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                if (Character.isSurrogate(c)) {
                    c = '\uFFFD';
                }
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out.setLength(p);
    }

    /**
     * Bytes of a {@code KeyValue} message with a string value: {@code key = 1} (omitted when
     * empty), {@code AnyValue value = 2 {string_value = 1}} (always written, also when empty).
     *
     * @param key the key
     * @param value the value
     * @return the message body size
     */
    public static int keyValueSize(String key, String value) {
        int k = utf8Length(key);
        return (k == 0 ? 0 : lenFieldSize(1, k)) + lenFieldSize(2, lenFieldSize(1, utf8Length(value)));
    }

    /**
     * Writes one {@code KeyValue} with a string value as field {@code field} of its parent; an
     * empty value gives {@code 12 02 0A 00} as the reference (prost) writes it.
     *
     * @param out the buffer
     * @param field the field number in the parent
     * @param key the key
     * @param value the string value
     */
    public static void keyValue(ByteBuf out, int field, String key, String value) {
        int k = utf8Length(key);
        int v = utf8Length(value);
        int any = lenFieldSize(1, v);
        lenField(out, field, (k == 0 ? 0 : lenFieldSize(1, k)) + lenFieldSize(2, any));
        if (k > 0) {
            lenField(out, 1, k);
            utf8(out, key, k);
        }
        lenField(out, 2, any);
        lenField(out, 1, v);
        utf8(out, value, v);
    }
}
