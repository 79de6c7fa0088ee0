package dev.sonda.engine.sink;

import dev.sonda.api.SondaException;

/**
 * A sink failed to deliver: an I/O error, a refused connection, an HTTP 5xx. The message is the
 * reference's raw I/O message (for example {@code HTTP 500 from 'http://x/push'}); the entry's
 * {@code on_sink_error} policy decides what happens next.
 */
public class SinkException extends SondaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, where
     */
    public SinkException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed, where
     * @param cause the underlying failure
     */
    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
