package dev.sonda.otlp;

import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkKeys;
import dev.sonda.otlp.internal.OtlpSinkProviderBase;

/**
 * {@code type: otlp_http}: OTLP/HTTP with binary protobuf ({@link OtlpSink#http}), not in Sonda
 * 1.20. Keys as {@link OtlpGrpcSinkProvider}'s, with {@code endpoint} the receiver's base URL (the
 * sink appends {@code /v1/metrics}, {@code /v1/logs} or {@code /v1/traces} by the kind of data) and
 * {@code headers} HTTP headers. Display: {@code otlp_http ({endpoint})}, or {@code otlp_http
 * ({endpoint}, {signal_type})} when it is set; header values are never shown. Found through {@link
 * java.util.ServiceLoader}.
 */
public final class OtlpHttpSinkProvider extends OtlpSinkProviderBase<SinkSpec.OtlpHttp> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public OtlpHttpSinkProvider() {
        super(SinkSpec.OtlpHttp.class);
    }

    @Override
    public String type() {
        return "otlp_http";
    }

    @Override
    public String summary() {
        return "OTLP metrics, logs and traces POSTed as protobuf to {endpoint}/v1/metrics, /v1/logs or /v1/traces";
    }

    @Override
    protected SinkSpec.OtlpHttp spec(Keys k) {
        return new SinkSpec.OtlpHttp(
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
        String bad = SinkKeys.httpUrlProblem(endpoint);
        return bad == null ? null : bad.substring(bad.indexOf("' ") + 2);
    }

    /** HTTP header names are RFC 9110 tokens; values hold no line breaks. */
    @Override
    protected String headerProblem(String name, String value) {
        if (name.isEmpty()
                || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            return "HTTP header name '" + name + "' is not a token (letters, digits and !#$%&'*+-.^_`|~)";
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            return "HTTP header value of '" + name + "' must not contain line breaks";
        }
        if (name.equalsIgnoreCase("content-type") || name.equalsIgnoreCase("content-length")) {
            return "HTTP header '" + name + "' is set by the sink (application/x-protobuf): remove it";
        }
        return null;
    }

    @Override
    protected Sink createSink(SinkSpec.OtlpHttp spec, SinkContext context) {
        return OtlpSink.http(spec, context);
    }
}
