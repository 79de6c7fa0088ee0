package dev.sonda.engine.log;

import dev.sonda.api.Severity;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.Labels;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * JSON Lines log records, byte for byte as Sonda 1.20 {@code encoder/json.rs} (serde_json) writes
 * them: one compact object per line, keys in exactly this order, no whitespace:
 *
 * <pre>{@code
 * {"timestamp":"2026-03-20T12:00:00.000Z","severity":"info","message":"Request from 10.0.0.1","labels":{"device":"wlan0"},"fields":{"ip":"10.0.0.1"}}\n
 * }</pre>
 *
 * <ul>
 *   <li>{@code timestamp}: RFC 3339 UTC with milliseconds (truncated), always 24 characters;
 *   <li>{@code severity}: {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error}
 *       or {@code fatal};
 *   <li>{@code labels} and {@code fields}: always present ({@code {}} when empty), keys in code
 *       point order;
 *   <li>strings with serde_json escaping: {@code "} and {@code \} backslashed, {@code \b \t \n \f
 *       \r}, other bytes below 0x20 as backslash-u00xx (lowercase hex), everything else raw UTF-8.
 * </ul>
 *
 * <p>The encoder's {@code precision} applies to metric values only and is ignored here. Thread-safe.
 */
public final class JsonLinesLogEncoder implements LogEncoder {
    private static final byte[] HEAD = ascii("{\"timestamp\":\"");
    private static final byte[][] SEVERITY = new byte[Severity.values().length][];
    private static final byte[] LABELS = ascii(",\"labels\":{");
    private static final byte[] FIELDS = ascii("},\"fields\":{");
    private static final byte[] TAIL = ascii("}}\n");

    static {
        for (Severity s : Severity.values()) {
            SEVERITY[s.ordinal()] = ascii("\",\"severity\":\"" + s.yamlName() + "\",\"message\":");
        }
    }

    private final LabelCache labels = new LabelCache(JsonLinesLogEncoder::writeLabels);
    private final IdentityBytes<String> messages = new IdentityBytes<>(Utf8Out::jsonString);
    private final IdentityBytes<LogFields> fields = new IdentityBytes<>(JsonLinesLogEncoder::writeFields);

    /** Creates the encoder. */
    public JsonLinesLogEncoder() {}

    /**
     * Appends the event's JSON object and {@code \n}.
     *
     * @param event the stamped event
     * @param out buffer the record is appended to
     * @throws EncodeException {@code timestamp before the Unix epoch} for a negative timestamp
     * @throws NullPointerException if an argument is null
     */
    @Override
    public void encode(dev.sonda.engine.data.LogRecord event, ByteBuf out) {
        long nanos = event.epochNanos();
        if (nanos < 0) {
            throw new EncodeException("timestamp before the Unix epoch");
        }
        byte[] sev = SEVERITY[event.severity().ordinal()];
        byte[] a = out.ensureCapacity(HEAD.length + 24 + sev.length);
        int p = out.length();
        System.arraycopy(HEAD, 0, a, p, HEAD.length);
        p = FloatText.rfc3339Millis(nanos / 1_000_000L, a, p + HEAD.length);
        System.arraycopy(sev, 0, a, p, sev.length);
        out.setLength(p + sev.length);
        messages.write(event.message(), out);
        out.put(LABELS, 0, LABELS.length);
        labels.write(event.labels(), out);
        out.put(FIELDS, 0, FIELDS.length);
        fields.write(event.fields(), out);
        out.put(TAIL, 0, TAIL.length);
    }

    /**
     * Describes the encoder.
     *
     * @return {@code JsonLinesLogEncoder}
     */
    @Override
    public String toString() {
        return "JsonLinesLogEncoder";
    }

    private static void writeLabels(Labels l, ByteBuf out) {
        Objects.requireNonNull(l, "labels");
        for (int i = 0, n = l.size(); i < n; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            Utf8Out.jsonString(l.key(i), out);
            out.put((byte) ':');
            Utf8Out.jsonString(l.value(i), out);
        }
    }

    private static void writeFields(LogFields f, ByteBuf out) {
        for (int i = 0, n = f.size(); i < n; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            Utf8Out.jsonString(f.key(i), out);
            out.put((byte) ':');
            Utf8Out.jsonString(f.value(i), out);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
