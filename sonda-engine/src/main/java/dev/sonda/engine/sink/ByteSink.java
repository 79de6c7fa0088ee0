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
     * Flushes and releases the sink's resources. Called once.
     *
     * @throws SinkException if the final flush fails
     */
    @Override
    void close();
}
