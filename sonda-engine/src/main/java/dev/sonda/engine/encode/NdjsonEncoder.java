package dev.sonda.engine.encode;

import dev.sonda.api.Severity;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.api.trace.SpanKind;
import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.log.LogEncoder;
import dev.sonda.engine.log.LogFields;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code type: ndjson}: one compact JSON object per line in the four schemas of the
 * telemetry-simulation seed (its README's "Data Schemas"), keys in the order below, every
 * timestamp RFC 3339 in UTC with six fraction digits and the offset written {@code +00:00}
 * (fixed width, so lines sort by time as text: {@code 2024-01-15T10:30:00.000000+00:00}).
 *
 * <pre>{@code
 * {"timestamp":"...","service":"api-gateway","metric":"cpu_usage","value":42.5,"unit":"%"}
 * {"timestamp":"...","service":"auth-service","level":"ERROR","message":"Connection pool exhausted","trace_id":"4bf9...","span_id":"00f0...","operation":"verify"}
 * {"timestamp":"...","trace_id":"4bf9...","span_id":"00f0...","parent_span_id":"b7ad...","service":"user-service","operation":"user-service.get_user","duration_ms":45.125,"status":"success","kind":"server"}
 * {"timestamp":"...","type":"deployment","service":"api-gateway","details":"Deploying new version to api-gateway","severity":"info","version":"2.1.0"}
 * }</pre>
 *
 * <ul>
 *   <li><b>Metrics</b>: {@code service} and {@code unit} are the series' labels of those names
 *       ({@code null} when absent); {@code value} is the JSON number form of {@link
 *       FloatText#json} ({@code null} for NaN and infinities); any other labels follow as {@code
 *       "labels":{...}}.
 *   <li><b>Logs</b>: {@code service} is the label or else the field of that name ({@code null}
 *       when neither); {@code level} is the severity in capitals, {@code WARN} written {@code
 *       WARNING} as Python's logging names it; {@code trace_id} is the field of that name ({@code
 *       null} when absent); the other fields follow as top-level keys in name order, except names
 *       the schema already uses; other labels follow as {@code "labels":{...}}.
 *   <li><b>Traces</b>: {@code timestamp} is the span's start; ids are lowercase hex (32 and 16
 *       digits), {@code parent_span_id} is {@code null} for a root; {@code operation} is {@code
 *       service.operation}; {@code duration_ms} is the duration in milliseconds with up to three
 *       decimals (the microsecond resolution of spans), trailing zeros dropped ({@code 45}, {@code
 *       45.125}); {@code status} is {@code success} or {@code error}; then {@code kind}, {@code
 *       status_message} for a failed span, and {@code "attributes":{...}} when the span has any.
 *   <li><b>Events</b>: the event's attributes follow the fixed keys as top-level keys, in name
 *       order.
 * </ul>
 *
 * <p>Strings are escaped as JSON requires ({@code "} and {@code \} backslashed, control characters
 * as {@code \n}, {@code \t}, ... or backslash-u00xx), everything else raw UTF-8. Spans allocate
 * nothing per record once the strings of each service and operation are cached (by identity).
 * Not thread-safe (one entry uses one encoder); the provider builds one per entry.
 */
public final class NdjsonEncoder implements MetricEncoder, LogEncoder, SpanEncoder, EventEncoder {
    private static final byte[] TS_HEAD = ascii("{\"timestamp\":\"");
    private static final byte[] TS_TAIL = ascii("+00:00");
    private static final byte[] NULL = ascii("null");
    private static final byte[] LOG_LEVEL = ascii(",\"level\":\"");
    private static final byte[] LOG_MESSAGE = ascii("\",\"message\":");
    private static final byte[] LOG_TRACE = ascii(",\"trace_id\":");
    private static final byte[] LABELS = ascii(",\"labels\":{");
    private static final byte[] SERVICE = ascii(",\"service\":");
    private static final byte[] SPAN_TRACE = ascii(",\"trace_id\":\"");
    private static final byte[] SPAN_ID = ascii("\",\"span_id\":\"");
    private static final byte[] SPAN_PARENT = ascii("\",\"parent_span_id\":");
    private static final byte[] SPAN_OPERATION = ascii(",\"operation\":");
    private static final byte[] SPAN_DURATION = ascii(",\"duration_ms\":");
    private static final byte[][] SPAN_OK = statusAndKind("success");
    private static final byte[][] SPAN_ERROR = statusAndKind("error");
    private static final byte[][] LEVELS = new byte[Severity.values().length][];
    private static final byte[] SPAN_MESSAGE = ascii(",\"status_message\":");
    private static final byte[] ATTRIBUTES = ascii(",\"attributes\":{");
    private static final byte[] EVENT_TYPE = ascii(",\"type\":\"");
    private static final byte[] EVENT_DETAILS = ascii(",\"details\":");
    private static final byte[] EVENT_SEVERITY = ascii(",\"severity\":\"");
    private static final byte[] HEX = ascii("0123456789abcdef");

    static {
        for (Severity v : Severity.values()) {
            LEVELS[v.ordinal()] = ascii(level(v));
        }
    }

    private static final Set<String> LOG_KEYS = Set.of("timestamp", "service", "level", "message", "trace_id");
    private static final int CACHE_LIMIT = 4096;

    private final ConcurrentHashMap<String, byte[]> strings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, byte[]> spanNames = new ConcurrentHashMap<>();
    private volatile Second last = new Second(Long.MIN_VALUE, new byte[24]);

    /** The text of one second, {@code YYYY-MM-DDTHH:MM:SS}, immutable once published. */
    private record Second(long epochSecond, byte[] text) {}

    /** Creates an encoder. */
    public NdjsonEncoder() {}

    // ---- metrics ----------------------------------------------------------------------------------

    /**
     * Prepares a series: the bytes after the timestamp up to the value, and from the value to the
     * end of the line.
     *
     * @param name metric name
     * @param labels labels; {@code service} and {@code unit} are written as their own keys
     * @return the prepared series
     */
    @Override
    public EncodedSeries series(String name, Labels labels) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
        ByteBuf b = new ByteBuf(64);
        b.put((byte) '"');
        b.put(SERVICE);
        nullable(labels.get("service"), b);
        b.putUtf8(",\"metric\":");
        Escapes.jsonString(name, b);
        b.putUtf8(",\"value\":");
        byte[] head = b.toByteArray();
        b.clear();
        b.putUtf8(",\"unit\":");
        nullable(labels.get("unit"), b);
        boolean open = false;
        for (int i = 0; i < labels.size(); i++) {
            String k = labels.key(i);
            if (k.equals("service") || k.equals("unit")) {
                continue;
            }
            if (open) {
                b.put((byte) ',');
            } else {
                b.put(LABELS);
                open = true;
            }
            Escapes.jsonString(k, b);
            b.put((byte) ':');
            Escapes.jsonString(labels.value(i), b);
        }
        if (open) {
            b.put((byte) '}');
        }
        b.put((byte) '}');
        b.put((byte) '\n');
        return new EncodedSeries(this, name, labels, head, b.toByteArray());
    }

    /**
     * Appends the timestamp key and value, the prepared head, the value and the prepared tail.
     *
     * @param series a series prepared by this encoder
     * @param value the value; NaN and infinities are written {@code null}
     * @param epochNanos the sample time
     * @param out the buffer
     * @throws EncodeException if the time is before the epoch
     * @throws IllegalArgumentException if {@code series} was prepared by another encoder
     */
    @Override
    public void encode(EncodedSeries series, double value, long epochNanos, ByteBuf out) {
        series.checkOwner(this);
        timestamp(epochNanos, out);
        out.put(series.head);
        byte[] a = out.ensureCapacity(FloatText.MAX_LENGTH);
        out.setLength(FloatText.json(value, a, out.length()));
        out.put(series.middle);
    }

    // ---- logs -------------------------------------------------------------------------------------

    /**
     * Appends one log line.
     *
     * @param event the record
     * @param out the buffer
     * @throws EncodeException if the time is before the epoch
     */
    @Override
    public void encode(LogRecord event, ByteBuf out) {
        timestamp(event.epochNanos(), out);
        out.put((byte) '"');
        Labels labels = event.labels();
        LogFields fields = event.fields();
        String service = labels.get("service");
        out.put(SERVICE);
        nullable(service != null ? service : fields.get("service"), out);
        out.put(LOG_LEVEL);
        out.put(LEVELS[event.severity().ordinal()]);
        out.put(LOG_MESSAGE);
        Escapes.jsonString(event.message(), out);
        out.put(LOG_TRACE);
        nullable(fields.get("trace_id"), out);
        for (int i = 0, n = fields.size(); i < n; i++) {
            String k = fields.key(i);
            if (LOG_KEYS.contains(k)) {
                continue;
            }
            out.put((byte) ',');
            Escapes.jsonString(k, out);
            out.put((byte) ':');
            Escapes.jsonString(fields.value(i), out);
        }
        boolean open = false;
        for (int i = 0, n = labels.size(); i < n; i++) {
            if (labels.key(i).equals("service")) {
                continue;
            }
            if (open) {
                out.put((byte) ',');
            } else {
                out.put(LABELS);
                open = true;
            }
            Escapes.jsonString(labels.key(i), out);
            out.put((byte) ':');
            Escapes.jsonString(labels.value(i), out);
        }
        if (open) {
            out.put((byte) '}');
        }
        out.put((byte) '}');
        out.put((byte) '\n');
    }

    /**
     * The {@code level} text: the severity in capitals, {@code WARNING} for {@link Severity#WARN}.
     *
     * @param s the severity
     * @return such as {@code ERROR}
     */
    static String level(Severity s) {
        return switch (s) {
            case TRACE -> "TRACE";
            case DEBUG -> "DEBUG";
            case INFO -> "INFO";
            case WARN -> "WARNING";
            case ERROR -> "ERROR";
            case FATAL -> "FATAL";
        };
    }

    // ---- spans ------------------------------------------------------------------------------------

    /**
     * Appends one span line; allocates nothing once the span's strings are cached.
     *
     * @param span the span
     * @param out the buffer
     * @throws EncodeException if the span starts before the epoch
     */
    @Override
    public void encode(SpanRecord span, ByteBuf out) {
        timestamp(span.startEpochNanos(), out);
        out.put((byte) '"');
        byte[] a = out.ensureCapacity(SPAN_TRACE.length + 32 + SPAN_ID.length + 16 + SPAN_PARENT.length + 18);
        int p = out.length();
        System.arraycopy(SPAN_TRACE, 0, a, p, SPAN_TRACE.length);
        p = hex(span.traceIdHigh(), a, p + SPAN_TRACE.length);
        p = hex(span.traceIdLow(), a, p);
        System.arraycopy(SPAN_ID, 0, a, p, SPAN_ID.length);
        p = hex(span.spanId(), a, p + SPAN_ID.length);
        System.arraycopy(SPAN_PARENT, 0, a, p, SPAN_PARENT.length);
        p += SPAN_PARENT.length;
        long parent = span.parentSpanId();
        if (parent == 0) {
            System.arraycopy(NULL, 0, a, p, 4);
            p += 4;
        } else {
            a[p++] = '"';
            p = hex(parent, a, p);
            a[p++] = '"';
        }
        out.setLength(p);
        out.put(SERVICE);
        out.put(cached(span.service()));
        out.put(SPAN_OPERATION);
        out.put(spanName(span.service(), span.operation()));
        out.put(SPAN_DURATION);
        durationMillis(span.durationNanos(), out);
        out.put((span.error() ? SPAN_ERROR : SPAN_OK)[span.kind().ordinal()]);
        if (span.error() && span.statusMessage() != null) {
            out.put(SPAN_MESSAGE);
            out.put(cached(span.statusMessage()));
        }
        Labels attributes = span.attributes();
        if (!attributes.isEmpty()) {
            out.put(ATTRIBUTES);
            for (int i = 0, n = attributes.size(); i < n; i++) {
                if (i > 0) {
                    out.put((byte) ',');
                }
                out.put(cached(attributes.key(i)));
                out.put((byte) ':');
                out.put(cached(attributes.value(i)));
            }
            out.put((byte) '}');
        }
        out.put((byte) '}');
        out.put((byte) '\n');
    }

    /** Milliseconds with up to three decimals, trailing zeros dropped. */
    private static void durationMillis(long nanos, ByteBuf out) {
        long micros = nanos / 1000;
        byte[] a = out.ensureCapacity(24);
        int p = FloatText.writeLong(micros / 1000, a, out.length());
        int frac = (int) (micros % 1000);
        if (frac != 0) {
            a[p++] = '.';
            a[p++] = (byte) ('0' + frac / 100);
            int rest = frac % 100;
            if (rest != 0) {
                a[p++] = (byte) ('0' + rest / 10);
                if (rest % 10 != 0) {
                    a[p++] = (byte) ('0' + rest % 10);
                }
            }
        }
        out.setLength(p);
    }

    private static int hex(long v, byte[] a, int p) {
        for (int i = 15; i >= 0; i--) {
            a[p + i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return p + 16;
    }

    // ---- events -----------------------------------------------------------------------------------

    /**
     * Appends one event line.
     *
     * @param event the event
     * @param out the buffer
     * @throws EncodeException if the event is stamped before the epoch
     */
    @Override
    public void encode(EventRecord event, ByteBuf out) {
        timestamp(event.epochNanos(), out);
        out.put((byte) '"');
        out.put(EVENT_TYPE);
        out.putUtf8(event.type().yamlName());
        out.put((byte) '"');
        out.put(SERVICE);
        Escapes.jsonString(event.service(), out);
        out.put(EVENT_DETAILS);
        Escapes.jsonString(event.details(), out);
        out.put(EVENT_SEVERITY);
        out.putUtf8(event.severity().yamlName());
        out.put((byte) '"');
        Labels attributes = event.attributes();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            out.put((byte) ',');
            Escapes.jsonString(attributes.key(i), out);
            out.put((byte) ':');
            Escapes.jsonString(attributes.value(i), out);
        }
        out.put((byte) '}');
        out.put((byte) '\n');
    }

    // ---- shared -----------------------------------------------------------------------------------

    /**
     * Appends <code>&#123;"timestamp":"YYYY-MM-DDTHH:MM:SS.ffffff+00:00"</code> (without the
     * closing quote's following comma).
     */
    private void timestamp(long epochNanos, ByteBuf out) {
        if (epochNanos < 0) {
            throw EncodeException.timestampBeforeEpoch();
        }
        long sec = epochNanos / 1_000_000_000L;
        Second s = last;
        if (s.epochSecond() != sec) {
            byte[] text = new byte[24];
            FloatText.rfc3339Millis(sec * 1000, text, 0);
            s = new Second(sec, text);
            last = s;
        }
        byte[] secondText = s.text();
        int micros = (int) (epochNanos % 1_000_000_000L / 1000);
        byte[] a = out.ensureCapacity(TS_HEAD.length + 19 + 7 + TS_TAIL.length);
        int p = out.length();
        System.arraycopy(TS_HEAD, 0, a, p, TS_HEAD.length);
        p += TS_HEAD.length;
        System.arraycopy(secondText, 0, a, p, 19);
        p += 19;
        a[p++] = '.';
        for (int i = 5; i >= 0; i--) {
            a[p + i] = (byte) ('0' + micros % 10);
            micros /= 10;
        }
        p += 6;
        System.arraycopy(TS_TAIL, 0, a, p, TS_TAIL.length);
        out.setLength(p + TS_TAIL.length);
    }

    private static void nullable(String s, ByteBuf out) {
        if (s == null) {
            out.put(NULL);
        } else {
            Escapes.jsonString(s, out);
        }
    }

    /** The JSON literal of a string, cached (the engine reuses a few strings for every span). */
    private byte[] cached(String s) {
        byte[] b = strings.get(s);
        if (b == null) {
            if (strings.size() >= CACHE_LIMIT) {
                strings.clear();
            }
            ByteBuf buf = new ByteBuf(s.length() + 8);
            Escapes.jsonString(s, buf);
            b = buf.toByteArray();
            strings.put(s, b);
        }
        return b;
    }

    /** The JSON literal {@code "service.operation"}, cached by operation. */
    private byte[] spanName(String service, String operation) {
        byte[] b = spanNames.get(operation);
        if (b == null || !startsWith(b, cached(service))) {
            if (spanNames.size() >= CACHE_LIMIT) {
                spanNames.clear();
            }
            ByteBuf buf = new ByteBuf(service.length() + operation.length() + 8);
            Escapes.jsonString(service + "." + operation, buf);
            b = buf.toByteArray();
            spanNames.put(operation, b);
        }
        return b;
    }

    /** Whether {@code name} ({@code "service.op"}) begins with {@code service}'s literal minus its closing quote. */
    private static boolean startsWith(byte[] name, byte[] service) {
        int n = service.length - 1;
        if (name.length <= n || name[n] != '.') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (name[i] != service[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code ,"status":"STATUS","kind":"KIND"} for every span kind, by ordinal. */
    private static byte[][] statusAndKind(String status) {
        SpanKind[] kinds = SpanKind.values();
        byte[][] out = new byte[kinds.length][];
        for (SpanKind k : kinds) {
            out[k.ordinal()] = ascii(",\"status\":\"" + status + "\",\"kind\":\"" + k.yamlName() + "\"");
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Describes the encoder.
     *
     * @return {@code NdjsonEncoder}
     */
    @Override
    public String toString() {
        return "NdjsonEncoder";
    }

    /**
     * The built-in provider of {@code type: ndjson} (no keys): metrics, logs, spans and events in the
     * telemetry-simulation schemas; the default encoder of traces and events entries.
     */
    public static final class Provider implements EncoderProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "ndjson";
        }

        @Override
        public Class<EncoderSpec.Ndjson> specClass() {
            return EncoderSpec.Ndjson.class;
        }

        @Override
        public String summary() {
            return "the telemetry-simulation NDJSON schemas, for metrics, logs, spans and events";
        }

        @Override
        public EncoderSpec read(SpecBlock block) {
            return new EncoderSpec.Ndjson();
        }

        @Override
        public void write(EncoderSpec spec, SpecWriter out) {}

        @Override
        public boolean encodesMetrics() {
            return true;
        }

        @Override
        public boolean encodesLogs() {
            return true;
        }

        @Override
        public boolean encodesSpans() {
            return true;
        }

        @Override
        public boolean encodesEvents() {
            return true;
        }

        /**
         * Builds a new encoder (it caches strings, so each entry has its own).
         *
         * @param spec an {@link EncoderSpec.Ndjson}
         * @return the encoder
         */
        @Override
        public MetricEncoder metricEncoder(EncoderSpec spec) {
            return new NdjsonEncoder();
        }

        /**
         * Builds a new encoder.
         *
         * @param spec an {@link EncoderSpec.Ndjson}
         * @return the encoder
         */
        @Override
        public LogEncoder logEncoder(EncoderSpec spec) {
            return new NdjsonEncoder();
        }

        /**
         * Builds a new encoder.
         *
         * @param spec an {@link EncoderSpec.Ndjson}
         * @return the encoder
         */
        @Override
        public SpanEncoder spanEncoder(EncoderSpec spec) {
            return new NdjsonEncoder();
        }

        /**
         * Builds a new encoder.
         *
         * @param spec an {@link EncoderSpec.Ndjson}
         * @return the encoder
         */
        @Override
        public EventEncoder eventEncoder(EncoderSpec spec) {
            return new NdjsonEncoder();
        }
    }
}
