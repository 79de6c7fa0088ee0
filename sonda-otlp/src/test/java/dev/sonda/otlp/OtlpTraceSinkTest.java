package dev.sonda.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Distribution;
import dev.sonda.api.Offset;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.EventType;
import dev.sonda.api.event.InfraEvent;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.Service;
import dev.sonda.api.trace.SpanKind;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunObserver;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.EventData;
import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SpanData;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.NdjsonEncoder;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Traces through the otlp_grpc and otlp_http sinks to real receivers in this JVM ({@link
 * GrpcReceiver}, {@link HttpReceiver}): a traces entry runs on the simulated clock, the run's
 * observer keeps every span, log record and sample it produced (an independent path), and every
 * span the receiver decodes with the published classes is compared with its record field by field.
 * The same sink also carries the entry's log lines and RED metrics, each to its own service.
 */
class OtlpTraceSinkTest {
    private static final Map<String, String> GATEWAY_RESOURCE = Map.of("service.version", "2.0.9");

    private GrpcReceiver grpc;
    private HttpReceiver http;
    private final List<String> diagnostics = new CopyOnWriteArrayList<>();
    private final CountingDelivery counting = new CountingDelivery();
    private final List<SpanData> spans = new CopyOnWriteArrayList<>();
    private final List<LogEvent> logs = new CopyOnWriteArrayList<>();
    private final List<EventData> events = new CopyOnWriteArrayList<>();
    private final List<String> samples = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        grpc = new GrpcReceiver();
        http = new HttpReceiver();
    }

    @AfterEach
    void stop() {
        grpc.close();
        http.close();
    }

    /** A shop graph: sequential, repeated and optional calls, attributes, and a failing database. */
    static ScenarioPlan shop(SinkSpec sink) {
        return Scenario.traces("checkout")
                .rate(10)
                .duration("20s")
                .seed(11)
                .label("env", "test")
                .service(Service.of(
                                "gateway",
                                Operation.of("GET /checkout", 8, 2)
                                        .withCalls(Call.to("orders", "create"), Call.to("cache"))
                                        .withAttributes(Map.of("http.method", "GET", "http.route", "/checkout")))
                        .withAttributes(GATEWAY_RESOURCE))
                .service(Service.of(
                        "orders",
                        Operation.of("create", 6, 2)
                                .withCalls(
                                        Call.to("db", "query").withCount(2),
                                        Call.to("cache").withProbability(0.5))))
                .service(Service.of(
                        "db",
                        Operation.of("query", 3, 1)
                                .withKind(SpanKind.CLIENT)
                                .withAttributes(Map.of("db.system", "postgresql"))))
                .service(Service.of(
                        "cache",
                        Operation.of("get", new Distribution.Uniform(0.1, 0.5)).withKind(SpanKind.CLIENT)))
                .fault(Fault.on("db")
                        .between(Offset.percent(25), Offset.percent(75))
                        .withErrorRate(0.5)
                        .withMessage("connection refused"))
                .logs()
                .redMetrics(Duration.ofSeconds(5))
                .sink(sink)
                .buildPlan();
    }

    /** Runs a plan through the real providers, observing what the run produced. */
    private void run(ScenarioPlan plan) throws InterruptedException {
        var grpcSinks = new OtlpGrpcSinkProvider();
        var httpSinks = new OtlpHttpSinkProvider();
        RunObserver observer = new RunObserver() {
            @Override
            public void onSample(CompiledEntry entry, Series series, long epochNanos, double value) {
                samples.add(series.name() + series.labels() + "@" + epochNanos);
            }

            @Override
            public void onLog(CompiledEntry entry, LogRecord record) {
                logs.add(LogEvent.copyOf(record));
            }

            @Override
            public void onSpan(CompiledEntry entry, SpanRecord span) {
                spans.add(SpanData.copyOf(span));
            }

            @Override
            public void onEvent(CompiledEntry entry, EventRecord event) {
                events.add(EventData.copyOf(event));
            }
        };
        try (Run run = Sonda.start(
                plan,
                RunOptions.defaults()
                        .withClock(Clock.simulated(OtlpGrpcSinkTest.START))
                        .withDiagnostics(diagnostics::add)
                        .withObserver(observer)
                        .withSinkFactory((entry, ctx) -> {
                            SinkContext c = ctx.withDelivery(counting);
                            return entry.sink() instanceof SinkSpec.OtlpHttp
                                    ? httpSinks.create(entry.sink(), c)
                                    : grpcSinks.create(entry.sink(), c);
                        }))) {
            run.join();
            assertThat(run.failures()).isEmpty();
        }
    }

    @Test
    void everySpanArrivesOverGrpcAsTheRunProducedItFieldByField() throws Exception {
        run(shop(SinkSpec.otlpGrpc(grpc.endpoint("http")).withBatchSize(50)));

        assertEveryProducedSpanArrived(grpc.traces);
    }

    @Test
    void everySpanArrivesOverHttpAtV1TracesAsTheSameRequestsAsOverGrpc() throws Exception {
        run(shop(SinkSpec.otlpHttp(http.endpoint(), "traces").withBatchSize(50)));
        assertEveryProducedSpanArrived(http.traces);
        spans.clear();
        run(shop(SinkSpec.otlpGrpc(grpc.endpoint("http")).withBatchSize(50)));

        assertThat(http.paths).containsOnlyKeys("/v1/traces", "/v1/logs", "/v1/metrics");
        assertThat(http.headers)
                .allSatisfy(h -> assertThat(h.get("Content-type")).containsExactly("application/x-protobuf"));
        assertThat(http.traces).isEqualTo(grpc.traces);
    }

    /** Every produced span arrived once and equals its record; nothing else arrived. */
    private void assertEveryProducedSpanArrived(List<ExportTraceServiceRequest> requests) {
        List<Points.FoundSpan> found = Points.spans(requests);
        assertThat(spans).hasSizeGreaterThan(500);
        assertThat(spans).anyMatch(SpanData::error).anyMatch(s -> !s.error());
        Map<String, Points.FoundSpan> byId = new HashMap<>();
        for (Points.FoundSpan f : found) {
            String id = Points.hex(f.span().getTraceId()) + Points.hex(f.span().getSpanId());
            assertThat(byId.put(id, f)).as("span %s arrived twice", id).isNull();
        }
        assertThat(found).hasSameSizeAs(spans);
        for (SpanData s : spans) {
            Points.FoundSpan f = byId.get(s.traceIdHex() + s.spanIdHex());
            assertThat(f).as("span %s of %s", s.spanIdHex(), s.service()).isNotNull();
            Span got = f.span();
            assertThat(got.getTraceId().size()).isEqualTo(16);
            assertThat(got.getSpanId().size()).isEqualTo(8);
            assertThat(Points.hex(got.getParentSpanId())).isEqualTo(s.parentSpanId() == 0 ? "" : s.parentSpanIdHex());
            assertThat(got.getName()).isEqualTo(s.operation());
            assertThat(got.getKind().name()).isEqualTo("SPAN_KIND_" + s.kind().name());
            assertThat(got.getStartTimeUnixNano()).isEqualTo(s.startEpochNanos());
            assertThat(got.getEndTimeUnixNano()).isEqualTo(s.endEpochNanos());
            assertThat(got.getStatus().getCode())
                    .isEqualTo(s.error() ? Status.StatusCode.STATUS_CODE_ERROR : Status.StatusCode.STATUS_CODE_UNSET);
            assertThat(got.getStatus().getMessage()).isEqualTo(s.error() ? s.statusMessage() : "");
            assertThat(Points.attributes(got.getAttributesList()))
                    .containsExactlyEntriesOf(s.attributes().toMap());
            assertThat(got.getTraceState()).isEmpty();
            assertThat(got.getEventsList()).isEmpty();
            assertThat(got.getLinksList()).isEmpty();
            // the resource: service.name first, then the entry's labels and the service's own, by key
            Map<String, String> resource = new LinkedHashMap<>();
            resource.put("service.name", s.service());
            TreeMap<String, String> rest = new TreeMap<>(Map.of("env", "test"));
            rest.putAll(s.resource().toMap());
            resource.putAll(rest);
            assertThat(f.resource()).containsExactlyEntriesOf(resource);
            assertThat(f.scope()).isEqualTo("sonda");
            assertThat(f.version()).isNotEmpty();
        }
        assertThat(spans.stream().filter(s -> s.service().equals("gateway")))
                .allSatisfy(s -> assertThat(s.resource().toMap()).isEqualTo(GATEWAY_RESOURCE));
        // every parent link resolves to a span of the same trace that arrived
        for (Points.FoundSpan f : found) {
            if (!f.span().getParentSpanId().isEmpty()) {
                Points.FoundSpan parent = byId.get(
                        Points.hex(f.span().getTraceId()) + Points.hex(f.span().getParentSpanId()));
                assertThat(parent).as("parent of %s", f.span().getName()).isNotNull();
            }
        }
    }

    @Test
    void theSameSinkCarriesTheLogLinesWithTheirTraceContextAndTheRedMetrics() throws Exception {
        run(shop(SinkSpec.otlpGrpc(grpc.endpoint("http"), "traces").withBatchSize(50)));

        // one sink, three services; delivery counts spans, log records and samples
        assertThat(logs).hasSizeGreaterThanOrEqualTo(spans.size());
        assertThat(samples).isNotEmpty();
        assertThat(counting.delivered.get()).isEqualTo(spans.size() + logs.size() + samples.size());
        assertThat(counting.dropped.get()).isZero();

        List<io.opentelemetry.proto.logs.v1.LogRecord> records = new ArrayList<>();
        for (ExportLogsServiceRequest r : grpc.logs) {
            for (ResourceLogs rl : r.getResourceLogsList()) {
                assertThat(Points.attributes(rl.getResource().getAttributesList()))
                        .containsExactly(Map.entry("env", "test"));
                rl.getScopeLogsList().forEach(sl -> records.addAll(sl.getLogRecordsList()));
            }
        }
        assertThat(records).hasSameSizeAs(logs);
        assertThat(logs.stream().filter(l -> l.fields().get("trace_id") != null)) // a line per span
                .hasSameSizeAs(spans);
        Set<String> arrivedSpans = new HashSet<>();
        Points.spans(grpc.traces)
                .forEach(f -> arrivedSpans.add(
                        Points.hex(f.span().getTraceId()) + Points.hex(f.span().getSpanId())));
        for (int i = 0; i < logs.size(); i++) {
            LogEvent expected = logs.get(i);
            var got = records.get(i);
            assertThat(got.getTimeUnixNano()).isEqualTo(expected.epochNanos());
            assertThat(got.getBody().getStringValue()).isEqualTo(expected.message());
            assertThat(got.getSeverityText()).isEqualTo(expected.severity().name());
            String traceId = expected.fields().get("trace_id");
            if (traceId == null) {
                assertThat(got.getTraceId().isEmpty()).isTrue(); // a circuit breaker's line
                continue;
            }
            String spanId = expected.fields().get("span_id");
            assertThat(Points.hex(got.getTraceId())).isEqualTo(traceId);
            assertThat(Points.hex(got.getSpanId())).isEqualTo(spanId);
            assertThat(arrivedSpans).contains(traceId + spanId);
            assertThat(Points.attributes(got.getAttributesList()))
                    .containsEntry("trace_id", traceId)
                    .containsEntry("span_id", spanId);
        }

        List<String> points = new ArrayList<>();
        Points.metrics(grpc.metrics).forEach(f -> f.metric()
                .getGauge()
                .getDataPointsList()
                .forEach(p -> points.add(f.metric().getName() + Labels.of(Points.attributes(p.getAttributesList()))
                        + "@" + p.getTimeUnixNano())));
        assertThat(points).containsExactlyInAnyOrderElementsOf(samples);
    }

    @Test
    void batchSizeCountsSpansAndEveryRequestButTheLastIsFull() throws Exception {
        run(shop(SinkSpec.otlpGrpc(grpc.endpoint("http")).withBatchSize(7).withMaxBufferAge(Duration.ZERO)));

        List<Integer> sizes = grpc.traces.stream()
                .map(r -> r.getResourceSpansList().stream()
                        .mapToInt(rs -> rs.getScopeSpans(0).getSpansCount())
                        .sum())
                .toList();
        assertThat(sizes.subList(0, sizes.size() - 1)).containsOnly(7);
        assertThat(sizes.get(sizes.size() - 1)).isBetween(1, 7);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(spans.size());
        // a request holds one ResourceSpans per service, each service once
        assertThat(grpc.traces).allSatisfy(r -> assertThat(r.getResourceSpansList().stream()
                        .map(rs -> rs.getResource().getAttributes(0).getValue().getStringValue()))
                .doesNotHaveDuplicates());
    }

    /** The context of a traces entry 'checkout' (it has a span encoder), counting delivery. */
    private SinkContext tracesEntry() {
        return new SinkContext(
                        "checkout",
                        Map.of(),
                        Clock.simulated(OtlpGrpcSinkTest.START),
                        diagnostics::add,
                        null,
                        null,
                        counting)
                .withTraceEncoders(new NdjsonEncoder(), null);
    }

    @Test
    void aPartialSuccessReportsTheRejectedSpansAsDropped() throws Exception {
        grpc.rejectingSpans(2);
        SinkContext context = tracesEntry();
        try (OtlpSink sink =
                OtlpSink.grpc(SinkSpec.otlpGrpc(grpc.endpoint("http")).withBatchSize(5), context)) {
            for (int i = 1; i <= 5; i++) {
                sink.span(new SpanData(
                        1,
                        2,
                        i,
                        i == 1 ? 0 : 1,
                        "gateway",
                        "op",
                        SpanKind.SERVER,
                        OtlpGrpcSinkTest.START_NANOS + i * 1000L,
                        OtlpGrpcSinkTest.START_NANOS + i * 2000L,
                        false,
                        null,
                        Labels.empty(),
                        Labels.empty()));
            }
            assertThat(sink.lastWriteDelivered()).isTrue();
        }
        assertThat(counting.delivered.get()).isEqualTo(3);
        assertThat(counting.dropped.get()).isEqualTo(2);
        assertThat(diagnostics)
                .containsExactly("sonda: otlp_grpc sink: receiver rejected 2 of 5 spans: span too large");
    }

    @Test
    void aSignalTypeOtherThanTracesOnATracesEntryIsRefusedWithWhatToSet() {
        SinkContext traces = tracesEntry();

        assertThatThrownBy(() -> OtlpSink.http(SinkSpec.otlpHttp(http.endpoint(), "metrics"), traces))
                .isInstanceOf(SinkException.class)
                .hasMessage("otlp_http sink has signal_type: metrics but entry 'checkout' emits traces: set"
                        + " signal_type: traces, or leave it out (the sink sends every kind it receives)");
    }

    @Test
    void infrastructureEventsArriveAsLogRecordsWithTheirEventName() throws Exception {
        ScenarioPlan plan = Scenario.events("deploys")
                .duration("1m")
                .label("env", "test")
                .event(InfraEvent.of(Offset.percent(10), EventType.DEPLOYMENT, "checkout")
                        .withAttributes(Map.of("version", "2.1.0")))
                .event(InfraEvent.of(Offset.percent(50), EventType.ALERT, "database")
                        .withSeverity(EventSeverity.CRITICAL)
                        .withDetails("connection errors above 50%"))
                .sink(SinkSpec.otlpHttp(http.endpoint(), "events"))
                .buildPlan();

        run(plan);

        assertThat(events).hasSize(2);
        assertThat(http.paths).containsOnlyKeys("/v1/logs");
        List<io.opentelemetry.proto.logs.v1.LogRecord> records = new ArrayList<>();
        http.logs.forEach(
                r -> records.addAll(r.getResourceLogs(0).getScopeLogs(0).getLogRecordsList()));
        assertThat(records).hasSize(2);
        long start = OtlpGrpcSinkTest.START_NANOS;
        var deploy = records.get(0);
        assertThat(deploy.getEventName()).isEqualTo("deployment");
        assertThat(deploy.getTimeUnixNano()).isEqualTo(start + 6_000_000_000L); // 10% of 1m
        assertThat(deploy.getSeverityNumberValue()).isEqualTo(9);
        assertThat(deploy.getSeverityText()).isEqualTo("info");
        assertThat(deploy.getBody().getStringValue()).isEqualTo(events.get(0).details());
        assertThat(Points.attributes(deploy.getAttributesList()))
                .containsExactly(Map.entry("service", "checkout"), Map.entry("version", "2.1.0"));
        var alert = records.get(1);
        assertThat(alert.getEventName()).isEqualTo("alert");
        assertThat(alert.getTimeUnixNano()).isEqualTo(start + 30_000_000_000L);
        assertThat(alert.getSeverityNumber().name()).isEqualTo("SEVERITY_NUMBER_FATAL");
        assertThat(alert.getSeverityText()).isEqualTo("critical");
        assertThat(alert.getBody().getStringValue()).isEqualTo("connection errors above 50%");
        assertThat(Points.attributes(alert.getAttributesList())).containsExactly(Map.entry("service", "database"));
        assertThat(counting.delivered.get()).isEqualTo(2);
    }
}
