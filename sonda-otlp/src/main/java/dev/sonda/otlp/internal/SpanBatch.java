package dev.sonda.otlp.internal;

import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spans of one OTLP traces export, kept encoded, and its {@code ExportTraceServiceRequest}
 * (OpenTelemetry protocol 1.x, {@code opentelemetry/proto/collector/trace/v1/trace_service.proto}
 * and {@code trace/v1/trace.proto}): {@code resource_spans = 1 {resource = 1; scope_spans = 2
 * {scope = 1; spans = 2 ...}}}, one {@code ResourceSpans} per service in the order each service
 * first appeared in the batch.
 *
 * <p>A service's resource attributes: the envelope's (the entry's labels overlaid by the sink's
 * {@code resource_attributes}), overlaid by the service's own ({@link SpanRecord#resource()}), then
 * {@code service.name}; written {@code service.name} first, then the rest in code point order of
 * their keys, all as string values. The scope is the envelope's ({@code sonda} and the library's
 * version).
 *
 * <p>Each {@code Span}, fields in ascending order: {@code trace_id = 1} (16 bytes) and {@code
 * span_id = 2} (8 bytes), big-endian; {@code parent_span_id = 4} for a child; {@code name = 5} the
 * operation; {@code kind = 6} as {@link dev.sonda.api.trace.SpanKind#otlpNumber()}; {@code
 * start_time_unix_nano = 7} and {@code end_time_unix_nano = 8} as {@code fixed64}; {@code attributes
 * = 9} as string {@code KeyValue}s in the record's order; and for a failed span {@code status = 15
 * {message = 2; code = 3}} with {@code STATUS_CODE_ERROR} (2). A span that succeeded has no status
 * ({@code STATUS_CODE_UNSET}), as instrumentation libraries leave it.
 *
 * <p>Encoding a span appends to its service's buffer and allocates nothing once the service has
 * been seen. Not thread-safe.
 */
public final class SpanBatch implements ExportBatch {
    private final Envelope envelope;
    /** The scope, tagged as field 1 of {@code ScopeSpans}: the envelope's. */
    private final byte[] scope;

    private final Map<String, Service> byService = new HashMap<>();
    private final List<Service> order = new ArrayList<>();
    private final ByteBuf scratch = new ByteBuf(256);
    private int count;

    /** The spans of one service, encoded, and its {@code Resource} body. */
    private static final class Service {
        final byte[] resource;
        final ByteBuf spans = new ByteBuf(4096);
        boolean used;

        Service(byte[] resource) {
            this.resource = resource;
        }
    }

    /**
     * Creates an empty batch.
     *
     * @param envelope the attributes every service's resource starts from, and the scope version
     */
    public SpanBatch(Envelope envelope) {
        this.envelope = envelope;
        this.scope = envelope.scopeField();
    }

    /**
     * Encodes and adds one span; the record is not kept.
     *
     * @param span the span
     */
    public void add(SpanRecord span) {
        Service service = byService.get(span.service());
        if (service == null) {
            service = new Service(resource(span));
            byService.put(span.service(), service);
        }
        if (!service.used) {
            service.used = true;
            order.add(service);
        }
        ByteBuf m = scratch;
        m.clear();
        Proto.lenField(m, 1, 16);
        Proto.bigEndian64(m, span.traceIdHigh());
        Proto.bigEndian64(m, span.traceIdLow());
        Proto.lenField(m, 2, 8);
        Proto.bigEndian64(m, span.spanId());
        if (span.parentSpanId() != 0) {
            Proto.lenField(m, 4, 8);
            Proto.bigEndian64(m, span.parentSpanId());
        }
        Proto.stringField(m, 5, span.operation());
        Proto.tag(m, 6, Proto.VARINT);
        Proto.varint(m, span.kind().otlpNumber());
        Proto.tag(m, 7, Proto.FIXED64);
        Proto.fixed64(m, span.startEpochNanos());
        Proto.tag(m, 8, Proto.FIXED64);
        Proto.fixed64(m, span.endEpochNanos());
        Labels attributes = span.attributes();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            Proto.keyValue(m, 9, attributes.key(i), attributes.value(i));
        }
        if (span.error()) {
            String message = span.statusMessage() == null ? "" : span.statusMessage();
            int length = Proto.utf8Length(message);
            Proto.lenField(m, 15, (length == 0 ? 0 : Proto.lenFieldSize(2, length)) + 2);
            if (length > 0) {
                Proto.lenField(m, 2, length);
                Proto.utf8(m, message, length);
            }
            Proto.tag(m, 3, Proto.VARINT);
            Proto.varint(m, 2);
        }
        Proto.lenField(service.spans, 2, m.length());
        service.spans.put(m.array(), 0, m.length());
        count++;
    }

    @Override
    public Signal signal() {
        return Signal.TRACES;
    }

    @Override
    public int items() {
        return count;
    }

    @Override
    public long records() {
        return count;
    }

    /** Empties the batch; the services' resources stay prepared. */
    @Override
    public void clear() {
        for (Service s : order) {
            s.spans.clear();
            s.used = false;
        }
        order.clear();
        count = 0;
    }

    /**
     * Appends the batch as an {@code ExportTraceServiceRequest}.
     *
     * @param out the buffer the request is appended to
     */
    @Override
    public void encode(ByteBuf out) {
        for (Service s : order) {
            int scopeSpans = scope.length + s.spans.length();
            int resourceSpans = Proto.lenFieldSize(1, s.resource.length) + Proto.lenFieldSize(2, scopeSpans);
            out.ensureCapacity(Proto.lenFieldSize(1, resourceSpans));
            Proto.lenField(out, 1, resourceSpans);
            Proto.lenField(out, 1, s.resource.length);
            out.put(s.resource);
            Proto.lenField(out, 2, scopeSpans);
            out.put(scope);
            out.put(s.spans.array(), 0, s.spans.length());
        }
    }

    private byte[] resource(SpanRecord span) {
        TreeMap<String, String> attributes = new TreeMap<>(Labels.CODE_POINT_ORDER);
        attributes.putAll(envelope.attributes());
        Labels own = span.resource();
        for (int i = 0, n = own.size(); i < n; i++) {
            attributes.put(own.key(i), own.value(i));
        }
        attributes.remove("service.name");
        ByteBuf r = new ByteBuf(128);
        Proto.keyValue(r, 1, "service.name", span.service());
        attributes.forEach((k, v) -> Proto.keyValue(r, 1, k, v));
        return r.toByteArray();
    }
}
