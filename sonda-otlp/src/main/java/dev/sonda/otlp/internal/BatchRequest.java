package dev.sonda.otlp.internal;

import dev.sonda.api.MetricType;
import dev.sonda.engine.data.SeriesBatch;
import dev.sonda.engine.encode.ByteBuf;

/**
 * Writes the points of one workload metric's tick ({@link SeriesBatch}, positions {@code from} to
 * {@code to}) as one {@code ExportMetricsServiceRequest}: one {@code Metric} with its name, its
 * help as {@code description}, and one data point per series, read straight from the batch's
 * label tables and values, in two passes (sizes, then bytes) into a reused buffer. Canonical
 * protobuf order, proto3 defaults omitted, as {@link MetricBatch} writes.
 *
 * <p>Mapping ({@code opentelemetry/proto/metrics/v1/metrics.proto}): gauge {@code Gauge} of {@code
 * NumberDataPoint}s (no start time); counter monotonic cumulative {@code Sum}, start time the
 * series' start; histogram cumulative {@code HistogramDataPoint}s (explicit bounds, per-bucket
 * counts, sum, count); summary {@code SummaryDataPoint}s (quantile values over the metric's
 * window, sum and count since the series started). Attributes are the series' labels, by name.
 * Not thread-safe.
 */
public final class BatchRequest {
    private final Envelope envelope;
    private int[] sizes = new int[256];

    /**
     * A writer of requests with the given resource and scope.
     *
     * @param envelope the resource and scope
     */
    public BatchRequest(Envelope envelope) {
        this.envelope = envelope;
    }

    /**
     * Appends the request for positions {@code from..to-1} of {@code b} to {@code out}.
     *
     * @param b the batch
     * @param from the first position
     * @param to past the last position
     * @param out the buffer
     */
    public void write(SeriesBatch b, int from, int to, ByteBuf out) {
        int n = to - from;
        if (sizes.length < n) {
            sizes = new int[n];
        }
        MetricType type = b.type();
        int data = 0;
        for (int i = 0; i < n; i++) {
            int a = attributesSize(b, from + i, attributeField(type));
            int size = pointSize(b, from + i, a, type);
            sizes[i] = size;
            data += Proto.lenFieldSize(1, size);
        }
        int kind = kind(type);
        int dataSize = data + (kind == MetricBatch.SUM ? 4 : kind == MetricBatch.HISTOGRAM ? 2 : 0);
        String name = b.name();
        String help = b.help();
        int nameLength = Proto.utf8Length(name);
        int helpLength = help == null ? 0 : Proto.utf8Length(help);
        int metricSize = (nameLength == 0 ? 0 : Proto.lenFieldSize(1, nameLength))
                + (helpLength == 0 ? 0 : Proto.lenFieldSize(2, helpLength))
                + Proto.lenFieldSize(kind, dataSize);
        int items = Proto.lenFieldSize(2, metricSize);
        out.ensureCapacity(envelope.requestSize(items));
        envelope.writeHead(out, items);
        Proto.lenField(out, 2, metricSize);
        if (nameLength > 0) {
            Proto.lenField(out, 1, nameLength);
            Proto.utf8(out, name, nameLength);
        }
        if (helpLength > 0) {
            Proto.lenField(out, 2, helpLength);
            Proto.utf8(out, help, helpLength);
        }
        Proto.lenField(out, kind, dataSize);
        for (int i = 0; i < n; i++) {
            Proto.lenField(out, 1, sizes[i]);
            writePoint(b, from + i, type, out);
        }
        if (kind == MetricBatch.SUM) {
            out.put((byte) 0x10);
            out.put((byte) MetricBatch.CUMULATIVE);
            out.put((byte) 0x18);
            out.put((byte) 1);
        } else if (kind == MetricBatch.HISTOGRAM) {
            out.put((byte) 0x10);
            out.put((byte) MetricBatch.CUMULATIVE);
        }
    }

