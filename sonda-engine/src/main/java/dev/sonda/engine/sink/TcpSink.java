package dev.sonda.engine.sink;

import dev.sonda.api.DurationText;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * {@code type: tcp}: one TCP connection, written through an 8 KiB buffer (Sonda 1.20 {@code
 * sink/tcp.rs}).
 *
 * <p>The connection is opened once, when the sink is created (no retry, even with a retry policy;
 * a failure is {@code TCP connect to {address}: {err}}, fatal to the entry). The address is {@code
 * host:port}, an IPv6 literal as {@code [::1]:port}; a name resolving to several addresses is tried
 * in order. Writes are buffered like {@link StdoutSink}'s: an event that does not fit drains the
 * buffer first, events of 8 KiB or more are written directly, so socket errors usually surface when
 * the buffer drains or on {@link #flush()}. Failures read {@code TCP write to {address}: {err}} and
 * {@code TCP flush to {address}: {err}}. Nagle's algorithm stays on and no connect timeout is set,
 * as in the reference.
 *
 * <p><b>With a retry policy</b> (the reference's behaviour): a failed write or flush is retried up
 * to {@code max_attempts} times through {@link Retry}; each retry prints the retry line, sleeps the
 * jittered backoff (real time, {@link Thread#sleep(long)}), reconnects ({@code TCP reconnect to
 * {address}: {err}}; a failed reconnect is that attempt's error) and writes the current event again
 * (or, for a flush, flushes). Where the reference starts a fresh buffer on the new connection, this
 * sink keeps the buffered records that no connection took and sends them first (see below). When
 * every retry fails the last error is thrown; the next write starts over on the broken connection.
 *
 * <p><b>Without a retry policy: a deliberate deviation.</b> The reference never reconnects, so after
 * the peer goes away every later write fails for the rest of the run. Sonda for the JVM is asked to
 * reconnect with backoff after a failure, so here: a failed write or flush closes the connection,
 * drops the buffered bytes and throws (the caller counts the error per {@code on_sink_error}); the
 * next write first tries one reconnect and, if it succeeds, buffers its event on the new
 * connection. Reconnects are rate-limited by an exponential backoff measured on the run's clock
 * ({@link SinkContext#nanoTime()}, so simulated on a simulated clock): after the {@code n}-th
 * consecutive failure (of a write, a flush or a reconnect) no reconnect is tried for {@code
 * min(5 s, 100 ms * 2^(n-1))}; writes during that time fail fast with the last error's message
 * without touching the network, and their events are dropped. The count of consecutive failures
 * returns to zero when bytes are next written to a socket successfully. A flush with nothing
 * buffered (always the case after a failure) succeeds without reconnecting.
 *
 * <p><b>A receiver that stops reading</b> (an addition to the reference, which blocks for ever):
 * a write to the socket that makes no progress for {@code write_timeout} (default {@value
 * #DEFAULT_WRITE_TIMEOUT_SECONDS} s, real time) fails with {@code TCP write to {address}: no
 * progress for 30s: the receiver is not reading (write_timeout)} and is handled like any other
 * write failure (the connection is closed, the buffered records are dropped). Memory stays bounded
 * by the 8 KiB buffer and the operating system's socket buffers; the entry is held back (its
 * thread waits in the write) for at most that time per chunk.
 *
 * <p><b>A receiver that went away.</b> Before each chunk is written, the sink reads from the
 * connection without waiting: end of stream (the receiver closed it) or a reset is a failure
 * found before any byte of the chunk was written ({@code TCP write to {address}: the receiver
 * closed the connection}), so the chunk stays buffered, whole. Without a retry policy it is then
 * dropped like any failed write; with one, it goes out on the new connection. (Writing into a
 * closed connection would succeed once and lose the chunk unseen.) Anything the receiver sends is
 * read and discarded.
 *
 * <p><b>Delivery.</b> Records are reported delivered when the chunk holding them has been written
 * to the socket (into the operating system's send buffer: TCP acknowledges nothing to the
 * application, so bytes the kernel took in the moment before the peer died, before its close or
 * reset arrived, are counted delivered and lost unseen). They are reported dropped with the error
 * when a write fails part-way, when the buffer is given up after a failure without a retry policy,
 * and, for the record of a write that fails for good, that record.
 *
 * <p>Threading: as {@link Sink}, one caller at a time.
 */
public final class TcpSink implements ByteSink {
    /** First reconnect delay without a retry policy: 100 ms, in nanoseconds. */
    static final long MIN_RECONNECT_DELAY_NANOS = 100_000_000L;

    /** Longest reconnect delay without a retry policy: 5 s, in nanoseconds. */
    static final long MAX_RECONNECT_DELAY_NANOS = 5_000_000_000L;

    /** Default {@code write_timeout}: 30 seconds. */
    public static final int DEFAULT_WRITE_TIMEOUT_SECONDS = 30;

    /** Default {@code write_timeout}: 30 seconds. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(DEFAULT_WRITE_TIMEOUT_SECONDS);

    private final String address;
    private final Retry retry;
    private final LongSupplier nanoTime;
    private final Duration writeTimeout;
    private final long writeTimeoutNanos;
    private final WriteBuffer buffer = new WriteBuffer();
    private final WriteBuffer.Output output = this::send;

    private SocketChannel socket;
    private Selector selector;
    private final ByteBuffer probe = ByteBuffer.allocate(256);
    private Delivery delivery = Delivery.NONE;
    private boolean closed;

    private int consecutiveFailures;
    private long nextReconnectAt;
    private SinkException lastError;

    /**
     * Connects to {@code address}.
     *
     * @param address {@code host:port}
     * @param retry the retry policy, or null for none (then the reconnect-with-backoff behaviour
     *     described on the class applies)
     * @param context supplies the clock of the reconnect backoff and the diagnostics for retry lines
     * @throws SinkException {@code TCP connect to {address}: {err}}, where {@code err} is, for
     *     example, {@code Connection refused}, {@code invalid socket address}, or
     *     {@code failed to lookup address information: Name or service not known}
     * @throws IllegalArgumentException if {@code retry} is invalid (see {@link Retry})
     */
    public TcpSink(String address, RetryPolicy retry, SinkContext context) {
        this(address, retry, null, context);
    }

    /**
     * Connects to {@code address}, with a write timeout.
     *
     * @param address {@code host:port}
     * @param retry the retry policy, or null for none
     * @param writeTimeout how long a write to the socket may make no progress before it fails
     *     (real time, above zero), or null for {@value #DEFAULT_WRITE_TIMEOUT_SECONDS} s
     * @param context supplies the clock of the reconnect backoff and the diagnostics for retry lines
     * @throws SinkException as {@link #TcpSink(String, RetryPolicy, SinkContext)}
     * @throws IllegalArgumentException if {@code retry} is invalid or {@code writeTimeout} is not
     *     positive
     */
    public TcpSink(String address, RetryPolicy retry, Duration writeTimeout, SinkContext context) {
        this.address = Objects.requireNonNull(address, "address");
        this.retry = retry == null ? null : new Retry(retry, context.diagnostics());
        this.nanoTime = context.clock()::nanoTime;
        this.writeTimeout = writeTimeout == null ? DEFAULT_WRITE_TIMEOUT : writeTimeout;
        if (this.writeTimeout.isNegative() || this.writeTimeout.isZero()) {
            throw new IllegalArgumentException("tcp write_timeout must be above zero, got " + writeTimeout);
        }
        this.writeTimeoutNanos = saturatedNanos(this.writeTimeout);
        try {
            socket = connect();
        } catch (IOException e) {
            throw new SinkException("TCP connect to " + address + ": " + message(e), e);
        }
    }

    /**
     * Reports records delivered once their chunk is written to the socket.
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
     * The write timeout in force.
     *
     * @return the timeout
     */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /**
     * Buffers the event (see the class description for failures, retry and reconnects).
     *
     * @param buf the bytes
     * @param off start offset
     * @param len number of bytes
     * @throws SinkException {@code TCP write to {address}: {err}}, {@code TCP reconnect to
     *     {address}: {err}}, or (without retry, during the reconnect backoff) the last error again
     */
    @Override
    public void write(byte[] buf, int off, int len) {
        try {
            writeRecord(buf, off, len);
        } catch (SinkException e) {
            delivery.dropped(1, e.getMessage());
            throw e;
        }
    }

    private void writeRecord(byte[] buf, int off, int len) {
        if (retry != null) {
            try {
                writeOnce(buf, off, len);
            } catch (SinkException first) {
                retry.retryAfter(
                        first,
                        attempt -> {
                            reconnect();
                            writeOnce(buf, off, len);
                        },
                        e -> true);
            }
            return;
        }
        if (socket == null) {
            revive();
        }
        try {
            writeOnce(buf, off, len);
        } catch (SinkException e) {
            broken(e);
            throw e;
        }
    }

    /**
     * Sends the buffered bytes.
     *
     * @throws SinkException {@code TCP flush to {address}: {err}} or {@code TCP reconnect to
     *     {address}: {err}}
     */
    @Override
    public void flush() {
        if (retry != null) {
            try {
                flushOnce();
            } catch (SinkException first) {
                retry.retryAfter(
                        first,
                        attempt -> {
                            reconnect();
                            flushOnce();
                        },
                        e -> true);
            }
            return;
        }
        if (socket == null) {
            return; // broken: the buffer was dropped, nothing to send
        }
        try {
            flushOnce();
        } catch (SinkException e) {
            broken(e);
            throw e;
        }
    }

    /**
     * Whether the sink currently holds an open connection (false after a failure without a retry
     * policy, until the next successful reconnect).
     *
     * @return true if connected
     */
    public boolean connected() {
        return socket != null;
    }

    /**
     * Flushes, then closes the connection. Later calls do nothing.
     *
     * @throws SinkException if the final flush fails (the connection is closed anyway)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            closeSocket();
            if (selector != null) {
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // nothing registered is left to report on
                }
            }
        }
    }

    private void writeOnce(byte[] buf, int off, int len) {
        try {
            buffer.put(buf, off, len, output);
        } catch (IOException e) {
            SinkException failure = new SinkException("TCP write to " + address + ": " + IoErrors.describe(e), e);
            buffer.dropLost(failure.getMessage());
            throw failure;
        }
    }

    private void flushOnce() {
        try {
            buffer.drain(output);
        } catch (IOException e) {
            SinkException failure = new SinkException("TCP flush to " + address + ": " + IoErrors.describe(e), e);
            buffer.dropLost(failure.getMessage());
            throw failure;
        }
    }

    /**
     * Writes all of the chunk to the socket, waiting while the socket's send buffer is full, for at
     * most the write timeout without progress.
     */
    private void send(byte[] b, int off, int len) throws IOException {
        SocketChannel ch = socket;
        if (ch == null) {
            throw new WriteBuffer.Unwritten("not connected", null);
        }
        probe(ch);
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        long stalledSince = 0;
        try {
            while (bb.hasRemaining()) {
                if (ch.write(bb) > 0) {
                    stalledSince = 0;
                    continue;
                }
                long now = System.nanoTime();
                if (stalledSince == 0) {
                    stalledSince = now;
                }
                long left = writeTimeoutNanos - (now - stalledSince);
                if (left <= 0) {
                    throw new IOException("no progress for " + DurationText.format(writeTimeout)
                            + ": the receiver is not reading (write_timeout)");
                }
                awaitWritable(ch, left);
            }
        } catch (IOException e) {
            if (bb.position() == off && !(e instanceof WriteBuffer.Unwritten)) {
                throw new WriteBuffer.Unwritten(e.getMessage(), e); // not a byte of the chunk went out
            }
            throw e;
        }
        consecutiveFailures = 0;
    }

    /**
     * Before a chunk goes out, looks whether the receiver has closed or reset the connection (it
     * never sends anything a sink reads: what it does send is discarded). Writing into a
     * connection the peer has closed would succeed once and lose the chunk unseen, so the chunk is
     * kept instead ({@link WriteBuffer.Unwritten}).
     */
    private void probe(SocketChannel ch) throws IOException {
        try {
            for (int i = 0; i < 64; i++) {
                probe.clear();
                int n = ch.read(probe);
                if (n == 0) {
                    return;
                }
                if (n < 0) {
                    throw new WriteBuffer.Unwritten("the receiver closed the connection", null);
                }
            }
        } catch (WriteBuffer.Unwritten e) {
            throw e;
        } catch (IOException e) {
            throw new WriteBuffer.Unwritten(IoErrors.describe(e), e);
        }
    }

    private void awaitWritable(SocketChannel ch, long nanos) throws IOException {
        if (selector == null) {
            selector = Selector.open();
        }
        SelectionKey key = ch.keyFor(selector);
        if (key == null) {
            key = ch.register(selector, SelectionKey.OP_WRITE);
        }
        selector.select(Math.max(1, Math.min(nanos / 1_000_000, Long.MAX_VALUE / 2)));
        selector.selectedKeys().clear();
    }

    /**
     * Replaces the connection. The buffer holds only whole records no connection has taken (a
     * chunk whose write failed part-way was dropped), so it goes out on the new connection.
     */
    private void reconnect() {
        SocketChannel fresh;
        try {
            fresh = connect();
        } catch (IOException e) {
            throw new SinkException("TCP reconnect to " + address + ": " + message(e), e);
        }
        closeSocket();
        socket = fresh;
    }

    /** Without retry: one reconnect if the backoff has expired, else fail fast. */
    private void revive() {
        if (nanoTime.getAsLong() - nextReconnectAt < 0) {
            throw new SinkException(lastError.getMessage(), lastError);
        }
        try {
            reconnect();
        } catch (SinkException e) {
            broken(e);
            throw e;
        }
    }

    private void broken(SinkException e) {
        closeSocket();
        buffer.discard(e.getMessage());
        lastError = e;
        consecutiveFailures++;
        nextReconnectAt = nanoTime.getAsLong() + reconnectDelayNanos(consecutiveFailures);
    }

    /**
     * The reconnect delay after {@code failures} consecutive failures, without a retry policy.
     *
     * @param failures at least 1
     * @return {@code min(5 s, 100 ms * 2^(failures-1))} in nanoseconds
     */
    static long reconnectDelayNanos(int failures) {
        int shift = Math.min(Math.max(failures - 1, 0), 16);
        return Math.min(MAX_RECONNECT_DELAY_NANOS, MIN_RECONNECT_DELAY_NANOS << shift);
    }

    private void closeSocket() {
        SocketChannel s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing to report
            }
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private SocketChannel connect() throws IOException {
        List<InetSocketAddress> targets;
        try {
            targets = SocketAddresses.resolve(address);
        } catch (IOException e) {
            throw new ResolveException(e.getMessage(), e);
        }
        IOException last = null;
        for (InetSocketAddress target : targets) {
            SocketChannel s = SocketChannel.open();
            try {
                s.connect(target);
                s.configureBlocking(false);
                return s;
            } catch (IOException e) {
                last = e;
                s.close();
            }
        }
        throw last;
    }

    private static String message(IOException e) {
        return e instanceof ResolveException ? e.getMessage() : IoErrors.describe(e);
    }

    /** A resolution failure whose message is already the reference's text. */
    private static final class ResolveException extends IOException {
        private static final long serialVersionUID = 1L;

        ResolveException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The built-in provider of {@code type: tcp}: keys {@code address} (required), {@code retry},
     * and the addition {@code write_timeout}.
     */
    public static final class Provider implements SinkProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "tcp";
        }

        @Override
        public String endpointKey() {
            return "address";
        }

        @Override
        public Class<SinkSpec.Tcp> specClass() {
            return SinkSpec.Tcp.class;
        }

        @Override
        public String summary() {
            return "a TCP connection, buffered 8 KiB; with retry, each retry reconnects";
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            return new SinkSpec.Tcp(
                    block.requiredString("address"),
                    SinkKeys.readRetry(block),
                    block.duration("write_timeout", DurationText::parse));
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {
            SinkSpec.Tcp t = (SinkSpec.Tcp) spec;
            out.put("address", t.address());
            SinkKeys.writeRetry(t.retry(), out);
            out.put("write_timeout", t.writeTimeout());
        }

        @Override
        public void validate(SinkSpec spec, String path, dev.sonda.api.Problems problems) {
            spec.validate(path, problems);
        }

        @Override
        public String display(SinkSpec spec) {
            return "tcp (" + ((SinkSpec.Tcp) spec).address() + ")";
        }

        /**
         * Builds a {@link TcpSink}, connecting to the spec's address.
         *
         * @param spec a {@link SinkSpec.Tcp}
         * @param context the clock, diagnostics and encoders
         * @return the sink
         * @throws SinkException as {@link TcpSink#TcpSink(String, RetryPolicy, SinkContext)}
         */
        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            SinkSpec.Tcp tcp = (SinkSpec.Tcp) spec;
            return EncodingSink.of(new TcpSink(tcp.address(), tcp.retry(), tcp.writeTimeout(), context), context);
        }
    }
}
