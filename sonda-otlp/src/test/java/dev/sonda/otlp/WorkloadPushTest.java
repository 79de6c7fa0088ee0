package dev.sonda.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.WorkloadMetric;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunObserver;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SeriesBatch;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A workload pushed over OTLP/HTTP into a real receiver in this JVM: every series of every tick
 * arrives as one data point, decoded with the published opentelemetry-proto classes, carrying the
 * values the tick's batches carry.
 */
class WorkloadPushTest {

    /** "metric{labels}@time" to the values a reader of the batch sees. */
    private static final class Expected implements RunObserver {
        final Map<String, List<Double>> values = new ConcurrentHashMap<>();
        final Map<String, Long> starts = new ConcurrentHashMap<>();

        @Override
        public void onSample(CompiledEntry entry, Series series, long epochNanos, double value) {}

        @Override
        public void onBatch(CompiledEntry entry, SeriesBatch b) {
            for (int i = 0; i < b.size(); i++) {
                Map<String, String> labels = new TreeMap<>();
                for (int k = 0; k < b.labelCount(); k++) {
                    labels.put(b.labelName(k), b.labelValue(i, k));
                }
                String key = "otel_" + b.name() + labels + "@" + b.epochNanos();
                List<Double> v = new ArrayList<>();
                switch (b.type()) {
                    case HISTOGRAM -> {
                        for (int k = 0; k <= b.bucketCount(); k++) {
                            v.add((double) b.bucket(i, k));
                        }
                        v.add(b.sum(i));
                        v.add((double) b.count(i));
                    }
                    case SUMMARY -> {
                        for (int q = 0; q < b.quantileCount(); q++) {
                            v.add(b.quantileValue(i, q));
                        }
                        v.add(b.sum(i));
                        v.add((double) b.count(i));
                    }
                    default -> v.add(b.value(i));
                }
                values.put(key, v);
                starts.put(key, b.startEpochNanos(i));
            }
        }
    }

    private static String key(Metric m, List<KeyValue> attributes, long time) {
        Map<String, String> labels = new TreeMap<>();
        attributes.forEach(kv -> labels.put(kv.getKey(), kv.getValue().getStringValue()));
        return m.getName() + labels + "@" + time;
    }

    @Test
    void everySeriesOfEveryPushedTickArrivesAsOneTypedDataPoint() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver()) {
            ScenarioPlan plan = Scenario.workload("w")
                    .rate(1)
                    .duration("3s")
                    .seed(9)
                    .label("env", "ci")
                    .profile(LabelProfile.of("p").values("zone", "a", "b").range("pod", 1, 30, "pod-%02d"))
                    .metric(WorkloadMetric.gauge("cpu", "p")
                            .randomWalk(0.5, 0.1)
                            .help("CPU share"))
                    .metric(WorkloadMetric.counter("req_total", "p").poisson(4))
                    .metric(WorkloadMetric.histogram("lat", "p")
                            .lognormal(-2, 0.5)
                            .buckets(0.1, 0.2))
                    .metric(WorkloadMetric.summary("size", "p")
                            .exponential(0.01)
                            .quantiles(0.5, 0.9))
                    .push(dev.sonda.api.workload.Push.every(null, "otel_"))
                    .sink(new SinkSpec.OtlpHttp(
                            receiver.endpoint(), "metrics", 25, null, null, Map.of(), Map.of(), null))
                    .buildPlan();
            Expected expected = new Expected();
            try (Run run = Sonda.start(
                    plan,
                    RunOptions.defaults()
                            .withClock(Clock.simulated(OtlpGrpcSinkTest.START))
                            .withObserver(expected))) {
                run.join();
            }

            Map<String, List<Double>> received = new TreeMap<>();
            Map<String, Metric> metrics = new TreeMap<>();
            int requests = 0;
            for (ExportMetricsServiceRequest r : receiver.metrics) {
                requests++;
                for (Metric m : r.getResourceMetrics(0).getScopeMetrics(0).getMetricsList()) {
                    metrics.put(m.getName(), m);
                    switch (m.getDataCase()) {
                        case GAUGE -> m.getGauge()
                                .getDataPointsList()
                                .forEach(p -> received.put(
                                        key(m, p.getAttributesList(), p.getTimeUnixNano()), List.of(p.getAsDouble())));
                        case SUM -> {
                            for (NumberDataPoint p : m.getSum().getDataPointsList()) {
                                String k = key(m, p.getAttributesList(), p.getTimeUnixNano());
                                received.put(k, List.of(p.getAsDouble()));
                                assertThat(p.getStartTimeUnixNano()).isEqualTo(expected.starts.get(k));
                            }
                        }
                        case HISTOGRAM -> {
                            for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
                                List<Double> v = new ArrayList<>();
                                p.getBucketCountsList().forEach(c -> v.add(c.doubleValue()));
                                v.add(p.getSum());
                                v.add((double) p.getCount());
                                assertThat(p.getExplicitBoundsList()).containsExactly(0.1, 0.2);
                                received.put(key(m, p.getAttributesList(), p.getTimeUnixNano()), v);
                            }
                        }
                        case SUMMARY -> {
                            for (SummaryDataPoint p : m.getSummary().getDataPointsList()) {
                                List<Double> v = new ArrayList<>();
                                p.getQuantileValuesList().forEach(q -> v.add(q.getValue()));
                                v.add(p.getSum());
                                v.add((double) p.getCount());
                                received.put(key(m, p.getAttributesList(), p.getTimeUnixNano()), v);
                            }
                        }
                        default -> throw new AssertionError("unexpected data " + m.getDataCase());
                    }
                }
            }

            assertThat(received).hasSize(3 * 4 * 60).isEqualTo(new TreeMap<>(expected.values));
            // 60 points per metric in requests of at most 25 points: 3 requests per metric per tick
            assertThat(requests).isEqualTo(3 * 4 * 3);
            assertThat(metrics.get("otel_cpu").getDescription()).isEqualTo("CPU share");
            assertThat(metrics.get("otel_req_total").getSum().getIsMonotonic()).isTrue();
            assertThat(metrics.get("otel_req_total").getSum().getAggregationTemporality())
                    .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
            assertThat(metrics.get("otel_lat").getHistogram().getAggregationTemporality())
                    .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
        }
    }
}
