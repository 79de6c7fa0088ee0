package dev.sonda.engine.data;

import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.EventType;
import dev.sonda.engine.encode.Labels;

/**
 * One infrastructure event as sinks receive it: when, what, to which service, how serious, the
 * details text and free attributes. Immutable implementations may be kept ({@link EventData}).
 */
public interface EventRecord {
    /**
     * When the event happened.
     *
     * @return nanoseconds since 1970-01-01T00:00:00Z
     */
    long epochNanos();

    /**
     * What happened.
     *
     * @return the type
     */
    EventType type();

    /**
     * The service it happened to.
     *
     * @return the service's name
     */
    String service();

    /**
     * How serious it is.
     *
     * @return the severity
     */
    EventSeverity severity();

    /**
     * Free text.
     *
     * @return the details
     */
    String details();

    /**
     * Free attributes, sorted by key.
     *
     * @return the attributes, possibly empty
     */
    Labels attributes();
}
