package dev.sonda.api.event;

import dev.sonda.api.Offset;
import dev.sonda.api.Problems;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One infrastructure event of a {@code signal_type: events} entry (an item of YAML {@code
 * events:}), stamped at {@code at} on the entry's timeline. An entry started by {@code after:} or
 * delayed by {@code phase_offset} counts {@code at} from its own start, like any entry.
 *
 * @param at when, from the entry's start: a time or a percentage of the entry's duration
 * @param type what happened
 * @param service the service it happened to, non-empty
 * @param severity how serious (default {@link EventSeverity#INFO})
 * @param details free text (YAML {@code details:}), or null for {@link #defaultDetails}
 * @param attributes free attributes (YAML {@code attributes:}), such as {@code version: 2.1.0};
 *     NDJSON writes them beside the fixed fields, so none may be named {@code timestamp}, {@code
 *     type}, {@code service}, {@code severity} or {@code details}
 */
public record InfraEvent(
        Offset at,
        EventType type,
        String service,
        EventSeverity severity,
        String details,
        Map<String, String> attributes) {

    /** The NDJSON field names attributes may not take. */
    public static final Set<String> RESERVED = Set.of("timestamp", "type", "service", "severity", "details");

    /**
     * Creates the record, copying the attributes.
     *
     * @param at when
     * @param type what happened
     * @param service the service
     * @param severity how serious, null for {@link EventSeverity#INFO}
     * @param details free text, or null
     * @param attributes free attributes, null for none
     * @throws NullPointerException if {@code at}, {@code type} or {@code service} is null
     */
    public InfraEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(service, "service");
        severity = severity == null ? EventSeverity.INFO : severity;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * An {@code info} event without details or attributes.
     *
     * @param at when
     * @param type what happened
     * @param service the service
     * @return the event
     */
    public static InfraEvent of(Offset at, EventType type, String service) {
        return new InfraEvent(at, type, service, EventSeverity.INFO, null, Map.of());
    }

    /**
     * This event with another severity (YAML {@code severity:}).
     *
     * @param severity the severity
     * @return the new event
     */
    public InfraEvent withSeverity(EventSeverity severity) {
        return new InfraEvent(at, type, service, severity, details, attributes);
    }

    /**
     * This event with details (YAML {@code details:}).
     *
     * @param details free text
     * @return the new event
     */
    public InfraEvent withDetails(String details) {
        return new InfraEvent(at, type, service, severity, details, attributes);
    }

    /**
     * This event with attributes (YAML {@code attributes:}).
     *
     * @param attributes names to values
     * @return the new event
     */
    public InfraEvent withAttributes(Map<String, String> attributes) {
        return new InfraEvent(at, type, service, severity, details, attributes);
    }

    /**
     * The details written: {@link #details()}, or {@link #defaultDetails} when it is null.
     *
     * @return the text
     */
    public String effectiveDetails() {
        return details != null ? details : defaultDetails(type, service, attributes);
    }

    /**
     * The text an event without {@code details:} carries, in the words of the telemetry-simulation
     * seed: {@code Deploying new version to api-gateway}, with {@code (version 2.1.0)} when a {@code
     * version} attribute is set; {@code Configuration changed on S}, {@code Scaling S}, {@code
     * Restarting S}, {@code Alert on S}.
     *
     * @param type the event type
     * @param service the service
     * @param attributes the attributes
     * @return the text
     */
    public static String defaultDetails(EventType type, String service, Map<String, String> attributes) {
        String version = attributes.get("version");
        return switch (type) {
            case DEPLOYMENT -> "Deploying new version to " + service
                    + (version == null ? "" : " (version " + version + ")");
            case CONFIG_CHANGE -> "Configuration changed on " + service;
            case SCALE -> "Scaling " + service;
            case RESTART -> "Restarting " + service;
            case ALERT -> "Alert on " + service;
        };
    }

    /**
     * Adds this event's problems.
     *
     * @param path where it sits, such as {@code scenarios[1].events[0]}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        at.validate(path + ".at", problems);
        if (service.isEmpty()) {
            problems.add(path + ".service", "service must not be empty");
        }
        attributes.keySet().stream().sorted().forEach(k -> {
            if (RESERVED.contains(k)) {
                problems.add(
                        path + ".attributes." + k,
                        "attribute '" + k + "' would overwrite the event's own field; rename it");
            } else if (k.isEmpty()) {
                problems.add(path + ".attributes", "attribute names must not be empty");
            }
        });
    }
}
