package dev.sonda.engine.sink;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.io.PrintStream;
import java.util.Objects;

/**
 * {@code type: stdout}: the process's standard output through an 8 KiB buffer (Sonda 1.20 {@code
 * sink/stdout.rs}, a Rust {@code BufWriter} over stdout).
 *
 * <p>Events are copied into the buffer; an event that does not fit first drains the buffer, so
 * every chunk handed to the stream holds whole events, and an event of 8 KiB or more is written
 * directly. Bytes reach the stream when the buffer fills and on {@link #flush()}. Unbuffered
 * otherwise: no allocation per write.
 *
 * <p>The stream is {@link System#out} as it is when the sink is created, so embedders and tests can
 * redirect it with {@link System#setOut(PrintStream)} beforehand; {@link #close()} flushes but
 * never closes it. A {@link PrintStream} hides its {@link java.io.IOException}s, so a failure (a
 * broken pipe, say) is detected with {@link PrintStream#checkError()} after each chunk and reported
 * as {@code SinkException("stdout: write failed (the stream reported an I/O error)")}; the stream's
 * error state is sticky, so every later chunk fails too, as a broken pipe does in the reference.
 *
 * <p>Delivery: each chunk is written to the stream and the stream flushed (so a {@link PrintStream}
 * with a buffer of its own, such as the JVM's default {@code System.out}, hands the bytes to the
 * operating system); its records are then reported delivered, or dropped when the stream reports
 * an error.
 *
 * <p>Threading: as {@link Sink}, one caller at a time.
 */
public final class StdoutSink implements ByteSink {
    private static final String FAILED = "stdout: write failed (the stream reported an I/O error)";

    private final PrintStream out;
    private final WriteBuffer buffer = new WriteBuffer();
    private final WriteBuffer.Output output;
    private Delivery delivery = Delivery.NONE;

    /** Creates a sink writing to the current {@link System#out}. */
    public StdoutSink() {
        this(System.out);
    }

    /**
     * Creates a sink writing to {@code out} (for embedding and tests).
     *
     * @param out the stream; flushed but never closed by this sink
     * @throws NullPointerException if {@code out} is null
     */
    public StdoutSink(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
        this.output = this::chunk;
    }

    private void chunk(byte[] b, int off, int len) throws java.io.IOException {
        out.write(b, off, len);
        out.flush();
        if (out.checkError()) {
            throw new java.io.IOException(FAILED);
        }
    }

    /**
     * Reports records delivered once their chunk is written and the stream flushed.
     *
     * @param delivery the counter
     * @return true
     */
    @Override
    public boolean reportTo(Delivery delivery) {
        this.delivery = delivery;
        buffer.reportTo(delivery);
        return true;
    }

    /**
     * Buffers the event, draining the buffer first when it would not fit.
     *
     * @param buf the bytes
     * @param off start offset
     * @param len number of bytes
     * @throws SinkException {@code stdout: write failed (the stream reported an I/O error)}
     */
    @Override
    public void write(byte[] buf, int off, int len) {
        try {
            buffer.put(buf, off, len, output);
        } catch (java.io.IOException e) {
            SinkException failure = new SinkException(IoErrors.describe(e), e);
            buffer.dropLost(failure.getMessage());
            delivery.dropped(1, failure.getMessage());
            throw failure;
        }
    }

    /**
     * Writes the buffered bytes to the stream and flushes it.
     *
     * @throws SinkException {@code stdout: write failed (the stream reported an I/O error)}
     */
    @Override
    public void flush() {
        try {
            buffer.drain(output);
        } catch (java.io.IOException e) {
            SinkException failure = new SinkException(IoErrors.describe(e), e);
            buffer.dropLost(failure.getMessage());
            throw failure;
        }
        out.flush();
        if (out.checkError()) {
            throw new SinkException(FAILED);
        }
    }

    /**
     * Flushes; the stream stays open.
     *
     * @throws SinkException as {@link #flush()}
     */
    @Override
    public void close() {
        flush();
    }

    /** The built-in provider of {@code type: stdout} (no keys). */
    public static final class Provider implements SinkProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "stdout";
        }

        @Override
        public Class<SinkSpec.Stdout> specClass() {
            return SinkSpec.Stdout.class;
        }

        @Override
        public String summary() {
            return "the process's standard output, buffered 8 KiB";
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            return new SinkSpec.Stdout();
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {}

        /**
         * Builds a {@link StdoutSink} on the current {@link System#out}.
         *
         * @param spec a {@link SinkSpec.Stdout}
         * @param context the entry's encoders
         * @return the sink
         */
        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return EncodingSink.of(new StdoutSink(), context);
        }
    }
}
