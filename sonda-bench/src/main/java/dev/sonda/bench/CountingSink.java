package dev.sonda.bench;

import dev.sonda.engine.sink.ByteSink;

/**
 * A sink that delivers nothing: it counts the events and bytes written to it and drops them.
 *
 * <p>Like every sink it is called by one thread at a time; its counters are plain fields, to be
 * read once the run that writes to it has finished (after {@code Run.join()}).
 */
public final class CountingSink implements ByteSink {
    private long events;
    private long bytes;
    private boolean closed;

    /** Creates an empty sink. */
    public CountingSink() {}

    /**
     * Counts one event of {@code len} bytes.
     *
     * @param buf the bytes (not read)
     * @param off start offset
     * @param len number of bytes
     */
    @Override
    public void write(byte[] buf, int off, int len) {
        events++;
        bytes += len;
    }

    /** Does nothing: nothing is buffered. */
    @Override
    public void flush() {}

    /** Marks the sink closed. */
    @Override
    public void close() {
        closed = true;
    }

    /**
     * Returns the number of events written.
     *
     * @return the event count
     */
    public long events() {
        return events;
    }

    /**
     * Returns the number of bytes written.
     *
     * @return the byte count
     */
    public long bytes() {
        return bytes;
    }

    /**
     * Returns whether the run closed this sink.
     *
     * @return true once {@link #close()} was called
     */
    public boolean closed() {
        return closed;
    }
}
