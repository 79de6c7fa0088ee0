package dev.sonda.engine.encode;

import dev.sonda.api.SondaException;

/**
 * An event could not be encoded, or an encoder could not be built: the reference's {@code
 * EncoderError} (for example {@code TimestampBeforeEpoch} or {@code NotSupported}).
 */
public class EncodeException extends SondaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public EncodeException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public EncodeException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The error for a sample stamped before 1970-01-01T00:00:00Z (reference: {@code
     * EncoderError::TimestampBeforeEpoch}).
     *
     * @return a new exception with the message {@code timestamp before the Unix epoch}
     */
    static EncodeException timestampBeforeEpoch() {
        return new EncodeException("timestamp before the Unix epoch");
    }
}
