package dev.sonda.otlp.internal;

import dev.sonda.api.event.EventSeverity;
import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.log.LogFields;
import dev.sonda.otlp.OtlpLogEncoder;
import java.util.Arrays;

/**
 * The log records of one OTLP logs export, kept encoded, and its {@code ExportLogsServiceRequest}:
 * {@code resource_logs = 1 {resource = 1; scope_logs = 2 {scope = 1; log_records = 2 ...}}}. Not
 * thread-safe.
 *
 * <p>A log record is the {@code otlp} encoder's {@code LogRecord} ({@link OtlpLogEncoder}, without
 * the frame); when its fields hold a {@code trace_id} of 32 and a {@code span_id} of 16 lowercase
 * hex digits (the log lines of a traces entry), the record also gets them as {@code trace_id = 9}
 * (16 bytes) and {@code span_id = 10} (8 bytes), so a backend links the line to its span.
 *
 * <p>An infrastructure event becomes a {@code LogRecord} as OpenTelemetry represents events (a log
 * record with an {@code event_name}, {@code logs.proto} field 12): {@code time_unix_nano = 1};
 * {@code severity_number = 2} (info 9, warning 13, error 17, critical 21) with {@code severity_text
 * = 3} the event's own spelling ({@code info}, {@code warning}, {@code error}, {@code critical});
 * {@code body = 5} the details text; {@code attributes = 6} {@code service} then the event's
 * attributes in key order; {@code event_name = 12} the event type ({@code deployment}, {@code
 * config_change}, {@code scale}, {@code restart}, {@code alert}).
 */
public final class LogBatch implements ExportBatch {
    private static final int[] EVENT_SEVERITY = {9, 13, 17, 21};

    private final Envelope envelope;
    private final OtlpLogEncoder encoder = OtlpLogEncoder.unframed();
    private final ByteBuf records = new ByteBuf(4096);
    private int[] ends = new int[16];
    private int count;

    /**
     * Creates an empty batch.
     *
     * @param envelope the resource and scope of every request
     */
    public LogBatch(Envelope envelope) {
        this.envelope = envelope;
    }

    /**
     * Encodes and adds one log record.
     *
     * @param record the record, not kept
     * @throws EncodeException for a time before the Unix epoch
     */
    public void add(LogRecord record) {
        int start = records.length();
        try {
            encoder.encode(record, records);
            traceContext(record.fields());
        } catch (RuntimeException e) {
            records.setLength(start);
            throw e;
        }
        added();
    }

    /**
     * Encodes and adds one infrastructure event as a log record.
     *
     * @param event the event, not kept
     * @throws EncodeException for a time before the Unix epoch
     */
    public void add(EventRecord event) {
        long time = event.epochNanos();
        if (time < 0) {
            throw new EncodeException("timestamp before the Unix epoch");
        }
        EventSeverity severity = event.severity();
        Proto.fixed64Field(records, 1, time);
        Proto.tag(records, 2, Proto.VARINT);
        Proto.varint(records, EVENT_SEVERITY[severity.ordinal()]);
        Proto.stringField(records, 3, severity.yamlName());
        String details = event.details();
        int length = Proto.utf8Length(details);
        Proto.lenField(records, 5, Proto.lenFieldSize(1, length));
        Proto.lenField(records, 1, length);
        Proto.utf8(records, details, length);
        Proto.keyValue(records, 6, "service", event.service());
        Labels attributes = event.attributes();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            Proto.keyValue(records, 6, attributes.key(i), attributes.value(i));
        }
        Proto.stringField(records, 12, event.type().yamlName());
        added();
    }

    private void added() {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = records.length();
    }

    /** Appends {@code trace_id = 9} and {@code span_id = 10} when the fields carry both as hex. */
    private void traceContext(LogFields fields) {
        if (fields.isEmpty()) {
            return;
        }
        String trace = fields.get("trace_id");
        String span = fields.get("span_id");
        if (trace == null || span == null || trace.length() != 32 || span.length() != 16) {
            return;
        }
        if (!isHex(trace) || !isHex(span)) {
            return;
        }
        long high = Long.parseUnsignedLong(trace, 0, 16, 16);
        long low = Long.parseUnsignedLong(trace, 16, 32, 16);
        long id = Long.parseUnsignedLong(span, 0, 16, 16);
        Proto.lenField(records, 9, 16);
        Proto.bigEndian64(records, high);
        Proto.bigEndian64(records, low);
        Proto.lenField(records, 10, 8);
        Proto.bigEndian64(records, id);
    }

    /** Whether every character is a lowercase hex digit, as W3C Trace Context writes ids. */
    private static boolean isHex(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Signal signal() {
        return Signal.LOGS;
    }

    @Override
    public int items() {
        return count;
    }

    @Override
    public long records() {
        return count;
    }

    /** Empties the batch. */
    @Override
    public void clear() {
        count = 0;
        records.clear();
    }

    /**
     * Writes the batch as an {@code ExportLogsServiceRequest}.
     *
     * @param out the buffer the request is appended to
     */
    @Override
    public void encode(ByteBuf out) {
        int items = 0;
        int start = 0;
        for (int i = 0; i < count; i++) {
            items += Proto.lenFieldSize(2, ends[i] - start);
            start = ends[i];
        }
        out.ensureCapacity(envelope.requestSize(items));
        envelope.writeHead(out, items);
        start = 0;
        byte[] b = records.array();
        for (int i = 0; i < count; i++) {
            Proto.lenField(out, 2, ends[i] - start);
            out.put(b, start, ends[i] - start);
            start = ends[i];
        }
    }
}
