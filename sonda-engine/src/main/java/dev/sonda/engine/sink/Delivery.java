package dev.sonda.engine.sink;

/**
 * Where a sink reports what happened to the records it was given: delivered (the receiver
 * acknowledged them: an HTTP 2xx, a Kafka ack, a gRPC OK, a completed write) or dropped (discarded
 * after a failure, a refusal or a full buffer). One sample or one log record is one record. The
 * engine sums these per entry and per run. Thread-safe.
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
     */
    void delivered(long records);

    /**
     * Records that {@code records} records were discarded.
     *
     * @param records how many, at least 0
     * @param reason why, such as {@code HTTP 400 from 'http://...'}
     */
    void dropped(long records, String reason);
}
