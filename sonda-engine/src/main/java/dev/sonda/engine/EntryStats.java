package dev.sonda.engine;

/**
 * A snapshot of one entry's counters, readable while the run goes on.
 *
 * <p><b>Accounting.</b> {@code records}, {@code delivered} and {@code dropped} count records: one
 * sample, log record, span or infrastructure event (a histogram tick writing 14 lines is 14 records,
 * and one event). While
 * the entry runs, {@code records - delivered - dropped} records are in flight (in a sink's batch or
 * buffer); once it has finished, {@code records == delivered + dropped} holds exactly. What counts
 * as delivered is the receiver's acknowledgement, per sink ({@link
 * dev.sonda.engine.sink.Delivery}).
 *
 * @param index the entry's position in the compiled plan
 * @param name the entry's name
 * @param state its lifecycle state
 * @param events ticks emitted whose every record the sink took without an error (a histogram tick
 *     writing several lines counts once), as the reference counts them
 * @param bytes encoded bytes handed to the sink
 * @param errors sink errors met
 * @param currentRate events per second over the last window of about one second of clock time
 * @param inGap whether the entry is inside a gap
 * @param inBurst whether the entry is inside a burst
 * @param lastError the latest sink error message, or null
 * @param records records handed to the sink, at least {@code delivered + dropped}
 * @param delivered records the receiver acknowledged
 * @param dropped records lost: a failed or refused batch, a write given up, a buffer discarded
 * @param dropReason why records were last dropped, or null when none were
 */
public record EntryStats(
        int index,
        String name,
        EntryState state,
        long events,
        long bytes,
        long errors,
        double currentRate,
        boolean inGap,
        boolean inBurst,
        String lastError,
        long records,
        long delivered,
        long dropped,
        String dropReason) {

    /**
     * A snapshot without delivery counts (all 0), as before the accounting existed.
     *
     * @param index the entry's position in the compiled plan
     * @param name the entry's name
     * @param state its lifecycle state
     * @param events ticks emitted
     * @param bytes encoded bytes handed to the sink
     * @param errors sink errors met
     * @param currentRate events per second over the last window
     * @param inGap whether the entry is inside a gap
     * @param inBurst whether the entry is inside a burst
     * @param lastError the latest sink error message, or null
     */
    public EntryStats(
            int index,
            String name,
            EntryState state,
            long events,
            long bytes,
            long errors,
            double currentRate,
            boolean inGap,
            boolean inBurst,
            String lastError) {
        this(index, name, state, events, bytes, errors, currentRate, inGap, inBurst, lastError, 0, 0, 0, null);
    }

    /**
     * Records handed to the sink and not yet reported delivered or dropped (in a batch or buffer).
     *
     * @return {@code records - delivered - dropped}, 0 once the entry has finished
     */
    public long inFlight() {
        return Math.max(0, records - delivered - dropped);
    }
}
