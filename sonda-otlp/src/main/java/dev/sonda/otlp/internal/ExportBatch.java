package dev.sonda.otlp.internal;

import dev.sonda.engine.encode.ByteBuf;

/**
 * What an OTLP sink keeps for one {@link Signal} between sends: the items of the next export
 * request, already encoded ({@link MetricBatch}, {@link LogBatch}, {@link SpanBatch}). Not
 * thread-safe.
 */
public interface ExportBatch {
    /**
     * The signal the request carries.
     *
     * @return the signal
     */
    Signal signal();

    /**
     * Items in the batch as {@code batch_size} and a receiver's partial success count them: data
     * points, log records or spans.
     *
     * @return the count
     */
    int items();

    /**
     * Records in the batch as delivery is reported: samples (a histogram point is its buckets, sum
     * and count), log records or spans.
     *
     * @return the count
     */
    long records();

    /**
     * Appends the batch as its export request.
     *
     * @param out the buffer
     */
    void encode(ByteBuf out);

    /** Empties the batch. */
    void clear();
}
