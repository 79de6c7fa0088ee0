package dev.sonda.engine.sink;

import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SeriesBatch;
import dev.sonda.engine.data.SpanRecord;

/**
 * Where an entry's telemetry goes: typed data, as OpenTelemetry exporters receive {@code
 * MetricData}. A metric series is prepared once ({@link #prepare}) and its samples then arrive as
 * primitives, so the per-sample path allocates nothing; logs arrive as {@link LogRecord}s, spans
 * as {@link SpanRecord}s and infrastructure events as {@link EventRecord}s.
 *
 * <p>Most sinks move bytes (stdout, file, tcp, udp, http_push): their providers return an {@link
 * EncodingSink} around a {@link ByteSink}, which encodes with the entry's encoder. Sinks that build
 * whole requests (a Prometheus remote-write {@code WriteRequest}, an OTLP export request, a Loki
 * push) implement this interface directly; {@link Retry} is the shared retry policy.
 *
 * <p>Threading: one sink belongs to one entry and is called by one thread at a time; the thread
 * may change between calls. Every method may block (network I/O, retry backoff). {@link #close} is
 * called exactly once, also after a stop or a failure, and must deliver what is buffered first, so
 * no stop loses data. Failures are thrown as {@link SinkException}; the entry's {@code
 * on_sink_error} policy decides what follows.
 *
 * <p>Delivery: a sink that knows when its receiver acknowledged records (every batching sink)
 * reports them through {@link SinkContext#delivery()} and says so with {@link
 * #reportsDelivery()}; see {@link Delivery} for the contract. For a sink that does not, the engine
 * counts a call that returns as one record delivered and one that throws as one dropped.
 */
public interface Sink extends AutoCloseable {

    /**
     * Prepares a series before its first sample, once per series. The result is passed back with
     * every sample of the series, so a sink can keep its own encoded form (label bytes, a protobuf
     * prefix). Default: the series itself.
     *
     * @param series the series
     * @return the prepared form, never null
     */
    default Object prepare(Series series) {
        return series;
    }

    /**
     * Delivers or buffers one sample.
     *
     * @param series what {@link #prepare} returned for the sample's series
     * @param epochNanos the sample time in nanoseconds since 1970-01-01T00:00:00Z, on the run's
     *     clock (simulated on a simulated run)
     * @param value the value; NaN with bits {@code 0x7ff0000000000002} is a Prometheus stale marker
     * @throws SinkException on a delivery failure
     * @throws UnsupportedOperationException if this sink takes no metrics
     */
    default void sample(Object series, long epochNanos, double value) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not accept metric samples");
    }

    /**
     * Delivers or buffers every series of one workload metric at one tick. Sinks that build whole
     * requests override it to read the batch's label tables and values directly, with no object
     * per series; the default sends each part through {@link #prepare} (once per series, the
     * batch keeps the result) and {@link #sample}, the parts of a histogram or summary series in
     * the order {@link Series} documents.
     *
     * @param batch the batch, valid during the call only
     * @throws SinkException on a delivery failure
     * @throws UnsupportedOperationException if this sink takes no metrics
     */
    default void batch(SeriesBatch batch) {
        long ts = batch.epochNanos();
        java.util.function.Function<Series, Object> prepare = this::prepare;
        int parts = batch.parts();
        for (int i = 0, n = batch.size(); i < n; i++) {
            for (int j = 0; j < parts; j++) {
                sample(batch.prepared(i, j, prepare), ts, batch.partValue(i, j));
            }
        }
    }

    /**
     * Delivers or buffers one log record. The record is valid during the call only.
     *
     * @param record the record
     * @throws SinkException on a delivery failure
     * @throws UnsupportedOperationException if this sink takes no logs
     */
    default void log(LogRecord record) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not accept log records");
    }

    /**
     * Delivers or buffers one span. The record is valid during the call only. Spans arrive in the
     * order of their start times within one entry.
     *
     * @param span the span
     * @throws SinkException on a delivery failure
     * @throws UnsupportedOperationException if this sink takes no spans
     */
    default void span(SpanRecord span) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not accept spans");
    }

    /**
     * Delivers or buffers one infrastructure event.
     *
     * @param event the event
     * @throws SinkException on a delivery failure
     * @throws UnsupportedOperationException if this sink takes no events
     */
    default void event(EventRecord event) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not accept events");
    }

    /**
     * Sends whatever is buffered; nothing buffered is a no-op success.
     *
     * @throws SinkException on a delivery failure
     */
    void flush();

    /**
     * Whether everything written so far has reached the destination (a batching sink: only right
     * after a send succeeded). The run's {@code consecutive_failures} and last-success time follow
     * it. Default: true.
     *
     * @return true when nothing is waiting in a buffer
     */
    default boolean lastWriteDelivered() {
        return true;
    }

    /**
     * Whether this sink reports every record it is given through its context's {@link Delivery}
     * (the contract is on {@link Delivery}). Default: false, and the engine counts a {@link
     * #sample} or {@link #log} call that returns as delivered and one that throws as dropped, which
     * is right for a sink that does not buffer.
     *
     * @return true when the sink reports delivery itself
     */
    default boolean reportsDelivery() {
        return false;
    }

    /**
     * How many encoded bytes this sink has handed to its transport so far (the run's {@code
     * bytes_emitted}). Default: 0, for sinks that do not count bytes.
     *
     * @return the byte count
     */
    default long bytes() {
        return 0;
    }

    /**
     * Flushes, then releases the sink's resources. Called once.
     *
     * @throws SinkException if the final flush fails
     */
    @Override
    void close();
}
