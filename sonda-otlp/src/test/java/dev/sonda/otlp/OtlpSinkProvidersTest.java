package dev.sonda.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.internal.spec.MapSpecWriter;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two providers: found by ServiceLoader, their blocks read, written back and validated. */
class OtlpSinkProvidersTest {
    private static final SpecRegistry REGISTRY = SpecRegistry.defaults();

    private static Object resolve(String type, Map<String, Object> block, Problems problems) {
        return REGISTRY.resolve(SpecKind.SINK, new SinkSpec.Generic(type, block), "scenarios[0].sink", problems);
    }

    @Test
    void bothTypesAreRegisteredThroughServiceLoader() {
        assertThat(REGISTRY.types(SpecKind.SINK)).contains("otlp_grpc", "otlp_http");
    }

    @Test
    void everyKeyIsReadIntoTheRecordAndWrittenBackTheSame() {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("endpoint", "https://collector:4318");
        block.put("signal_type", "logs");
        block.put("batch_size", 50L);
        block.put("max_buffer_age", "0s");
        block.put("retry", Map.of("max_attempts", 3L, "initial_backoff", "100ms", "max_backoff", "1s"));
        block.put("resource_attributes", Map.of("service.name", "checkout"));
        block.put("headers", Map.of("Authorization", "Bearer t"));
        block.put("tls", Map.of("ca_file", "/etc/ca.pem", "cert_file", "c.pem", "key_file", "k.pem"));
        Problems problems = new Problems();

        Object spec = resolve("otlp_http", block, problems);

        assertThat(problems.list()).isEmpty();
        SinkSpec.OtlpHttp expected = SinkSpec.otlpHttp("https://collector:4318", "logs")
                .withBatchSize(50)
                .withMaxBufferAge(Duration.ZERO)
                .withRetry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)))
                .withResourceAttributes(Map.of("service.name", "checkout"))
                .withHeaders(Map.of("Authorization", "Bearer t"))
                .withTls(TlsSettings.withCa("/etc/ca.pem").withClientCertificate("c.pem", "k.pem"));
        assertThat(spec).isEqualTo(expected);

        MapSpecWriter out = new MapSpecWriter(true); // saving: secrets kept
        REGISTRY.write(SpecKind.SINK, spec, out);
        Map<String, Object> written = new LinkedHashMap<>(out.map());
        assertThat(written.remove("type")).isEqualTo("otlp_http");
        Problems again = new Problems();
        assertThat(resolve("otlp_http", written, again)).isEqualTo(expected);
        assertThat(again.list()).isEmpty();

        MapSpecWriter shown = new MapSpecWriter(); // display: the secret header masked
        REGISTRY.write(SpecKind.SINK, spec, shown);
        assertThat(shown.map().get("headers")).isEqualTo(Map.of("Authorization", "***"));
    }

    @Test
    void problemsNameTheKeyAndWhatToWrite() {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("endpoint", "http://collector:4317/v1/metrics");
        block.put("signal_type", "Metrics");
        block.put("headers", Map.of("x-trace-bin", "abc"));
        block.put("tls", Map.of("cert_file", "c.pem"));
        Problems problems = new Problems();

        resolve("otlp_grpc", block, problems);

        assertThat(problems.list())
                .extracting(Problem::path, Problem::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "scenarios[0].sink.signal_type",
                                "unknown signal_type 'Metrics': expected metrics, logs, traces or events (lowercase), or"
                                        + " leave it out: the sink sends every kind it receives"),
                        org.assertj.core.groups.Tuple.tuple(
                                "scenarios[0].sink.tls.key_file",
                                "tls cert_file and key_file go together (mutual TLS): set both or neither"),
                        org.assertj.core.groups.Tuple.tuple(
                                "scenarios[0].sink.endpoint",
                                "invalid otlp_grpc endpoint 'http://collector:4317/v1/metrics': a gRPC endpoint has no"
                                        + " path; write it as http://host:port"),
                        org.assertj.core.groups.Tuple.tuple(
                                "scenarios[0].sink.headers.x-trace-bin",
                                "gRPC metadata name 'x-trace-bin' is reserved (grpc-*) or binary (*-bin): use a text"
                                        + " header"),
                        org.assertj.core.groups.Tuple.tuple(
                                "scenarios[0].sink.tls",
                                "tls is set but endpoint 'http://collector:4317/v1/metrics' is plaintext: write it as"
                                        + " https://"));
    }

    @Test
    void theDisplayNeverShowsHeaders() {
        var spec = SinkSpec.otlpGrpc("http://c:4317", "metrics").withHeaders(Map.of("authorization", "Bearer s3cret"));
        assertThat(new OtlpGrpcSinkProvider().display(spec)).isEqualTo("otlp_grpc (http://c:4317, metrics)");
    }

    @Test
    void signalTypeMayBeLeftOutOrNameTracesAndIsShownOnlyWhenSet() {
        Problems problems = new Problems();
        Object none = resolve("otlp_grpc", Map.of("endpoint", "http://localhost:4317"), problems);
        Object traces =
                resolve("otlp_http", Map.of("endpoint", "http://localhost:4318", "signal_type", "traces"), problems);

        assertThat(problems.list()).isEmpty();
        assertThat(none).isEqualTo(SinkSpec.otlpGrpc("http://localhost:4317"));
        assertThat(traces).isEqualTo(SinkSpec.otlpHttp("http://localhost:4318").withSignalType("traces"));
        assertThat(new OtlpGrpcSinkProvider().display((SinkSpec) none)).isEqualTo("otlp_grpc (http://localhost:4317)");
        assertThat(new OtlpHttpSinkProvider().display((SinkSpec) traces))
                .isEqualTo("otlp_http (http://localhost:4318, traces)");
        MapSpecWriter out = new MapSpecWriter();
        REGISTRY.write(SpecKind.SINK, none, out);
        assertThat(out.map()).containsOnlyKeys("type", "endpoint");
    }

    @Test
    void aReferenceBlockWithoutTheNewKeysEqualsTheOldConstructor() {
        Problems problems = new Problems();
        Object spec = resolve(
                "otlp_grpc",
                Map.of("endpoint", "http://localhost:4317", "signal_type", "metrics", "batch_size", 100L),
                problems);
        assertThat(problems.list()).isEmpty();
        assertThat(spec)
                .isEqualTo(new SinkSpec.OtlpGrpc("http://localhost:4317", "metrics", 100, null, null, Map.of()));
        assertThat(List.of(spec))
                .allMatch(s -> ((SinkSpec.OtlpGrpc) s).headers().isEmpty());
    }
}
