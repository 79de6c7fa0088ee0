package dev.sonda.otlp.internal;

import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.otlp.OtlpLogEncoder;
import java.util.Arrays;

/**
 * The log records of one OTLP logs export, kept encoded (the {@code otlp} encoder's {@code
 * LogRecord} bytes without the frame), and its {@code ExportLogsServiceRequest}: {@code
 * resource_logs = 1 {resource = 1; scope_logs = 2 {scope = 1; log_records = 2 ...}}}. Not
 * thread-safe.
 */
public final class LogBatch {
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
     * Encodes and adds one record.
     *
     * @param record the record, not kept
     */
    public void add(LogRecord record) {
        int start = records.length();
        try {
            encoder.encode(record, records);
        } catch (RuntimeException e) {
            records.setLength(start);
            throw e;
        }
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = records.length();
    }

    /**
     * Records in the batch.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /** Empties the batch. */
    public void clear() {
        count = 0;
        records.clear();
    }

    /**
     * Writes the batch as an {@code ExportLogsServiceRequest}.
     *
     * @param out the buffer the request is appended to
     */
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
