package dev.sonda.engine;

/**
 * A snapshot of one entry's counters, readable while the run goes on.
 *
 * @param index the entry's position in the compiled plan
 * @param name the entry's name
 * @param state its lifecycle state
 * @param events ticks emitted (a histogram tick writing several lines counts once)
 * @param bytes encoded bytes handed to the sink
 * @param errors sink errors met
 * @param currentRate events per second over the last window of about one second of clock time
 * @param inGap whether the entry is inside a gap
 * @param inBurst whether the entry is inside a burst
 * @param lastError the latest sink error message, or null
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
        String lastError) {}
