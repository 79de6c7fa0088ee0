package dev.sonda.engine.sink;

import java.io.IOException;

/**
 * The 8 KiB write buffer of the stream sinks (stdout, file, tcp), with the semantics of Rust's
 * {@code BufWriter::write_all} that Sonda 1.20 wraps them in: an event that fits in the free space
 * is copied; one that does not first drains the buffer; one of at least {@link #CAPACITY} bytes is
 * then written straight through. Every chunk handed to the output therefore holds whole events
 * (or exactly one large event). Not API; not thread-safe (one sink, one caller at a time).
 *
 * <p>One deviation from {@code BufWriter}: when the output fails, the buffered bytes are dropped
 * rather than kept for the next attempt, because Java cannot tell how much of a failed write
 * reached the destination, and resending a partial chunk would split events.
 */
final class WriteBuffer {
    /** Buffer size in bytes: 8 KiB, Rust's {@code BufWriter} default. */
    static final int CAPACITY = 8 * 1024;

    /** Where drained bytes go. */
    @FunctionalInterface
    interface Output {
        /**
         * Writes all of {@code len} bytes of {@code buf} from {@code off}.
         *
         * @param buf the bytes
         * @param off start offset
         * @param len number of bytes
         * @throws IOException on failure
         */
        void write(byte[] buf, int off, int len) throws IOException;
    }

    private final byte[] buf = new byte[CAPACITY];
    private int count;

    /**
     * Buffers or writes one event.
     *
     * @param src the bytes
     * @param off start offset
     * @param len number of bytes
     * @param out where full chunks go
     * @throws IOException if {@code out} fails; the buffer is then empty
     */
    void put(byte[] src, int off, int len, Output out) throws IOException {
        if (len > CAPACITY - count) {
            drain(out);
        }
        if (len >= CAPACITY) {
            out.write(src, off, len);
        } else {
            System.arraycopy(src, off, buf, count, len);
            count += len;
        }
    }

    /**
     * Writes the buffered bytes, if any, as one chunk.
     *
     * @param out the output
     * @throws IOException if {@code out} fails; the buffer is then empty
     */
    void drain(Output out) throws IOException {
        if (count > 0) {
            int n = count;
            count = 0;
            out.write(buf, 0, n);
        }
    }

    /** Drops the buffered bytes. */
    void clear() {
        count = 0;
    }

    /**
     * The number of buffered bytes.
     *
     * @return 0..{@link #CAPACITY}
     */
    int size() {
        return count;
    }
}
