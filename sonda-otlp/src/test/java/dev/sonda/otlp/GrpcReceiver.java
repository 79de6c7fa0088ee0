package dev.sonda.otlp;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real OTLP/gRPC receiver in the test JVM: grpc-java (netty-shaded) on 127.0.0.1 with a free port,
 * implementing the collector's {@code MetricsService}, {@code LogsService} and {@code
 * TraceService}. It keeps every request and the metadata it came with, and answers each call with
 * the next scripted status (OK when the script is empty).
 */
final class GrpcReceiver implements AutoCloseable {
    final List<ExportMetricsServiceRequest> metrics = new CopyOnWriteArrayList<>();
    final List<ExportLogsServiceRequest> logs = new CopyOnWriteArrayList<>();
    final List<ExportTraceServiceRequest> traces = new CopyOnWriteArrayList<>();
    final List<Metadata> headers = new CopyOnWriteArrayList<>();
    private final Deque<Status> script = new ArrayDeque<>();
    private long rejectedPoints;
    private long rejectedSpans;
    private final Server server;

    GrpcReceiver() throws IOException {
        this(io.grpc.InsecureServerCredentials.create());
    }

    /** A plaintext receiver on a given port of 127.0.0.1 (0 for a free one): a restarted receiver. */
    GrpcReceiver(int port) throws IOException {
        this(io.grpc.InsecureServerCredentials.create(), port);
    }

    GrpcReceiver(ServerCredentials credentials) throws IOException {
        this(credentials, 0);
    }

    private GrpcReceiver(ServerCredentials credentials, int port) throws IOException {
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata md, ServerCallHandler<Q, R> next) {
                headers.add(md);
                return next.startCall(call, md);
            }
        };
        server = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(
                        new InetSocketAddress("127.0.0.1", port), credentials)
                .addService(ServerInterceptors.intercept(new Metrics(), capture))
                .addService(ServerInterceptors.intercept(new Logs(), capture))
                .addService(ServerInterceptors.intercept(new Traces(), capture))
                .build()
                .start();
    }

    /** The port it listens on. */
    int port() {
        return server.getPort();
    }

    /** Stops at once, as a crashed collector: calls in progress fail, new connections are refused. */
    void kill() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The endpoint for the sink. */
    String endpoint(String scheme) {
        return scheme + "://127.0.0.1:" + server.getPort();
    }

    /** The next calls answer these statuses, in order. */
    synchronized GrpcReceiver answer(Status... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    /** Every OK metrics call reports this many rejected points in a partial success. */
    synchronized GrpcReceiver rejecting(long points) {
        rejectedPoints = points;
        return this;
    }

    /** Every OK traces call reports this many rejected spans in a partial success. */
    synchronized GrpcReceiver rejectingSpans(long spans) {
        rejectedSpans = spans;
        return this;
    }

    private synchronized Status next() {
        Status s = script.poll();
        return s == null ? Status.OK : s;
    }

    private final class Metrics extends MetricsServiceGrpc.MetricsServiceImplBase {
        @Override
        public void export(ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> out) {
            Status s = next();
            if (!s.isOk()) {
                out.onError(s.asRuntimeException());
                return;
            }
            metrics.add(request);
            ExportMetricsServiceResponse.Builder r = ExportMetricsServiceResponse.newBuilder();
            synchronized (GrpcReceiver.this) {
                if (rejectedPoints > 0) {
                    r.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                            .setRejectedDataPoints(rejectedPoints)
                            .setErrorMessage("too old"));
                }
            }
            out.onNext(r.build());
            out.onCompleted();
        }
    }

    private final class Logs extends LogsServiceGrpc.LogsServiceImplBase {
        @Override
        public void export(ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> out) {
            Status s = next();
            if (!s.isOk()) {
                out.onError(s.asRuntimeException());
                return;
            }
            logs.add(request);
            out.onNext(ExportLogsServiceResponse.getDefaultInstance());
            out.onCompleted();
        }
    }

    private final class Traces extends TraceServiceGrpc.TraceServiceImplBase {
        @Override
        public void export(ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> out) {
            Status s = next();
            if (!s.isOk()) {
                out.onError(s.asRuntimeException());
                return;
            }
            traces.add(request);
            ExportTraceServiceResponse.Builder r = ExportTraceServiceResponse.newBuilder();
            synchronized (GrpcReceiver.this) {
                if (rejectedSpans > 0) {
                    r.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                            .setRejectedSpans(rejectedSpans)
                            .setErrorMessage("span too large"));
                }
            }
            out.onNext(r.build());
            out.onCompleted();
        }
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
