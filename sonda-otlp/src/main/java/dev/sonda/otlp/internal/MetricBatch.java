package dev.sonda.otlp.internal;

import dev.sonda.api.MetricType;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The data points of one OTLP metrics export, and its {@code ExportMetricsServiceRequest} written
 * by hand in canonical protobuf order (ascending field numbers, proto3 defaults omitted), so the
 * bytes equal what the published {@code opentelemetry-proto} classes serialize for the same
 * message.
 *
 * <p>Mapping ({@code opentelemetry/proto/metrics/v1/metrics.proto}):
 *
 * <ul>
 *   <li>gauge and untyped series: {@code Gauge} of {@code NumberDataPoint}s;
 *   <li>counters: {@code Sum}, {@code is_monotonic = true}, {@code aggregation_temporality =
 *       CUMULATIVE};
 *   <li>histograms: the {@code _bucket} (cumulative, by {@code le}), {@code _sum} and {@code _count}
 *       samples of one tick become one {@code HistogramDataPoint}: {@code explicit_bounds} the
 *       finite bounds ascending, {@code bucket_counts} the per-bucket (not cumulative) counts, the
 *       last one above the highest bound, {@code sum}, {@code count}; temporality cumulative;
 *   <li>summaries: the quantile, {@code _sum} and {@code _count} samples become one {@code
 *       SummaryDataPoint} ({@code quantile_values}, {@code sum}, {@code count}).
 * </ul>
 *
 * Every point carries its series' labels (without {@code le} / {@code quantile}) as string
 * attributes in code point order, {@code time_unix_nano} the sample time and {@code
 * start_time_unix_nano} the first sample time of its series, constant for the series. The points
 * of one metric name and type in a batch share one {@code Metric}, in first-seen order; points keep
 * their arrival order within it.
 *
 * <p>Steady state allocates nothing: series are prepared once ({@link #prepare}), points are kept
 * in primitive arrays, and the request is written into a reused {@link ByteBuf}. Not thread-safe.
 */
public final class MetricBatch implements ExportBatch {
    /** {@code Metric} field numbers of the data oneof. */
    static final int GAUGE = 5;

    static final int SUM = 7;
    static final int HISTOGRAM = 9;
    static final int SUMMARY = 11;

    /** {@code AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE}. */
    static final int CUMULATIVE = 2;

    /** One metric (name and data type): the unit the request groups points by. */
    static final class Family {
        final String name;
        final byte[] nameField;
        final int data;
        int[] members = new int[8];
        int count;
        int size;

        Family(String name, int data) {
            this.name = name;
            this.data = data;
            ByteBuf b = new ByteBuf(name.length() + 4);
            if (!name.isEmpty()) {
                Proto.stringField(b, 1, name);
            }
            this.nameField = b.toByteArray();
        }

        void add(int point) {
            if (count == members.length) {
                members = Arrays.copyOf(members, count * 2);
            }
            members[count++] = point;
        }
    }

    /** What a series of any role points to: its family, attributes and start time. */
    abstract static class Owner {
        final Family family;
        final byte[] attributes;
        final Labels labels;
        long start = -1;

        Owner(Family family, Labels labels, int attributeField) {
            this.family = family;
            this.labels = labels;
            ByteBuf b = new ByteBuf(64);
            for (int i = 0; i < labels.size(); i++) {
                Proto.keyValue(b, attributeField, labels.key(i), labels.value(i));
            }
            this.attributes = b.toByteArray();
        }
    }

    /** A gauge, counter or untyped series. */
    static final class Value extends Owner {
        Value(Family family, Labels labels) {
            super(family, labels, 7);
        }
    }

    /** One histogram or summary label set: collects the parts of a tick. */
    static final class Group extends Owner {
        final boolean histogram;
        double[] bounds = new double[0];
        double[] parts = new double[0];
        /** Bounds other than +Inf: the {@code explicit_bounds} of a histogram point. */
        int finiteBounds;

        int[] order;
        /** Set with {@link #order}: the highest bound is not +Inf, so a point has one more bucket. */
        boolean openTop;

        double sum;

        Group(Family family, Labels labels, boolean histogram) {
            super(family, labels, histogram ? 9 : 7);
            this.histogram = histogram;
        }

        int addBound(double bound) {
            int slot = bounds.length;
            bounds = Arrays.copyOf(bounds, slot + 1);
            bounds[slot] = bound;
            parts = new double[slot + 1];
            if (bound != Double.POSITIVE_INFINITY) {
                finiteBounds++;
            }
            order = null;
            return slot;
        }

        /** Slots by ascending bound (built once). */
        int[] order() {
            int[] o = order;
            if (o == null) {
                Integer[] idx = new Integer[bounds.length];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = i;
                }
                Arrays.sort(idx, (a, b) -> Double.compare(bounds[a], bounds[b]));
                o = new int[idx.length];
                for (int i = 0; i < o.length; i++) {
                    o[i] = idx[i];
                }
                openTop = o.length == 0 || bounds[o[o.length - 1]] != Double.POSITIVE_INFINITY;
                order = o;
            }
            return o;
        }

        /** Whether a histogram point has one bucket more than its bounds (built with the order). */
        boolean extraBucket() {
            order();
            return openTop;
        }
    }

    /** The prepared form of a bucket, quantile, sum or count series. */
    static final class Part {
        final Group group;
        final Series.Role role;
        final int slot;

        Part(Group group, Series.Role role, int slot) {
            this.group = group;
            this.role = role;
            this.slot = slot;
        }
    }

    private record GroupKey(String family, Labels labels, MetricType type) {}

    private record FamilyKey(String name, int data) {}

    private final Envelope envelope;
    private final Map<FamilyKey, Family> families = new HashMap<>();
    private final Map<GroupKey, Group> groups = new HashMap<>();

    private Owner[] owners = new Owner[16];
    private long[] times = new long[16];
    private double[] values = new double[16];
    private long[] counts = new long[16];
    private int[] extra = new int[16];
    private int[] sizes = new int[16];
    private double[] pool = new double[64];
    private int poolLength;
    private int points;
    private long samples;
    private long pendingSamples;

    private Family[] order = new Family[8];
    private int familyCount;

    /**
     * Creates an empty batch.
     *
     * @param envelope the resource and scope of every request
     */
    public MetricBatch(Envelope envelope) {
        this.envelope = envelope;
    }

    /**
     * Prepares a series: its family, attributes and, for histogram and summary parts, the group of
     * its label set. Called once per series.
     *
     * @param series the series
     * @return the prepared form, for {@link #add}
     */
    public Object prepare(Series series) {
        MetricType type = series.type();
        switch (series.role()) {
            case VALUE:
                int data = type == MetricType.COUNTER ? SUM : GAUGE;
                return new Value(family(series.name(), data), series.labels());
            default:
                boolean histogram = type == MetricType.HISTOGRAM;
                Group g = groups.computeIfAbsent(
                        new GroupKey(series.family(), series.familyLabels(), type),
                        k -> new Group(
                                family(series.family(), histogram ? HISTOGRAM : SUMMARY),
                                series.familyLabels(),
                                histogram));
                int slot = series.role() == Series.Role.BUCKET || series.role() == Series.Role.QUANTILE
                        ? g.addBound(series.bound())
                        : -1;
                return new Part(g, series.role(), slot);
        }
    }

    private Family family(String name, int data) {
        return families.computeIfAbsent(new FamilyKey(name, data), k -> new Family(name, data));
    }

    /**
     * Adds one sample. A gauge or counter sample is one data point; a histogram or summary part is
     * kept until its {@code _count} part completes the tick's point.
     *
     * @param prepared what {@link #prepare} returned
     * @param epochNanos the sample time
     * @param value the value
     * @return true when a data point was completed and added
     */
    public boolean add(Object prepared, long epochNanos, double value) {
        pendingSamples++;
        if (prepared instanceof Value v) {
            if (v.start < 0) {
                v.start = epochNanos;
            }
            int i = append(v, epochNanos, value);
            counts[i] = 0;
            extra[i] = -1;
            samples += pendingSamples;
            pendingSamples = 0;
            return true;
        }
        Part p = (Part) prepared;
        Group g = p.group;
        switch (p.role) {
            case BUCKET, QUANTILE -> g.parts[p.slot] = value;
            case SUM -> g.sum = value;
            default -> {
                complete(g, epochNanos, value);
                return true;
            }
        }
        return false;
    }

    private void complete(Group g, long epochNanos, double count) {
        if (g.start < 0) {
            g.start = epochNanos;
        }
        int i = append(g, epochNanos, g.sum);
        long c = (long) count;
        counts[i] = c;
        int[] o = g.order();
        int n = o.length;
        boolean extraBucket = g.histogram && g.extraBucket();
        int need = n + (extraBucket ? 1 : 0);
        if (poolLength + need > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolLength + need));
        }
        extra[i] = poolLength;
        if (g.histogram) {
            double previous = 0;
            for (int k = 0; k < n; k++) {
                double cum = g.parts[o[k]];
                pool[poolLength++] = Math.max(0, cum - previous);
                previous = cum;
            }
            if (extraBucket) {
                pool[poolLength++] = Math.max(0, c - previous);
            }
        } else {
            for (int k = 0; k < n; k++) {
                pool[poolLength++] = g.parts[o[k]];
            }
        }
        samples += pendingSamples;
        pendingSamples = 0;
    }

    private int append(Owner owner, long time, double value) {
        int i = points;
        if (i == owners.length) {
            int grown = i * 2;
            owners = Arrays.copyOf(owners, grown);
            times = Arrays.copyOf(times, grown);
            values = Arrays.copyOf(values, grown);
            counts = Arrays.copyOf(counts, grown);
            extra = Arrays.copyOf(extra, grown);
            sizes = Arrays.copyOf(sizes, grown);
        }
        owners[i] = owner;
        times[i] = time;
        values[i] = value;
        points = i + 1;
        return i;
    }

    /**
     * Data points in the batch.
     *
     * @return the count
     */
    public int points() {
        return points;
    }

    /**
     * Samples that made the batch's points (a histogram point: every bucket, sum and count).
     *
     * @return the count
     */
    public long samples() {
        return samples;
    }

    /**
     * Samples of a histogram or summary tick still waiting for its {@code _count}.
     *
     * @return the count
     */
    public long pendingSamples() {
        return pendingSamples;
    }

    @Override
    public Signal signal() {
        return Signal.METRICS;
    }

    /**
     * Data points in the batch, as {@link #points()}.
     *
     * @return the count
     */
    @Override
    public int items() {
        return points;
    }

    /**
     * Samples that made the batch's points, as {@link #samples()}.
     *
     * @return the count
     */
    @Override
    public long records() {
        return samples;
    }

    /** Empties the batch (pending parts stay). */
    @Override
    public void clear() {
        Arrays.fill(owners, 0, points, null);
        points = 0;
        poolLength = 0;
        samples = 0;
    }

    /**
     * Writes the batch as an {@code ExportMetricsServiceRequest}.
     *
     * @param out the buffer the request is appended to
     */
    @Override
    public void encode(ByteBuf out) {
        familyCount = 0;
        for (int i = 0; i < points; i++) {
            Family f = owners[i].family;
            if (f.count == 0) {
                if (familyCount == order.length) {
                    order = Arrays.copyOf(order, familyCount * 2);
                }
                order[familyCount++] = f;
                f.size = 0;
            }
            f.add(i);
            int s = pointSize(i);
            sizes[i] = s;
            f.size += Proto.lenFieldSize(1, s);
        }
        int items = 0;
        for (int k = 0; k < familyCount; k++) {
            items += Proto.lenFieldSize(2, metricSize(order[k]));
        }
        out.ensureCapacity(envelope.requestSize(items));
        envelope.writeHead(out, items);
        for (int k = 0; k < familyCount; k++) {
            Family f = order[k];
            Proto.lenField(out, 2, metricSize(f));
            out.put(f.nameField);
            Proto.lenField(out, f.data, dataSize(f));
            for (int m = 0; m < f.count; m++) {
                int i = f.members[m];
                Proto.lenField(out, 1, sizes[i]);
                writePoint(i, out);
            }
            if (f.data == SUM) {
                out.put((byte) 0x10);
                out.put((byte) CUMULATIVE);
                out.put((byte) 0x18);
                out.put((byte) 1);
            } else if (f.data == HISTOGRAM) {
                out.put((byte) 0x10);
                out.put((byte) CUMULATIVE);
            }
            f.count = 0;
        }
    }

    private static int dataSize(Family f) {
        return f.size + (f.data == SUM ? 4 : f.data == HISTOGRAM ? 2 : 0);
    }

    private static int metricSize(Family f) {
        return f.nameField.length + Proto.lenFieldSize(f.data, dataSize(f));
    }

    private int pointSize(int i) {
        Owner o = owners[i];
        int size = o.attributes.length + Proto.fixed64FieldSize(2, o.start) + Proto.fixed64FieldSize(3, times[i]);
        if (o instanceof Value) {
            return size + 9;
        }
        Group g = (Group) o;
        size += Proto.fixed64FieldSize(4, counts[i]);
        int n = g.bounds.length;
        if (g.histogram) {
            int buckets = n + (g.extraBucket() ? 1 : 0);
            int finite = g.finiteBounds;
            size += 9; // optional sum: always written
            if (buckets > 0) {
                size += Proto.lenFieldSize(6, 8 * buckets);
            }
            if (finite > 0) {
                size += Proto.lenFieldSize(7, 8 * finite);
            }
            return size;
        }
        size += Proto.fixed64FieldSize(5, Double.doubleToRawLongBits(values[i]));
        int[] ord = g.order();
        int at = extra[i];
        for (int k = 0; k < n; k++) {
            size += Proto.lenFieldSize(6, quantileSize(g.bounds[ord[k]], pool[at + k]));
        }
        return size;
    }

    private static int quantileSize(double quantile, double value) {
        return Proto.fixed64FieldSize(1, Double.doubleToRawLongBits(quantile))
                + Proto.fixed64FieldSize(2, Double.doubleToRawLongBits(value));
    }

    private void writePoint(int i, ByteBuf out) {
        Owner o = owners[i];
        Proto.fixed64Field(out, 2, o.start);
        Proto.fixed64Field(out, 3, times[i]);
        if (o instanceof Value) {
            Proto.doubleFieldAlways(out, 4, values[i]);
            out.put(o.attributes);
            return;
        }
        Group g = (Group) o;
        Proto.fixed64Field(out, 4, counts[i]);
        int at = extra[i];
        int n = g.bounds.length;
        int[] ord = g.order();
        if (g.histogram) {
            Proto.doubleFieldAlways(out, 5, values[i]);
            int buckets = n + (g.extraBucket() ? 1 : 0);
            if (buckets > 0) {
                Proto.lenField(out, 6, 8 * buckets);
                for (int k = 0; k < buckets; k++) {
                    Proto.fixed64(out, (long) pool[at + k]);
                }
            }
            int finite = g.finiteBounds;
            if (finite > 0) {
                Proto.lenField(out, 7, 8 * finite);
                for (int k = 0; k < n; k++) {
                    double b = g.bounds[ord[k]];
                    if (b != Double.POSITIVE_INFINITY) {
                        Proto.fixed64(out, Double.doubleToRawLongBits(b));
                    }
                }
            }
            out.put(o.attributes);
            return;
        }
        Proto.doubleField(out, 5, values[i]);
        for (int k = 0; k < n; k++) {
            double q = g.bounds[ord[k]];
            double v = pool[at + k];
            Proto.lenField(out, 6, quantileSize(q, v));
            Proto.doubleField(out, 1, q);
            Proto.doubleField(out, 2, v);
        }
        out.put(o.attributes);
    }

    // ---- read access for the published-classes builder (tests, benchmarks) ----

    Owner owner(int i) {
        return owners[i];
    }

    long time(int i) {
        return times[i];
    }

    double value(int i) {
        return values[i];
    }

    long count(int i) {
        return counts[i];
    }

    double pooled(int i, int k) {
        return pool[extra[i] + k];
    }

    Envelope envelope() {
        return envelope;
    }
}
