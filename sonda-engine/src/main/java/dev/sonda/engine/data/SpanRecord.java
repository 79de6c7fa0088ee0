package dev.sonda.engine.data;

import dev.sonda.api.trace.SpanKind;
import dev.sonda.engine.encode.Labels;

/**
 * One span as sinks receive it: its W3C Trace Context identity (a 16-byte trace id, an 8-byte span
 * id, the parent's span id), the service and operation it belongs to, its kind, its start and end,
 * its status and its attributes. A record handed to a sink is valid during the call only (the
 * engine reuses it); a sink that keeps it copies it with {@link SpanData#copyOf(SpanRecord)}.
 *
 * <p>Identifiers are unsigned numbers carried in {@code long}s, big-endian: the trace id is {@code
 * traceIdHigh} then {@code traceIdLow}, written as 32 lowercase hex digits; a span id is 16. No
 * valid id is all zeros (W3C Trace Context, section 3.2.2.3 and 3.2.2.4), so a parent span id of 0
 * means the span is the trace's root.
 */
public interface SpanRecord {
    /**
     * The high 8 bytes of the trace id.
     *
     * @return bytes 0 to 7, big-endian
     */
    long traceIdHigh();

    /**
     * The low 8 bytes of the trace id.
     *
     * @return bytes 8 to 15, big-endian
     */
    long traceIdLow();

    /**
     * The span id, never 0.
     *
     * @return 8 bytes, big-endian
     */
    long spanId();

    /**
     * The parent's span id, in the same trace.
     *
     * @return 8 bytes, big-endian; 0 for the root span
     */
    long parentSpanId();

    /**
     * The service the span belongs to.
     *
     * @return the service's name
     */
    String service();

    /**
     * The operation, without the service: the OTLP span name.
     *
     * @return the operation's name
     */
    String operation();

    /**
     * The span's kind.
     *
     * @return the kind
     */
    SpanKind kind();

    /**
     * When the span started.
     *
     * @return nanoseconds since 1970-01-01T00:00:00Z, a whole number of microseconds
     */
    long startEpochNanos();

    /**
     * When the span ended, at or after its start.
     *
     * @return nanoseconds since 1970-01-01T00:00:00Z, a whole number of microseconds
     */
    long endEpochNanos();

    /**
     * Whether the span failed (OTLP status {@code ERROR}; NDJSON {@code "status":"error"}).
     *
     * @return true for a failed span
     */
    boolean error();

    /**
     * Why it failed, such as {@code connection refused}.
     *
     * @return the status message, or null for a span that succeeded
     */
    String statusMessage();

    /**
     * The span's attributes (the operation's), sorted by key.
     *
     * @return the attributes, possibly empty
     */
    Labels attributes();

    /**
     * The service's resource attributes (OTLP resource attributes besides {@code service.name}),
     * sorted by key.
     *
     * @return the attributes, possibly empty
     */
    Labels resource();

    /**
     * The span's duration.
     *
     * @return {@code endEpochNanos() - startEpochNanos()}
     */
    default long durationNanos() {
        return endEpochNanos() - startEpochNanos();
    }

    /**
     * The trace id as 32 lowercase hex digits.
     *
     * @return the text
     */
    default String traceIdHex() {
        return hex(traceIdHigh()) + hex(traceIdLow());
    }

    /**
     * The span id as 16 lowercase hex digits.
     *
     * @return the text
     */
    default String spanIdHex() {
        return hex(spanId());
    }

    /**
     * The parent's span id as 16 lowercase hex digits.
     *
     * @return the text, or null for a root span
     */
    default String parentSpanIdHex() {
        return parentSpanId() == 0 ? null : hex(parentSpanId());
    }

    /**
     * An unsigned 64-bit number as 16 lowercase hex digits, zero-padded.
     *
     * @param v the number
     * @return the text
     */
    static String hex(long v) {
        char[] c = new char[16];
        for (int i = 15; i >= 0; i--) {
            c[i] = Character.forDigit((int) (v & 0xF), 16);
            v >>>= 4;
        }
        return new String(c);
    }
}
