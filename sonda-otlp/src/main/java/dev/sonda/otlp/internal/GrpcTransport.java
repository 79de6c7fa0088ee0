package dev.sonda.otlp.internal;

import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.engine.sink.Retry;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.engine.sink.SinkKeys;
import io.grpc.CallOptions;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * OTLP over gRPC: one unary {@code opentelemetry.proto.collector.metrics.v1.MetricsService/Export},
 * {@code ...logs.v1.LogsService/Export} or {@code ...trace.v1.TraceService/Export} call per request
 * (by its {@link Signal}), all on one channel opened when the sink is created ({@code http://}
 * plaintext HTTP/2, {@code https://} TLS) and shut down on {@link #close()} (5 s for calls in
 * flight, then forced). The method descriptors are the published stubs' ({@code
 * MetricsServiceGrpc.getExportMethod()} and its siblings), with a marshaller that passes the
 * hand-written request bytes through; the response is parsed with the published message class.
 *
 * <p>Each call has a 30 s deadline and fails fast when the channel is not connected ({@code
 * UNAVAILABLE}), so the retry policy decides how long to wait for a collector. Failures: {@code
 * otlp grpc sink: gRPC call to '{endpoint}' failed: {CODE}: {description}}. Retried: every status
 * but {@code INVALID_ARGUMENT}, {@code UNAUTHENTICATED} and {@code PERMISSION_DENIED} (the
 * receiver refused the data or the credentials; retrying cannot help) and an interrupted call.
 */
public final class GrpcTransport implements Transport {
    /** Deadline of one call, seconds. */
    public static final long DEADLINE_SECONDS = 30;

