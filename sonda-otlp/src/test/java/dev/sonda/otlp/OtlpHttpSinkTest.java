package dev.sonda.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.MetricType;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.Clock;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The otlp_http sink against a real OTLP/HTTP receiver in this JVM ({@link HttpReceiver}): the same
 * scenarios as the gRPC test give the same data points, POSTed as protobuf to /v1/metrics and
 * /v1/logs with the configured headers; 400 is not retried, 503 is.
 */
class OtlpHttpSinkTest {
    private HttpReceiver receiver;
    private GrpcReceiver grpc;
    private final List<String> diagnostics = new CopyOnWriteArrayList<>();

    private final CountingDelivery counting = new CountingDelivery();

    @BeforeEach
    void start() throws Exception {
        receiver = new HttpReceiver();
        grpc = new GrpcReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        grpc.close();
    }

    private void run(ScenarioPlan plan) throws InterruptedException {
        var run = Sonda.start(
                plan,
                RunOptions.defaults()
                        .withClock(Clock.simulated(OtlpGrpcSinkTest.START))
                        .withDiagnostics(diagnostics::add));
        run.join();
        assertThat(run.failures()).isEmpty();
    }

    @Test
    void theSamePlanGivesTheSameMessagesOverHttpAsOverGrpc() throws Exception {
        // through the registry (ServiceLoader), as a run from YAML would find the sinks
        run(OtlpGrpcSinkTest.metricsPlan(SinkSpec.otlpHttp(receiver.endpoint() + "/", "metrics")
                .withBatchSize(4)
                .withHeaders(Map.of("X-Scope-OrgID", "tenant-7"))));
        run(OtlpGrpcSinkTest.metricsPlan(
                SinkSpec.otlpGrpc(grpc.endpoint("http"), "metrics").withBatchSize(4)));

        assertThat(receiver.paths).containsOnlyKeys("/v1/metrics");
        assertThat(receiver.headers).allSatisfy(h -> {
            assertThat(h.get("Content-type")).containsExactly("application/x-protobuf");
            assertThat(h.get("X-scope-orgid")).containsExactly("tenant-7");
        });
        assertThat(receiver.metrics).hasSameSizeAs(grpc.metrics);
        // same points, same order within each entry (requests of different entries interleave)
        for (String name : List.of("cpu_usage", "http_requests_total", "request_seconds", "rpc_seconds")) {
            assertThat(Points.named(receiver.metrics, name)).isEqualTo(Points.named(grpc.metrics, name));
        }
    }

    @Test
    void logsArePostedToV1Logs() throws Exception {
        run(OtlpGrpcSinkTest.logsPlan(
                SinkSpec.otlpHttp(receiver.endpoint(), "logs").withBatchSize(4)));
        run(OtlpGrpcSinkTest.logsPlan(
                SinkSpec.otlpGrpc(grpc.endpoint("http"), "logs").withBatchSize(4)));

        assertThat(receiver.paths).containsOnlyKeys("/v1/logs");
        assertThat(receiver.logs).isEqualTo(grpc.logs);
        assertThat(receiver.logs.stream()
                        .mapToInt(r -> r.getResourceLogs(0).getScopeLogs(0).getLogRecordsCount())
                        .sum())
                .isEqualTo(10);
    }

    private SinkContext context() {
        return new SinkContext(
                "cpu", Map.of(), Clock.simulated(OtlpGrpcSinkTest.START), diagnostics::add, null, null, counting);
    }

    private static final Series GAUGE = Series.of("g", Labels.of(Map.of("k", "v")), MetricType.GAUGE);

    @Test
    void badRequestIsNotRetriedAndIsCountedAsDropped() {
        receiver.answer(400);
        OtlpSink sink = OtlpSink.http(
                SinkSpec.otlpHttp(receiver.endpoint(), "metrics")
                        .withBatchSize(2)
                        .withRetry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2))),
                context());
        Object s = sink.prepare(GAUGE);
        sink.sample(s, 1, 1);
        assertThatThrownBy(() -> sink.sample(s, 2, 2))
                .isInstanceOf(SinkException.class)
                .hasMessage("HTTP 400 from '" + receiver.endpoint() + "/v1/metrics'");
        sink.close();
        assertThat(diagnostics)
                .containsExactly("sonda: otlp_http sink: received HTTP 400 from '" + receiver.endpoint()
                        + "/v1/metrics'; discarding batch");
        assertThat(counting.dropped.get()).isEqualTo(2);
        assertThat(counting.delivered.get()).isZero();
        assertThat(receiver.paths).containsEntry("/v1/metrics", 1);
    }

    @Test
    void serviceUnavailableAndTooManyRequestsAreRetried() {
        receiver.answer(503, 429);
        try (OtlpSink sink = OtlpSink.http(
                SinkSpec.otlpHttp(receiver.endpoint(), "metrics")
                        .withBatchSize(1)
                        .withRetry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2))),
                context())) {
            sink.sample(sink.prepare(GAUGE), 1, 1);
            assertThat(sink.lastWriteDelivered()).isTrue();
        }
        assertThat(receiver.paths).containsEntry("/v1/metrics", 3);
        assertThat(receiver.metrics).hasSize(1);
        assertThat(diagnostics).hasSize(2).allMatch(l -> l.startsWith("sonda: retry "));
        assertThat(counting.delivered.get()).isEqualTo(1);
    }
}
