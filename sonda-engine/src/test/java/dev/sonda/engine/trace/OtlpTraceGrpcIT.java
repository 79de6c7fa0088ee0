package dev.sonda.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Offset;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.trace.Fault;
import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.SpanData;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.sink.Sink;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real OTLP/gRPC {@code TraceService} receiver (grpc-java, netty, on 127.0.0.1) gets every span of
 * a simulated minute: the scenario's spans are batched by {@link OtlpTraceRequest}, its bytes sent
 * unchanged through a raw-bytes marshaller, and the receiver parses them with the official OTLP
 * classes. Every span generated must arrive once, with its ids, parent, times and status.
 */
class OtlpTraceGrpcIT {
    private static final MethodDescriptor<byte[], ExportTraceServiceResponse> EXPORT =
            TraceServiceGrpc.getExportMethod().toBuilder(
                            new RawBytes(), TraceServiceGrpc.getExportMethod().getResponseMarshaller())
                    .build();

    private final List<ExportTraceServiceRequest> received = new CopyOnWriteArrayList<>();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new TraceServiceGrpc.TraceServiceImplBase() {
                    @Override
                    public void export(
                            ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> out) {
                        received.add(request);
                        out.onNext(ExportTraceServiceResponse.getDefaultInstance());
                        out.onCompleted();
                    }
                })
                .build()
                .start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .usePlaintext()
                .build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Batches spans and exports each batch, blocking, with a 10 s deadline. */
    private final class GrpcSpans implements Sink {
        final OtlpTraceRequest request = new OtlpTraceRequest(Map.of("deployment.environment", "it"), "test");
        final List<SpanData> sent = new ArrayList<>();

        @Override
        public void span(SpanRecord span) {
            request.add(span);
            sent.add(SpanData.copyOf(span));
            if (request.spans() == 500) {
                flush();
            }
        }

        @Override
        public void flush() {
            if (request.spans() > 0) {
                ClientCalls.blockingUnaryCall(
                        channel,
                        EXPORT,
                        CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                        request.toByteArray());
                request.clear();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }

    @Test
    void everySpanOfASimulatedMinuteReachesARealTraceServiceReceiver() throws InterruptedException {
        ScenarioPlan plan = Graphs.shop(31)
                .fault(Fault.on("db")
                        .between(Offset.percent(25), Offset.percent(75))
                        .withErrorRate(0.5))
                .buildPlan();
        GrpcSpans sink = new GrpcSpans();
        RunOptions options =
                RunOptions.defaults().withClock(Clock.simulated(Capture.START)).withSinkFactory((e, c) -> sink);
        try (Run run = Sonda.start(plan, options)) {
            run.join();
        }

        Map<String, Span> arrived = new HashMap<>();
        Map<String, String> serviceOf = new HashMap<>();
        for (ExportTraceServiceRequest r : received) {
            for (ResourceSpans rs : r.getResourceSpansList()) {
                String service = rs.getResource().getAttributes(0).getValue().getStringValue();
                for (ScopeSpans ss : rs.getScopeSpansList()) {
                    for (Span s : ss.getSpansList()) {
                        String key = hex(s.getTraceId().toByteArray())
                                + hex(s.getSpanId().toByteArray());
                        assertThat(arrived.put(key, s))
                                .as("span %s arrived twice", key)
                                .isNull();
                        serviceOf.put(key, service);
                    }
                }
            }
        }
        assertThat(sink.sent).hasSizeGreaterThan(5_000);
        assertThat(arrived).hasSameSizeAs(sink.sent);
        for (SpanData s : sink.sent) {
            String key = s.traceIdHex() + s.spanIdHex();
            Span got = arrived.get(key);
            assertThat(got).as("span %s", key).isNotNull();
            assertThat(serviceOf.get(key)).isEqualTo(s.service());
            assertThat(got.getName()).isEqualTo(s.operation());
            assertThat(hex(got.getParentSpanId().toByteArray()))
                    .isEqualTo(s.parentSpanId() == 0 ? "" : s.parentSpanIdHex());
            assertThat(got.getStartTimeUnixNano()).isEqualTo(s.startEpochNanos());
            assertThat(got.getEndTimeUnixNano()).isEqualTo(s.endEpochNanos());
            assertThat(got.getStatus().getCode().getNumber()).isEqualTo(s.error() ? 2 : 0);
            assertThat(got.getKind().getNumber()).isEqualTo(s.kind().otlpNumber());
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    /** Sends a request's bytes as they are. */
    private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