    private static final Set<Status.Code> PERMANENT =
            Set.of(Status.Code.INVALID_ARGUMENT, Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INTERNAL
                        .withDescription("cannot read the response")
                        .withCause(e)
                        .asRuntimeException();
            }
        }
    };

    private final String endpoint;
    private final ManagedChannel channel;
    private final io.grpc.Channel intercepted;
    private final Map<Signal, MethodDescriptor<byte[], byte[]>> methods = new EnumMap<>(Signal.class);
    private final Retry retry;
    private String partialMessage = "";

    /**
     * Opens the channel (connecting in the background).
     *
     * @param endpoint {@code http://host[:port]} or {@code https://host[:port]}; the port defaults
     *     to 80 / 443
     * @param headers metadata on every call; names are lowercased
     * @param tls TLS settings for {@code https://}, or null for the JVM's trust store
     * @param retry the retry policy, or null
     * @param diagnostics receives the retry lines
     * @throws SinkException {@code otlp grpc sink: invalid endpoint '{ep}': {why}} or {@code otlp
     *     grpc sink: invalid tls settings for '{ep}': {why}}
     */
    public GrpcTransport(
            String endpoint,
            Map<String, String> headers,
            TlsSettings tls,
            RetryPolicy retry,
            Consumer<String> diagnostics) {
        this.endpoint = endpoint;
        URI uri = parse(endpoint);
        boolean secure = uri.getScheme().equals("https");
        ChannelCredentials credentials;
        try {
            credentials = secure ? Tls.grpcCredentials(tls) : InsecureChannelCredentials.create();
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new SinkException(
                    "otlp grpc sink: invalid tls settings for '" + SinkKeys.displayUrl(endpoint) + "': "
                            + e.getMessage(),
                    e);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        this.channel = Grpc.newChannelBuilderForAddress(host, port, credentials)
                .userAgent("sonda/" + Versions.SONDA)
                .build();
        Metadata metadata = new Metadata();
        headers.forEach((k, v) -> metadata.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
        this.intercepted = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(metadata));
        methods.put(
                Signal.METRICS,
                MetricsServiceGrpc.getExportMethod().toBuilder(BYTES, BYTES).build());
        methods.put(
                Signal.LOGS,
                LogsServiceGrpc.getExportMethod().toBuilder(BYTES, BYTES).build());
        methods.put(
                Signal.TRACES,
                TraceServiceGrpc.getExportMethod().toBuilder(BYTES, BYTES).build());
        this.retry = new Retry(retry, diagnostics);
        channel.getState(true); // start connecting now, as the reference connects eagerly
    }

    /**
     * Checks an endpoint as the gRPC sink reads it.
     *
     * @param endpoint the endpoint
     * @return null when usable, else why not
     */
    public static String endpointProblem(String endpoint) {
        try {
            parse(endpoint);
            return null;
        } catch (SinkException e) {
            return e.getMessage().substring(e.getMessage().indexOf("': ") + 3);
        }
    }

    private static URI parse(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (java.net.URISyntaxException e) {
            throw invalid(endpoint, "not a URL: " + e.getReason());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw invalid(endpoint, "must start with http:// (plaintext) or https:// (TLS)");
        }
        if (uri.getHost() == null) {
            throw invalid(endpoint, "has no host; write it as http://host:port");
        }
        if (uri.getRawPath() != null
                && !uri.getRawPath().isEmpty()
                && !uri.getRawPath().equals("/")) {
            throw invalid(endpoint, "a gRPC endpoint has no path; write it as http://host:port");
        }
        return uri;
    }

    private static SinkException invalid(String endpoint, String why) {
        return new SinkException(
                "otlp grpc sink: invalid endpoint '" + SinkKeys.displayUrl(endpoint) + "': " + why, null, false);
    }

    @Override
    public long export(Signal signal, byte[] body, int length) {
        byte[] request = length == body.length ? body : java.util.Arrays.copyOf(body, length);
        long[] rejected = new long[1];
        retry.run(attempt -> rejected[0] = call(signal, request), GrpcTransport::retryable);
        return rejected[0];
    }

    private long call(Signal signal, byte[] request) {
        byte[] response;
        try {
            response = ClientCalls.blockingUnaryCall(
                    intercepted,
                    methods.get(signal),
                    CallOptions.DEFAULT.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS),
                    request);
        } catch (StatusRuntimeException e) {
            Status s = e.getStatus();
            boolean interrupted =
                    Thread.currentThread().isInterrupted() || s.getCause() instanceof InterruptedException;
            throw new SinkException(
                    "otlp grpc sink: gRPC call to '" + SinkKeys.displayUrl(endpoint) + "' failed: " + describe(s),
                    e,
                    !interrupted && !PERMANENT.contains(s.getCode()));
        }
        return partialSuccess(signal, response);
    }

    private long partialSuccess(Signal signal, byte[] response) {
        try {
            switch (signal) {
                case METRICS -> {
                    ExportMetricsServiceResponse r = ExportMetricsServiceResponse.parseFrom(response);
                    partialMessage = r.getPartialSuccess().getErrorMessage();
                    return r.getPartialSuccess().getRejectedDataPoints();
                }
                case LOGS -> {
                    ExportLogsServiceResponse r = ExportLogsServiceResponse.parseFrom(response);
                    partialMessage = r.getPartialSuccess().getErrorMessage();
                    return r.getPartialSuccess().getRejectedLogRecords();
                }
                default -> {
                    ExportTraceServiceResponse r = ExportTraceServiceResponse.parseFrom(response);
                    partialMessage = r.getPartialSuccess().getErrorMessage();
                    return r.getPartialSuccess().getRejectedSpans();
                }
            }
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            partialMessage = "";
            return 0; // delivered; the response is only advisory
        }
    }

    private static String describe(Status s) {
        String d = s.getDescription();
        if (d == null && s.getCause() != null) {
            d = s.getCause().toString();
        }
        return d == null ? s.getCode().name() : s.getCode() + ": " + d;
    }

    /** Every status is retried but the permanent ones, as the class comment lists. */
    static boolean retryable(SinkException e) {
        return e.retryable();
    }

    @Override
    public String partialSuccessMessage() {
        return partialMessage;
    }

    /**
     * Shuts the channel down: 5 s for calls in flight, then forced.
     */
    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
