package dev.sonda.engine;

import java.time.Duration;
import java.util.List;

/**
 * A snapshot of a whole run's counters.
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
}
