package dev.sonda.remotewrite;

import com.google.protobuf.CodedOutputStream;
import dev.sonda.api.MetricType;
import dev.sonda.api.Problems;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.sink.BatchPolicy;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.HttpSender;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.engine.sink.SinkKeys;
import dev.sonda.engine.sink.SinkProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.xerial.snappy.Snappy;

/**
 * {@code type: remote_write}: samples sent to a Prometheus remote-write receiver (Prometheus,
 * Mimir, Cortex, Thanos, VictoriaMetrics), as the reference sends them (Sonda 1.20 {@code
 * sink/remote_write.rs}) with the additions listed below.
 *
 * <p><b>Request, protocol {@code v1} (default).</b> One Prometheus {@code WriteRequest} (Remote-Write
 * 1.0, {@code prompb/remote.proto}) with only {@code timeseries} set, protobuf-encoded, compressed
 * with block (not framed) snappy, {@code POST}ed with exactly {@code Content-Type:
 * application/x-protobuf}, {@code Content-Encoding: snappy} and {@code
 * X-Prometheus-Remote-Write-Version: 0.1.0}. A series' labels are {@code __name__} and its labels,
 * sorted by name byte-wise; a {@code Sample} holds the value's raw bits (a stale marker, NaN {@code
 * 0x7ff0000000000002}, passes through bit for bit) and the time in epoch milliseconds (floored).
 *
 * <p><b>Protocol {@code v2}.</b> One {@code io.prometheus.write.v2.Request} (Remote-Write 2.0): a
 * {@code symbols} table starting with the empty string, then every label name and value and the
 * help text once, in first use order; each {@code TimeSeries} refers to its sorted label pairs by
 * symbol index and carries {@code Metadata} with the family's type (gauge, counter, histogram for
 * the {@code _bucket}/{@code _sum}/{@code _count} series, summary; none for untyped) and the
 * entry's {@code help} when it has one. Headers {@code Content-Type:
 * application/x-protobuf;proto=io.prometheus.write.v2.Request}, {@code Content-Encoding: snappy},
 * {@code X-Prometheus-Remote-Write-Version: 2.0.0}.
 *
 * <p><b>Series and samples.</b> Samples of one series in one request go into one {@code
 * TimeSeries} with several samples, in timestamp order (the engine hands them in order; a series
 * whose samples arrive out of order within a batch is sorted). Never two samples of a series with
 * one timestamp: a second sample in the same millisecond replaces the first while both are buffered
 * (the first is reported dropped), and one whose millisecond was already sent is dropped; the
 * reason goes to {@link Delivery#dropped}. The reference instead sends one {@code TimeSeries} per
 * sample, duplicates included; receivers store the same samples either way.
 *
 * <p><b>Batching.</b> {@code batch_size} (default {@value #DEFAULT_BATCH_SIZE}) counts samples,
 * which is the reference's count of {@code TimeSeries} entries (one per sample). After each sample
 * the batch is sent when it holds {@code batch_size} samples or {@code max_buffer_age} (default 5
 * s, {@link Duration#ZERO} disables it) has passed on the run's clock since the last send started
 * ({@link BatchPolicy}). The batch is taken out before it is sent, so a failed send never re-queues
 * samples.
 *
 * <p><b>Response.</b> 2xx: the samples are reported delivered. 4xx except 429: the diagnostics line
 * {@code sonda: remote_write sink: received HTTP {status} from '{url}'; discarding batch}, then
 * {@code SinkException("HTTP {status} from '{url}'")}, not retried, counted as a sink error (the
 * reference's behaviour). 429, 5xx and other statuses: {@code HTTP {status} from '{url}'}; transport
 * failure: {@code remote write to '{url}' failed: {err}}; both retried per {@code retry:}. Every
 * batch that is finally given up is reported dropped, and a diagnostics line says which samples the
 * receiver refused and why, with the receiver's own words (Prometheus: {@code out of bounds}, {@code
 * out of order sample}): {@code sonda: remote_write sink: dropped 5 samples of 2 series (up{...},
 * ...) from 2026-12-06T12:00:00Z to 2026-12-06T12:00:04Z: HTTP 400 from '{url}': out of bounds}.
 *
 * <p><b>Additions to the reference.</b> {@code protocol: v2}; {@code headers:} (tenant headers such
 * as {@code X-Scope-OrgID} or {@code THANOS-TENANT}), set after the three protocol headers so they
 * can replace them; {@code basic_auth:} / {@code bearer_token:}; {@code tls:}. The entry's {@code
 * encoder:} is not used: this sink encodes the samples itself.
 *
 * <p><b>Allocation.</b> Label bytes (v1) and symbol ids (v2) are prepared once per series ({@link
 * #prepare}); a sample is three array stores. A send encodes into a reused array with protobuf-java's
 * {@link CodedOutputStream} and compresses into another reused array with snappy-java.
 *
 * <p>Threading: as {@link Sink}, one caller at a time; a send blocks that caller until the
 * response (and any retry backoff) completes.
 */
