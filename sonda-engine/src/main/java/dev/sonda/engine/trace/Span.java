package dev.sonda.engine.trace;

import dev.sonda.api.trace.SpanKind;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.encode.Labels;

/**
 * The generator's span: a reusable {@link SpanRecord}. Valid while the caller holds it; a consumer
 * that keeps a span copies it ({@link dev.sonda.engine.data.SpanData#copyOf}). Not thread-safe.
 */
public final class Span implements SpanRecord {
    long traceHigh;
    long traceLow;
    long id;
    long parent;
    long start;
    long end;
    long seq;
    int serviceIndex;
    int opIndex;
    String service;
    String operation;
    SpanKind kind;
    boolean error;
    boolean slowed;
    String message;
    Labels attributes;
    Labels resource;

    Span() {}

    @Override
    public long traceIdHigh() {
        return traceHigh;
    }

    @Override
    public long traceIdLow() {
        return traceLow;
    }

    @Override
    public long spanId() {
        return id;
    }

    @Override
    public long parentSpanId() {
        return parent;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public String operation() {
        return operation;
    }

    @Override
    public SpanKind kind() {
        return kind;
    }

    @Override
    public long startEpochNanos() {
        return start;
    }

    @Override
    public long endEpochNanos() {
        return end;
    }

    @Override
    public boolean error() {
        return error;
    }

    @Override
    public String statusMessage() {
        return error ? message : null;
    }

    @Override
    public Labels attributes() {
        return attributes;
    }

    @Override
    public Labels resource() {
        return resource;
    }

    /**
     * The service's position in the graph's {@code services:} list.
     *
     * @return the index
     */
    public int serviceIndex() {
        return serviceIndex;
    }

    /**
     * Whether a fault stretched this span's own time by a factor of 2 or more (its log line is
     * then a {@code warn}).
     *
     * @return true for a slowed span
     */
    public boolean slowed() {
        return slowed;
    }

    /**
     * The order the generator made this span in (parents before children), the tie-break of equal
     * start times.
     *
     * @return the sequence number
     */
    public long sequence() {
        return seq;
    }

    @Override
    public String toString() {
        return service + "." + operation + "[" + traceIdHex() + "/" + spanIdHex() + "]";
    }
}
