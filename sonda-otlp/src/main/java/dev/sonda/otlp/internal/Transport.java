package dev.sonda.otlp.internal;

/**
 * Delivers one encoded export request of any {@link Signal} to its service or path: gRPC ({@link
 * GrpcTransport}) or HTTP ({@link HttpTransport}). Owns its retry policy. Called by one thread at a
 * time.
 */
public interface Transport {
    /**
     * Sends one request, retrying per the sink's policy.
     *
     * @param signal what the request holds: where it goes and how a partial success is read
     * @param body the request bytes; {@code [0, length)} is the request, not kept after the call
     * @param length the request length
     * @return how many data points, log records or spans the receiver rejected in a partial success,
     *     0 when it accepted all (or does not say)
     * @throws dev.sonda.engine.sink.SinkException when the request was not delivered; {@code
     *     retryable()} is false when the receiver refused it
     */
    long export(Signal signal, byte[] body, int length);

    /**
     * The message of the last partial success, or empty.
     *
     * @return the receiver's error message
     */
    String partialSuccessMessage();

    /** Releases connections, waiting a bounded time for calls in flight. */
    void close();
}