public final class RemoteWriteSink implements Sink {
    /** Default {@code batch_size}, in samples: 5 (the reference's constant). */
    public static final int DEFAULT_BATCH_SIZE = 5;

    /** Default {@code max_buffer_age}: 5 seconds. */
    public static final Duration DEFAULT_MAX_BUFFER_AGE = Duration.ofSeconds(5);

    /** Remote-Write 1.0 {@code Content-Type}. */
    public static final String CONTENT_TYPE_V1 = "application/x-protobuf";

    /** Remote-Write 2.0 {@code Content-Type}. */
    public static final String CONTENT_TYPE_V2 = "application/x-protobuf;proto=io.prometheus.write.v2.Request";

    /** Reason reported with a sample replaced by a later one of the same millisecond. */
    static final String SAME_MILLISECOND =
            "two samples of one series in one millisecond: the later one is sent (remote write keeps one sample"
                    + " per series and timestamp)";

    /** Reason reported with a sample whose millisecond was already sent. */
    static final String ALREADY_SENT =
            "a sample of this series with the same millisecond timestamp was already sent (remote write keeps one"
                    + " sample per series and timestamp)";

    private static final int NO_BATCH = -1;

    private final String url;
    private final boolean v2;
    private final HttpSender sender;
    private final BatchPolicy policy;
    private final Delivery delivery;
    private final Consumer<String> diagnostics;

    // the batch: samples in arrival order, chained per series
    private Prepared[] seriesOf = new Prepared[16];
    private long[] stamps = new long[16];
    private double[] values = new double[16];
    private int[] next = new int[16];
    private int count;
    private int dropped;
    private Prepared[] order = new Prepared[16];
    private int seriesCount;
    private int batch;

    // v2: symbols interned for the sink's life, refs per request
    private final Map<String, Integer> symbolIds = new HashMap<>();
    private final List<byte[]> symbols = new ArrayList<>();
    private int[] refOf = new int[16];
    private int[] refBatch = new int[16];
    private int[] requestSymbols = new int[16];
    private int requestSymbolCount;
    private final int helpSymbol;

    private byte[] raw = new byte[4096];
    private byte[] compressed = new byte[Snappy.maxCompressedLength(4096)];
    private long bytes;
    private boolean lastWriteDelivered = true;

