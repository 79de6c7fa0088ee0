package dev.sonda.junit5;

import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.RunObserver;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.log.LogEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The capture behind a {@link Captured}: a {@link RunObserver} that keeps every delivered sample in
 * primitive arrays per series, every log record, and every record encoded by its entry's encoder
 * (the bytes a real sink would have written), in one log of arrival order.
 *
 * <p>The sample path takes one uncontended lock, finds the series by identity (the engine makes
 * one {@link Series} per series and entry), stores the value and timestamp and encodes the record
 * into one growing byte array; it builds no strings and allocates only when an array grows. Arrays
 * grow by copying, and nothing below a published size is ever written again, so a snapshot is
 * just (array, size): immutable without copying. A log record is copied into a {@link LogRecord}.
 */
final class Recorder implements RunObserver {
    private final IdentityHashMap<Series, Slot> slots = new IdentityHashMap<>();
    private final Map<Key, SeriesBuffer> byKey = new HashMap<>();
    private final List<SeriesBuffer> buffers = new ArrayList<>();
    private final List<String> diagnostics = new ArrayList<>();
    private final ByteBuf scratch = new ByteBuf(512);
    private final LongSupplier startNanos;

    private Series lastSeries;
    private Slot lastSlot;

    /** Per sample, in delivery order: its series and its position there. */
    private int[] sampleSeries = new int[1024];

    private int[] samplePos = new int[1024];
    private int samples;

    /** Per encoded record (samples and log records), in delivery order: where its bytes end. */
    private int[] recordEnd = new int[1024];

    private int records;
    private byte[] bytes = new byte[64 * 1024];
    private int byteCount;

    private LogRecord[] logs = new LogRecord[64];
    private int logCount;
    private int waiters;

    /**
     * Creates a recorder.
     *
     * @param startNanos the run's start, epoch nanoseconds, which log offsets count from (read at
     *     each log record: a system-clock run knows it once it started)
     */
    Recorder(LongSupplier startNanos) {
        this.startNanos = startNanos;
    }

    @Override
    public void onSample(CompiledEntry entry, Series series, long epochNanos, double value) {
        synchronized (this) {
            Slot slot = series == lastSeries ? lastSlot : lookup(entry, series);
            int pos = slot.buffer.add(value, epochNanos);
            if (samples == sampleSeries.length) {
                sampleSeries = Arrays.copyOf(sampleSeries, samples * 2);
                samplePos = Arrays.copyOf(samplePos, samples * 2);
            }
            sampleSeries[samples] = slot.buffer.id;
            samplePos[samples] = pos;
            samples++;
            if (slot.encoder != null) {
                scratch.clear();
                slot.encoder.encode(slot.encoded, value, epochNanos, scratch);
                append(scratch);
            }
            wake();
        }
    }

    private Slot lookup(CompiledEntry entry, Series series) {
        Slot slot = slots.get(series);
        if (slot == null) {
            Key key = new Key(series.name(), series.labels());
            SeriesBuffer b = byKey.get(key);
            if (b == null) {
                b = new SeriesBuffer(buffers.size(), series.name(), series.labels());
                buffers.add(b);
                byKey.put(key, b);
            }
            MetricEncoder encoder = entry.runtime().metricEncoder();
            slot = new Slot(b, encoder, encoder == null ? null : encoder.series(series.name(), series.labels()));
            slots.put(series, slot);
        }
        lastSeries = series;
        lastSlot = slot;
        return slot;
    }

    /**
     * Records a delivered log record with its encoded line.
     *
     * @param entry the entry that emitted it
     * @param record the record, valid during the call only
     */
    @Override
    public void onLog(CompiledEntry entry, dev.sonda.engine.data.LogRecord record) {
        synchronized (this) {
            String line = "";
            LogEncoder encoder = entry.runtime().logEncoder();
            if (encoder != null) {
                scratch.clear();
                encoder.encode(record, scratch);
                int len = scratch.length();
                int cut = len > 0 && scratch.array()[len - 1] == '\n' ? len - 1 : len;
                line = new String(scratch.array(), 0, cut, java.nio.charset.StandardCharsets.UTF_8);
                append(scratch);
            }
            long t = record.epochNanos();
            LogRecord r = new LogRecord(
                    entry.name(),
                    Text.instant(t),
                    Duration.ofNanos(t - startNanos.getAsLong()),
                    record.severity(),
                    record.message(),
                    record.labels().toMap(),
                    record.fields().toMap(),
                    line);
            if (logCount == logs.length) {
                logs = Arrays.copyOf(logs, logCount * 2);
            }
            logs[logCount++] = r;
            wake();
        }
    }

