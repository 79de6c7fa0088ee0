package dev.sonda.otlp;

import dev.sonda.api.Severity;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.log.LogEncoder;
import dev.sonda.engine.log.LogFields;
import dev.sonda.otlp.internal.Proto;

/**
 * The {@code otlp} encoder for log events, for byte-stream sinks: each event becomes one OTLP
 * {@code LogRecord} framed by its length as an unsigned 32-bit little-endian integer, exactly as
 * Sonda 1.20 {@code encoder/otlp.rs} writes it. The OTLP sinks put the same {@code LogRecord}
 * bytes (without the frame) into their export requests.
 *
 * <p>Record layout ({@code opentelemetry/proto/logs/v1/logs.proto}, ascending field numbers,
 * proto3 defaults omitted):
 *
 * <pre>
 * u32 LE length
 * LogRecord { time_unix_nano = 1 (fixed64, omitted when 0); severity_number = 2;
 *     severity_text = 3; body = 5: AnyValue { string_value = 1 } (always written);
 *     attributes = 6: KeyValue ... (the labels in code point order, then the fields) }
 * </pre>
 *
 * Severity numbers: trace 1, debug 5, info 9, warn 13, error 17, fatal 21; texts {@code TRACE},
 * {@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR}, {@code FATAL}. A key that is both a
 * label and a field appears twice. Immutable and thread-safe; the encoded labels of the last label
 * set seen (by identity) are cached.
 */
public final class OtlpLogEncoder implements LogEncoder {
    private static final String[] SEVERITY_TEXT = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

    private final boolean framed;
    private volatile CachedLabels last;

    /** One label set and its encoded attributes. */
    private record CachedLabels(Labels labels, byte[] bytes) {}

    private OtlpLogEncoder(boolean framed) {
        this.framed = framed;
    }

    /**
     * The {@code otlp} encoder: framed records.
     *
     * @return a new encoder
     */
    public static OtlpLogEncoder framed() {
        return new OtlpLogEncoder(true);
    }

    /**
     * Bare {@code LogRecord} messages without the length frame, as the OTLP sinks embed them.
     *
     * @return a new encoder
     */
    public static OtlpLogEncoder unframed() {
        return new OtlpLogEncoder(false);
    }

    /**
     * The OTLP severity number of a severity.
     *
     * @param severity the severity
     * @return 1, 5, 9, 13, 17 or 21
     */
    public static int severityNumber(Severity severity) {
        return 1 + 4 * severity.ordinal();
    }

    /**
     * Appends one record.
     *
     * @param event the event
     * @param out the buffer
     * @throws EncodeException {@code timestamp before the Unix epoch} for a negative time
     */
    @Override
    public void encode(LogRecord event, ByteBuf out) {
        long time = event.epochNanos();
        if (time < 0) {
            throw new EncodeException("timestamp before the Unix epoch");
        }
        Severity severity = event.severity();
        String text = SEVERITY_TEXT[severity.ordinal()];
        String message = event.message();
        int messageLength = Proto.utf8Length(message);
        byte[] labels = labels(event.labels());
        LogFields fields = event.fields();
        int fieldsLength = 0;
        for (int i = 0; i < fields.size(); i++) {
            fieldsLength += Proto.lenFieldSize(6, Proto.keyValueSize(fields.key(i), fields.value(i)));
        }
        int length = (time == 0 ? 0 : 9)
                + 2
                + Proto.lenFieldSize(3, text.length())
                + Proto.lenFieldSize(5, Proto.lenFieldSize(1, messageLength))
                + labels.length
                + fieldsLength;
        if (framed) {
            Proto.fixed32(out, length);
        }
        Proto.fixed64Field(out, 1, time);
        Proto.tag(out, 2, Proto.VARINT);
        Proto.varint(out, severityNumber(severity));
        Proto.lenField(out, 3, text.length());
        Proto.utf8(out, text, text.length());
        Proto.lenField(out, 5, Proto.lenFieldSize(1, messageLength));
        Proto.lenField(out, 1, messageLength);
        Proto.utf8(out, message, messageLength);
        out.put(labels);
        for (int i = 0; i < fields.size(); i++) {
            Proto.keyValue(out, 6, fields.key(i), fields.value(i));
        }
    }

    private byte[] labels(Labels labels) {
        CachedLabels c = last;
        if (c != null && c.labels == labels) {
            return c.bytes;
        }
        ByteBuf b = new ByteBuf(64);
        for (int i = 0; i < labels.size(); i++) {
            Proto.keyValue(b, 6, labels.key(i), labels.value(i));
        }
        byte[] bytes = b.toByteArray();
        last = new CachedLabels(labels, bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return framed ? "otlp" : "otlp (unframed)";
    }
}