    /**
     * Creates the sink. No connection is made until the first send.
     *
     * @param spec the {@code remote_write} block; null optional fields take their defaults
     * @param context the clock ({@code max_buffer_age}), diagnostics, delivery counter and help text
     * @throws SinkException {@code invalid remote write URL '{url}': must start with http:// or
     *     https://}; a header the JDK client refuses; a TLS file that cannot be read or parsed
     * @throws IllegalArgumentException if {@code batch_size} or {@code max_buffer_age} is negative,
     *     or the retry policy is invalid
     */
    public RemoteWriteSink(SinkSpec.RemoteWrite spec, SinkContext context) {
        Objects.requireNonNull(spec, "spec");
        this.url = spec.url();
        this.v2 = spec.protocol() == SinkSpec.RemoteWrite.Protocol.V2;
        this.sender = HttpSender.to(url, "remote_write", "remote write")
                .header("Content-Type", v2 ? CONTENT_TYPE_V2 : CONTENT_TYPE_V1)
                .header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Write-Version", v2 ? "2.0.0" : "0.1.0")
                .headers(spec.headers())
                .auth(spec.auth())
                .tls(spec.tls())
                .retry(spec.retry())
                .clientErrors(HttpSender.ClientErrors.FAIL)
                .diagnostics(context.diagnostics())
                .build();
        int batchSize = spec.batchSize() == null ? DEFAULT_BATCH_SIZE : spec.batchSize();
        this.policy = new BatchPolicy(batchSize, spec.maxBufferAge(), DEFAULT_MAX_BUFFER_AGE, context.clock());
        this.delivery = context.delivery();
        this.diagnostics = context.diagnostics();
        Arrays.fill(refBatch, NO_BATCH);
        intern("");
        String help = context.help();
        this.helpSymbol = v2 && help != null && !help.isEmpty() ? intern(help) : 0;
    }

    /** A series as this sink sends it. Mutable batch state; owned by the sink's one caller. */
    static final class Prepared {
        final String display;
        /** v1: the encoded repeated {@code labels} fields. */
        final byte[] labelFields;
        /** v2: global symbol ids of the sorted name/value pairs. */
        final int[] labelSymbols;
        /** v2: {@code Metadata.MetricType} number. */
        final int metricType;

        int batch = NO_BATCH;
        int head;
        int tail;
        boolean unsorted;
        long lastStamp = Long.MIN_VALUE;

        Prepared(String display, byte[] labelFields, int[] labelSymbols, int metricType) {
            this.display = display;
            this.labelFields = labelFields;
            this.labelSymbols = labelSymbols;
            this.metricType = metricType;
        }
    }

