package dev.sonda.engine.trace;

import dev.sonda.api.Severity;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.api.trace.CorrelatedLogs;
import dev.sonda.api.trace.RedMetrics;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.generator.SplitMix64;
import dev.sonda.engine.log.LogFields;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One traces entry's output in time order: the spans of every request, the log line of each span,
 * circuit breaker lines, and the RED metrics of each interval, all from the same spans.
 *
 * <p>{@link #request} first releases what can no longer be overtaken (spans that start, and log
 * lines stamped, before the new request's arrival; intervals that end by then), then generates the
 * request's trace. So spans reach {@link Output#span} in start order, log lines in time order and
 * each interval's metrics once every span that started in it was counted: the metrics are a
 * recount of the spans delivered. {@link #finish} releases the rest and the last, partial interval.
 *
 * <p>RED metrics (see {@link RedMetrics}): interval {@code k} covers {@code [anchor + k·I, anchor +
 * (k+1)·I)} on the entry's timeline, where the anchor is the first request's arrival; its samples
 * are stamped at its end, for every service in graph order, even those without spans. The last
 * interval, cut short by the end of the entry, ends at the end of the last request's tick (or 1 µs
 * after the last span's start, when a span starts later): its samples are stamped there and its
 * rate divided by its own length. Log lines (see {@link CorrelatedLogs}): whether a successful, unslowed span
 * writes one is drawn from a hash of the seed and its span id, so sampling never changes the spans.
 * Not thread-safe.
 */
public final class TracePipeline {
    /** Where the pipeline's output goes, in time order within each kind. */
    public interface Output {
        /**
         * A span, valid during the call only.
         *
         * @param span the span
         */
        void span(SpanRecord span);

        /**
         * A log line, valid during the call only.
         *
         * @param record the line
         */
        void log(LogRecord record);

        /**
         * One RED sample.
         *
         * @param service the service's index in the graph
         * @param metric the metric's index in {@link RedMetrics#NAMES}
         * @param epochNanos the end of the interval
         * @param value the value
         */
        void sample(int service, int metric, long epochNanos, double value);
    }

    private static final long LOG_SALT = 0x6c6f67735f73616dL;

    private final TraceModel model;
    private final TraceGenerator generator;
    private final Output out;
    private final SpanQueue spans = new SpanQueue();
    private final boolean logs;
    private final double logSample;
    private final long interval;
    private final long period;
    private final Labels[] logLabels;
    private final long seed;
    private final int services;

    private LogLine[] logHeap = new LogLine[64];
    private int logCount;
    private LogLine[] logPool = new LogLine[64];
    private int logPooled;
    private long logSeq;

    private boolean anchored;
    private long windowStart;
    private long lastArrival;
    private long lastStart = Long.MIN_VALUE / 2;
    private final long[] count;
    private final long[] errors;
    private final double[] sum;
    private final double[][] durations;
    private final int[] filled;
    private double[] sorted = new double[64];
    private final Map<String, String> messages = new HashMap<>();

    /**
     * Creates a pipeline.
     *
     * @param model the compiled graph, with its logs and metrics blocks
     * @param rate the entry's requests per second, above 0 (the length of the last tick)
     * @param entryLabels the entry's static labels, added to every log line ({@code service} is set
     *     per line)
     * @param out where everything goes
     */
    public TracePipeline(TraceModel model, double rate, Map<String, String> entryLabels, Output out) {
        this.model = model;
        this.out = out;
        this.seed = model.spec.seed();
        this.services = model.services.length;
        CorrelatedLogs l = model.spec.logs();
        this.logs = l != null;
        this.logSample = l == null ? 0 : l.sample();
        RedMetrics r = model.spec.metrics();
        this.interval = r == null ? 0 : r.interval().toNanos();
        this.period = Math.max(1L, Math.round(1e9 / rate));
        this.logLabels = new Labels[services];
        for (int i = 0; i < services; i++) {
            Map<String, String> labels = new HashMap<>(entryLabels);
            labels.put("service", model.services[i]);
            logLabels[i] = Labels.of(labels);
        }
        this.count = new long[services];
        this.errors = new long[services];
        this.sum = new double[services];
        this.durations = new double[services][16];
        this.filled = new int[services];
        this.generator = new TraceGenerator(model, new TraceGenerator.Listener() {
            @Override
            public void span(Span span) {
                spans.add(span);
            }

            @Override
            public void breaker(long epochNanos, int caller, int callee, boolean opened) {
                breakerLine(epochNanos, caller, callee, opened);
            }
        });
    }

    /**
     * Releases everything before {@code epochNanos}, then generates request {@code n} arriving then.
     *
     * @param n the request's number
     * @param t its arrival on the entry's timeline, nanoseconds since the entry started
     * @param epochNanos its arrival as a timestamp
     * @return the spans the request made
     */
    public int request(long n, long t, long epochNanos) {
        if (!anchored) {
            anchored = true;
            windowStart = epochNanos - t;
            if (interval > 0) {
                while (windowStart + interval <= epochNanos) {
                    windowStart += interval;
                }
            }
        }
        release(epochNanos);
        lastArrival = epochNanos;
        return generator.generate(n, t, epochNanos);
    }

    /**
     * Releases every span and log line waiting (the entry pauses or ends); the interval in progress
     * stays open.
     */
    public void drain() {
        drainSpansAndLogs();
    }

    /**
     * Releases everything and writes the last interval's metrics, cut at the end of the last
     * request's tick. Call once, when the entry ends.
     */
    public void finish() {
        drainSpansAndLogs();
        if (interval > 0 && anchored) {
            long end = Math.max(lastArrival + period, lastStart + 1000L);
            flushWindowsEndingBy(end);
            if (end > windowStart) {
                flushWindow(end, end - windowStart);
            }
        }
    }

    private void drainSpansAndLogs() {
        for (Span s = spans.poll(); s != null; s = spans.poll()) {
            deliver(s);
        }
        releaseLogs(Long.MAX_VALUE);
    }

    private void release(long watermark) {
        for (Span s = spans.peek(); s != null && s.start < watermark; s = spans.peek()) {
            spans.poll();
            deliver(s);
        }
        if (interval > 0 && anchored) {
            flushWindowsEndingBy(watermark);
        }
        releaseLogs(watermark);
    }

    private void deliver(Span s) {
        if (interval > 0) {
            flushWindowsEndingBy(s.start);
            count(s);
        }
        lastStart = Math.max(lastStart, s.start);
        out.span(s);
        if (logs) {
            spanLine(s);
        }
        generator.release(s);
    }

    // ---- RED metrics ------------------------------------------------------------------------------

    private void count(Span s) {
        int i = s.serviceIndex;
        count[i]++;
        if (s.error) {
            errors[i]++;
        }
        double ms = (s.end - s.start) / TraceModel.NANOS_PER_MS;
        sum[i] += ms;
        if (filled[i] == durations[i].length) {
            durations[i] = Arrays.copyOf(durations[i], filled[i] * 2);
        }
        durations[i][filled[i]++] = ms;
    }

    /** Writes every whole interval that ends at or before {@code t}. */
    private void flushWindowsEndingBy(long t) {
        while (windowStart + interval <= t) {
            flushWindow(windowStart + interval, interval);
        }
    }

    /** Writes the interval ending at {@code end} (covering {@code length} ns) and starts the next. */
    private void flushWindow(long end, long length) {
        double seconds = length / 1e9;
        for (int i = 0; i < services; i++) {
            long n = count[i];
            int filledI = filled[i];
            out.sample(i, 0, end, n / seconds);
            out.sample(i, 1, end, n == 0 ? 0.0 : errors[i] * 100.0 / n);
            out.sample(i, 2, end, n == 0 ? 0.0 : sum[i] / n);
            if (sorted.length < filledI) {
                sorted = new double[Math.max(filledI, sorted.length * 2)];
            }
            System.arraycopy(durations[i], 0, sorted, 0, filledI);
            Arrays.sort(sorted, 0, filledI);
            out.sample(i, 3, end, quantile(0.5, filledI));
            out.sample(i, 4, end, quantile(0.95, filledI));
            out.sample(i, 5, end, quantile(0.99, filledI));
            count[i] = 0;
            errors[i] = 0;
            sum[i] = 0;
            filled[i] = 0;
        }
        windowStart = end;
    }

    /** The nearest-rank quantile of the first {@code n} sorted durations: index ceil(q·n) − 1. */
    private double quantile(double q, int n) {
        if (n == 0) {
            return 0.0;
        }
        int index = (int) Math.min(Math.max(Math.ceil(q * n) - 1, 0), n - 1);
        return sorted[index];
    }

    // ---- log lines --------------------------------------------------------------------------------

    private void spanLine(Span s) {
        Severity severity;
        String message;
        if (s.error) {
            severity = Severity.ERROR;
            message = s.message;
        } else if (s.slowed) {
            severity = Severity.WARN;
            message = "slow response from " + s.operation + ": " + millis(s.end - s.start) + " ms";
        } else {
            if (logSample < 1 && SplitMix64.uniform01(seed ^ LOG_SALT ^ s.id) >= logSample) {
                return;
            }
            severity = Severity.INFO;
            message = s.operation + " completed in " + millis(s.end - s.start) + " ms";
        }
        LogLine line = takeLine();
        line.set(s.end, severity, message, logLabels[s.serviceIndex]);
        line.traceHigh = s.traceHigh;
        line.traceLow = s.traceLow;
        line.spanId = s.id;
        line.operation = s.operation;
        addLine(line);
    }

    private void breakerLine(long epochNanos, int caller, int callee, boolean opened) {
        if (!logs) {
            return;
        }
        String key = caller + (opened ? ">" : "<") + callee;
        String message = messages.computeIfAbsent(
                key,
                k -> opened
                        ? "circuit breaker opened: calls to " + model.services[callee] + " fail fast for "
                                + model.spec.circuitBreaker().openFor().toMillis() + " ms"
                        : "circuit breaker closed: calls to " + model.services[callee] + " resumed");
        LogLine line = takeLine();
        line.set(epochNanos, opened ? Severity.WARN : Severity.INFO, message, logLabels[caller]);
        line.spanId = 0;
        line.peer = model.services[callee];
        addLine(line);
    }

    private static String millis(long nanos) {
        return FloatText.display(Math.round(nanos / 1000.0) / 1000.0);
    }

    private LogLine takeLine() {
        LogLine l = logPooled == 0 ? new LogLine() : logPool[--logPooled];
        l.seq = logSeq++;
        l.peer = null;
        l.fields = null;
        return l;
    }

    private void giveBack(LogLine l) {
        if (logPooled == logPool.length) {
            logPool = Arrays.copyOf(logPool, logPooled * 2);
        }
        logPool[logPooled++] = l;
    }

    private void addLine(LogLine l) {
        if (logCount == logHeap.length) {
            logHeap = Arrays.copyOf(logHeap, logCount * 2);
        }
        int i = logCount++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!less(l, logHeap[p])) {
                break;
            }
            logHeap[i] = logHeap[p];
            i = p;
        }
        logHeap[i] = l;
    }

    private LogLine pollLine() {
        LogLine top = logHeap[0];
        LogLine last = logHeap[--logCount];
        logHeap[logCount] = null;
        if (logCount > 0) {
            int i = 0;
            int half = logCount >>> 1;
            while (i < half) {
                int c = 2 * i + 1;
                int r = c + 1;
                if (r < logCount && less(logHeap[r], logHeap[c])) {
                    c = r;
                }
                if (!less(logHeap[c], last)) {
                    break;
                }
                logHeap[i] = logHeap[c];
                i = c;
            }
            logHeap[i] = last;
        }
        return top;
    }

    private static boolean less(LogLine a, LogLine b) {
        return a.time < b.time || (a.time == b.time && a.seq < b.seq);
    }

    private void releaseLogs(long watermark) {
        while (logCount > 0 && logHeap[0].time < watermark) {
            LogLine l = pollLine();
            out.log(l);
            giveBack(l);
        }
    }

    /** A log line of a span or a circuit breaker; reused. */
    private static final class LogLine implements LogRecord {
        long time;
        long seq;
        Severity severity;
        String message;
        Labels labels;
        long traceHigh;
        long traceLow;
        long spanId;
        String operation;
        String peer;
        LogFields fields;

        void set(long time, Severity severity, String message, Labels labels) {
            this.time = time;
            this.severity = severity;
            this.message = message;
            this.labels = labels;
        }

        @Override
        public long epochNanos() {
            return time;
        }

        @Override
        public Severity severity() {
            return severity;
        }

        @Override
        public String message() {
            return message;
        }

        @Override
        public Labels labels() {
            return labels;
        }

        @Override
        public LogFields fields() {
            if (fields == null) {
                fields = spanId != 0
                        ? LogFields.of(Map.of(
                                "trace_id",
                                SpanRecord.hex(traceHigh) + SpanRecord.hex(traceLow),
                                "span_id",
                                SpanRecord.hex(spanId),
                                "operation",
                                operation))
                        : LogFields.of(Map.of("peer_service", peer));
            }
            return fields;
        }
    }
}
