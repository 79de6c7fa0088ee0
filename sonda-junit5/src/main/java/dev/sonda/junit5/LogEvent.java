package dev.sonda.junit5;

import java.time.Instant;
import java.util.Objects;

/**
 * One captured log event of a {@code signal_type: logs} entry, as its encoder wrote it, in the
 * order the run delivered it ({@link Captured#logs()}).
 *
 * @param entry the name of the log entry that emitted it
 * @param timestamp when the event was stamped
 * @param line the encoded event, exactly as the encoder wrote it
 */
public record LogEvent(String entry, Instant timestamp, String line) {

    /**
     * Creates a log event.
     *
     * @param entry the name of the log entry that emitted it
     * @param timestamp when the event was stamped
     * @param line the encoded event
     * @throws NullPointerException if an argument is null
     */
    public LogEvent {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(line, "line");
    }
}
