package dev.sonda.engine;

import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodedSeries;

/**
 * Observes every metric sample a run delivers, after the sink accepted it. For captures in tests
 * and embedding; it runs on the entry's scheduler thread, inside the hot path, so it must be quick
 * and must not block. Entries may call it from different threads concurrently.
 */
@FunctionalInterface
public interface SampleListener {

    /**
     * Called once per delivered sample.
     *
     * @param entry the entry that emitted it
     * @param series the series (name and labels: {@link EncodedSeries#name()}, {@link
     *     EncodedSeries#labels()})
     * @param value the sample value
     * @param epochNanos the sample's timestamp in nanoseconds since the Unix epoch
     * @param encoded the encoded record, valid only during the call
     */
    void onSample(CompiledEntry entry, EncodedSeries series, double value, long epochNanos, ByteBuf encoded);

    /**
     * Called once per delivered log event. The default does nothing.
     *
     * @param entry the entry that emitted it
     * @param event the event, stamped and labelled
     * @param encoded the encoded record, valid only during the call
     */
    default void onLog(CompiledEntry entry, dev.sonda.engine.log.LogEvent event, ByteBuf encoded) {}

    /**
     * Called once per delivered span. The default does nothing.
     *
     * @param entry the traces entry that emitted it
     * @param span the span, valid only during the call
     * @param encoded the encoded record, valid only during the call
     */
    default void onSpan(CompiledEntry entry, dev.sonda.engine.data.SpanRecord span, ByteBuf encoded) {}

    /**
     * Called once per delivered infrastructure event. The default does nothing.
     *
     * @param entry the events entry that emitted it
     * @param event the event
     * @param encoded the encoded record, valid only during the call
     */
    default void onEvent(CompiledEntry entry, dev.sonda.engine.data.EventRecord event, ByteBuf encoded) {}
}