    private void append(ByteBuf encoded) {
        int len = encoded.length();
        long need = (long) byteCount + len;
        if (need > bytes.length) {
            if (need > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("capture is full: more than 2 GiB of encoded records");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Math.max(need, 2L * bytes.length), Integer.MAX_VALUE - 8));
        }
        System.arraycopy(encoded.array(), 0, bytes, byteCount, len);
        byteCount += len;
        if (records == recordEnd.length) {
            recordEnd = Arrays.copyOf(recordEnd, records * 2);
        }
        recordEnd[records++] = byteCount;
    }

    private void wake() {
        if (waiters != 0) {
            notifyAll();
        }
    }

    /** The spans and infrastructure events of traces and events entries. */
    final TraceRecorder traces = new TraceRecorder();

    /**
     * Records a delivered span with its line in the entry's span encoder.
     *
     * @param entry the entry that emitted it
     * @param span the span, valid during the call only
     */
    @Override
    public void onSpan(CompiledEntry entry, dev.sonda.engine.data.SpanRecord span) {
        synchronized (this) {
            scratch.clear();
            if (entry.runtime().spanEncoder() != null) {
                entry.runtime().spanEncoder().encode(span, scratch);
            }
            traces.span(entry, span, scratch);
        }
    }

    /**
     * Records a delivered infrastructure event with its line in the entry's event encoder.
     *
     * @param entry the entry that emitted it
     * @param event the event, valid during the call only
     */
    @Override
    public void onEvent(CompiledEntry entry, dev.sonda.engine.data.EventRecord event) {
        synchronized (this) {
            scratch.clear();
            if (entry.runtime().eventEncoder() != null) {
                entry.runtime().eventEncoder().encode(event, scratch);
            }
            traces.event(entry, event, scratch);
        }
    }

    /**
     * Records a diagnostic line of the run.
     *
     * @param line the line
     */
    synchronized void diagnostic(String line) {
        diagnostics.add(line);
    }

    /**
     * The diagnostic lines so far.
     *
     * @return an immutable copy
     */
    synchronized List<String> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /**
     * How much has been captured so far: samples plus log records, the count a snapshot is keyed
     * by.
     *
     * @return the count
     */
    synchronized int count() {
        return samples + logCount;
    }

    /**
     * The number of samples captured so far.
     *
     * @return the count
     */
    synchronized int sampleCount() {
        return samples;
    }

    /**
     * A consistent snapshot of everything captured so far.
     *
     * @return the snapshot
     */
    synchronized Snapshot snapshot() {
        SeriesView[] views = new SeriesView[buffers.size()];
        for (int i = 0; i < views.length; i++) {
            SeriesBuffer b = buffers.get(i);
            views[i] = new SeriesView(b.name, b.labelMap, b.values, b.nanos, b.size);
        }
        return new Snapshot(
                List.of(views),
                sampleSeries,
                samplePos,
                samples,
                recordEnd,
                records,
                bytes,
                java.util.Collections.unmodifiableList(Arrays.asList(logs).subList(0, logCount)));
    }

    /**
     * Waits until more than {@code seen} samples and log records are captured or {@code millis}
     * pass.
     *
     * @param seen the {@link #count()} the caller has seen
     * @param millis the longest wait, above 0
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized void awaitMore(int seen, long millis) throws InterruptedException {
        if (count() > seen) {
            return;
        }
        waiters++;
        try {
            wait(millis);
        } finally {
            waiters--;
        }
    }

    /** Series identity: name and labels. */
    private record Key(String name, Labels labels) {}

    /** One engine series: its buffer and how its entry encodes it. */
    private record Slot(SeriesBuffer buffer, MetricEncoder encoder, EncodedSeries encoded) {}

    /** One series' growing arrays, written under the recorder's lock. */
    private static final class SeriesBuffer {
        final int id;
        final String name;
        final Map<String, String> labelMap;
        double[] values = new double[256];
        long[] nanos = new long[256];
        int size;

        SeriesBuffer(int id, String name, Labels labels) {
            this.id = id;
            this.name = name;
            this.labelMap = Map.copyOf(labels.toMap());
        }

        int add(double value, long epochNanos) {
            int n = size;
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            values[n] = value;
            nanos[n] = epochNanos;
            size = n + 1;
            return n;
        }
    }

    /**
     * An immutable view of one series: arrays shared with the buffer, never written below {@code
     * size}.
     *
     * @param name metric name
     * @param labels labels, unmodifiable
     * @param values values, valid below {@code size}
     * @param nanos epoch nanoseconds, valid below {@code size}
     * @param size number of samples
     */
    record SeriesView(String name, Map<String, String> labels, double[] values, long[] nanos, int size) {}

    /**
     * An immutable view of the whole capture.
     *
     * @param series every series, in first-seen order
     * @param sampleSeries per sample, the index of its series
     * @param samplePos per sample, its position within the series
     * @param samples the number of samples
     * @param recordEnd per encoded record, where it ends in {@code bytes}
     * @param records the number of encoded records
     * @param bytes the encoded records, back to back
     * @param logs the log records, in delivery order
     */
    record Snapshot(
            List<SeriesView> series,
            int[] sampleSeries,
            int[] samplePos,
            int samples,
            int[] recordEnd,
            int records,
            byte[] bytes,
            List<LogRecord> logs) {

        /**
         * The number of encoded bytes.
         *
         * @return bytes in {@link #bytes()} that belong to the snapshot
         */
        int byteCount() {
            return records == 0 ? 0 : recordEnd[records - 1];
        }

        /**
         * Samples plus log records: what {@link Recorder#count()} counted.
         *
         * @return the count
         */
        int count() {
            return samples + logs.size();
        }
    }
}
