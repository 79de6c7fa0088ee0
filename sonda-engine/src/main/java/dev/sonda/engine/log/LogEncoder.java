package dev.sonda.engine.log;

import dev.sonda.engine.encode.ByteBuf;

/**
 * Writes log events as bytes, one record per event, in a fixed wire format (Sonda 1.20 {@code
 * Encoder::encode_log}).
 *
 * <p>Implementations are immutable (apart from invisible caches) and thread-safe; a {@link ByteBuf}
 * is not. The per-event path allocates nothing once the buffer has grown, except when the label
 * set differs from the previous event's (identity), whose encoded form is then cached.
 */
public interface LogEncoder {

    /**
     * Appends one complete record for {@code event} to {@code out}. On an exception nothing is
     * appended.
     *
     * @param event the event, stamped with its timestamp and labels
     * @param out buffer the record is appended to
     * @throws dev.sonda.engine.encode.EncodeException if the event is stamped before 1970-01-01
     *     (message {@code timestamp before the Unix epoch})
     */
    void encode(dev.sonda.engine.data.LogRecord event, ByteBuf out);
}
