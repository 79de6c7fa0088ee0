package dev.sonda.engine;

import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SeriesBatch;
import dev.sonda.engine.data.SpanRecord;

/**
 * Sees every sample, log record, span and infrastructure event a run delivered, typed, right after
 * its sink accepted it, and every tick of a workload metric: what a scrape endpoint's current
 * values, a test capture or a live chart needs. Called on the thread running the entry (a worker
 * of the run's scheduler), so calls for one entry are sequential but calls for different entries
 * may be concurrent; an observer must be thread-safe and quick, and must not keep a {@link
 * LogRecord}, span or batch beyond the call (copy a record with {@code LogEvent.copyOf}, a span
 * with {@code SpanData.copyOf}).
 */
public interface RunObserver {

    /**
     * One delivered sample.
     *
     * @param entry the entry that emitted it
     * @param series the series (created once per series: compare by identity to find it again)
     * @param epochNanos the sample time, nanoseconds since the Unix epoch
     * @param value the value
     */
    void onSample(CompiledEntry entry, Series series, long epochNanos, double value);

    /**
     * One delivered log record. Default: nothing.
     *
     * @param entry the entry that emitted it
     * @param record the record, valid during the call only
     */
    default void onLog(CompiledEntry entry, LogRecord record) {}

    /**
     * One delivered span. Default: nothing.
     *
     * @param entry the traces entry that emitted it
     * @param span the span, valid during the call only (copy it with {@code SpanData.copyOf})
     */
    default void onSpan(CompiledEntry entry, SpanRecord span) {}

    /**
     * One delivered infrastructure event. Default: nothing.
     *
     * @param entry the events entry that emitted it
     * @param event the event
     */
    default void onEvent(CompiledEntry entry, EventRecord event) {}

    /**
     * One tick of one workload metric, every live series of it, whether or not the tick is pushed
     * to the entry's sink (names carry no push prefix). Called after the tick is published, in
     * metric order. Default: nothing.
     *
     * @param entry the workload entry
     * @param batch the tick's series, valid during the call only
     */
    default void onBatch(CompiledEntry entry, SeriesBatch batch) {}
}
