package dev.sonda.otlp;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.otlp.internal.GrpcTransport;
import dev.sonda.otlp.internal.OtlpSinkProviderBase;

/**
 * {@code type: otlp_grpc}: OTLP export over gRPC ({@link OtlpSink#grpc}): metrics, logs (and
 * events) and spans, each to its own service. Keys: {@code endpoint} (required, {@code
 * http://host:port} or {@code https://host:port}), {@code signal_type} (optional; required by Sonda
 * 1.20: {@code metrics}, {@code logs}, {@code traces} or {@code events}, checked against the entry),
 * {@code batch_size} (data points, log records or spans, per kind, default 5), {@code
 * max_buffer_age} (default 5s), {@code retry}, {@code resource_attributes}, and beyond Sonda 1.20:
 * {@code headers} (gRPC metadata, such as {@code authorization}) and {@code tls: {ca_file,
 * cert_file, key_file, insecure_skip_verify}}. Display: {@code otlp_grpc ({endpoint})}, or {@code
 * otlp_grpc ({endpoint}, {signal_type})} when it is set; header values are never shown. Found
 * through {@link java.util.ServiceLoader}.
 */
public final class OtlpGrpcSinkProvider extends OtlpSinkProviderBase<SinkSpec.OtlpGrpc> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public OtlpGrpcSinkProvider() {
        super(SinkSpec.OtlpGrpc.class);
    }

    @Override
    public String type() {
        return "otlp_grpc";
    }

    @Override
    public String summary() {
        return "OTLP metrics, logs and traces exported over gRPC (gauges, sums, histograms, summaries, spans)";
    }

    @Override
    protected SinkSpec.OtlpGrpc spec(Keys k) {
        return new SinkSpec.OtlpGrpc(
                k.endpoint(),
                k.signalType(),
                k.batchSize(),
                k.maxBufferAge(),
                k.retry(),
                k.resourceAttributes(),
                k.headers(),
                k.tls());
    }

    @Override
    protected String endpointProblem(String endpoint) {
        return GrpcTransport.endpointProblem(endpoint);
    }

    /**
     * gRPC metadata names: ASCII letters, digits, {@code -}, {@code _} and {@code .} (sent
     * lowercased), not ending in {@code -bin} (binary metadata) and not starting with {@code grpc-}
     * (reserved); values printable ASCII.
     */
    @Override
    protected String headerProblem(String name, String value) {
        if (name.isEmpty()
                || !name.chars()
                        .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))) {
            return "gRPC metadata name '" + name + "' may hold only ASCII letters, digits, '-', '_' and '.'";
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("-bin") || lower.startsWith("grpc-")) {
            return "gRPC metadata name '" + name + "' is reserved (grpc-*) or binary (*-bin): use a text header";
        }
        if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return "gRPC metadata value of '" + name + "' must be printable ASCII";
        }
        return null;
    }

    @Override
    protected Sink createSink(SinkSpec.OtlpGrpc spec, SinkContext context) {
        return OtlpSink.grpc(spec, context);
    }
}
