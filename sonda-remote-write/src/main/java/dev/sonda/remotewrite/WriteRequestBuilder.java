package dev.sonda.remotewrite;

import com.google.protobuf.CodedOutputStream;
import dev.sonda.api.MetricType;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.sink.Delivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xerial.snappy.Snappy;

/**
 * Builds Prometheus remote-write request bodies from samples: the encoding half of {@link
 * RemoteWriteSink}, usable alone (benchmarks, other transports). Remote-Write 1.0 ({@code
 * prometheus.WriteRequest}) or 2.0 ({@code io.prometheus.write.v2.Request}); the wire layout, the
 * label order, the grouping of a series' samples into one {@code TimeSeries} and the one-sample-
 * per-millisecond rule are described on {@link RemoteWriteSink}.
 *
 * <p>Use: {@link #prepare} each series once; {@link #add} samples (no allocation); {@link #build}
 * (encode with protobuf-java's {@link CodedOutputStream} into a reused array, then block snappy
 * into another) and send {@link #body()}; {@link #clear}. Not thread-safe.
 */
public final class WriteRequestBuilder {
    /** Reason reported with a sample replaced by a later one of the same millisecond. */
    public static final String SAME_MILLISECOND =
            "two samples of one series in one millisecond: the later one is sent (remote write keeps one sample"
                    + " per series and timestamp)";

    /** Reason reported with a sample whose millisecond was already sent. */
    public static final String ALREADY_SENT =
            "a sample of this series with the same millisecond timestamp was already sent (remote write keeps one"
                    + " sample per series and timestamp)";

    private static final int NO_BATCH = -1;

    private final boolean v2;
    private final Delivery delivery;

    // the batch: samples in arrival order, chained per series
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

    /**
     * Creates a builder.
     *
     * @param v2 true for Remote-Write 2.0, false for 1.0
     * @param help the entry's help text for 2.0 metadata, or null
     * @param delivery where replaced and ignored duplicate samples are reported dropped
     */
    public WriteRequestBuilder(boolean v2, String help, Delivery delivery) {
        this.v2 = v2;
        this.delivery = delivery;
        Arrays.fill(refBatch, NO_BATCH);
        intern("");
        this.helpSymbol = v2 && help != null && !help.isEmpty() ? intern(help) : 0;
    }

    /** A series as remote write sends it. Mutable batch state; owned by the builder's one caller. */
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
        /** Sizes computed by the sizing pass of a build, reused by its writing pass. */
        int messageSize;

        int refsSize;

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
     * @return the prepared form, to pass to {@link #add}
     */
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
     * Adds one sample. A second sample of the series in the same millisecond replaces the buffered
     * one, and one whose millisecond was already built into an earlier request is ignored; both
     * are reported dropped with the reason.
     *
     * @param series what {@link #prepare} returned
     * @param epochNanos the sample time (floored to milliseconds)
     * @param value the value, any bits
     * @return the samples buffered now, the batch size's unit ({@link #buffered()})
     */
    public int add(Object series, long epochNanos, double value) {
        Prepared p = (Prepared) series;
        long ms = Math.floorDiv(epochNanos, 1_000_000L);
        if (ms == p.lastStamp) {
            if (p.batch == batch) {
                values[p.tail] = value; // replaces the buffered sample in place: no slot to subtract
                delivery.dropped(1, SAME_MILLISECOND);
            } else {
                delivery.dropped(1, ALREADY_SENT);
            }
            return count;
        }
        if (count == stamps.length) {
            grow();
        }
        int i = count++;
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
        return count;
    }

    private void grow() {
        int n = stamps.length * 2;
        stamps = Arrays.copyOf(stamps, n);
        values = Arrays.copyOf(values, n);
        next = Arrays.copyOf(next, n);
    }

    /**
     * Encodes the buffered samples as one request and compresses it with block snappy into {@link
     * #body()}. Leaves the samples buffered (for {@link #describe()}) until {@link #clear()}.
     *
     * @return the length of the compressed body
     */
    public int build() {
        for (int s = 0; s < seriesCount; s++) {
            if (order[s].unsorted) {
                sortChain(order[s]);
            }
        }
        int length = v2 ? encodeV2() : encodeV1();
        int max = Snappy.maxCompressedLength(length);
        if (compressed.length < max) {
            compressed = new byte[Math.max(max, compressed.length * 2)];
        }
        try {
            return Snappy.rawCompress(raw, 0, length, compressed, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("snappy compression failed", e);
        }
    }

    /**
     * The compressed body of the last {@link #build()}: the first bytes of a reused array.
     *
     * @return the array (not a copy); valid until the next build
     */
    public byte[] body() {
        return compressed;
    }

    /**
     * Samples buffered, replaced duplicates not counted: what a request of them delivers.
     *
     * @return the sample count
     */
    public int samples() {
        return count - dropped;
    }

    /**
     * Samples buffered (the unit of {@code batch_size}).
     *
     * @return the count
     */
    public int buffered() {
        return count;
    }

    /**
     * What the buffered samples are, for a refusal message: {@code 5 samples of 2 series (a{...},
     * b{...}) from 2026-12-06T12:00:00Z to 2026-12-06T12:00:04Z}, at most three series named.
     *
     * @return the text
     */
    public String describe() {
        return samples() + " samples of " + seriesCount + " series (" + seriesNames() + ") from "
                + Instant.ofEpochMilli(minStamp()) + " to " + Instant.ofEpochMilli(maxStamp());
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

    /** Forgets the buffered samples (a failed send never re-queues them). */
    public void clear() {
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
            p.messageSize = ts;
            length += 1 + CodedOutputStream.computeUInt32SizeNoTag(ts) + ts;
        }
        ensureRaw(length);
        CodedOutputStream out = CodedOutputStream.newInstance(raw, 0, length);
        try {
            for (int s = 0; s < seriesCount; s++) {
                Prepared p = order[s];
                out.writeTag(1, 2);
                out.writeUInt32NoTag(p.messageSize);
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
        p.refsSize = refs;
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
            order[s].messageSize = ts;
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
                out.writeUInt32NoTag(p.messageSize);
                out.writeTag(1, 2);
                out.writeUInt32NoTag(p.refsSize);
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
}
