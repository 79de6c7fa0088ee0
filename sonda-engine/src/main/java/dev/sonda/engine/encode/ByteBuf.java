package dev.sonda.engine.encode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable, reusable byte buffer that encoders append to.
 *
 * <p>Encoders write each event with {@link #ensureCapacity(int)} followed by direct writes into
 * {@link #array()} at {@link #length()}, or with the {@code put} helpers. Sinks drain it with
 * {@link #array()} / {@link #length()} and then {@link #clear()} it, so one buffer serves a whole
 * run without per-event allocation. Not thread-safe: one buffer belongs to one writer thread.
 */
public final class ByteBuf {
    private byte[] array;
    private int length;

    /**
     * Creates an empty buffer.
     *
     * @param initialCapacity initial capacity in bytes, at least 1
     * @throws IllegalArgumentException if {@code initialCapacity} is less than 1
     */
    public ByteBuf(int initialCapacity) {
        if (initialCapacity < 1) {
            throw new IllegalArgumentException("initialCapacity must be at least 1, got " + initialCapacity);
        }
        this.array = new byte[initialCapacity];
    }

    /** Creates an empty buffer of 8 KiB. */
    public ByteBuf() {
        this(8192);
    }

    /**
     * Makes room for at least {@code extra} more bytes after {@link #length()}.
     *
     * @param extra number of bytes about to be written, non-negative
     * @return the backing array, valid until the next call that may grow the buffer
     */
    public byte[] ensureCapacity(int extra) {
        int needed = length + extra;
        if (needed > array.length) {
            array = Arrays.copyOf(array, Math.max(needed, array.length * 2));
        }
        return array;
    }

    /**
     * Returns the backing array; bytes {@code [0, length())} are the content.
     *
     * @return the backing array (not a copy)
     */
    public byte[] array() {
        return array;
    }

    /**
     * Returns the number of bytes written.
     *
     * @return the content length in bytes
     */
    public int length() {
        return length;
    }

    /**
     * Sets the content length, after writing directly into {@link #array()}.
     *
     * @param length new length, between 0 and the array's length
     * @throws IndexOutOfBoundsException if {@code length} is out of range
     */
    public void setLength(int length) {
        if (length < 0 || length > array.length) {
            throw new IndexOutOfBoundsException("length " + length + " outside [0, " + array.length + "]");
        }
        this.length = length;
    }

    /** Empties the buffer, keeping its capacity. */
    public void clear() {
        length = 0;
    }

    /**
     * Appends one byte.
     *
     * @param b the byte
     */
    public void put(byte b) {
        ensureCapacity(1)[length++] = b;
    }

    /**
     * Appends all of {@code src}.
     *
     * @param src bytes to append
     */
    public void put(byte[] src) {
        put(src, 0, src.length);
    }

    /**
     * Appends {@code len} bytes of {@code src} starting at {@code off}.
     *
     * @param src source array
     * @param off start offset in {@code src}
     * @param len number of bytes
     */
    public void put(byte[] src, int off, int len) {
        System.arraycopy(src, off, ensureCapacity(len), length, len);
        length += len;
    }

    /**
     * Appends the UTF-8 encoding of {@code s}.
     *
     * @param s text to append
     */
    public void putUtf8(String s) {
        put(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns a copy of the content (for preparing constant bytes and for tests, not the hot path).
     *
     * @return a new array of {@link #length()} bytes
     */
    public byte[] toByteArray() {
        return Arrays.copyOf(array, length);
    }

    /**
     * Returns the content decoded as UTF-8 (for tests and diagnostics, not the hot path).
     *
     * @return the content as a string
     */
    @Override
    public String toString() {
        return new String(array, 0, length, StandardCharsets.UTF_8);
    }
}
