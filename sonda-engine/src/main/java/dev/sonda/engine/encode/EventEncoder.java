package dev.sonda.engine.encode;

import dev.sonda.engine.data.EventRecord;

/** Writes infrastructure events as bytes, one record per event, in a fixed wire format. */
public interface EventEncoder {
    /**
     * Appends one complete record for {@code event} to {@code out}. On an exception nothing is
     * appended.
     *
     * @param event the event
     * @param out buffer the record is appended to
     * @throws EncodeException if the event is stamped before 1970-01-01
     */
    void encode(EventRecord event, ByteBuf out);
}
