package dev.sonda.engine.sink;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code type: file}: a file, created or truncated when the sink is created, written through an 8
 * KiB buffer (Sonda 1.20 {@code sink/file.rs}).
 *
 * <p>Creation makes any missing parent directories (only when the path has a parent), then creates
 * the file or truncates it (never appends). Buffering is that of {@link StdoutSink}: an event that
 * does not fit drains the buffer first, so the file grows by whole events; events of 8 KiB or more
 * are written directly; no allocation per write. Error messages are the reference's, with the
 * operating-system error rendered as Rust prints it (for example {@code Permission denied (os error
 * 13)}); a write failure carries that text alone.
 *
 * <p>Delivery: records are reported delivered when the chunk that holds them has been written to
 * the operating system (the file's page cache; no {@code fsync}), and dropped with the error when
 * that write fails (a full disk: {@code No space left on device}). A write whose record could not
 * be taken because the buffer failed to drain reports that record dropped too. After a failure the
 * sink stays open and later writes try again, so under {@code on_sink_error: warn} a disk that
 * frees space resumes the file (with a gap of the dropped records).
 *
 * <p>Threading: as {@link Sink}, one caller at a time.
 */
public final class FileSink implements ByteSink {
    private final OutputStream out;
    private final WriteBuffer buffer = new WriteBuffer();
    private final WriteBuffer.Output output;
    private Delivery delivery = Delivery.NONE;
    private boolean closed;

    /**
     * Opens the file for writing, creating parent directories and truncating an existing file.
     *
     * @param path the file path as written in the spec (relative to the working directory)
     * @throws SinkException {@code failed to create parent directories for {path}: {err}} or
     *     {@code failed to open {path} for writing: {err}}
     */
    public FileSink(String path) {
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            throw new SinkException("failed to open " + path + " for writing: " + e.getMessage(), e);
        }
        Path parent = file.getParent();
        if (parent != null && !parent.toString().isEmpty()) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new SinkException(
                        "failed to create parent directories for " + path + ": " + IoErrors.describe(e), e);
            }
        }
        try {
            out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new SinkException("failed to open " + path + " for writing: " + IoErrors.describe(e), e);
        }
        output = out::write;
    }

    /**
     * A sink writing to {@code out} instead of a file it opens (tests of write failures).
     *
     * @param out the stream, closed by {@link #close()}
     */
    FileSink(OutputStream out) {
        this.out = out;
        this.output = out::write;
    }

    /**
     * Reports records delivered once their chunk is written to the operating system.
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
     * Buffers the event, draining the buffer to the file first when it would not fit.
     *
     * @param buf the bytes
     * @param off start offset
     * @param len number of bytes
     * @throws SinkException with the operating-system error, such as {@code No space left on device
     *    }; the buffered bytes are dropped
     */
    @Override
    public void write(byte[] buf, int off, int len) {
        try {
            buffer.put(buf, off, len, output);
        } catch (IOException e) {
            SinkException failure = new SinkException(IoErrors.describe(e), e);
            buffer.dropLost(failure.getMessage());
            delivery.dropped(1, failure.getMessage());
            throw failure;
        }
    }

    /**
     * Writes the buffered bytes to the file.
     *
     * @throws SinkException with the operating-system error
     */
    @Override
    public void flush() {
        try {
            buffer.drain(output);
            out.flush();
        } catch (IOException e) {
            SinkException failure = new SinkException(IoErrors.describe(e), e);
            buffer.dropLost(failure.getMessage());
            throw failure;
        }
    }

    /**
     * Flushes and closes the file. Later calls do nothing.
     *
     * @throws SinkException if the final flush or the close fails
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream o = out) {
            buffer.drain(output);
            o.flush();
        } catch (IOException e) {
            SinkException failure = new SinkException(IoErrors.describe(e), e);
            buffer.dropLost(failure.getMessage());
            throw failure;
        }
    }

    /** The built-in provider of {@code type: file} (key {@code path}, required). */
    public static final class Provider implements SinkProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "file";
        }

        @Override
        public String endpointKey() {
            return "path";
        }

        @Override
        public Class<SinkSpec.File> specClass() {
            return SinkSpec.File.class;
        }

        @Override
        public String summary() {
            return "a file, created with its parent directories or truncated at start, buffered 8 KiB";
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            return new SinkSpec.File(block.requiredString("path"));
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {
            out.put("path", ((SinkSpec.File) spec).path());
        }

        @Override
        public String display(SinkSpec spec) {
            return "file (" + ((SinkSpec.File) spec).path() + ")";
        }

        /**
         * Opens a {@link FileSink} at the spec's path.
         *
         * @param spec a {@link SinkSpec.File}
         * @param context the entry's encoders
         * @return the sink
         * @throws SinkException if the file cannot be created
         */
        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return EncodingSink.of(new FileSink(((SinkSpec.File) spec).path()), context);
        }
    }
}
