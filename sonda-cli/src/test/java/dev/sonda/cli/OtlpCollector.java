package dev.sonda.cli;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/gRPC collector in the test JVM: grpc-java (netty-shaded) on 127.0.0.1 with a free port,
 * implementing {@code TraceService}, {@code MetricsService} and {@code LogsService} with the
 * published stubs; it keeps every request and answers each with OK.
 */
final class OtlpCollector implements AutoCloseable {
    final List<ExportTraceServiceRequest> traces = new CopyOnWriteArrayList<>();
    final List<ExportMetricsServiceRequest> metrics = new CopyOnWriteArrayList<>();
    final List<ExportLogsServiceRequest> logs = new CopyOnWriteArrayList<>();
    private final Server server;

    OtlpCollector() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new TraceServiceGrpc.TraceServiceImplBase() {
                    @Override
                    public void export(
                            ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> out) {
                        traces.add(request);
                        out.onNext(ExportTraceServiceResponse.getDefaultInstance());
                        out.onCompleted();
                    }
                })
                .addService(new MetricsServiceGrpc.MetricsServiceImplBase() {
                    @Override
                    public void export(
                            ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> out) {
                        metrics.add(request);
                        out.onNext(ExportMetricsServiceResponse.getDefaultInstance());
                        out.onCompleted();
                    }
                })
                .addService(new LogsServiceGrpc.LogsServiceImplBase() {
                    @Override
                    public void export(
                            ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> out) {
                        logs.add(request);
                        out.onNext(ExportLogsServiceResponse.getDefaultInstance());
                        out.onCompleted();
                    }
                })
                .build()
                .start();
    }

    /** The endpoint for {@code --endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow(); // every export has been answered: the sinks block until they are
    }
}