    private static int kind(MetricType type) {
        return switch (type) {
            case COUNTER -> MetricBatch.SUM;
            case HISTOGRAM -> MetricBatch.HISTOGRAM;
            case SUMMARY -> MetricBatch.SUMMARY;
            default -> MetricBatch.GAUGE;
        };
    }

    private static int attributesSize(SeriesBatch b, int s, int field) {
        int size = 0;
        for (int k = 0; k < b.labelCount(); k++) {
            size += Proto.lenFieldSize(field, Proto.keyValueSize(b.labelName(k), b.labelValue(s, k)));
        }
        return size;
    }

    private static int attributeField(MetricType type) {
        return type == MetricType.HISTOGRAM ? 9 : 7;
    }

    private static long start(SeriesBatch b, int s, MetricType type) {
        return type == MetricType.GAUGE ? 0 : b.startEpochNanos(s);
    }

    private static int pointSize(SeriesBatch b, int s, int attributesSize, MetricType type) {
        int size = Proto.fixed64FieldSize(2, start(b, s, type)) + Proto.fixed64FieldSize(3, b.epochNanos());
        switch (type) {
            case HISTOGRAM -> {
                int buckets = b.bucketCount() + 1;
                size += Proto.fixed64FieldSize(4, b.count(s)) + 9 + Proto.lenFieldSize(6, 8 * buckets);
                if (b.bucketCount() > 0) {
                    size += Proto.lenFieldSize(7, 8 * b.bucketCount());
                }
            }
            case SUMMARY -> {
                size += Proto.fixed64FieldSize(4, b.count(s))
                        + Proto.fixed64FieldSize(5, Double.doubleToRawLongBits(b.sum(s)));
                for (int q = 0; q < b.quantileCount(); q++) {
                    size += Proto.lenFieldSize(6, quantileSize(b.quantile(q), b.quantileValue(s, q)));
                }
            }
            default -> size += 9;
        }
        return size + attributesSize;
    }

    private static int quantileSize(double quantile, double value) {
        return Proto.fixed64FieldSize(1, Double.doubleToRawLongBits(quantile))
                + Proto.fixed64FieldSize(2, Double.doubleToRawLongBits(value));
    }

    private static void writePoint(SeriesBatch b, int s, MetricType type, ByteBuf out) {
        Proto.fixed64Field(out, 2, start(b, s, type));
        Proto.fixed64Field(out, 3, b.epochNanos());
        switch (type) {
            case HISTOGRAM -> {
                Proto.fixed64Field(out, 4, b.count(s));
                Proto.doubleFieldAlways(out, 5, b.sum(s));
                int buckets = b.bucketCount() + 1;
                Proto.lenField(out, 6, 8 * buckets);
                for (int k = 0; k < buckets; k++) {
                    Proto.fixed64(out, b.bucket(s, k));
                }
                if (b.bucketCount() > 0) {
                    Proto.lenField(out, 7, 8 * b.bucketCount());
                    for (int k = 0; k < b.bucketCount(); k++) {
                        Proto.fixed64(out, Double.doubleToRawLongBits(b.bucketBound(k)));
                    }
                }
            }
            case SUMMARY -> {
                Proto.fixed64Field(out, 4, b.count(s));
                Proto.doubleField(out, 5, b.sum(s));
                for (int q = 0; q < b.quantileCount(); q++) {
                    double quantile = b.quantile(q);
                    double value = b.quantileValue(s, q);
                    Proto.lenField(out, 6, quantileSize(quantile, value));
                    Proto.doubleField(out, 1, quantile);
                    Proto.doubleField(out, 2, value);
                }
            }
            default -> Proto.doubleFieldAlways(out, 4, b.value(s));
        }
        int field = attributeField(type);
        for (int k = 0; k < b.labelCount(); k++) {
            Proto.keyValue(out, field, b.labelName(k), b.labelValue(s, k));
        }
    }
}
