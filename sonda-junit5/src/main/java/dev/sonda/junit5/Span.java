package dev.sonda.junit5;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One captured span of a {@code signal_type: traces} entry ({@link Captured#spans()}), with its
 * W3C ids as lowercase hex and the record exactly as its encoder wrote it.
 *
 * @param entry the name of the traces entry that emitted it
 * @param traceId 32 hex digits
 * @param spanId 16 hex digits
 * @param parentSpanId the parent's 16 hex digits, or null for a root span
 * @param service the service
 * @param operation the operation (without the service)
 * @param kind the span kind, such as {@code server}
 * @param start when it started
 * @param duration how long it lasted (whole microseconds)
 * @param error whether it failed
 * @param statusMessage why it failed, or null
 * @param attributes the span's attributes
 * @param line the encoded span, without its trailing newline
 */
public record Span(
        String entry,
        String traceId,
        String spanId,
        String parentSpanId,
        String service,
        String operation,
        String kind,
        Instant start,
        Duration duration,
        boolean error,
        String statusMessage,
        Map<String, String> attributes,
        String line) {

    /**
     * Creates a span, copying the attributes.
     *
     * @param entry the entry
     * @param traceId the trace id
     * @param spanId the span id
     * @param parentSpanId the parent's id, or null
     * @param service the service
     * @param operation the operation
     * @param kind the kind
     * @param start the start
     * @param duration the duration
     * @param error whether it failed
     * @param statusMessage why, or null
     * @param attributes the attributes
     * @param line the encoded span
     * @throws NullPointerException if a component other than the parent and the message is null
     */
    public Span {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(line, "line");
    }

    /**
     * When it ended.
     *
     * @return {@code start + duration}
     */
    public Instant end() {
        return start.plus(duration);
    }

    /**
     * Whether it is its trace's root.
     *
     * @return true without a parent
     */
    public boolean root() {
        return parentSpanId == null;
    }

    /**
     * {@code service.operation}, as the NDJSON schema writes the operation.
     *
     * @return the qualified name
     */
    public String name() {
        return service + "." + operation;
    }
}
