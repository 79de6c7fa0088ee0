package dev.sonda.engine.log;

import dev.sonda.api.Severity;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.encode.Labels;
import java.util.Objects;

/**
 * A log record the engine fills again for every tick, so emitting a log allocates nothing: a sink
 * sees it during one call only and copies what it keeps ({@link LogEvent#copyOf(LogRecord)}). Not
 * thread-safe; one per entry.
 */
public final class MutableLogRecord implements LogRecord {
    private long epochNanos;
    private Severity severity = Severity.INFO;
    private String message = "";
    private Labels labels = Labels.empty();
    private LogFields fields = LogFields.empty();

    /** Creates an empty record. */
    public MutableLogRecord() {}

    /**
     * Sets every part of the record.
     *
     * @param epochNanos time in nanoseconds since the Unix epoch
     * @param severity the severity
     * @param message the message
     * @param labels the labels
     * @param fields the fields
     * @return this record
     * @throws NullPointerException if an object argument is null
     */
    public MutableLogRecord set(long epochNanos, Severity severity, String message, Labels labels, LogFields fields) {
        this.epochNanos = epochNanos;
        this.severity = Objects.requireNonNull(severity, "severity");
        this.message = Objects.requireNonNull(message, "message");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.fields = Objects.requireNonNull(fields, "fields");
        return this;
    }

    @Override
    public long epochNanos() {
        return epochNanos;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public Labels labels() {
        return labels;
    }

    @Override
    public LogFields fields() {
        return fields;
    }

    @Override
    public String toString() {
        return "LogRecord[" + epochNanos + ", " + severity + ", " + message + ", " + labels + ", " + fields + "]";
    }
}
