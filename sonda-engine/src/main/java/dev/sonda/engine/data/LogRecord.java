package dev.sonda.engine.data;

import dev.sonda.api.Severity;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.log.LogFields;

/**
 * One log record as sinks receive it (Sonda 1.20 {@code model/log.rs}): a timestamp, a severity, a
 * message, the entry's labels (static, then dynamic, then cardinality-spike labels) and the
 * generator's fields. A record handed to a sink is valid during the call only; a sink that keeps it
 * copies it with {@link dev.sonda.engine.log.LogEvent#copyOf(LogRecord)}.
 */
public interface LogRecord {
    /**
     * Time of the record in nanoseconds since 1970-01-01T00:00:00Z.
     *
     * @return the timestamp
     */
    long epochNanos();

    /**
     * The severity.
     *
     * @return the severity
     */
    Severity severity();

    /**
     * The message text.
     *
     * @return the message
     */
    String message();

    /**
     * The labels, sorted by key code points.
     *
     * @return the labels
     */
    Labels labels();

    /**
     * The fields, sorted by name code points; never merged with labels.
     *
     * @return the fields
     */
    LogFields fields();
}
