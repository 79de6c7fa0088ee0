package dev.sonda.api;

/** The root of every exception Sonda throws. Unchecked. */
public class SondaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public SondaException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public SondaException(String message, Throwable cause) {
        super(message, cause);
    }
}