    /**
     * Encodes the series' labels once: {@code __name__} and the labels sorted by name byte-wise; as
     * label fields (v1) or symbol ids (v2).
     *
     * @param series the series
     * @return the prepared form
     */
    @Override
    public Object prepare(Series series) {
        String[] pairs = Proto.sortedPairs(series.name(), series.labels());
        if (!v2) {
            return new Prepared(series.toString(), Proto.labelFields(pairs), null, 0);
        }
        int[] ids = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            ids[i] = intern(pairs[i]);
        }
        return new Prepared(series.toString(), null, ids, metricType(series.type()));
    }

    /**
     * The Remote-Write 2.0 {@code Metadata.MetricType} of a family type.
     *
     * @param type the family's type
     * @return 1 counter, 2 gauge, 3 histogram, 5 summary, 0 unspecified (untyped)
     */
    static int metricType(MetricType type) {
        return switch (type) {
            case COUNTER -> 1;
            case GAUGE -> 2;
            case HISTOGRAM -> 3;
            case SUMMARY -> 5;
            default -> 0;
        };
    }

    private int intern(String s) {
        Integer id = symbolIds.get(s);
        if (id != null) {
            return id;
        }
        int n = symbols.size();
        symbolIds.put(s, n);
        symbols.add(s.getBytes(StandardCharsets.UTF_8));
        if (n == refOf.length) {
            refOf = Arrays.copyOf(refOf, n * 2);
            refBatch = Arrays.copyOf(refBatch, n * 2);
            Arrays.fill(refBatch, n, n * 2, NO_BATCH);
        }
        return n;
    }

    /**
     * Buffers one sample, then sends the batch if it is due.
     *
     * @param series what {@link #prepare} returned
     * @param epochNanos the sample time (floored to milliseconds)
     * @param value the value, any bits
     * @throws SinkException if a send was due and failed; the batch is gone either way
     */
    @Override
    public void sample(Object series, long epochNanos, double value) {
        Prepared p = (Prepared) series;
        long ms = Math.floorDiv(epochNanos, 1_000_000L);
        lastWriteDelivered = false;
        if (ms == p.lastStamp) {
            if (p.batch == batch) {
                values[p.tail] = value; // replaces the buffered sample in place: no slot to subtract
                delivery.dropped(1, SAME_MILLISECOND);
            } else {
                delivery.dropped(1, ALREADY_SENT);
            }
            return;
        }
        if (count == stamps.length) {
            grow();
        }
        int i = count++;
        seriesOf[i] = p;
        stamps[i] = ms;
        values[i] = value;
        next[i] = -1;
        if (p.batch != batch) {
            p.batch = batch;
            p.head = i;
            p.unsorted = false;
            if (seriesCount == order.length) {
                order = Arrays.copyOf(order, seriesCount * 2);
            }
            order[seriesCount++] = p;
        } else {
            next[p.tail] = i;
            if (ms < stamps[p.tail]) {
                p.unsorted = true;
            }
        }
        p.tail = i;
        p.lastStamp = ms;
        if (policy.due(count)) {
            send();
            lastWriteDelivered = true;
        }
    }

    private void grow() {
        int n = stamps.length * 2;
        seriesOf = Arrays.copyOf(seriesOf, n);
        stamps = Arrays.copyOf(stamps, n);
        values = Arrays.copyOf(values, n);
        next = Arrays.copyOf(next, n);
    }

    /**
     * True only when the latest sample triggered a send that succeeded.
     *
     * @return whether the latest sample reached the receiver
     */
    @Override
    public boolean lastWriteDelivered() {
        return lastWriteDelivered;
    }

    /**
     * The compressed bytes handed to the HTTP client so far (each request once, retries not
     * counted again).
     *
     * @return the byte count
     */
    @Override
    public long bytes() {
        return bytes;
    }

    /**
     * Sends the buffered samples, if any.
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
     * Flushes. The HTTP client stays up (the shared one) or is left to the garbage collector (one
     * with TLS settings).
     *
     * @throws SinkException as {@link #flush()}
     */
    @Override
    public void close() {
        flush();
    }

    /**
     * The samples waiting for the next send.
     *
     * @return the buffered sample count
     */
    public int bufferedSamples() {
        return count;
    }

    private void send() {
        if (count == 0) {
            return;
        }
        for (int s = 0; s < seriesCount; s++) {
            if (order[s].unsorted) {
                sortChain(order[s]);
            }
        }
        int samples = count - dropped;
        int length = v2 ? encodeV2() : encodeV1();
        int max = Snappy.maxCompressedLength(length);
        if (compressed.length < max) {
            compressed = new byte[Math.max(max, compressed.length * 2)];
        }
        int size;
        try {
            size = Snappy.rawCompress(raw, 0, length, compressed, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("snappy compression failed", e);
        }
        bytes += size;
        try {
            sender.post(compressed, 0, size);
        } catch (SinkException e) {
            String why = e.getMessage();
            String body = sender.lastResponseBody();
            String reason = body.isEmpty() ? why : why + ": " + body;
            diagnostics.accept("sonda: remote_write sink: dropped " + samples + " samples of " + seriesCount
                    + " series (" + seriesNames() + ") from " + Instant.ofEpochMilli(minStamp()) + " to "
                    + Instant.ofEpochMilli(maxStamp()) + ": " + reason);
            delivery.dropped(samples, reason);
            throw e;
        } finally {
            endBatch();
        }
        delivery.delivered(samples);
    }

    /** The first three series of the batch, for the refusal line; built only when a send fails. */
    private String seriesNames() {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < Math.min(3, seriesCount); s++) {
            sb.append(s == 0 ? "" : ", ").append(order[s].display);
        }
        if (seriesCount > 3) {
            sb.append(", and ").append(seriesCount - 3).append(" more");
        }
        return sb.toString();
    }

    private long minStamp() {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            m = Math.min(m, stamps[i]);
        }
        return m;
    }

    private long maxStamp() {
        long m = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            m = Math.max(m, stamps[i]);
        }
        return m;
    }

    /** Forgets the batch; a failed send never re-queues it. */
    private void endBatch() {
        Arrays.fill(seriesOf, 0, count, null);
        Arrays.fill(order, 0, seriesCount, null);
        count = 0;
        dropped = 0;
        seriesCount = 0;
        batch++;
    }

    /**
     * Re-links a series' chain in timestamp order (stable), keeping only the last sample of each
     * millisecond; the others are reported dropped. Rare: the engine hands samples in order.
     */
    private void sortChain(Prepared p) {
        List<Integer> chain = new ArrayList<>();
        for (int i = p.head; i >= 0; i = next[i]) {
            chain.add(i);
        }
        chain.sort((a, b) -> Long.compare(stamps[a], stamps[b]));
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < chain.size(); k++) {
            int i = chain.get(k);
            if (!kept.isEmpty() && stamps[kept.get(kept.size() - 1)] == stamps[i]) {
                // the sort is stable: i arrived later than the kept one, and replaces it
                kept.set(kept.size() - 1, i);
                dropped++;
                delivery.dropped(1, SAME_MILLISECOND);
            } else {
                kept.add(i);
            }
        }
        p.head = kept.get(0);
        for (int k = 0; k < kept.size(); k++) {
            next[kept.get(k)] = k + 1 < kept.size() ? kept.get(k + 1) : -1;
        }
        p.tail = kept.get(kept.size() - 1);
        p.unsorted = false;
    }

    private static boolean keepValue(double value) {
        return Double.doubleToRawLongBits(value) != 0L; // proto3 default +0.0 only; -0.0 keeps its sign
    }

    private int samplesSize(Prepared p) {
        int size = 0;
        for (int i = p.head; i >= 0; i = next[i]) {
            int sample = Proto.sampleSize(keepValue(values[i]), stamps[i]);
            size += 1 + CodedOutputStream.computeUInt32SizeNoTag(sample) + sample;
        }
        return size;
    }

    private void ensureRaw(int length) {
        if (raw.length < length) {
            raw = new byte[Math.max(length, raw.length * 2)];
        }
    }

    private void writeSamples(CodedOutputStream out, Prepared p) throws IOException {
        for (int i = p.head; i >= 0; i = next[i]) {
            double v = values[i];
            long ms = stamps[i];
            boolean keep = keepValue(v);
            out.writeTag(2, 2);
            out.writeUInt32NoTag(Proto.sampleSize(keep, ms));
            if (keep) {
                out.writeDouble(1, v);
            }
            if (ms != 0) {
                out.writeInt64(2, ms);
            }
        }
    }

    /** {@code WriteRequest { repeated TimeSeries timeseries = 1; }} into {@link #raw}. */
    private int encodeV1() {
        int length = 0;
        for (int s = 0; s < seriesCount; s++) {
            Prepared p = order[s];
            int ts = p.labelFields.length + samplesSize(p);
            length += 1 + CodedOutputStream.computeUInt32SizeNoTag(ts) + ts;
        }
        ensureRaw(length);
        CodedOutputStream out = CodedOutputStream.newInstance(raw, 0, length);
        try {
            for (int s = 0; s < seriesCount; s++) {
                Prepared p = order[s];
                out.writeTag(1, 2);
                out.writeUInt32NoTag(p.labelFields.length + samplesSize(p));
                out.writeRawBytes(p.labelFields);
                writeSamples(out, p);
            }
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("remote write request size miscounted", e);
        }
        return length;
    }

    /** The request-local index of a symbol, assigning the next one on first use in this request. */
    private int ref(int symbol) {
        if (refBatch[symbol] != batch) {
            refBatch[symbol] = batch;
            refOf[symbol] = requestSymbolCount;
            if (requestSymbolCount == requestSymbols.length) {
                requestSymbols = Arrays.copyOf(requestSymbols, requestSymbolCount * 2);
            }
            requestSymbols[requestSymbolCount++] = symbol;
        }
        return refOf[symbol];
    }

    private int refsSize(Prepared p) {
        int size = 0;
        for (int id : p.labelSymbols) {
            size += CodedOutputStream.computeUInt32SizeNoTag(refOf[id]);
        }
        return size;
    }

    private int metadataSize(Prepared p, int helpRef) {
        return (p.metricType != 0 ? 1 + CodedOutputStream.computeUInt32SizeNoTag(p.metricType) : 0)
                + (helpRef != 0 ? 1 + CodedOutputStream.computeUInt32SizeNoTag(helpRef) : 0);
    }

    private int timeSeriesSizeV2(Prepared p, int helpRef) {
        int refs = refsSize(p);
        int meta = metadataSize(p, helpRef);
        return 1
                + CodedOutputStream.computeUInt32SizeNoTag(refs)
                + refs
                + samplesSize(p)
                + (meta > 0 ? 1 + CodedOutputStream.computeUInt32SizeNoTag(meta) + meta : 0);
    }

    /**
     * {@code Request { repeated string symbols = 4; repeated TimeSeries timeseries = 5; }} with
     * {@code TimeSeries { repeated uint32 labels_refs = 1 (packed); repeated Sample samples = 2;
     * Metadata metadata = 5; }} and {@code Metadata { MetricType type = 1; uint32 help_ref = 3; }}.
     */
    private int encodeV2() {
        requestSymbolCount = 0;
        ref(0);
        for (int s = 0; s < seriesCount; s++) {
            for (int id : order[s].labelSymbols) {
                ref(id);
            }
        }
        int helpRef = helpSymbol != 0 ? ref(helpSymbol) : 0;
        int length = 0;
        for (int k = 0; k < requestSymbolCount; k++) {
            int len = symbols.get(requestSymbols[k]).length;
            length += 1 + CodedOutputStream.computeUInt32SizeNoTag(len) + len;
        }
        for (int s = 0; s < seriesCount; s++) {
            int ts = timeSeriesSizeV2(order[s], helpRef);
            length += 1 + CodedOutputStream.computeUInt32SizeNoTag(ts) + ts;
        }
        ensureRaw(length);
        CodedOutputStream out = CodedOutputStream.newInstance(raw, 0, length);
        try {
            for (int k = 0; k < requestSymbolCount; k++) {
                byte[] sym = symbols.get(requestSymbols[k]);
                out.writeTag(4, 2);
                out.writeUInt32NoTag(sym.length);
                out.writeRawBytes(sym);
            }
            for (int s = 0; s < seriesCount; s++) {
                Prepared p = order[s];
                out.writeTag(5, 2);
                out.writeUInt32NoTag(timeSeriesSizeV2(p, helpRef));
                out.writeTag(1, 2);
                out.writeUInt32NoTag(refsSize(p));
                for (int id : p.labelSymbols) {
                    out.writeUInt32NoTag(refOf[id]);
                }
                writeSamples(out, p);
                int meta = metadataSize(p, helpRef);
                if (meta > 0) {
                    out.writeTag(5, 2);
                    out.writeUInt32NoTag(meta);
                    if (p.metricType != 0) {
                        out.writeEnum(1, p.metricType);
                    }
                    if (helpRef != 0) {
                        out.writeUInt32(3, helpRef);
                    }
                }
            }
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("remote write request size miscounted", e);
        }
        return length;
    }

    /**
     * The provider of {@code type: remote_write}: keys {@code url} (required), {@code batch_size},
     * {@code max_buffer_age}, {@code retry} (the reference's), and the additions {@code protocol}
     * ({@code v1} or {@code v2}), {@code headers}, {@code basic_auth}, {@code bearer_token}, {@code
     * tls}. Secrets are written and displayed as {@code ***}.
     */
    public static final class Provider implements SinkProvider {
        private static final Map<String, SinkSpec.RemoteWrite.Protocol> PROTOCOLS =
                Map.of("v1", SinkSpec.RemoteWrite.Protocol.V1, "v2", SinkSpec.RemoteWrite.Protocol.V2);

        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        @Override
        public String type() {
            return "remote_write";
        }

        @Override
        public Class<SinkSpec.RemoteWrite> specClass() {
            return SinkSpec.RemoteWrite.class;
        }

        @Override
        public String summary() {
            return "Prometheus remote write 1.0 or 2.0 (snappy-compressed protobuf over HTTP)";
        }

        /**
         * The key the CLI's {@code --endpoint} sets.
         *
         * @return {@code url}
         */
        public String endpointKey() {
            return "url";
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            Long batch = block.integer("batch_size", 0, Integer.MAX_VALUE);
            return new SinkSpec.RemoteWrite(
                    block.requiredString("url"),
                    batch == null ? null : batch.intValue(),
                    SinkKeys.readMaxBufferAge(block),
                    SinkKeys.readRetry(block),
                    block.choice("protocol", PROTOCOLS),
                    block.stringMap("headers"),
                    SinkKeys.readAuth(block),
                    SinkKeys.readTls(block));
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {
            SinkSpec.RemoteWrite r = (SinkSpec.RemoteWrite) spec;
            out.put("url", r.url()).put("batch_size", r.batchSize()).put("max_buffer_age", r.maxBufferAge());
            if (r.protocol() != SinkSpec.RemoteWrite.Protocol.V1) {
                out.put("protocol", r.protocol().yaml());
            }
            SinkKeys.writeHeaders(r.headers(), out);
            SinkKeys.writeRetry(r.retry(), out);
            SinkKeys.writeAuth(r.auth(), out);
            SinkKeys.writeTls(r.tls(), out);
        }

        @Override
        public void validate(SinkSpec spec, String path, Problems problems) {
            spec.validate(path, problems);
            String bad = SinkKeys.httpUrlProblem(((SinkSpec.RemoteWrite) spec).url());
            if (bad != null) {
                problems.add(path + ".url", "invalid remote write URL " + bad);
            }
        }

        /**
         * {@code remote_write ({url})}, as the reference; {@code remote_write v2 ({url})} for
         * protocol v2. Credentials in the URL are masked.
         *
         * @param spec a {@link SinkSpec.RemoteWrite}
         * @return the display text
         */
        @Override
        public String display(SinkSpec spec) {
            SinkSpec.RemoteWrite r = (SinkSpec.RemoteWrite) spec;
            return "remote_write" + (r.protocol() == SinkSpec.RemoteWrite.Protocol.V2 ? " v2" : "") + " ("
                    + SinkKeys.displayUrl(r.url()) + ")";
        }

        /**
         * True: a {@code while:}-gated entry writes Prometheus stale markers here when its gate
         * closes.
         *
         * @return true
         */
        @Override
        public boolean writesStaleMarkers() {
            return true;
        }

        /**
         * Builds a {@link RemoteWriteSink}.
         *
         * @param spec a {@link SinkSpec.RemoteWrite}
         * @param context the clock, diagnostics, delivery counter and help text
         * @return the sink
         * @throws SinkException as {@link RemoteWriteSink#RemoteWriteSink}
         */
        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return new RemoteWriteSink((SinkSpec.RemoteWrite) spec, context);
        }
    }
}
