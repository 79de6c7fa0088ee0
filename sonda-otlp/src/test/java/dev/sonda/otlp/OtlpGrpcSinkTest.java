package dev.sonda.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Distribution;
import dev.sonda.api.MetricType;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Severity;
import dev.sonda.api.generator.LogGeneratorSpec.LogTemplate;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.Clock;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Sample;
import io.grpc.Metadata;
import io.grpc.Status;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The otlp_grpc sink end to end against a real gRPC server in this JVM ({@link GrpcReceiver}):
 * scenarios run on the simulated clock, every request decoded with the published classes, every
 * data point and log record compared with values computed from the scenario, or with the samples
 * the same run hands to a capturing sink (an independent path).
 */
class OtlpGrpcSinkTest {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final long START_NANOS = START.getEpochSecond() * 1_000_000_000L;

    private GrpcReceiver receiver;
    private final List<String> diagnostics = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new GrpcReceiver();
    }

    @AfterEach
    void stopReceiver() throws Exception {
        receiver.close();
    }

    private final CountingDelivery counting = new CountingDelivery();

    /** Runs a plan on the simulated clock through the real provider, counting delivery. */
    void run(ScenarioPlan plan) throws InterruptedException {
        var sinks = new OtlpGrpcSinkProvider();
        var http = new OtlpHttpSinkProvider();
        var run = Sonda.start(
                plan,
                RunOptions.defaults()
                        .withClock(Clock.simulated(START))
                        .withDiagnostics(diagnostics::add)
                        .withSinkFactory((entry, ctx) -> {
                            SinkContext c = ctx.withDelivery(counting);
                            return entry.sink() instanceof SinkSpec.OtlpHttp
                                    ? http.create(entry.sink(), c)
                                    : sinks.create(entry.sink(), c);
                        }));
        run.join();
        assertThat(run.failures()).isEmpty();
    }

    static ScenarioPlan metricsPlan(SinkSpec sink) {
        return Scenario.plan()
                .add(Scenario.metrics("cpu_usage")
                        .rate(1)
                        .duration("10s")
                        .sequence(1, 2.5, -3, 0)
                        .label("host", "web-1")
                        .label("zone", "eu")
                        .sink(sink))
                .add(Scenario.metrics("http_requests_total")
                        .rate(2)
                        .duration("5s")
                        .step(1.0)
                        .metricType(MetricType.COUNTER)
                        .label("job", "api")
                        .sink(sink))
                .add(Scenario.histogram("request_seconds")
                        .rate(1)
                        .duration("6s")
                        .distribution(new Distribution.Exponential(10))
                        .buckets(0.05, 0.1, 0.5, 1)
                        .observationsPerTick(20)
                        .seed(42)
                        .label("job", "api")
                        .sink(sink))
                .add(Scenario.summary("rpc_seconds")
                        .rate(1)
                        .duration("4s")
                        .distribution(new Distribution.Normal(0.1, 0.02))
                        .quantiles(0.5, 0.9, 0.99)
                        .observationsPerTick(25)
                        .seed(7)
                        .label("job", "api")
                        .sink(sink))
                .build();
    }

    @Test
    void gaugesCountersHistogramsAndSummariesArriveAsTheirOtlpTypesWithEveryPoint() throws Exception {
        SinkSpec sink = SinkSpec.otlpGrpc(receiver.endpoint("http"), "metrics")
                .withBatchSize(3)
                .withResourceAttributes(Map.of("service.name", "checkout", "zone", "override"));
        ScenarioPlan plan = metricsPlan(sink);
        run(plan);
        List<Sample> captured = Captured.simulate(plan, START).samples();

        var found = Points.metrics(receiver.metrics);
        // resource: the entry's static labels overlaid by resource_attributes, sorted; scope sonda
        assertThat(found).allSatisfy(f -> {
            assertThat(f.scope()).isEqualTo("sonda");
            assertThat(f.version()).isNotEmpty();
        });
        assertThat(found.stream().filter(f -> f.metric().getName().equals("cpu_usage")))
                .allSatisfy(f -> assertThat(f.resource())
                        .containsExactly(
                                Map.entry("host", "web-1"),
                                Map.entry("service.name", "checkout"),
                                Map.entry("zone", "override")));

        // gauge: the sequence, one point per second, start time constant = first sample time
        List<NumberDataPoint> cpu = Points.named(receiver.metrics, "cpu_usage").stream()
                .peek(m -> assertThat(m.getDataCase()).isEqualTo(Metric.DataCase.GAUGE))
                .flatMap(m -> m.getGauge().getDataPointsList().stream())
                .toList();
        double[] sequence = {1, 2.5, -3, 0};
        assertThat(cpu).hasSize(10);
        for (int i = 0; i < 10; i++) {
            NumberDataPoint p = cpu.get(i);
            assertThat(p.getTimeUnixNano()).isEqualTo(START_NANOS + i * 1_000_000_000L);
            assertThat(p.getStartTimeUnixNano()).isEqualTo(START_NANOS);
            assertThat(p.getAsDouble()).isEqualTo(sequence[i % 4]);
            assertThat(Points.attributes(p.getAttributesList()))
                    .containsExactly(Map.entry("host", "web-1"), Map.entry("zone", "eu"));
        }

        // counter: monotonic cumulative sum, 0, 1, 2, ... every 500 ms
        List<Metric> requests = Points.named(receiver.metrics, "http_requests_total");
        assertThat(requests).allSatisfy(m -> {
            assertThat(m.getDataCase()).isEqualTo(Metric.DataCase.SUM);
            assertThat(m.getSum().getIsMonotonic()).isTrue();
            assertThat(m.getSum().getAggregationTemporality())
                    .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
        });
        List<NumberDataPoint> sums = requests.stream()
                .flatMap(m -> m.getSum().getDataPointsList().stream())
                .toList();
        assertThat(sums).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(sums.get(i).getAsDouble()).isEqualTo(i);
            assertThat(sums.get(i).getTimeUnixNano()).isEqualTo(START_NANOS + i * 500_000_000L);
            assertThat(sums.get(i).getStartTimeUnixNano()).isEqualTo(START_NANOS);
        }

        // histogram: one point per tick, bounds ascending, per-bucket counts from the captured
        // cumulative _bucket samples, sum and count from _sum and _count
        List<HistogramDataPoint> hist = Points.named(receiver.metrics, "request_seconds").stream()
                .peek(m -> assertThat(m.getHistogram().getAggregationTemporality())
                        .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE))
                .flatMap(m -> m.getHistogram().getDataPointsList().stream())
                .toList();
        assertThat(hist).hasSize(6);
        String[] les = {"0.05", "0.1", "0.5", "1", "+Inf"};
        for (int t = 0; t < 6; t++) {
            HistogramDataPoint p = hist.get(t);
            long time = START_NANOS + t * 1_000_000_000L;
            assertThat(p.getTimeUnixNano()).isEqualTo(time);
            assertThat(p.getStartTimeUnixNano()).isEqualTo(START_NANOS);
            assertThat(p.getExplicitBoundsList()).containsExactly(0.05, 0.1, 0.5, 1.0);
            List<Long> expected = new ArrayList<>();
            double previous = 0;
            for (String le : les) {
                double cum = value(captured, "request_seconds_bucket", Map.of("job", "api", "le", le), time);
                expected.add((long) (cum - previous));
                previous = cum;
            }
            assertThat(p.getBucketCountsList()).containsExactlyElementsOf(expected);
            assertThat(p.getCount())
                    .isEqualTo((long) value(captured, "request_seconds_count", Map.of("job", "api"), time));
            assertThat(p.getCount()).isEqualTo(20L * (t + 1));
            assertThat(p.getBucketCountsList().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(p.getCount());
            assertThat(p.getSum()).isEqualTo(value(captured, "request_seconds_sum", Map.of("job", "api"), time));
            assertThat(Points.attributes(p.getAttributesList())).containsExactly(Map.entry("job", "api"));
        }

        // summary: quantile values, sum and count per tick
        List<SummaryDataPoint> summary = Points.named(receiver.metrics, "rpc_seconds").stream()
                .flatMap(m -> m.getSummary().getDataPointsList().stream())
                .toList();
        assertThat(summary).hasSize(4);
        for (int t = 0; t < 4; t++) {
            SummaryDataPoint p = summary.get(t);
            long time = START_NANOS + t * 1_000_000_000L;
            assertThat(p.getStartTimeUnixNano()).isEqualTo(START_NANOS);
            assertThat(p.getQuantileValuesList())
                    .extracting(SummaryDataPoint.ValueAtQuantile::getQuantile)
                    .containsExactly(0.5, 0.9, 0.99);
            for (SummaryDataPoint.ValueAtQuantile q : p.getQuantileValuesList()) {
                String label = q.getQuantile() == 0.5 ? "0.5" : q.getQuantile() == 0.9 ? "0.9" : "0.99";
                assertThat(q.getValue())
                        .isEqualTo(value(captured, "rpc_seconds", Map.of("job", "api", "quantile", label), time));
            }
            assertThat(p.getCount()).isEqualTo(25L * (t + 1));
            assertThat(p.getSum()).isEqualTo(value(captured, "rpc_seconds_sum", Map.of("job", "api"), time));
        }

        // every sample delivered: 10 + 10 + 6 * (5 + 2) + 4 * (3 + 2)
        assertThat(counting.delivered.get()).isEqualTo(10 + 10 + 6 * 7 + 4 * 5);
        assertThat(counting.dropped.get()).isZero();
        // batch_size 3 data points: cpu 10 points -> 4 requests (3+3+3+1)
        assertThat(receiver.metrics.size()).isEqualTo(4 + 4 + 2 + 2);
    }

    static double value(List<Sample> samples, String name, Map<String, String> labels, long epochNanos) {
        return samples.stream()
                .filter(s -> s.name().equals(name)
                        && s.labels().equals(labels)
                        && s.timestamp().equals(Instant.ofEpochSecond(0, epochNanos)))
                .mapToDouble(Sample::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no captured sample " + name + labels + " at " + epochNanos));
    }

    static ScenarioPlan logsPlan(SinkSpec sink) {
        return Scenario.logs("app_logs")
                .rate(2)
                .duration("5s")
                .template(
                        List.of(new LogTemplate(
                                "GET {path} from {ip}",
                                Map.of("path", List.of("/a", "/b"), "ip", List.of("10.0.0.1")))),
                        Map.of(Severity.INFO, 1.0),
                        42)
                .label("env", "prod")
                .sink(sink)
                .buildPlan();
    }

    @Test
    void logRecordsArriveWithTimeSeverityBodyAndLabelsThenFields() throws Exception {
        ScenarioPlan plan =
                logsPlan(SinkSpec.otlpGrpc(receiver.endpoint("http"), "logs").withBatchSize(4));
        run(plan);
        // the same run's json_lines records, captured: an independent rendering of each event
        List<com.fasterxml.jackson.databind.JsonNode> expected = new ArrayList<>();
        for (dev.sonda.junit5.LogRecord e : Captured.simulate(plan, START).logs()) {
            expected.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.line()));
        }
        List<LogRecord> records = new ArrayList<>();
        for (ExportLogsServiceRequest r : receiver.logs) {
            assertThat(Points.attributes(r.getResourceLogs(0).getResource().getAttributesList()))
                    .containsExactly(Map.entry("env", "prod"));
            assertThat(r.getResourceLogs(0).getScopeLogs(0).getScope().getName())
                    .isEqualTo("sonda");
            records.addAll(r.getResourceLogs(0).getScopeLogs(0).getLogRecordsList());
        }
        assertThat(receiver.logs).hasSize(3); // 10 records, batches of 4
        assertThat(records).hasSize(10).hasSize(expected.size());
        for (int i = 0; i < 10; i++) {
            LogRecord r = records.get(i);
            assertThat(r.getTimeUnixNano()).isEqualTo(START_NANOS + i * 500_000_000L);
            assertThat(r.getSeverityNumberValue()).isEqualTo(9);
            assertThat(r.getSeverityText()).isEqualTo("INFO");
            assertThat(r.getBody().getStringValue()).matches("GET /[ab] from 10\\.0\\.0\\.1");
            Map<String, String> attrs = Points.attributes(r.getAttributesList());
            assertThat(attrs.keySet()).containsExactly("env", "ip", "path");
            assertThat(attrs).containsEntry("env", "prod").containsEntry("ip", "10.0.0.1");
            assertThat(r.getBody().getStringValue()).isEqualTo("GET " + attrs.get("path") + " from 10.0.0.1");
            var json = expected.get(i);
            assertThat(r.getBody().getStringValue())
                    .isEqualTo(json.path("message").asText());
            assertThat(r.getSeverityText())
                    .isEqualToIgnoringCase(json.path("severity").asText());
            assertThat(attrs)
                    .containsEntry("env", json.path("labels").path("env").asText())
                    .containsEntry("path", json.path("fields").path("path").asText())
                    .containsEntry("ip", json.path("fields").path("ip").asText());
        }
        assertThat(counting.delivered.get()).isEqualTo(10);
    }

    // ---- behaviours of one sink driven directly ----

    private SinkContext context() {
        return new SinkContext(
                "cpu", Map.of("host", "a"), Clock.simulated(START), diagnostics::add, null, null, counting);
    }

    private static final Series GAUGE = Series.of("g", Labels.of(Map.of("k", "v")), MetricType.GAUGE);

    @Test
    void headersArriveAsMetadata() throws Exception {
        try (OtlpSink sink = OtlpSink.grpc(
                SinkSpec.otlpGrpc(receiver.endpoint("http"), "metrics")
                        .withBatchSize(1)
                        .withHeaders(Map.of("Authorization", "Bearer s3cret", "x-scope-orgid", "tenant-1")),
                context())) {
            sink.sample(sink.prepare(GAUGE), START_NANOS, 1);
        }
        Metadata md = receiver.headers.get(0);
        assertThat(md.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("Bearer s3cret");
        assertThat(md.get(Metadata.Key.of("x-scope-orgid", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("tenant-1");
    }

    @Test
    void unavailableTwiceThenOkDeliversTheBatchOnce() throws Exception {
        receiver.answer(Status.UNAVAILABLE.withDescription("warming up"), Status.UNAVAILABLE);
        try (OtlpSink sink = OtlpSink.grpc(
                SinkSpec.otlpGrpc(receiver.endpoint("http"), "metrics")
                        .withBatchSize(2)
                        .withRetry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2))),
                context())) {
            Object s = sink.prepare(GAUGE);
            sink.sample(s, START_NANOS, 1);
            assertThat(sink.lastWriteDelivered()).isFalse();
            sink.sample(s, START_NANOS + 1, 2);
            assertThat(sink.lastWriteDelivered()).isTrue();
        }
        assertThat(receiver.metrics).hasSize(1);
        assertThat(Points.named(receiver.metrics, "g").get(0).getGauge().getDataPointsCount())
                .isEqualTo(2);
        assertThat(counting.delivered.get()).isEqualTo(2);
        assertThat(counting.dropped.get()).isZero();
        assertThat(diagnostics).hasSize(2).allMatch(l -> l.startsWith("sonda: retry ") && l.contains("UNAVAILABLE"));
        assertThat(diagnostics.get(0)).contains("UNAVAILABLE: warming up");
    }

    @Test
    void invalidArgumentIsNotRetriedAndIsCountedAsDropped() throws Exception {
        receiver.answer(Status.INVALID_ARGUMENT.withDescription("bad metric"));
        OtlpSink sink = OtlpSink.grpc(
                SinkSpec.otlpGrpc(receiver.endpoint("http"), "metrics")
                        .withBatchSize(1)
                        .withRetry(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(2))),
                context());
        Object s = sink.prepare(GAUGE);
        assertThatThrownBy(() -> sink.sample(s, START_NANOS, 1))
                .isInstanceOf(SinkException.class)
                .hasMessage("otlp grpc sink: gRPC call to '" + receiver.endpoint("http")
                        + "' failed: INVALID_ARGUMENT: bad metric")
                .satisfies(e -> assertThat(((SinkException) e).retryable()).isFalse());
        sink.sample(s, START_NANOS + 1, 2); // the next batch goes through
        sink.close();
        assertThat(diagnostics).noneMatch(l -> l.startsWith("sonda: retry"));
        assertThat(counting.dropped.get()).isEqualTo(1);
        assertThat(counting.reasons.get(0)).contains("INVALID_ARGUMENT");
        assertThat(counting.delivered.get()).isEqualTo(1);
        assertThat(receiver.metrics).hasSize(1);
    }

    @Test
    void unauthenticatedAndPermissionDeniedAreNotRetriedEither() throws Exception {
        for (Status status : List.of(Status.UNAUTHENTICATED, Status.PERMISSION_DENIED)) {
            receiver.answer(status);
            OtlpSink sink = OtlpSink.grpc(
                    SinkSpec.otlpGrpc(receiver.endpoint("http"), "metrics")
                            .withBatchSize(1)
                            .withRetry(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(2))),
                    context());
            Object s = sink.prepare(GAUGE);
            assertThatThrownBy(() -> sink.sample(s, START_NANOS, 1))
                    .hasMessageContaining(status.getCode().name());
            sink.close();
        }
        assertThat(diagnostics).noneMatch(l -> l.startsWith("sonda: retry"));
        assertThat(counting.dropped.get()).isEqualTo(2);
    }

    @Test
    void aPartialSuccessReportsTheRejectedPointsAsDropped() throws Exception {
        receiver.rejecting(1);
        try (OtlpSink sink = OtlpSink.grpc(
                SinkSpec.otlpGrpc(receiver.endpoint("http"), "metrics").withBatchSize(3), context())) {
            Object s = sink.prepare(GAUGE);
            for (int i = 0; i < 3; i++) {
                sink.sample(s, START_NANOS + i, i);
            }
        }
        assertThat(counting.delivered.get()).isEqualTo(2);
        assertThat(counting.dropped.get()).isEqualTo(1);
        assertThat(diagnostics).containsExactly("sonda: otlp_grpc sink: receiver rejected 1 of 3 data points: too old");
    }

    @Test
    void closeFlushesThePartialBatchThenShutsTheChannelDown() throws Exception {
        OtlpSink sink = OtlpSink.grpc(SinkSpec.otlpGrpc(receiver.endpoint("http"), "metrics"), context());
        Object s = sink.prepare(GAUGE);
        sink.sample(s, START_NANOS, 7);
        assertThat(receiver.metrics).isEmpty();
        sink.close();
        assertThat(receiver.metrics).hasSize(1);
        assertThat(sink.bytes()).isEqualTo(receiver.metrics.get(0).getSerializedSize());
    }

    @Test
    void aSinkForLogsRefusesAMetricEntryWithWhatToSet() {
        SinkContext metricEntry = context().withEncoders(OtlpMetricEncoder.INSTANCE, null);
        assertThatThrownBy(() -> OtlpSink.grpc(SinkSpec.otlpGrpc(receiver.endpoint("http"), "logs"), metricEntry))
                .isInstanceOf(SinkException.class)
                .hasMessage("otlp_grpc sink has signal_type: logs but entry 'cpu' emits metrics: set signal_type:"
                        + " metrics, or leave it out (the sink sends every kind it receives)");
    }

    @Test
    void anUnreachableCollectorFailsTheSendAfterTheRetries() throws Exception {
        int port = dev.sonda.testing.Net.freePort();
        OtlpSink sink = OtlpSink.grpc(
                SinkSpec.otlpGrpc("http://127.0.0.1:" + port, "metrics")
                        .withBatchSize(1)
                        .withRetry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1))),
                context());
        Object s = sink.prepare(GAUGE);
        assertThatThrownBy(() -> sink.sample(s, START_NANOS, 1))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith(
                        "otlp grpc sink: gRPC call to 'http://127.0.0.1:" + port + "' failed: UNAVAILABLE");
        sink.close();
        assertThat(diagnostics).last().asString().startsWith("sonda: all 2 retries exhausted");
        assertThat(counting.dropped.get()).isEqualTo(1);
    }
}
