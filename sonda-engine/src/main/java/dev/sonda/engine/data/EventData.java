package dev.sonda.engine.data;

import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.EventType;
import dev.sonda.engine.encode.Labels;
import java.util.Objects;

/**
 * An immutable {@link EventRecord}.
 *
 * @param epochNanos when, nanoseconds since the epoch
 * @param type what happened
 * @param service the service
 * @param severity how serious
 * @param details free text
 * @param attributes free attributes
 */
public record EventData(
        long epochNanos, EventType type, String service, EventSeverity severity, String details, Labels attributes)
        implements EventRecord {
    /**
     * Creates the record.
     *
     * @param epochNanos when
     * @param type what happened
     * @param service the service
     * @param severity how serious
     * @param details free text
     * @param attributes free attributes
     * @throws NullPointerException if a component other than the time is null
     */
    public EventData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(attributes, "attributes");
    }

    /**
     * An immutable copy of a record (itself when it already is one).
     *
     * @param r the record
     * @return the copy
     */
    public static EventData copyOf(EventRecord r) {
        if (r instanceof EventData d) {
            return d;
        }
        return new EventData(r.epochNanos(), r.type(), r.service(), r.severity(), r.details(), r.attributes());
    }
}
