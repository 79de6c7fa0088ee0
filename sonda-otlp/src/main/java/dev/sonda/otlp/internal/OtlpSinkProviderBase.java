package dev.sonda.otlp.internal;

import dev.sonda.api.Problems;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.engine.sink.SinkKeys;
import dev.sonda.engine.sink.SinkProvider;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the {@code otlp_grpc} and {@code otlp_http} providers share: the keys of their blocks
 * ({@code endpoint}, {@code signal_type} (optional), {@code batch_size}, {@code max_buffer_age}, {@code
 * retry}, {@code resource_attributes}, {@code headers}, {@code tls: {ca_file, cert_file, key_file,
 * insecure_skip_verify}}), their validation and display. Headers are never displayed.
 *
 * @param <S> the spec record
 */
public abstract class OtlpSinkProviderBase<S extends SinkSpec.Otlp> implements SinkProvider {
    /**
     * The components both specs have, in their order.
     *
     * @param endpoint the endpoint
     * @param signalType metrics, logs, traces or events, or null
     * @param batchSize points or records per request, or null
     * @param maxBufferAge the buffer age, or null
     * @param retry the retry policy, or null
     * @param resourceAttributes resource attributes
     * @param headers headers or metadata
     * @param tls TLS settings, or null
     */
    public record Keys(
            String endpoint,
            String signalType,
            Integer batchSize,
            Duration maxBufferAge,
            RetryPolicy retry,
            Map<String, String> resourceAttributes,
            Map<String, String> headers,
            TlsSettings tls) {}

    private final Class<S> specClass;

    /**
     * Creates the provider.
     *
     * @param specClass the spec record
     */
    protected OtlpSinkProviderBase(Class<S> specClass) {
        this.specClass = specClass;
    }

    @Override
    public Class<S> specClass() {
        return specClass;
    }

    /**
     * A spec from its keys.
     *
     * @param keys the components
     * @return the spec
     */
    protected abstract S spec(Keys keys);

    /**
     * Checks the endpoint.
     *
     * @param endpoint the endpoint
     * @return null when usable, else why not
     */
    protected abstract String endpointProblem(String endpoint);

    /**
     * Checks one header.
     *
     * @param name the name
     * @param value the value
     * @return null when usable, else why not
     */
    protected abstract String headerProblem(String name, String value);

    /**
     * Creates the sink from a spec of {@link #specClass()}.
     *
     * @param spec the spec
     * @param context the context
     * @return the sink
     */
    protected abstract Sink createSink(S spec, SinkContext context);

    /**
     * The CLI's {@code --endpoint} key.
     *
     * @return {@code endpoint}
     */
    public String endpointKey() {
        return "endpoint";
    }

    @Override
    public S read(SpecBlock block) {
        Long batch = block.integer("batch_size", 0, Integer.MAX_VALUE);
        String endpoint = block.requiredString("endpoint");
        String signal = block.string("signal_type");
        Duration age = SinkKeys.readMaxBufferAge(block);
        RetryPolicy retry = SinkKeys.readRetry(block);
        Map<String, String> resource = block.stringMap("resource_attributes");
        Map<String, String> headers = block.stringMap("headers");
        TlsSettings tls = null;
        SpecBlock t = block.block("tls");
        if (t != null) {
            tls = new TlsSettings(
                    t.string("ca_file"),
                    t.string("cert_file"),
                    t.string("key_file"),
                    t.bool("insecure_skip_verify", false));
        }
        if (endpoint == null) {
            return null;
        }
        return spec(new Keys(
                endpoint,
                signal,
                batch == null ? null : batch.intValue(),
                age,
                retry,
                resource == null ? Map.of() : resource,
                headers == null ? Map.of() : headers,
                tls));
    }

    @Override
    public void write(SinkSpec spec, SpecWriter out) {
        SinkSpec.Otlp k = (SinkSpec.Otlp) spec;
        SinkKeys.writeUrl("endpoint", k.endpoint(), out);
        out.put("signal_type", k.signalType()).put("batch_size", k.batchSize()).put("max_buffer_age", k.maxBufferAge());
        SinkKeys.writeRetry(k.retry(), out);
        if (!k.resourceAttributes().isEmpty()) {
            out.put("resource_attributes", new TreeMap<>(k.resourceAttributes()));
        }
        SinkKeys.writeHeaders(k.headers(), out);
        TlsSettings tls = k.tls();
        if (tls != null) {
            SpecWriter w = out.block("tls")
                    .put("ca_file", tls.caFile())
                    .put("cert_file", tls.certFile())
                    .put("key_file", tls.keyFile());
            if (tls.insecureSkipVerify()) {
                w.put("insecure_skip_verify", true);
            }
        }
    }

    @Override
    public void validate(SinkSpec spec, String path, Problems problems) {
        spec.validate(path, problems);
        SinkSpec.Otlp k = (SinkSpec.Otlp) spec;
        String bad = endpointProblem(k.endpoint());
        if (bad != null) {
            problems.add(
                    path + ".endpoint",
                    "invalid " + type() + " endpoint '" + SinkKeys.displayUrl(k.endpoint()) + "': " + bad);
        }
        if (k.batchSize() != null && k.batchSize() < 0) {
            problems.add(path + ".batch_size", "batch_size must not be negative, got " + k.batchSize());
        }
        new TreeMap<>(k.headers()).forEach((name, value) -> {
            String why = headerProblem(name, value);
            if (why != null) {
                problems.add(path + ".headers." + name, why);
            }
        });
        if (k.tls() != null && !k.endpoint().startsWith("https://")) {
            problems.add(
                    path + ".tls",
                    "tls is set but endpoint '" + SinkKeys.displayUrl(k.endpoint()) + "' is plaintext: write it as"
                            + " https://");
        }
    }

    @Override
    public String display(SinkSpec spec) {
        if (!specClass.isInstance(spec)) {
            return type();
        }
        SinkSpec.Otlp k = (SinkSpec.Otlp) spec;
        return type() + " (" + SinkKeys.displayUrl(k.endpoint()) + (k.signalType() == null ? "" : ", " + k.signalType())
                + ")";
    }

    /**
     * Creates the sink. A {@link SinkSpec.Generic} of this type (a block read before this provider
     * was registered with the reader) is read and validated here first.
     *
     * @param spec a spec of {@link #specClass()} or a generic one of this type
     * @param context the context
     * @return the sink
     * @throws SinkException if the spec is invalid or the sink cannot be created
     */
    @Override
    public Sink create(SinkSpec spec, SinkContext context) {
        Problems problems = new Problems();
        Object resolved = SpecRegistry.builder().add(this).build().resolve(SpecKind.SINK, spec, "sink", problems);
        if (!problems.isEmpty() || resolved == null) {
            StringBuilder sb = new StringBuilder("invalid " + type() + " sink:");
            problems.list().forEach(p -> sb.append(' ')
                    .append(p.path())
                    .append(": ")
                    .append(p.message())
                    .append(';'));
            throw new SinkException(sb.substring(0, sb.length() - 1), null, false);
        }
        return createSink(specClass.cast(resolved), context);
    }
}
