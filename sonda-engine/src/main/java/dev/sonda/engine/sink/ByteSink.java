package dev.sonda.engine.sink;

/**
 * A destination for encoded bytes: the byte-stream half of a sink (stdout, file, tcp, udp,
 * http_push, memory, channel). The engine encodes each sample or log record with the entry's
 * encoder and calls {@link #write} once per record through {@link EncodingSink}, which is the
 * {@link Sink} such providers return.
 *
 * <p>Threading: one sink instance belongs to one entry and is called by one thread at a time (the
 * scheduler serialises calls per entry), so implementations need no locking of their own; the
 * calling thread may change between calls. Calls may block (network I/O, retry backoff); the
 * scheduler accounts for that.
 *
 * <p>Contract, as in Sonda 1.20 ({@code sink/mod.rs}): {@link #write} delivers or buffers exactly
 * one encoded event; {@link #flush} sends whatever is buffered (nothing buffered: no-op success);
 * {@link #lastWriteDelivered} says whether the latest write reached the destination (batching
 * sinks: only when that write triggered a successful send); {@link #close} flushes and releases
 * resources, and is called exactly once, also after a stop, so stopping never loses buffered
 * events.
 *
 * <p><b>Delivery: how records map to bytes.</b> One {@link #write} is one record (one sample or one
 * log record), so a byte sink counts records by counting writes. {@link EncodingSink} calls {@link
 * #reportTo} once, before the first write:
 *
 * <ul>
 *   <li>A sink that hands each write straight to its receiver (udp, memory, channel) keeps the
 *       default, returns false, and the adapter counts for it: a write that returns is one record
 *       delivered, a write that throws is one record dropped.
 *   <li>A sink that buffers (stdout, file and tcp through their 8 KiB buffer, http_push through its
 *       batch) returns true and reports itself, because a write that returns has only reached its
 *       buffer: it counts the records in the buffer and reports them delivered when the bytes that
 *       hold them reach the receiver (a completed write to the operating system or the socket, an
 *       HTTP 2xx), or dropped when those bytes are given up (a failed write or send, a refused
 *       batch, a buffer discarded on reconnect). A buffer only ever holds whole records, so no
 *       record is ever split between a delivered and a dropped chunk. A write that throws without
 *       having buffered its record reports that record dropped, unless the sink keeps it to send
 *       again.
 * </ul>
 */
public interface ByteSink extends AutoCloseable {

    /**
     * Delivers or buffers one encoded event: {@code len} bytes of {@code buf} from {@code off}. The
     * sink must copy what it keeps; the caller reuses {@code buf} after the call returns.
     *
     * @param buf the bytes
     * @param off start offset
     * @param len number of bytes, at least 1
     * @throws SinkException on an I/O failure that the entry's {@code on_sink_error} policy handles
     */
    void write(byte[] buf, int off, int len);

    /**
     * Sends whatever is buffered.
     *
     * @throws SinkException on an I/O failure
     */
    void flush();

    /**
     * Whether the most recent {@link #write} reached the destination.
     *
     * @return true by default (unbuffered sinks)
     */
    default boolean lastWriteDelivered() {
        return true;
    }

    /**
     * Offers the counter this sink reports its records to. Called once by {@link EncodingSink},
     * before the first {@link #write}, from the entry's thread.
     *
     * @param delivery where delivered and dropped records are reported (the contract is on {@link
     *     Delivery})
     * @return true if the sink reports every record itself (buffering sinks); false (the default)
     *     to let the adapter count one record delivered per write that returns and one dropped per
     *     write that throws
     */
    default boolean reportTo(Delivery delivery) {
        return false;
    }

    /**
     * Flushes and releases the sink's resources. Called once.
     *
     * @throws SinkException if the final flush fails
     */
    @Override
    void close();
}
