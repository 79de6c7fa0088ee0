package dev.sonda.engine.data;

import dev.sonda.api.trace.SpanKind;
import dev.sonda.engine.encode.Labels;
import java.util.Objects;

/**
 * An immutable {@link SpanRecord}, for sinks and observers that keep spans beyond a call.
 *
 * @param traceIdHigh bytes 0 to 7 of the trace id
 * @param traceIdLow bytes 8 to 15 of the trace id
 * @param spanId the span id, not 0
 * @param parentSpanId the parent's span id, 0 for a root
 * @param service the service's name
 * @param operation the operation's name
 * @param kind the span kind
 * @param startEpochNanos the start, nanoseconds since the epoch
 * @param endEpochNanos the end, at or after the start
 * @param error whether the span failed
 * @param statusMessage why it failed, or null
 * @param attributes the span's attributes
 * @param resource the service's resource attributes
 */
public record SpanData(
        long traceIdHigh,
        long traceIdLow,
        long spanId,
        long parentSpanId,
        String service,
        String operation,
        SpanKind kind,
        long startEpochNanos,
        long endEpochNanos,
        boolean error,
        String statusMessage,
        Labels attributes,
        Labels resource)
        implements SpanRecord {
    /**
     * Creates the record.
     *
     * @param traceIdHigh bytes 0 to 7 of the trace id
     * @param traceIdLow bytes 8 to 15 of the trace id
     * @param spanId the span id
     * @param parentSpanId the parent's span id, 0 for a root
     * @param service the service
     * @param operation the operation
     * @param kind the kind
     * @param startEpochNanos the start
     * @param endEpochNanos the end
     * @param error whether it failed
     * @param statusMessage why, or null
     * @param attributes the attributes
     * @param resource the resource attributes
     * @throws NullPointerException if a string, the kind or an attribute set is null (except the
     *     status message)
     */
    public SpanData {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(resource, "resource");
    }

    /**
     * An immutable copy of a record (itself when it already is one).
     *
     * @param r the record
     * @return the copy
     */
    public static SpanData copyOf(SpanRecord r) {
        if (r instanceof SpanData d) {
            return d;
        }
        return new SpanData(
                r.traceIdHigh(),
                r.traceIdLow(),
                r.spanId(),
                r.parentSpanId(),
                r.service(),
                r.operation(),
                r.kind(),
                r.startEpochNanos(),
                r.endEpochNanos(),
                r.error(),
                r.statusMessage(),
                r.attributes(),
                r.resource());
    }
}
