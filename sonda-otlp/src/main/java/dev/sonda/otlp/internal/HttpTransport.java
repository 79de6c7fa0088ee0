package dev.sonda.otlp.internal;

import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.engine.sink.HttpSender;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.engine.sink.SinkKeys;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OTLP/HTTP with binary protobuf (OTLP specification 1.x, "OTLP/HTTP"): {@code POST
 * {endpoint}/v1/metrics}, {@code /v1/logs} or {@code /v1/traces} by the request's {@link Signal}
 * (one trailing {@code /} of the endpoint is dropped), {@code Content-Type:
 * application/x-protobuf}, the configured headers, through the engine's {@link HttpSender} (one
 * per path, sharing one client): 2xx delivered; 4xx other than 429 (such as 400 Bad Request) logged
 * as {@code sonda: otlp_http sink: received HTTP {status} from '{url}'; discarding batch} and a
 * failure that is not retried; 429, 5xx and transport failures retried per the policy. A response
 * body (partial success) is not read.
 */
public final class HttpTransport implements Transport {
    private final String endpoint;
    private final Map<String, String> headers;
    private final RetryPolicy retry;
    private final Consumer<String> diagnostics;
    private final HttpClient client;
    private final Map<Signal, HttpSender> senders = new EnumMap<>(Signal.class);

    /**
     * Creates the transport. No connection is made until the first export.
     *
     * @param endpoint the base URL
     * @param headers headers on every request
     * @param tls TLS settings for {@code https://}, or null
     * @param retry the retry policy, or null
     * @param diagnostics receives the discard and retry lines
     * @throws SinkException for a URL that is not {@code http://} or {@code https://}, a header the
     *     JDK client refuses, or unreadable TLS files
     */
    public HttpTransport(
            String endpoint,
            Map<String, String> headers,
            TlsSettings tls,
            RetryPolicy retry,
            Consumer<String> diagnostics) {
        this.endpoint = endpoint;
        this.headers = Map.copyOf(headers);
        this.retry = retry;
        this.diagnostics = diagnostics;
        HttpClient custom = null;
        if (tls != null && endpoint.startsWith("https://")) {
            try {
                custom = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(30))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .sslContext(Tls.sslContext(tls))
                        .build();
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new SinkException(
                        "otlp http sink: invalid tls settings for '" + SinkKeys.displayUrl(endpoint) + "': "
                                + e.getMessage(),
                        e,
                        false);
            }
        }
        this.client = custom;
        sender(Signal.METRICS); // the URL and headers are checked now, not at the first send
    }

    private HttpSender sender(Signal signal) {
        HttpSender s = senders.get(signal);
        if (s == null) {
            HttpSender.Builder b = HttpSender.to(url(endpoint, signal), "otlp_http", "OTLP/HTTP export")
                    .header("Content-Type", "application/x-protobuf")
                    .headers(headers)
                    .clientErrors(HttpSender.ClientErrors.FAIL)
                    .retry(retry)
                    .diagnostics(diagnostics);
            if (client != null) {
                b.client(client);
            }
            s = b.build();
            senders.put(signal, s);
        }
        return s;
    }

    /**
     * The URL posted to.
     *
     * @param endpoint the base URL
     * @param signal what is posted
     * @return {@code endpoint} followed by {@link Signal#path()}, without a doubled slash
     */
    public static String url(String endpoint, Signal signal) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return base + signal.path();
    }

    @Override
    public long export(Signal signal, byte[] body, int length) {
        sender(signal).post(body, 0, length);
        return 0;
    }

    @Override
    public String partialSuccessMessage() {
        return "";
    }

    @Override
    public void close() {}
}
