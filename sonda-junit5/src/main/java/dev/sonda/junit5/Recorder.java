package dev.sonda.junit5;

import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.SampleListener;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The capture behind a {@link Captured}: a {@link SampleListener} that keeps every delivered sample
 * in primitive arrays per series, plus one global log (series, position, end of the encoded bytes)
 * in arrival order.
 *
 * <p>The hot path takes one uncontended lock, looks the series up by identity (the engine reuses
 * one {@link EncodedSeries} per series), stores the value and timestamp, and copies the encoded
 * bytes; it builds no strings and allocates only when an array grows. Arrays grow by copying, and
 * nothing below a published size is ever written again, so a snapshot is just (array, size):
 * immutable without copying.
 */
final class Recorder implements SampleListener {
    private final IdentityHashMap<EncodedSeries, SeriesBuffer> byIdentity = new IdentityHashMap<>();
    private final Map<Key, SeriesBuffer> byKey = new HashMap<>();
    private final List<SeriesBuffer> buffers = new ArrayList<>();
    private final List<String> diagnostics = new ArrayList<>();
    private final List<LogEvent> logs = new ArrayList<>();

    private EncodedSeries lastSeries;
    private SeriesBuffer lastBuffer;

    private int[] logSeries = new int[1024];
    private int[] logPos = new int[1024];
    private int[] logEnd = new int[1024];
    private byte[] bytes = new byte[64 * 1024];
    private int count;
    private int byteCount;
    private int waiters;

    @Override
    public void onSample(CompiledEntry entry, EncodedSeries series, double value, long epochNanos, ByteBuf encoded) {
        synchronized (this) {
            SeriesBuffer b = series == lastSeries ? lastBuffer : lookup(series);
            int pos = b.add(value, epochNanos);
            int n = count;
            if (n == logSeries.length) {
                int cap = n * 2;
                logSeries = Arrays.copyOf(logSeries, cap);
                logPos = Arrays.copyOf(logPos, cap);
                logEnd = Arrays.copyOf(logEnd, cap);
            }
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
            logSeries[n] = b.id;
            logPos[n] = pos;
            logEnd[n] = byteCount;
            count = n + 1;
            if (waiters != 0) {
                notifyAll();
            }
        }
    }

    private SeriesBuffer lookup(EncodedSeries series) {
        SeriesBuffer b = byIdentity.get(series);
        if (b == null) {
            Key key = new Key(series.name(), series.labels());
            b = byKey.get(key);
            if (b == null) {
                b = new SeriesBuffer(buffers.size(), series.name(), series.labels());
                buffers.add(b);
                byKey.put(key, b);
            }
            byIdentity.put(series, b);
        }
        lastSeries = series;
        lastBuffer = b;
        return b;
    }

    /**
     * Records a delivered log event with its encoded line.
     *
     * @param entry the entry that emitted it
     * @param event the event
     * @param encoded the encoded record
     */
    @Override
    public synchronized void onLog(CompiledEntry entry, dev.sonda.engine.log.LogEvent event, ByteBuf encoded) {
        String line = encoded.toString();
        if (line.endsWith("\n")) {
            line = line.substring(0, line.length() - 1);
        }
        logs.add(new LogEvent(entry.name(), java.time.Instant.EPOCH.plusNanos(event.epochNanos()), line));
    }

    /** The spans and infrastructure events of traces and events entries. */
    final TraceRecorder traces = new TraceRecorder();

    @Override
    public void onSpan(CompiledEntry entry, dev.sonda.engine.data.SpanRecord span, ByteBuf encoded) {
        traces.span(entry, span, encoded);
    }

    @Override
    public void onEvent(CompiledEntry entry, dev.sonda.engine.data.EventRecord event, ByteBuf encoded) {
        traces.event(entry, event, encoded);
    }

    /**
     * The log events captured so far, in delivery order.
     *
     * @return an immutable copy
     */
    synchronized List<LogEvent> logs() {
        return List.copyOf(logs);
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
     * The number of samples captured so far.
     *
     * @return the count
     */
    synchronized int count() {
        return count;
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
        return new Snapshot(List.of(views), logSeries, logPos, logEnd, bytes, count);
    }

    /**
     * Waits until more than {@code seen} samples are captured or {@code millis} pass.
     *
     * @param seen the count the caller has seen
     * @param millis the longest wait, above 0
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized void awaitMore(int seen, long millis) throws InterruptedException {
        if (count > seen) {
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
     * @param labels labels, code-point order, unmodifiable
     * @param values values, valid below {@code size}
     * @param nanos epoch nanoseconds, valid below {@code size}
     * @param size number of samples
     */
    record SeriesView(String name, Map<String, String> labels, double[] values, long[] nanos, int size) {}

    /**
     * An immutable view of the whole capture.
     *
     * @param series every series, in first-seen order
     * @param logSeries per sample, the index of its series
     * @param logPos per sample, its position within the series
     * @param logEnd per sample, the end of its encoded record in {@code bytes}
     * @param bytes the encoded records, back to back
     * @param count the number of samples
     */
    record Snapshot(List<SeriesView> series, int[] logSeries, int[] logPos, int[] logEnd, byte[] bytes, int count) {

        /**
         * The number of encoded bytes.
         *
         * @return bytes in {@link #bytes()} that belong to the snapshot
         */
        int byteCount() {
            return count == 0 ? 0 : logEnd[count - 1];
        }
    }
}
