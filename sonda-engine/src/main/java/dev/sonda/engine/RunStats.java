package dev.sonda.engine;

import java.time.Duration;
import java.util.List;

/**
 * A snapshot of a whole run's counters. The delivery sums ({@link #records()}, {@link
 * #delivered()}, {@link #dropped()}) follow {@link EntryStats}: once the run is done, records ==
 * delivered + dropped.
 *
 * @param entries per-entry snapshots, in plan order
 * @param elapsed time since the run started, on the run's clock
 */
public record RunStats(List<EntryStats> entries, Duration elapsed) {
    /**
     * Creates the record, copying {@code entries}.
     *
     * @param entries per-entry snapshots
     * @param elapsed time since the run started
     */
    public RunStats {
        entries = List.copyOf(entries);
    }

    /**
     * Events over all entries.
     *
     * @return the total
     */
    public long events() {
        return entries.stream().mapToLong(EntryStats::events).sum();
    }

    /**
     * Bytes over all entries.
     *
     * @return the total
     */
    public long bytes() {
        return entries.stream().mapToLong(EntryStats::bytes).sum();
    }

    /**
     * Sink errors over all entries.
     *
     * @return the total
     */
    public long errors() {
        return entries.stream().mapToLong(EntryStats::errors).sum();
    }

    /**
     * Records (samples, log records, spans and events) handed to sinks over all entries.
     *
     * @return the total
     */
    public long records() {
        return entries.stream().mapToLong(EntryStats::records).sum();
    }

    /**
     * Records the receivers acknowledged over all entries.
     *
     * @return the total
     */
    public long delivered() {
        return entries.stream().mapToLong(EntryStats::delivered).sum();
    }

    /**
     * Records dropped over all entries.
     *
     * @return the total
     */
    public long dropped() {
        return entries.stream().mapToLong(EntryStats::dropped).sum();
    }
}
