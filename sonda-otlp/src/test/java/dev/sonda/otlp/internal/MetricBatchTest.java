package dev.sonda.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.MetricType;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The hand-written request against the published opentelemetry-proto classes: byte for byte the
 * same as their serialization of the same message, and decoding to the OTLP types and counts.
 */
class MetricBatchTest {
    private static final Envelope ENVELOPE = new Envelope(Map.of("service.name", "svc", "host", "é"), "1.2.3");

    @Test
    void aHistogramTickBecomesOnePointWithPerBucketCounts() throws Exception {
        MetricBatch batch = new MetricBatch(ENVELOPE);
        Labels labels = Labels.of(Map.of("job", "api"));
        double[] bounds = {0.1, 0.5, Double.POSITIVE_INFINITY};
        String[] les = {"0.1", "0.5", "+Inf"};
        Object[] parts = new Object[5];
        for (int i = 0; i < 3; i++) {
            parts[i] = batch.prepare(Series.bucket("lat", labels, bounds[i], les[i]));
        }
        parts[3] = batch.prepare(Series.sum("lat", labels, MetricType.HISTOGRAM));
        parts[4] = batch.prepare(Series.count("lat", labels, MetricType.HISTOGRAM));
        // cumulative buckets 3, 7, 10; sum 2.5; count 10
        double[] values = {3, 7, 10, 2.5, 10};
        boolean[] completed = new boolean[5];
        for (int i = 0; i < 5; i++) {
            completed[i] = batch.add(parts[i], 1_000, values[i]);
        }

        assertThat(completed).containsExactly(false, false, false, false, true);
        assertThat(batch.points()).isEqualTo(1);
        assertThat(batch.samples()).isEqualTo(5);
        ExportMetricsServiceRequest r = decode(batch);
        Metric m = r.getResourceMetrics(0).getScopeMetrics(0).getMetrics(0);
        assertThat(m.getName()).isEqualTo("lat");
        HistogramDataPoint p = m.getHistogram().getDataPoints(0);
        assertThat(p.getExplicitBoundsList()).containsExactly(0.1, 0.5);
        assertThat(p.getBucketCountsList()).containsExactly(3L, 4L, 3L);
        assertThat(p.getCount()).isEqualTo(10);
        assertThat(p.getSum()).isEqualTo(2.5);
        assertThat(p.getStartTimeUnixNano()).isEqualTo(1_000);
    }

    @Test
    void theResourceIsSortedByKeyAndTheScopeIsSonda() throws Exception {
        MetricBatch batch = new MetricBatch(ENVELOPE);
        batch.add(batch.prepare(Series.of("up", Labels.empty(), MetricType.GAUGE)), 1, 1);
        ExportMetricsServiceRequest r = decode(batch);
        assertThat(r.getResourceMetrics(0).getResource().getAttributesList())
                .extracting(kv -> kv.getKey() + "=" + kv.getValue().getStringValue())
                .containsExactly("host=é", "service.name=svc");
        assertThat(r.getResourceMetrics(0).getScopeMetrics(0).getScope().getName())
                .isEqualTo("sonda");
        assertThat(r.getResourceMetrics(0).getScopeMetrics(0).getScope().getVersion())
                .isEqualTo("1.2.3");
    }

    private static ExportMetricsServiceRequest decode(MetricBatch batch) throws Exception {
        ByteBuf out = new ByteBuf(16);
        batch.encode(out);
        return ExportMetricsServiceRequest.parseFrom(out.toByteArray());
    }

    /** One generated sample: which series, and its value. */
    record Step(int series, double value, long time) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Double> values = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(
                        0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.longBitsToDouble(0x7ff0000000000002L)));
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        values,
                        Arbitraries.longs().between(0, 1L << 62))
                .as(Step::new)
                .list()
                .ofMaxSize(40);
    }

    @Property(tries = 200)
    void handWrittenBytesEqualThePublishedClassesSerialization(@ForAll("steps") List<Step> steps) {
        MetricBatch batch = new MetricBatch(ENVELOPE);
        Labels a = Labels.of(Map.of("host", "a", "zone", ""));
        Object[] values = {
            batch.prepare(Series.of("g", a, MetricType.GAUGE)),
            batch.prepare(Series.of("g", Labels.of(Map.of("host", "b")), MetricType.GAUGE)),
            batch.prepare(Series.of("c_total", a, MetricType.COUNTER)),
            batch.prepare(Series.of("u", Labels.empty(), MetricType.UNTYPED)),
        };
        Object[] histogram = {
            batch.prepare(Series.bucket("h", a, 1, "1")),
            batch.prepare(Series.bucket("h", a, Double.POSITIVE_INFINITY, "+Inf")),
            batch.prepare(Series.sum("h", a, MetricType.HISTOGRAM)),
            batch.prepare(Series.count("h", a, MetricType.HISTOGRAM)),
        };
        Object[] summary = {
            batch.prepare(Series.quantile("s", a, 0.0)),
            batch.prepare(Series.quantile("s", a, 0.5)),
            batch.prepare(Series.sum("s", a, MetricType.SUMMARY)),
            batch.prepare(Series.count("s", a, MetricType.SUMMARY)),
        };
        int points = 0;
        for (Step s : steps) {
            if (s.series() < 4) {
                batch.add(values[s.series()], s.time(), s.value());
                points++;
            } else {
                Object[] parts = s.series() == 4 ? histogram : summary;
                double v = Math.abs(s.value()) % 1000;
                double[] tick = {Math.floor(v), Math.floor(v) + 3, s.value(), Math.floor(v) + 3};
                for (int k = 0; k < 4; k++) {
                    batch.add(parts[k], s.time(), tick[k]);
                }
                points++;
            }
        }
        assertThat(batch.points()).isEqualTo(points);
        ByteBuf out = new ByteBuf(16);
        batch.encode(out);
        byte[] published = PublishedMessages.request(batch).toByteArray();
        assertThat(out.toByteArray()).isEqualTo(published);
    }
}
