package dev.sonda.engine.sink;

/**
 * Where a sink reports what became of the records it was given: delivered (the receiver
 * acknowledged them) or dropped (discarded after a failure, a refusal or a full buffer). One sample
 * or one log record is one record; a histogram tick is as many records as it writes lines. The
 * engine sums these per entry ({@link dev.sonda.engine.EntryStats#delivered()}, {@link
 * dev.sonda.engine.EntryStats#dropped()}) and per run.
 *
 * <p><b>What "delivered" means</b> depends on the receiver, and is the strongest acknowledgement
 * the protocol gives: stdout and file, a completed write of the bytes to the operating system;
 * tcp, the bytes written to the socket (TCP itself acknowledges nothing to the application, so a
 * peer that dies after the kernel took the bytes loses them unseen); udp, the datagram sent;
 * http_push, loki, remote_write and otlp_http, an HTTP 2xx response; otlp_grpc, a gRPC OK (minus
 * the points a partial success rejects); kafka, the broker's ack; memory and channel, accepted into
 * the buffer or queue.
 *
 * <p><b>The contract of a sink that reports</b> ({@link Sink#reportsDelivery()} or {@link
 * ByteSink#reportTo(Delivery)} true): every record it was given is reported exactly once, as
 * delivered or as dropped, by the time its {@code close()} returns, also when a call throws: a
 * record whose write fails and is not retried is dropped, and so is every record of a batch that
 * fails, is refused (an HTTP 4xx the reference discards) or is still buffered when the buffer is
 * given up. Reports may come from any thread (a Kafka producer acknowledges on its own I/O
 * thread), so implementations are thread-safe; the engine's counter allocates nothing per call.
 */
public interface Delivery {
    /** Ignores every report. */
    Delivery NONE = new Delivery() {
        @Override
        public void delivered(long records) {}

        @Override
        public void dropped(long records, String reason) {}
    };

    /**
     * Records that the receiver acknowledged {@code records} records.
     *
     * @param records how many, at least 0
     * @throws IllegalArgumentException if {@code records} is negative (the engine's counter)
     */
    void delivered(long records);

    /**
     * Records that {@code records} records were discarded.
     *
     * @param records how many, at least 0
     * @param reason why, such as {@code HTTP 400 from 'http://...'}; the latest one is kept for the
     *     run's stats
     * @throws IllegalArgumentException if {@code records} is negative (the engine's counter)
     */
    void dropped(long records, String reason);
}
