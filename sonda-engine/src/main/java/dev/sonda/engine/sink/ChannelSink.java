package dev.sonda.engine.sink;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A sink that hands each event to a consumer thread through a bounded queue (Sonda 1.20 {@code
 * sink/channel.rs}, a Rust {@code sync_channel}). Programmatic only: an entry gets one with {@code
 * .sink(SinkSpec.channel(capacity))} and the consumer reads it from {@code Run.channel("id")}; it
 * has no YAML {@code type} and is not in any registry (the compiler builds it through {@link
 * #PROVIDER}).
 *
 * <p>Each {@link #write} enqueues a copy of the event; when the queue holds {@code capacity}
 * events the write blocks until the consumer takes one (back-pressure: a slow consumer slows the
 * entry down). The consumer side is the {@link Receiver} from {@link #receiver()}: once it is
 * closed, queued events are dropped, a blocked write wakes up, and every write fails with {@code
 * SinkException("sending on a closed channel")} (the Rust {@code SendError} text). {@link #flush()}
 * does nothing; {@link #close()} ends the stream, after which the receiver drains what is queued
 * and then sees the end.
 *
 * <p>The queue is a lock-guarded ring rather than a {@link java.util.concurrent.BlockingQueue}, so
 * that closing either side wakes the other.
 *
 * <p>Threading: the sink side is called by one thread at a time, as every {@link Sink}; the
 * receiver may be used from any thread.
 */
public final class ChannelSink implements ByteSink {
    private static final String CLOSED = "sending on a closed channel";

    /**
     * Builds the sink of a {@link SinkSpec.Channel} entry: a channel of the spec's capacity behind
     * the entry's encoders. Not registered (no YAML form); {@code Run} creates the channel when the
     * run starts, so that its receiver is there before the entry's first record.
     */
    public static final SinkProvider PROVIDER = new Provider();

    private final int capacity;
    private final ArrayDeque<byte[]> queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Receiver receiver = new Receiver();
    private boolean senderClosed;
    private boolean receiverClosed;

    /**
     * Creates the channel.
     *
     * @param capacity how many events may wait in the queue, at least 1
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     */
    public ChannelSink(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("channel capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * The consumer side. There is one receiver per channel; every call returns it.
     *
     * @return the receiver
     */
    public Receiver receiver() {
        return receiver;
    }

    /**
     * The queue's capacity.
     *
     * @return events, at least 1
     */
    public int capacity() {
        return capacity;
    }

    /**
     * Enqueues a copy of the event, blocking while the queue is full.
     *
     * @param buf the bytes
     * @param off start offset
     * @param len number of bytes
     * @throws SinkException {@code sending on a closed channel} if the receiver (or this sink) is
     *     closed, also when that happens while the write waits; {@code interrupted while sending on
     *     a channel} if the thread is interrupted while waiting (its interrupt flag is restored)
     */
    @Override
    public void write(byte[] buf, int off, int len) {
        byte[] copy = Arrays.copyOfRange(buf, off, off + len);
        lock.lock();
        try {
            while (!receiverClosed && !senderClosed && queue.size() >= capacity) {
                notFull.await();
            }
            if (receiverClosed || senderClosed) {
                throw new SinkException(CLOSED);
            }
            queue.addLast(copy);
            notEmpty.signal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("interrupted while sending on a channel", e);
        } finally {
            lock.unlock();
        }
    }

    /** Does nothing: the queue is the only buffer. */
    @Override
    public void flush() {}

    /** Ends the stream: the receiver drains what is queued, then sees the end. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            senderClosed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The consumer side of a {@link ChannelSink}. Thread-safe. */
    public final class Receiver implements AutoCloseable {
        private Receiver() {}

        /**
         * Takes the next event, waiting for one.
         *
         * @return the event, or null when the sink is closed and every event was taken (or this
         *     receiver is closed)
         * @throws InterruptedException if interrupted while waiting
         */
        public byte[] take() throws InterruptedException {
            lock.lock();
            try {
                while (queue.isEmpty() && !senderClosed && !receiverClosed) {
                    notEmpty.await();
                }
                return next();
            } finally {
                lock.unlock();
            }
        }

        /**
         * Takes the next event, waiting at most {@code timeout}.
         *
         * @param timeout how long to wait
         * @param unit the unit of {@code timeout}
         * @return the event, or null on time-out or at the end of the stream (see {@link
         *     #isFinished()})
         * @throws InterruptedException if interrupted while waiting
         */
        public byte[] poll(long timeout, TimeUnit unit) throws InterruptedException {
            long nanos = unit.toNanos(timeout);
            lock.lock();
            try {
                while (queue.isEmpty() && !senderClosed && !receiverClosed) {
                    if (nanos <= 0) {
                        return null;
                    }
                    nanos = notEmpty.awaitNanos(nanos);
                }
                return next();
            } finally {
                lock.unlock();
            }
        }

        /**
         * Takes the next event if one is queued.
         *
         * @return the event, or null if none is queued
         */
        public byte[] poll() {
            lock.lock();
            try {
                return next();
            } finally {
                lock.unlock();
            }
        }

        /**
         * Moves every queued event to {@code target}, without waiting.
         *
         * @param target receives the events in order
         * @return how many were moved
         * @throws NullPointerException if {@code target} is null
         */
        public int drainTo(Collection<? super byte[]> target) {
            Objects.requireNonNull(target, "target");
            lock.lock();
            try {
                int n = 0;
                for (byte[] e = next(); e != null; e = next()) {
                    target.add(e);
                    n++;
                }
                return n;
            } finally {
                lock.unlock();
            }
        }

        /**
         * The number of queued events.
         *
         * @return 0 .. capacity
         */
        public int size() {
            lock.lock();
            try {
                return queue.size();
            } finally {
                lock.unlock();
            }
        }

        /**
         * Whether no event will ever arrive: the sink is closed and the queue is empty, or this
         * receiver is closed.
         *
         * @return true at the end of the stream
         */
        public boolean isFinished() {
            lock.lock();
            try {
                return receiverClosed || (senderClosed && queue.isEmpty());
            } finally {
                lock.unlock();
            }
        }

        /**
         * Closes the consumer side: queued events are dropped, and every current and later write
         * fails with {@code sending on a closed channel}. Idempotent.
         */
        @Override
        public void close() {
            lock.lock();
            try {
                receiverClosed = true;
                queue.clear();
                notFull.signalAll();
                notEmpty.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private byte[] next() {
            if (receiverClosed) {
                return null;
            }
            byte[] e = queue.pollFirst();
            if (e != null) {
                notFull.signal();
            }
            return e;
        }
    }

    /** The provider behind {@link #PROVIDER}. */
    private static final class Provider implements SinkProvider {
        @Override
        public String type() {
            return "channel";
        }

        @Override
        public Class<SinkSpec.Channel> specClass() {
            return SinkSpec.Channel.class;
        }

        @Override
        public String summary() {
            return "a bounded queue of the encoded records to a consumer thread (programmatic only)";
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            block.problem("type", "the channel sink has no YAML form; use SinkSpec.channel(capacity) in Java");
            return null;
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {
            throw new IllegalArgumentException("the channel sink has no YAML form");
        }

        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return EncodingSink.of(new ChannelSink(((SinkSpec.Channel) spec).capacity()), context);
        }
    }
}
