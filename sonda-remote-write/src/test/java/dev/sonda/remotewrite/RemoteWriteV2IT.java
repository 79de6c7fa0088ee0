package dev.sonda.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.MetricType;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Labels;
import io.prometheus.write.v2.Types;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Remote-Write 2.0 ({@code protocol: v2}): no receiver on this machine speaks it, so a JDK HTTP
 * server takes the requests and they are decoded with classes generated from the published {@code
 * io/prometheus/write/v2/types.proto}; every sample, symbol, label reference and metadata entry is
 * checked.
 */
class RemoteWriteV2IT {
    private final Receiver receiver;

    RemoteWriteV2IT() throws IOException {
        receiver = Receiver.http();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private SinkSpec.RemoteWrite spec() {
        return SinkSpec.remoteWrite(receiver.url("/api/v1/write")).withProtocol(SinkSpec.RemoteWrite.Protocol.V2);
    }

    private record Decoded(Map<String, List<HourOfData.Point>> series, Map<String, Types.Metadata> metadata) {}

    /** Decodes every request, checking each one's symbol table and label references on the way. */
    private Decoded decodeAll() throws IOException {
        Map<String, List<HourOfData.Point>> series = new TreeMap<>();
        Map<String, Types.Metadata> metadata = new TreeMap<>();
        for (Receiver.Request r : receiver.requests) {
            assertThat(r.header("Content-Type"))
                    .isEqualTo("application/x-protobuf;proto=io.prometheus.write.v2.Request");
            assertThat(r.header("Content-Encoding")).isEqualTo("snappy");
            assertThat(r.header("X-Prometheus-Remote-Write-Version")).isEqualTo("2.0.0");
            Types.Request req = Types.Request.parseFrom(r.decompressed());
            List<String> symbols = req.getSymbolsList();
            assertThat(symbols.get(0)).as("symbols start with the empty string").isEmpty();
            assertThat(new HashSet<>(symbols))
                    .as("each symbol once per request")
                    .hasSize(symbols.size());
            Set<Integer> used = new HashSet<>(List.of(0));
            Set<String> seenInRequest = new HashSet<>();
            for (Types.TimeSeries ts : req.getTimeseriesList()) {
                List<Integer> refs = ts.getLabelsRefsList();
                assertThat(refs.size() % 2).isZero();
                Map<String, String> labels = new LinkedHashMap<>();
                String previous = null;
                for (int i = 0; i < refs.size(); i += 2) {
                    String name = symbols.get(refs.get(i));
                    if (previous != null) {
                        assertThat(name).as("label names sorted").isGreaterThan(previous);
                    }
                    previous = name;
                    labels.put(name, symbols.get(refs.get(i + 1)));
                    used.add(refs.get(i));
                    used.add(refs.get(i + 1));
                }
                String metric = labels.remove("__name__");
                String key = HourOfData.key(metric, labels);
                assertThat(seenInRequest.add(key))
                        .as("one TimeSeries per series and request: %s", key)
                        .isTrue();
                List<HourOfData.Point> points = series.computeIfAbsent(key, k -> new ArrayList<>());
                for (Types.Sample s : ts.getSamplesList()) {
                    points.add(new HourOfData.Point(s.getTimestamp(), Double.doubleToRawLongBits(s.getValue())));
                }
                if (ts.getMetadata().getHelpRef() != 0) {
                    used.add(ts.getMetadata().getHelpRef());
                }
                metadata.put(key, ts.getMetadata());
            }
            assertThat(used).as("every symbol is referenced").hasSize(symbols.size());
        }
        return new Decoded(series, metadata);
    }

    @Test
    void anHourThroughTheEngineDecodesToEverySampleWithItsFamilysType() throws Exception {
        HourOfData data = new HourOfData(UUID.randomUUID().toString());
        data.push(spec().withBatchSize(1000));
        assertThat(data.stats.errors()).isZero();

        Decoded decoded = decodeAll();

        Map<String, List<HourOfData.Point>> expected = data.expected();
        assertThat(decoded.series().keySet()).containsExactlyElementsOf(expected.keySet());
        for (String key : expected.keySet()) {
            assertThat(decoded.series().get(key)).as(key).containsExactlyElementsOf(expected.get(key));
            Types.Metadata.MetricType type = decoded.metadata().get(key).getType();
            if (key.startsWith("rw_it_sine")) {
                assertThat(type).isEqualTo(Types.Metadata.MetricType.METRIC_TYPE_GAUGE);
            } else if (key.startsWith("rw_it_requests_total")) {
                assertThat(type).isEqualTo(Types.Metadata.MetricType.METRIC_TYPE_COUNTER);
            } else {
                assertThat(type).as(key).isEqualTo(Types.Metadata.MetricType.METRIC_TYPE_HISTOGRAM);
            }
        }
    }

    @Test
    void theHelpTextIsOneSymbolAndEveryLabelStringIsSentOncePerRequest() throws IOException {
        Fixtures.Ctx ctx = new Fixtures.Ctx();
        ctx.help = "Requests served.";
        RemoteWriteSink sink = new RemoteWriteSink(spec().withBatchSize(4), ctx.context());
        Object a = sink.prepare(
                Series.of("http_requests_total", Labels.of(Map.of("Zone", "a", "job", "api")), MetricType.COUNTER));
        Object b = sink.prepare(
                Series.of("http_requests_total", Labels.of(Map.of("Zone", "b", "job", "api")), MetricType.COUNTER));
        Object u = sink.prepare(Series.of("up", Labels.empty(), MetricType.UNTYPED));
        long t = 1_700_000_000_000L * 1_000_000L;
        sink.sample(a, t, 1);
        sink.sample(b, t, 2);
        sink.sample(a, t + 1_000_000, 3);
        sink.sample(u, t, Double.longBitsToDouble(0x7ff0000000000002L));

        Types.Request req = Types.Request.parseFrom(receiver.requests.get(0).decompressed());

        assertThat(req.getSymbolsList())
                .containsExactly(
                        "",
                        "Zone",
                        "a",
                        "__name__",
                        "http_requests_total",
                        "job",
                        "api",
                        "b",
                        "up",
                        "Requests served.");
        assertThat(req.getTimeseriesList()).hasSize(3);
        Types.TimeSeries first = req.getTimeseries(0);
        assertThat(first.getLabelsRefsList()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(first.getSamplesList())
                .extracting(Types.Sample::getValue, Types.Sample::getTimestamp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1.0, 1_700_000_000_000L),
                        org.assertj.core.groups.Tuple.tuple(3.0, 1_700_000_000_001L));
        assertThat(first.getMetadata().getType()).isEqualTo(Types.Metadata.MetricType.METRIC_TYPE_COUNTER);
        assertThat(first.getMetadata().getHelpRef()).isEqualTo(9);
        assertThat(req.getTimeseries(1).getLabelsRefsList()).containsExactly(1, 7, 3, 4, 5, 6);
        Types.TimeSeries up = req.getTimeseries(2);
        assertThat(up.getLabelsRefsList()).containsExactly(3, 8);
        assertThat(up.getMetadata().getType()).isEqualTo(Types.Metadata.MetricType.METRIC_TYPE_UNSPECIFIED);
        assertThat(Double.doubleToRawLongBits(up.getSamples(0).getValue())).isEqualTo(0x7ff0000000000002L);
        assertThat(ctx.reports.delivered.get()).isEqualTo(4);

        // the next request has its own table: only what its series use
        sink.sample(u, t + 1_000_000, 1);
        sink.close();
        Types.Request second = Types.Request.parseFrom(receiver.requests.get(1).decompressed());
        assertThat(second.getSymbolsList()).containsExactly("", "__name__", "up", "Requests served.");
        assertThat(second.getTimeseries(0).getLabelsRefsList()).containsExactly(1, 2);
        assertThat(second.getTimeseries(0).getMetadata().getHelpRef()).isEqualTo(3);
    }
}
