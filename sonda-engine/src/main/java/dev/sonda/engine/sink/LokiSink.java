package dev.sonda.engine.sink;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.encode.Labels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code type: loki}: batched pushes to the Grafana Loki push API (Sonda 1.20 {@code
 * sink/loki.rs} behaviour).
 *
 * <p><b>Entries.</b> {@link #log} (log entries) keeps the record encoded with the entry's log
 * encoder, with the record's timestamp (unix nanoseconds) and labels as the entry's overlay;
 * {@link #sample} (metric entries) keeps the encoded sample with the sample's own timestamp (the
 * reference uses the wall clock here; we follow the run's clock) and no overlay.
 * The line is the payload decoded as UTF-8 (malformed bytes replaced by U+FFFD) with every trailing
 * {@code \n} removed ({@code \r} is kept).
 *
 * <p><b>Batching.</b> After each write the batch is sent when it holds {@code batch_size} entries
 * (default {@value #DEFAULT_BATCH_SIZE}) or when {@code max_buffer_age} (default 5 s; {@link
 * Duration#ZERO} disables it) has passed since the last send started, or since the sink was created
 * if nothing was sent yet, measured on the run's clock; checked only inside a write. The batch is
 * removed before it is sent, so a failed send never re-queues entries.
 *
 * <p><b>Request.</b> {@code POST {url}/loki/api/v1/push} (plain concatenation: a trailing slash in
 * {@code url} gives {@code //loki}), {@code Content-Type: application/json}, no tenant header, no
 * compression. Entries are grouped by overlay; each group is one stream whose labels are the
 * entry's static labels ({@link SinkContext#labels()}) overlaid by the overlay (the overlay wins),
 * keys in code point order. Streams are ordered by their overlays compared as sorted (key, value)
 * sequences (an empty overlay first); values keep write order. The body, without whitespace:
 *
 * <pre>{@code
 * {"streams":[{"stream":{"job":"sonda"},"values":[["1700000000000000000","line one"],["1700000000500000000","line two"]]}]}
 * }</pre>
 *
 * Strings escape {@code \} {@code "} LF CR TAB as {@code \\ \" \n \r \t}, other characters below
 * 0x20 as backslash-u00xx (lowercase hex), everything else verbatim. More groups than {@code
 * max_streams_per_push} (default {@value #DEFAULT_MAX_STREAMS_PER_PUSH}): nothing is sent, the
 * batch is dropped and the write fails with {@code loki sink: flush would produce {streams} streams
 * from {entries} entries, but max_streams_per_push is {cap}. Reduce dynamic_labels cardinality,
 * raise max_streams_per_push on the sink, or split into per-value scenarios.}
 *
 * <p><b>Response.</b> 2xx: success. 4xx except 429: the diagnostics line {@code sonda: loki sink:
 * received HTTP {status} from '{push_url}'; discarding batch} and the send counts as a success (not
 * retried, not a sink error), its entries reported dropped.
 * 429, 5xx and others: {@code SinkException("HTTP {status} from '{push_url}'")}; transport failure:
 * {@code SinkException("Loki push to '{push_url}' failed: {err}")}; both retried per the {@code
 * retry:} policy ({@link Retry}).
 *
 * <p>Threading: as {@link Sink}, one caller at a time; a send blocks the caller until the response
 * (and any retry backoff) completes.
 */
public final class LokiSink implements Sink {
    private final dev.sonda.engine.encode.MetricEncoder metricEncoder;
    private final dev.sonda.engine.log.LogEncoder logEncoder;
    private final dev.sonda.engine.encode.ByteBuf buf = new dev.sonda.engine.encode.ByteBuf(512);
    /** Default {@code batch_size}, in entries: 5. */
    public static final int DEFAULT_BATCH_SIZE = 5;

    /** Default {@code max_streams_per_push}: 128. */
    public static final int DEFAULT_MAX_STREAMS_PER_PUSH = 128;

    /** Default {@code max_buffer_age}: 5 seconds. */
    public static final Duration DEFAULT_MAX_BUFFER_AGE = Duration.ofSeconds(5);

    private static final Comparator<Labels> OVERLAY_ORDER = LokiSink::compareOverlays;

    private final String url;
    private final String pushUrl;
    private final Labels staticLabels;
    private final long maxStreams;
    private final BatchPolicy policy;
    private final HttpSender sender;
    private final int batchSize;
    private final Consumer<String> diagnostics;

    private Labels[] overlays;
    private long[] stamps;
    private String[] lines;
    private int count;
    private final Delivery delivery;
    private boolean lastWriteDelivered = true;

    /**
     * Creates the sink. No connection is made until the first send.
     *
     * @param spec the {@code loki} block; null optional fields take their defaults
     * @param context the static labels (stream labels), the clock (for {@code max_buffer_age}) and
     *     the diagnostics (discard and retry lines)
     * @throws SinkException {@code invalid Loki URL '{url}': must start with http:// or https://}.
     *     A URL that starts correctly but does not parse is reported on every send instead, as a
     *     transport failure.
     * @throws IllegalArgumentException if {@code batch_size}, {@code max_streams_per_push} or
     *     {@code max_buffer_age} is negative, or the retry policy is invalid (see {@link Retry})
     * @throws NullPointerException if an argument is null
     */
    public LokiSink(SinkSpec.Loki spec, SinkContext context) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(context, "context");
        this.url = spec.url();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new SinkException(
                    "invalid Loki URL '" + SinkKeys.displayUrl(url) + "': must start with http:// or https://");
        }
        this.pushUrl = url + "/loki/api/v1/push";
        this.batchSize = spec.batchSize() == null ? DEFAULT_BATCH_SIZE : spec.batchSize();
        int cap = spec.maxStreamsPerPush() == null ? DEFAULT_MAX_STREAMS_PER_PUSH : spec.maxStreamsPerPush();
        if (cap < 0) {
            throw new IllegalArgumentException("loki max_streams_per_push must not be negative: " + cap);
        }
        this.maxStreams = cap;
        this.policy = new BatchPolicy(batchSize, spec.maxBufferAge(), DEFAULT_MAX_BUFFER_AGE, context.clock());
        this.staticLabels = Labels.of(context.labels());
        this.metricEncoder = context.metricEncoder();
        this.logEncoder = context.logEncoder();
        this.diagnostics = context.diagnostics();
        this.delivery = context.delivery();
        this.sender = HttpSender.to(pushUrl, "loki", "Loki push")
                .header("Content-Type", "application/json")
                .retry(spec.retry())
                .diagnostics(diagnostics)
                .build();
        int initial = Math.max(1, Math.min(batchSize, 1024));
        this.overlays = new Labels[initial];
        this.stamps = new long[initial];
        this.lines = new String[initial];
    }

    /**
     * Prepares a metric series: its encoded form in the entry's metric encoder.
     *
     * @param series the series
     * @return the encoded series
     * @throws dev.sonda.engine.encode.EncodeException if the entry has no metric encoder
     */
    @Override
    public Object prepare(dev.sonda.engine.data.Series series) {
        if (metricEncoder == null) {
            throw new dev.sonda.engine.encode.EncodeException("no metric encoder for series " + series);
        }
        return metricEncoder.series(series.name(), series.labels());
    }

    /**
     * Buffers a sample's encoded line stamped with the sample's time and the static labels only,
     * then sends the batch if it is due.
     *
     * @param series the encoded series from {@link #prepare}
     * @param epochNanos the sample time
     * @param value the value
     * @throws SinkException if a send was due and failed (see the class comment); the batch is gone
     *     either way
     */
    @Override
    public void sample(Object series, long epochNanos, double value) {
        buf.clear();
        metricEncoder.encode((dev.sonda.engine.encode.EncodedSeries) series, value, epochNanos, buf);
        append(Labels.empty(), Math.max(0L, epochNanos), buf.array(), 0, buf.length());
    }

    /**
     * Buffers the record encoded with the entry's log encoder, stamped with the record's timestamp
     * (0 if negative) and with its labels as the stream overlay (the reference's {@code
     * write_log_event}), then sends the batch if it is due.
     *
     * @param record the record
     * @throws SinkException as {@link #sample}
     * @throws dev.sonda.engine.encode.EncodeException if the entry has no log encoder
     */
    @Override
    public void log(dev.sonda.engine.data.LogRecord record) {
        if (logEncoder == null) {
            throw new dev.sonda.engine.encode.EncodeException("no log encoder for log record");
        }
        buf.clear();
        logEncoder.encode(record, buf);
        append(record.labels(), Math.max(0L, record.epochNanos()), buf.array(), 0, buf.length());
    }

    /**
     * Buffers one line with a stream overlay and a timestamp, then sends the batch if it is due.
     *
     * @param overlay labels over the static ones for this line's stream
     * @param epochNanos the line's timestamp
     * @param bytes the line (trailing newlines are removed)
     * @param off start offset
     * @param len number of bytes
     * @throws SinkException as {@link #sample}
     */
    public void line(Labels overlay, long epochNanos, byte[] bytes, int off, int len) {
        append(overlay, epochNanos, bytes, off, len);
    }

    /**
     * True only when the latest write triggered a send that succeeded (a discarded 4xx batch
     * included).
     *
     * @return whether the latest write reached the server
     */
    @Override
    public boolean lastWriteDelivered() {
        return lastWriteDelivered;
    }

    /**
     * Sends the buffered entries, if any.
     *
     * @throws SinkException as {@link #sample}
     */
    @Override
    public void flush() {
        if (count > 0) {
            policy.sending();
            send();
        }
    }

    /**
     * Flushes. The shared HTTP client stays up.
     *
     * @throws SinkException as {@link #flush()}
     */
    @Override
    public void close() {
        flush();
    }

    /**
     * The entries waiting for the next send.
     *
     * @return the buffered entry count
     */
    public int bufferedEntries() {
        return count;
    }

    /**
     * The push endpoint: {@code url + "/loki/api/v1/push"}.
     *
     * @return the URL POSTed to
     */
    public String pushUrl() {
        return pushUrl;
    }

    private void append(Labels overlay, long nanos, byte[] buf, int off, int len) {
        Objects.requireNonNull(overlay, "labels");
        int end = off + len;
        while (end > off && buf[end - 1] == '\n') {
            end--;
        }
        String line = new String(buf, off, end - off, StandardCharsets.UTF_8);
        if (count == lines.length) {
            int grown = Math.max(count * 2, 8);
            overlays = Arrays.copyOf(overlays, grown);
            stamps = Arrays.copyOf(stamps, grown);
            lines = Arrays.copyOf(lines, grown);
        }
        overlays[count] = overlay;
        stamps[count] = nanos;
        lines[count] = line;
        count++;
        lastWriteDelivered = false;
        if (policy.due(count)) {
            send();
            lastWriteDelivered = true;
        }
    }

    private void send() {
        int n = count;
        if (n == 0) {
            return;
        }
        count = 0;
        List<Group> groups = group(n);
        if (groups.size() > maxStreams) {
            Arrays.fill(lines, 0, n, null);
            Arrays.fill(overlays, 0, n, null);
            SinkException e = new SinkException("loki sink: flush would produce " + groups.size() + " streams from "
                    + n + " entries, but max_streams_per_push is " + maxStreams
                    + ". Reduce dynamic_labels cardinality, raise max_streams_per_push on the sink, or split into"
                    + " per-value scenarios.");
            delivery.dropped(n, e.getMessage());
            throw e;
        }
        byte[] body = body(groups, n).getBytes(StandardCharsets.UTF_8);
        Arrays.fill(lines, 0, n, null);
        Arrays.fill(overlays, 0, n, null);
        sender.post(body, n, delivery);
    }

    /**
     * True when the context has a delivery counter: a batch's entries are reported delivered on a
     * 2xx and dropped when it fails or a 4xx discards it.
     *
     * @return whether delivery is reported
     */
    @Override
    public boolean reportsDelivery() {
        return delivery != Delivery.NONE;
    }

    /** The entry indexes per overlay, in stream order. */
    private List<Group> group(int n) {
        Labels first = overlays[0];
        boolean one = true;
        for (int i = 1; i < n && one; i++) {
            one = overlays[i] == first || overlays[i].equals(first);
        }
        if (one) {
            Group all = new Group(n);
            for (int i = 0; i < n; i++) {
                all.add(i);
            }
            return List.of(all);
        }
        TreeMap<Labels, Group> byOverlay = new TreeMap<>(OVERLAY_ORDER);
        for (int i = 0; i < n; i++) {
            byOverlay.computeIfAbsent(overlays[i], k -> new Group(4)).add(i);
        }
        return new ArrayList<>(byOverlay.values());
    }

    /** The entries of one stream, by index into the batch, in write order. */
    private static final class Group {
        int[] entries;
        int size;

        Group(int capacity) {
            entries = new int[capacity];
        }

        void add(int entry) {
            if (size == entries.length) {
                entries = Arrays.copyOf(entries, size * 2);
            }
            entries[size++] = entry;
        }
    }

    private String body(List<Group> groups, int n) {
        StringBuilder sb = new StringBuilder(128 + 96 * n);
        sb.append("{\"streams\":[");
        boolean firstStream = true;
        for (Group g : groups) {
            if (!firstStream) {
                sb.append(',');
            }
            firstStream = false;
            Labels overlay = overlays[g.entries[0]];
            Labels stream = staticLabels;
            for (int i = 0; i < overlay.size(); i++) {
                stream = stream.with(overlay.key(i), overlay.value(i));
            }
            sb.append("{\"stream\":{");
            for (int i = 0; i < stream.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(stream.key(i), sb);
                sb.append(':');
                string(stream.value(i), sb);
            }
            sb.append("},\"values\":[");
            for (int k = 0; k < g.size; k++) {
                int e = g.entries[k];
                if (k > 0) {
                    sb.append(',');
                }
                sb.append("[\"").append(stamps[e]).append("\",");
                string(lines[e], sb);
                sb.append(']');
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    /** Appends {@code s} quoted, with the reference's own (non-serde) Loki escaping. */
    static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** Every failure but an interrupt is retried; a non-429 4xx never reaches here (discarded). */

    /** {@code BTreeMap<String, String>} order: (key, value) pairs by code point, shorter first. */
    static int compareOverlays(Labels a, Labels b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = Labels.compareCodePoints(a.key(i), b.key(i));
            if (c != 0) {
                return c;
            }
            c = Labels.compareCodePoints(a.value(i), b.value(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * Describes the sink.
     *
     * @return such as {@code loki (http://localhost:3100)}
     */
    @Override
    public String toString() {
        return "loki (" + SinkKeys.displayUrl(url) + ")";
    }

    /**
     * The built-in provider of {@code type: loki}: keys {@code url} (required), {@code batch_size},
     * {@code max_streams_per_push}, {@code max_buffer_age}, {@code retry}.
     */
    public static final class Provider implements SinkProvider {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "loki";
        }

        @Override
        public String endpointKey() {
            return "url";
        }

        @Override
        public Class<SinkSpec.Loki> specClass() {
            return SinkSpec.Loki.class;
        }

        @Override
        public String summary() {
            return "batched pushes to the Grafana Loki push API, one stream per label set";
        }

        @Override
        public SinkSpec read(dev.sonda.api.spi.SpecBlock block) {
            Long batch = block.integer("batch_size", 0, Integer.MAX_VALUE);
            Long streams = block.integer("max_streams_per_push", 0, Integer.MAX_VALUE);
            return new SinkSpec.Loki(
                    block.requiredString("url"),
                    batch == null ? null : batch.intValue(),
                    streams == null ? null : streams.intValue(),
                    SinkKeys.readMaxBufferAge(block),
                    SinkKeys.readRetry(block));
        }

        @Override
        public void write(SinkSpec spec, dev.sonda.api.spi.SpecWriter out) {
            SinkSpec.Loki l = (SinkSpec.Loki) spec;
            SinkKeys.writeUrl("url", l.url(), out);
            out.put("batch_size", l.batchSize())
                    .put("max_streams_per_push", l.maxStreamsPerPush())
                    .put("max_buffer_age", l.maxBufferAge());
            SinkKeys.writeRetry(l.retry(), out);
        }

        @Override
        public void validate(SinkSpec spec, String path, dev.sonda.api.Problems problems) {
            spec.validate(path, problems);
            String bad = SinkKeys.httpUrlProblem(((SinkSpec.Loki) spec).url());
            if (bad != null) {
                problems.add(path + ".url", "invalid Loki URL " + bad);
            }
        }

        @Override
        public String display(SinkSpec spec) {
            return "loki (" + ((SinkSpec.Loki) spec).url() + ")";
        }

        /**
         * Builds a {@link LokiSink} with the entry's static labels as stream labels.
         *
         * @param spec a {@link SinkSpec.Loki}
         * @param context the labels, clock, encoders and diagnostics
         * @return the sink
         * @throws SinkException as {@link LokiSink#LokiSink(SinkSpec.Loki, SinkContext)}
         */
        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return new LokiSink((SinkSpec.Loki) spec, context);
        }
    }
}
