package dev.sonda.engine.trace;

import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spans batched into one OTLP {@code ExportTraceServiceRequest} (OpenTelemetry protocol 1.x,
 * {@code opentelemetry/proto/collector/trace/v1/trace_service.proto} and {@code
 * trace/v1/trace.proto}), the body an {@code otlp_grpc} or {@code otlp_http} sink sends to {@code
 * TraceService/Export} or {@code /v1/traces}. Written by hand, field by field, with no protobuf
 * runtime: encoding a span appends its {@code Span} message to its service's buffer and allocates
 * nothing once the buffers and the UTF-8 of its strings are cached.
 *
 * <p>The request holds one {@code ResourceSpans} per service, in the order each service first
 * appeared in the batch: its resource attributes are {@code service.name}, then the service's own
 * attributes ({@link SpanRecord#resource()}), then the sink's {@code extra} attributes (such as
 * the entry's labels), all as string values; one {@code ScopeSpans} with the scope {@code sonda}
 * and the given version. Each {@code Span}: {@code trace_id} (16 bytes) and {@code span_id} (8
 * bytes) big-endian, {@code parent_span_id} for a child, {@code name} the operation, {@code kind}
 * as {@link dev.sonda.api.trace.SpanKind#otlpNumber()}, start and end as {@code fixed64} Unix
 * nanoseconds, the attributes as string {@code KeyValue}s, and for a failed span a {@code Status}
 * with {@code STATUS_CODE_ERROR} (2) and its message; a span that succeeded has no status ({@code
 * STATUS_CODE_UNSET}), as instrumentation libraries leave it.
 *
 * <p>Not thread-safe: one sink uses one request.
 */
public final class OtlpTraceRequest {
    private static final int WIRE_VARINT = 0;
    private static final int WIRE_FIXED64 = 1;
    private static final int WIRE_LEN = 2;

    private final Map<String, String> extra;
    private final byte[] scope;
    private final Map<String, Batch> byService = new HashMap<>();
    private final List<Batch> order = new ArrayList<>();
    private final Map<String, byte[]> utf8 = new HashMap<>();
    private final ByteBuf scratch = new ByteBuf(256);
    private int spans;

    /** The spans of one service, encoded. */
    private static final class Batch {
        final byte[] resource;
        final ByteBuf spans = new ByteBuf(4096);
        boolean used;

        Batch(byte[] resource) {
            this.resource = resource;
        }
    }

    /**
     * Creates an empty request.
     *
     * @param extra resource attributes added to every service's (after its own), such as the
     *     entry's labels; may be empty
     * @param scopeVersion the {@code InstrumentationScope.version}, such as this library's version
     * @throws NullPointerException if an argument is null
     */
    public OtlpTraceRequest(Map<String, String> extra, String scopeVersion) {
        this.extra = Map.copyOf(extra);
        ByteBuf s = new ByteBuf(32);
        string(s, 1, "sonda");
        string(s, 2, Objects.requireNonNull(scopeVersion, "scopeVersion"));
        this.scope = s.toByteArray();
    }

    /**
     * Encodes and adds one span; the record is not kept.
     *
     * @param span the span
     */
    public void add(SpanRecord span) {
        Batch b = byService.get(span.service());
        if (b == null) {
            b = new Batch(resource(span));
            byService.put(span.service(), b);
        }
        if (!b.used) {
            b.used = true;
            order.add(b);
        }
        ByteBuf m = scratch;
        m.clear();
        tag(m, 1, WIRE_LEN);
        m.put((byte) 16);
        longBigEndian(m, span.traceIdHigh());
        longBigEndian(m, span.traceIdLow());
        tag(m, 2, WIRE_LEN);
        m.put((byte) 8);
        longBigEndian(m, span.spanId());
        if (span.parentSpanId() != 0) {
            tag(m, 4, WIRE_LEN);
            m.put((byte) 8);
            longBigEndian(m, span.parentSpanId());
        }
        bytes(m, 5, cached(span.operation()));
        tag(m, 6, WIRE_VARINT);
        varint(m, span.kind().otlpNumber());
        tag(m, 7, WIRE_FIXED64);
        longLittleEndian(m, span.startEpochNanos());
        tag(m, 8, WIRE_FIXED64);
        longLittleEndian(m, span.endEpochNanos());
        Labels attributes = span.attributes();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            keyValue(m, 9, cached(attributes.key(i)), cached(attributes.value(i)));
        }
        if (span.error()) {
            byte[] message = span.statusMessage() == null ? new byte[0] : cached(span.statusMessage());
            int len = (message.length == 0 ? 0 : lenFieldSize(2, message.length)) + 2;
            tag(m, 15, WIRE_LEN);
            varint(m, len);
            if (message.length > 0) {
                bytes(m, 2, message);
            }
            tag(m, 3, WIRE_VARINT);
            varint(m, 2);
        }
        tag(b.spans, 2, WIRE_LEN);
        varint(b.spans, m.length());
        b.spans.put(m.array(), 0, m.length());
        spans++;
    }

    /**
     * Spans in the batch.
     *
     * @return the count
     */
    public int spans() {
        return spans;
    }

    /** Empties the batch (the services' resources stay cached). */
    public void clear() {
        for (Batch b : order) {
            b.spans.clear();
            b.used = false;
        }
        order.clear();
        spans = 0;
    }

    /**
     * Appends the batch as an {@code ExportTraceServiceRequest}.
     *
     * @param out the buffer the request is appended to
     */
    public void encode(ByteBuf out) {
        for (Batch b : order) {
            int scopeSpans = lenFieldSize(1, scope.length) + b.spans.length();
            int resourceSpans = lenFieldSize(1, b.resource.length) + lenFieldSize(2, scopeSpans);
            tag(out, 1, WIRE_LEN);
            varint(out, resourceSpans);
            bytes(out, 1, b.resource);
            tag(out, 2, WIRE_LEN);
            varint(out, scopeSpans);
            bytes(out, 1, scope);
            out.put(b.spans.array(), 0, b.spans.length());
        }
    }

    /**
     * The batch as a new array.
     *
     * @return the request bytes
     */
    public byte[] toByteArray() {
        ByteBuf out = new ByteBuf(1024);
        encode(out);
        return out.toByteArray();
    }

    private byte[] resource(SpanRecord span) {
        ByteBuf r = new ByteBuf(128);
        keyValue(r, 1, cached("service.name"), cached(span.service()));
        Labels own = span.resource();
        for (int i = 0, n = own.size(); i < n; i++) {
            keyValue(r, 1, cached(own.key(i)), cached(own.value(i)));
        }
        Labels.of(extra).forEach(e -> keyValue(r, 1, cached(e.getKey()), cached(e.getValue())));
        return r.toByteArray();
    }

    private byte[] cached(String s) {
        return utf8.computeIfAbsent(s, k -> k.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code KeyValue{key = 1; value = 2 AnyValue{string_value = 1}}} as field {@code field}. */
    private static void keyValue(ByteBuf out, int field, byte[] key, byte[] value) {
        int any = lenFieldSize(1, value.length);
        int kv = lenFieldSize(1, key.length) + lenFieldSize(2, any);
        tag(out, field, WIRE_LEN);
        varint(out, kv);
        bytes(out, 1, key);
        tag(out, 2, WIRE_LEN);
        varint(out, any);
        bytes(out, 1, value);
    }

    private static void string(ByteBuf out, int field, String s) {
        bytes(out, field, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteBuf out, int field, byte[] b) {
        tag(out, field, WIRE_LEN);
        varint(out, b.length);
        out.put(b, 0, b.length);
    }

    private static void tag(ByteBuf out, int field, int wire) {
        varint(out, (field << 3) | wire);
    }

    private static void varint(ByteBuf out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    private static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    /** The size of a length-delimited field: tag, length and payload. */
    private static int lenFieldSize(int field, int length) {
        return varintSize((field << 3) | WIRE_LEN) + varintSize(length) + length;
    }

    private static void longBigEndian(ByteBuf out, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.put((byte) (v >>> shift));
        }
    }

    private static void longLittleEndian(ByteBuf out, long v) {
        for (int shift = 0; shift < 64; shift += 8) {
            out.put((byte) (v >>> shift));
        }
    }
}
