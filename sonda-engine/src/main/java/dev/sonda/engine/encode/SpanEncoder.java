package dev.sonda.engine.encode;

import dev.sonda.engine.data.SpanRecord;

/**
 * Writes spans as bytes, one record per span, in a fixed wire format. Implementations are
 * immutable apart from invisible caches, and used by one entry's thread at a time; the per-span
 * path should not allocate once the buffer has grown.
 */
public interface SpanEncoder {
    /**
     * Appends one complete record for {@code span} to {@code out}. On an exception nothing is
     * appended.
     *
     * @param span the span, valid during the call only
     * @param out buffer the record is appended to
     * @throws EncodeException if the span starts before 1970-01-01
     */
    void encode(SpanRecord span, ByteBuf out);
}
