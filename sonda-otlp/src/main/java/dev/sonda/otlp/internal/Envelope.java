package dev.sonda.otlp.internal;

import dev.sonda.engine.encode.ByteBuf;
import java.util.Map;
import java.util.TreeMap;

/**
 * The constant outer layers of every export request of one sink: {@code ResourceMetrics} /
 * {@code ResourceLogs} (field 1 of the request) holding the {@code Resource} (field 1) and one
 * {@code ScopeMetrics} / {@code ScopeLogs} (field 2) holding the {@code InstrumentationScope}
 * (field 1) and the items (field 2). The field numbers are the same for metrics and logs
 * ({@code opentelemetry/proto/collector/*}{@code /v1/*_service.proto}), so one envelope serves both.
 * Immutable.
 */
public final class Envelope {
    /** The instrumentation scope name. */
    public static final String SCOPE_NAME = "sonda";

    private final byte[] resource;
    private final byte[] scope;
    private final Map<String, String> attributes;
    private final String version;

    /**
     * Prepares the envelope.
     *
     * @param attributes the resource attributes; written as string attributes in code point order
     *     of their keys
     * @param version the scope version
     */
    public Envelope(Map<String, String> attributes, String version) {
        TreeMap<String, String> sorted = new TreeMap<>(dev.sonda.engine.encode.Labels.CODE_POINT_ORDER);
        sorted.putAll(attributes);
        this.attributes = java.util.Collections.unmodifiableMap(sorted);
        this.version = version;
        ByteBuf r = new ByteBuf(64);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            Proto.keyValue(r, 1, e.getKey(), e.getValue());
        }
        ByteBuf rf = new ByteBuf(r.length() + 8);
        Proto.lenField(rf, 1, r.length());
        rf.put(r.array(), 0, r.length());
        this.resource = rf.toByteArray();
        ByteBuf s = new ByteBuf(32);
        Proto.stringField(s, 1, SCOPE_NAME);
        if (!version.isEmpty()) {
            Proto.stringField(s, 2, version);
        }
        ByteBuf sf = new ByteBuf(s.length() + 4);
        Proto.lenField(sf, 1, s.length());
        sf.put(s.array(), 0, s.length());
        this.scope = sf.toByteArray();
    }

    /**
     * The resource attributes, sorted by key.
     *
     * @return the attributes
     */
    public Map<String, String> attributes() {
        return attributes;
    }

    /**
     * The scope version.
     *
     * @return the version
     */
    public String version() {
        return version;
    }

    /**
     * Bytes of a whole request whose items (each already tagged as field 2) take {@code items}
     * bytes.
     *
     * @param items the items' bytes
     * @return the request size
     */
    public int requestSize(int items) {
        return Proto.lenFieldSize(1, resourceBody(items));
    }

    /**
     * Writes the request up to the first item; the caller then writes the items, {@code items}
     * bytes in all.
     *
     * @param out the buffer
     * @param items the items' bytes
     */
    public void writeHead(ByteBuf out, int items) {
        Proto.lenField(out, 1, resourceBody(items));
        out.put(resource);
        Proto.lenField(out, 2, scope.length + items);
        out.put(scope);
    }

    /**
     * The {@code InstrumentationScope} as field 1 of its scope message (tag, length, body), for a
     * request that writes its own resource layers ({@link SpanBatch}).
     *
     * @return the bytes (not a copy)
     */
    byte[] scopeField() {
        return scope;
    }

    private int resourceBody(int items) {
        return resource.length + Proto.lenFieldSize(2, scope.length + items);
    }
}
