package dev.sonda.junit5;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One captured infrastructure event of a {@code signal_type: events} entry ({@link
 * Captured#events()}).
 *
 * @param entry the name of the events entry that emitted it
 * @param timestamp when it happened
 * @param type such as {@code deployment}
 * @param service the service it happened to
 * @param severity such as {@code info}
 * @param details the details text
 * @param attributes free attributes, such as {@code version}
 * @param line the encoded event, without its trailing newline
 */
public record Event(
        String entry,
        Instant timestamp,
        String type,
        String service,
        String severity,
        String details,
        Map<String, String> attributes,
        String line) {
    /**
     * Creates an event, copying the attributes.
     *
     * @param entry the entry
     * @param timestamp when
     * @param type the type
     * @param service the service
     * @param severity the severity
     * @param details the details
     * @param attributes the attributes
     * @param line the encoded event
     * @throws NullPointerException if a component is null
     */
    public Event {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(details, "details");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(line, "line");
    }
}
