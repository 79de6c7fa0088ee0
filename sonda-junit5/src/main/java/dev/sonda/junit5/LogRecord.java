package dev.sonda.junit5;

import dev.sonda.api.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One captured log record of a {@code signal_type: logs} entry ({@link Captured#logs()}): what the
 * generator made of the tick, stamped by the run, and the line its encoder wrote.
 *
 * @param entry the name of the log entry that emitted it (its {@code name:})
 * @param timestamp when the record was stamped, exact on the simulated clock
 * @param offset {@code timestamp} minus the run's start ({@link Captured#start()})
 * @param severity the severity ({@code info} unless the generator's {@code severity_weights} say
 *     otherwise)
 * @param message the message, placeholders filled
 * @param labels the entry's labels for this tick (static, dynamic, cardinality spikes), unmodifiable
 * @param fields the generator's fields (a template's placeholder values, a CSV row's columns),
 *     unmodifiable; never merged with the labels
 * @param line the encoded record exactly as the encoder wrote it, without its trailing newline
 */
public record LogRecord(
        String entry,
        Instant timestamp,
        Duration offset,
        Severity severity,
        String message,
        Map<String, String> labels,
        Map<String, String> fields,
        String line) {

    /**
     * Creates a record, copying the maps.
     *
     * @param entry the log entry's name
     * @param timestamp when the record was stamped
     * @param offset {@code timestamp} minus the run's start
     * @param severity the severity
     * @param message the message
     * @param labels the labels
     * @param fields the fields
     * @param line the encoded record
     * @throws NullPointerException if a component, a key or a value is null
     */
    public LogRecord {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        labels = Map.copyOf(labels);
        fields = Map.copyOf(fields);
        Objects.requireNonNull(line, "line");
    }

    /**
     * One field's value.
     *
     * @param name the field name, such as {@code user} for a template {@code {user}}
     * @return the value, or null when the record has no such field
     */
    public String field(String name) {
        return fields.get(name);
    }

    /**
     * One label's value.
     *
     * @param key the label key
     * @return the value, or null when the record has no such label
     */
    public String label(String key) {
        return labels.get(key);
    }

    /**
     * Renders the record for messages, such as {@code +1m30s error app "payment failed for u7"
     * {user=u7}}.
     *
     * @return the record as one line
     */
    @Override
    public String toString() {
        return Text.offset(offset) + " " + severity.yamlName() + " " + entry + " \"" + message + "\""
                + (fields.isEmpty() ? "" : " " + new java.util.TreeMap<>(fields));
    }
}
