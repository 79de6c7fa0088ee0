package dev.sonda.engine.sink;

import dev.sonda.api.SondaException;

/**
 * A sink failed to deliver: an I/O error, a refused connection, an HTTP 5xx. The message is the
 * reference's raw I/O message (for example {@code HTTP 500 from 'http://x/push'}); the entry's
 * {@code on_sink_error} policy decides what happens next.
 */
public class SinkException extends SondaException {
    private static final long serialVersionUID = 1L;

    /** Whether a retry may succeed. */
    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param message what failed, where
     */
    public SinkException(String message) {
        super(message);
        this.retryable = true;
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed, where
     * @param cause the underlying failure
     */
    public SinkException(String message, Throwable cause) {
        super(message, cause);
        this.retryable = true;
    }

    /**
     * Creates an exception that says whether a retry may succeed.
     *
     * @param message what went wrong, without a prefix
     * @param cause the underlying failure, or null
     * @param retryable false when retrying cannot help (the receiver refused the data)
     */
    public SinkException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /**
     * Whether a retry may succeed; {@link Retry}'s classifiers never retry a false one.
     *
     * @return true unless the sink said otherwise
     */
    public boolean retryable() {
        return retryable;
    }
}
