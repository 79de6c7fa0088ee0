package dev.sonda.engine.log;

import dev.sonda.api.Severity;
import dev.sonda.engine.encode.Labels;
import java.util.Objects;

/**
 * One log event, as Sonda 1.20 {@code model/log.rs} models it: a timestamp, a severity, a message,
 * the entry's labels and the generator's fields.
 *
 * <p>Generators produce the severity, message and fields; the scheduler supplies the timestamp
 * (the tick's wall clock) and the labels (static labels, then dynamic labels, then active
 * cardinality-spike labels, later wins), usually through {@link LogGenerator#generate(long, long,
 * Labels)}. Immutable and thread-safe.
 *
 * @param epochNanos time of the event in nanoseconds since 1970-01-01T00:00:00Z; encoders reject
 *     negative values ({@code timestamp before the Unix epoch})
 * @param severity the severity
 * @param message the message text, written as is (JSON-escaped by json_lines, raw by syslog)
 * @param labels the labels, sorted by code point
 * @param fields the fields, sorted by code point; never merged with labels
 */
public record LogEvent(long epochNanos, Severity severity, String message, Labels labels, LogFields fields)
        implements dev.sonda.engine.data.LogRecord {
    /**
     * Creates an event.
     *
     * @param epochNanos time of the event in nanoseconds since the epoch
     * @param severity the severity
     * @param message the message text
     * @param labels the labels
     * @param fields the fields
     * @throws NullPointerException if {@code severity}, {@code message}, {@code labels} or {@code
     *     fields} is null
     */
    public LogEvent {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(fields, "fields");
    }

    /**
     * The same event with another timestamp and labels; the scheduler's stamping step.
     *
     * @param epochNanos time of the event in nanoseconds since the epoch
     * @param labels the entry's labels for this tick
     * @return a new event, or this one when nothing changes
     * @throws NullPointerException if {@code labels} is null
     */
    public LogEvent withStamp(long epochNanos, Labels labels) {
        if (epochNanos == this.epochNanos && labels == this.labels) {
            return this;
        }
        return new LogEvent(epochNanos, severity, message, labels, fields);
    }

    /**
     * An immutable copy of a record (itself when it already is a {@code LogEvent}).
     *
     * @param record the record
     * @return the event
     */
    public static LogEvent copyOf(dev.sonda.engine.data.LogRecord record) {
        if (record instanceof LogEvent e) {
            return e;
        }
        return new LogEvent(record.epochNanos(), record.severity(), record.message(), record.labels(), record.fields());
    }
}
