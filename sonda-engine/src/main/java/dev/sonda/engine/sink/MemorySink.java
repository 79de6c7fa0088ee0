package dev.sonda.engine.sink;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code type: memory}: keeps every byte written, in order, in memory (Sonda 1.20 {@code
 * sink/memory.rs}; tests, benchmarks and embedding). It also remembers where each write ended, so
 * the events can be read back one by one.
 *
 * <p>{@link #flush()} and {@link #close()} do nothing; writes after {@link #close()} are still
 * kept. The reference's {@code capture} ring of timestamped events is not part of this sink.
 * Storage is one growing byte array (at most about 2 GiB) and one growing array of event ends;
 * writes allocate only when those arrays grow.
 *
 * <p>Threading: {@link #write} is called by one thread at a time, as for every {@link Sink}; the
 * accessors ({@link #bytes()}, {@link #lines()}, ...) may be called from any thread while a run
 * writes, and see a consistent snapshot of whole events. All methods synchronize on the sink.
 */
public final class MemorySink implements ByteSink {
    private byte[] data = new byte[256];
    private int size;
    private int[] ends = new int[16];
    private int events;

    /** Creates an empty sink. */
    public MemorySink() {}

    /**
     * Appends the event.
     *
     * @param buf the bytes
     * @param off start offset
     * @param len number of bytes
     * @throws SinkException {@code memory sink is full: {size} + {len} bytes exceed the maximum
     *     array size} past about 2 GiB (the reference never fails; a Java array cannot grow
     *     further)
     */
    @Override
    public synchronized void write(byte[] buf, int off, int len) {
        long need = (long) size + len;
        if (need > data.length) {
            if (need > Integer.MAX_VALUE - 8) {
                throw new SinkException(
                        "memory sink is full: " + size + " + " + len + " bytes exceed the maximum array size");
            }
            data = Arrays.copyOf(data, (int) Math.min(Math.max(need, (long) data.length * 2), Integer.MAX_VALUE - 8));
        }
        System.arraycopy(buf, off, data, size, len);
        size = (int) need;
        if (events == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        ends[events++] = size;
    }

    /** Does nothing. */
    @Override
    public void flush() {}

    /** Does nothing; the bytes stay readable. */
    @Override
    public void close() {}

    /**
     * A copy of every byte written so far.
     *
     * @return the bytes, in write order
     */
    public synchronized byte[] bytes() {
        return Arrays.copyOf(data, size);
    }

    /**
     * Everything written so far, decoded as UTF-8.
     *
     * @return the text
     */
    public synchronized String text() {
        return new String(data, 0, size, StandardCharsets.UTF_8);
    }

    /**
     * The text split into lines at {@code \n}, without the line terminators; a final line without
     * a terminator is included, an empty text gives an empty list.
     *
     * @return the lines, immutable
     */
    public List<String> lines() {
        String text = text();
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            out.add(text.substring(start, i));
            start = i + 1;
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return List.copyOf(out);
    }

    /**
     * Each write's bytes, one array per {@link #write} call.
     *
     * @return copies of the events, in write order, immutable list
     */
    public synchronized List<byte[]> events() {
        List<byte[]> out = new ArrayList<>(events);
        int start = 0;
        for (int i = 0; i < events; i++) {
            out.add(Arrays.copyOfRange(data, start, ends[i]));
            start = ends[i];
        }
        return List.copyOf(out);
    }

    /**
     * The number of {@link #write} calls so far.
     *
     * @return the event count
     */
    public synchronized int eventCount() {
        return events;
    }

    /**
     * The number of bytes written so far.
     *
     * @return the byte count
     */
    public synchronized int size() {
        return size;
    }

    /** Forgets everything written so far. */
    public synchronized void clear() {
        size = 0;
        events = 0;
    }

    /** The built-in provider of {@code type: memory} (no keys). */
    public static final class Provider implements SinkProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "memory";
        }

        @Override
        public Class<SinkSpec.Memory> specClass() {
            return SinkSpec.Memory.class;
        }

        @Override
        public String summary() {
            return "an in-process buffer of the encoded records, for tests and benchmarks";
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            return new SinkSpec.Memory();
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {}

        /**
         * Builds an empty {@link MemorySink}.
         *
         * @param spec a {@link SinkSpec.Memory}
         * @param context the entry's encoders
         * @return the sink
         */
        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return EncodingSink.of(new MemorySink(), context);
        }
    }
}
