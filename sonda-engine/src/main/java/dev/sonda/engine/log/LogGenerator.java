package dev.sonda.engine.log;

import dev.sonda.engine.encode.Labels;

/**
 * Produces the log event of a tick: the reference's {@code LogGenerator::generate_at} (Sonda 1.20
 * {@code generator/mod.rs}).
 *
 * <p>Implementations are pure functions of the tick: immutable, thread-safe and side-effect free,
 * so a tick can be regenerated and entries can be replayed deterministically. The tick is an
 * unsigned 64-bit counter carried in a {@code long}.
 */
public interface LogGenerator {

    /**
     * The event of {@code tick}, stamped with the caller's timestamp and labels.
     *
     * @param tick the 0-based event counter, read as unsigned
     * @param epochNanos the tick's wall clock in nanoseconds since the epoch
     * @param labels the entry's labels for this tick (static, dynamic and spike labels merged)
     * @return the event, never null
     */
    LogEvent generate(long tick, long epochNanos, Labels labels);

    /**
     * The event of {@code tick} in a record the caller reuses, so a generator that can fills it
     * without allocating (the engine calls this on every tick). Default: {@link #generate(long,
     * long, Labels)}.
     *
     * @param tick the 0-based event counter, read as unsigned
     * @param epochNanos the tick's time in nanoseconds since the epoch
     * @param labels the entry's labels for this tick
     * @param scratch a record the generator may fill and return
     * @return the event: {@code scratch} or another record, valid until the next call
     */
    default dev.sonda.engine.data.LogRecord generate(
            long tick, long epochNanos, Labels labels, MutableLogRecord scratch) {
        return generate(tick, epochNanos, labels);
    }

    /**
     * The event of {@code tick} with timestamp 0 and no labels: what the reference's {@code
     * generate(tick)} returns before the runner stamps it.
     *
     * @param tick the 0-based event counter, read as unsigned
     * @return the event, never null
     */
    default LogEvent generate(long tick) {
        return generate(tick, 0L, Labels.empty());
    }
}
