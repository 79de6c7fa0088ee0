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
 *
 * <p><b>Delivery.</b> The buffer counts the records (one {@link #put} each) it holds. When a chunk
 * is written without an exception, its records are reported delivered to the {@link Delivery}
 * given with {@link #reportTo}; when the write fails, they become {@link #lost()} records, which
 * the sink reports dropped with its own error message ({@link #dropLost}), as it does for the
 * records of {@link #discard}. The record of a {@link #put} that throws was not taken: the sink
 * decides whether it is dropped or written again.
 *
 * <p>An output that can tell that it wrote nothing of a chunk (a TCP connection found closed before
 * the write) throws {@link Unwritten}: the chunk then stays in the buffer, whole, for the sink to
 * write again (on a new connection); its records are neither delivered nor lost.
 */
final class WriteBuffer {
    /** Thrown by an {@link Output} that wrote no byte of the chunk it was given. */
    static final class Unwritten extends IOException {
        private static final long serialVersionUID = 1L;

        Unwritten(String message, Throwable cause) {
            super(message, cause);
        }
    }

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
    private int records;
    private long lost;
    private Delivery delivery = Delivery.NONE;

    /**
     * Reports to {@code delivery} from now on.
     *
     * @param delivery the counter
     */
    void reportTo(Delivery delivery) {
        this.delivery = delivery;
    }

    /**
     * Buffers or writes one event.
     *
     * @param src the bytes
     * @param off start offset
     * @param len number of bytes
     * @param out where full chunks go
     * @throws IOException if {@code out} fails; the buffer is then empty, its records {@link
     *     #lost()}, and this event was not taken
     */
    void put(byte[] src, int off, int len, Output out) throws IOException {
        if (len > CAPACITY - count) {
            drain(out);
        }
        if (len >= CAPACITY) {
            out.write(src, off, len);
            delivery.delivered(1);
        } else {
            System.arraycopy(src, off, buf, count, len);
            count += len;
            records++;
        }
    }

    /**
     * Writes the buffered bytes, if any, as one chunk, and reports their records delivered.
     *
     * @param out the output
     * @throws IOException if {@code out} fails; the buffer is then empty and its records {@link
     *     #lost()}, except after {@link Unwritten}, which leaves the buffer as it was
     */
    void drain(Output out) throws IOException {
        if (count > 0) {
            int n = count;
            int r = records;
            count = 0;
            records = 0;
            try {
                out.write(buf, 0, n);
            } catch (Unwritten e) {
                count = n;
                records = r;
                throw e;
            } catch (IOException | RuntimeException e) {
                lost += r;
                throw e;
            }
            delivery.delivered(r);
        }
    }

    /**
     * Drops the buffered bytes, reporting their records dropped.
     *
     * @param reason why, for the report
     */
    void discard(String reason) {
        count = 0;
        int r = records;
        records = 0;
        delivery.dropped(r, reason);
    }

    /**
     * Reports the records of failed writes since the last call dropped.
     *
     * @param reason the sink's error message
     */
    void dropLost(String reason) {
        long n = lost;
        lost = 0;
        delivery.dropped(n, reason);
    }

    /**
     * Records of failed writes not yet reported.
     *
     * @return the count
     */
    long lost() {
        return lost;
    }

    /**
     * The number of buffered bytes.
     *
     * @return 0..{@link #CAPACITY}
     */
    int size() {
        return count;
    }

    /**
     * The number of buffered records.
     *
     * @return the count
     */
    int records() {
        return records;
    }
}
