package dev.sonda.junit5;

import java.time.Instant;
import java.util.Objects;

/**
 * One captured log event. <b>Not produced yet:</b> the engine does not run {@code signal_type:
 * logs} entries yet, so {@link Captured#logs()} is always empty. This type is the extension point
 * for log capture: when log support lands it will carry each event as its encoder wrote it, and
 * structured accessors (severity, message, fields) may be added.
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
