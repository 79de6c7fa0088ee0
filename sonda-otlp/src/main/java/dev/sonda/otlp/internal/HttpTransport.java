package dev.sonda.otlp.internal;

import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.engine.sink.HttpSender;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.engine.sink.SinkKeys;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OTLP/HTTP with binary protobuf (OTLP specification 1.x, "OTLP/HTTP"): {@code POST
 * {endpoint}/v1/metrics} or {@code {endpoint}/v1/logs} (one trailing {@code /} of the endpoint is
 * dropped), {@code Content-Type: application/x-protobuf}, the configured headers, through the
 * engine's {@link HttpSender}: 2xx delivered; 4xx other than 429 (such as 400 Bad Request) logged as
 * {@code sonda: otlp_http sink: received HTTP {status} from '{url}'; discarding batch} and a
 * failure that is not retried; 429, 5xx and transport failures retried per the policy. A response
 * body (partial success) is not read.
 */
public final class HttpTransport implements Transport {
    private final HttpSender sender;

    /**
     * Creates the transport. No connection is made until the first export.
     *
     * @param endpoint the base URL
     * @param metrics true for {@code /v1/metrics}, false for {@code /v1/logs}
     * @param headers headers on every request
     * @param tls TLS settings for {@code https://}, or null
     * @param retry the retry policy, or null
     * @param diagnostics receives the discard and retry lines
     * @throws SinkException for a URL that is not {@code http://} or {@code https://}, a header the
     *     JDK client refuses, or unreadable TLS files
     */
    public HttpTransport(
            String endpoint,
            boolean metrics,
            Map<String, String> headers,
            TlsSettings tls,
            RetryPolicy retry,
            Consumer<String> diagnostics) {
        String url = url(endpoint, metrics);
        HttpSender.Builder b = HttpSender.to(url, "otlp_http", "OTLP/HTTP export")
                .header("Content-Type", "application/x-protobuf")
                .headers(headers)
                .clientErrors(HttpSender.ClientErrors.FAIL)
                .retry(retry)
                .diagnostics(diagnostics);
        if (tls != null && endpoint.startsWith("https://")) {
            try {
                b.client(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(30))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .sslContext(Tls.sslContext(tls))
                        .build());
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new SinkException(
                        "otlp http sink: invalid tls settings for '" + SinkKeys.displayUrl(endpoint) + "': "
                                + e.getMessage(),
                        e,
                        false);
            }
        }
        this.sender = b.build();
    }

    /**
     * The URL posted to.
     *
     * @param endpoint the base URL
     * @param metrics true for metrics
     * @return {@code endpoint + "/v1/metrics"} or {@code "/v1/logs"}, without a doubled slash
     */
    public static String url(String endpoint, boolean metrics) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return base + (metrics ? "/v1/metrics" : "/v1/logs");
    }

    @Override
    public long export(byte[] body, int length) {
        sender.post(length == body.length ? body : Arrays.copyOf(body, length));
        return 0;
    }

    @Override
    public String partialSuccessMessage() {
        return "";
    }

    @Override
    public void close() {}
}
