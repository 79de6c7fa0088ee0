package dev.sonda.engine.encode;

/**
 * Writes metric samples as bytes, one record per sample, in a fixed wire format.
 *
 * <p>Two steps keep the per-sample path free of allocation and string building:
 *
 * <ol>
 *   <li>{@link #series(String, Labels)}, once per series (name + label set): escapes and encodes
 *       every constant byte of the record into an {@link EncodedSeries};
 *   <li>{@link #encode(EncodedSeries, double, long, ByteBuf)}, once per sample: appends one
 *       complete record (ending with exactly one {@code \n}) to a {@link ByteBuf}, copying the
 *       prepared bytes and formatting only the value and the timestamp.
 * </ol>
 *
 * <p>Implementations are immutable and thread-safe; an {@link EncodedSeries} may be shared by
 * threads, a {@link ByteBuf} may not. Names and label keys are validated by the caller, not here.
 */
public interface MetricEncoder {

    /**
     * Prepares a series for {@link #encode}: the name and labels, escaped and encoded as this
     * format requires. Called once per series, not per sample.
     *
     * @param name metric name, already validated against {@code [a-zA-Z_:][a-zA-Z0-9_:]*}
     * @param labels label set, in the order it is written
     * @return the prepared series, usable only with this encoder
     * @throws NullPointerException if an argument is null
     */
    EncodedSeries series(String name, Labels labels);

    /**
     * Appends one record for one sample to {@code out}. On an exception nothing is appended.
     *
     * @param series a series prepared by this encoder's {@link #series(String, Labels)}
     * @param value the sample value; NaN and infinities are written as the format writes them
     * @param epochNanos sample time in nanoseconds since 1970-01-01T00:00:00Z
     * @param out buffer the record is appended to
     * @throws EncodeException if {@code epochNanos} is negative (message {@code timestamp before
     *     the Unix epoch}), unless the format writes no timestamp
     * @throws IllegalArgumentException if {@code series} was prepared by another encoder
     */
    void encode(EncodedSeries series, double value, long epochNanos, ByteBuf out);
}
