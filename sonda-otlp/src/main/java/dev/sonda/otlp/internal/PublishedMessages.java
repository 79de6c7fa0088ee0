package dev.sonda.otlp.internal;

import dev.sonda.engine.encode.Labels;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request a {@link MetricBatch} writes by hand, built instead with the published {@code
 * opentelemetry-proto} message classes: one builder per data point, attribute and metric. The
 * sinks do not use it (it allocates several objects per point; see docs/performance.md); the tests
 * compare its serialization with the hand-written bytes, and the benchmarks measure both.
 */
public final class PublishedMessages {
    private PublishedMessages() {}

    /**
     * The batch as a message.
     *
     * @param batch the batch
     * @return the request, grouped as {@link MetricBatch#encode} groups it
     */
    public static ExportMetricsServiceRequest request(MetricBatch batch) {
        Map<MetricBatch.Family, Metric.Builder> metrics = new LinkedHashMap<>();
        for (int i = 0; i < batch.points(); i++) {
            MetricBatch.Owner o = batch.owner(i);
            MetricBatch.Family f = o.family;
            Metric.Builder m =
                    metrics.computeIfAbsent(f, k -> Metric.newBuilder().setName(k.name));
            switch (f.data) {
                case MetricBatch.GAUGE -> m.getGaugeBuilder().addDataPoints(number(batch, i, o));
                case MetricBatch.SUM -> m.getSumBuilder()
                        .setIsMonotonic(true)
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                        .addDataPoints(number(batch, i, o));
                case MetricBatch.HISTOGRAM -> m.getHistogramBuilder()
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                        .addDataPoints(histogram(batch, i, (MetricBatch.Group) o));
                default -> m.getSummaryBuilder().addDataPoints(summary(batch, i, (MetricBatch.Group) o));
            }
        }
        ScopeMetrics.Builder scope = ScopeMetrics.newBuilder().setScope(scope(batch.envelope()));
        metrics.values().forEach(scope::addMetrics);
        return ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(ResourceMetrics.newBuilder()
                        .setResource(resource(batch.envelope()))
                        .addScopeMetrics(scope))
                .build();
    }

    /**
     * The envelope's resource.
     *
     * @param envelope the envelope
     * @return the resource message
     */
    public static Resource resource(Envelope envelope) {
        Resource.Builder r = Resource.newBuilder();
        envelope.attributes().forEach((k, v) -> r.addAttributes(attribute(k, v)));
        return r.build();
    }

    /**
     * The envelope's instrumentation scope.
     *
     * @param envelope the envelope
     * @return the scope message
     */
    public static InstrumentationScope scope(Envelope envelope) {
        return InstrumentationScope.newBuilder()
                .setName(Envelope.SCOPE_NAME)
                .setVersion(envelope.version())
                .build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder()
                .setKey(key)
                .setValue(AnyValue.newBuilder().setStringValue(value))
                .build();
    }

    private static NumberDataPoint number(MetricBatch batch, int i, MetricBatch.Owner o) {
        NumberDataPoint.Builder p = NumberDataPoint.newBuilder()
                .setStartTimeUnixNano(o.start)
                .setTimeUnixNano(batch.time(i))
                .setAsDouble(batch.value(i));
        attributes(o.labels, p::addAttributes);
        return p.build();
    }

    private static HistogramDataPoint histogram(MetricBatch batch, int i, MetricBatch.Group g) {
        HistogramDataPoint.Builder p = HistogramDataPoint.newBuilder()
                .setStartTimeUnixNano(g.start)
                .setTimeUnixNano(batch.time(i))
                .setCount(batch.count(i))
                .setSum(batch.value(i));
        int[] order = g.order();
        int buckets = 0;
        for (int slot : order) {
            if (g.bounds[slot] != Double.POSITIVE_INFINITY) {
                p.addExplicitBounds(g.bounds[slot]);
            }
            buckets++;
        }
        if (order.length == 0 || g.bounds[order[order.length - 1]] != Double.POSITIVE_INFINITY) {
            buckets++;
        }
        for (int k = 0; k < buckets; k++) {
            p.addBucketCounts((long) batch.pooled(i, k));
        }
        attributes(g.labels, p::addAttributes);
        return p.build();
    }

    private static SummaryDataPoint summary(MetricBatch batch, int i, MetricBatch.Group g) {
        SummaryDataPoint.Builder p = SummaryDataPoint.newBuilder()
                .setStartTimeUnixNano(g.start)
                .setTimeUnixNano(batch.time(i))
                .setCount(batch.count(i))
                .setSum(batch.value(i));
        int[] order = g.order();
        for (int k = 0; k < order.length; k++) {
            p.addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder()
                    .setQuantile(g.bounds[order[k]])
                    .setValue(batch.pooled(i, k)));
        }
        attributes(g.labels, p::addAttributes);
        return p.build();
    }

    private static void attributes(Labels labels, java.util.function.Consumer<KeyValue> add) {
        for (int k = 0; k < labels.size(); k++) {
            add.accept(attribute(labels.key(k), labels.value(k)));
        }
    }
}
