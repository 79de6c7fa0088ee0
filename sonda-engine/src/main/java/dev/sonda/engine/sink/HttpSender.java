package dev.sonda.engine.sink;

import dev.sonda.api.sink.HttpAuth;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.TlsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One HTTP POST endpoint of a sink, with the reference's response handling and retry (Sonda 1.20
 * {@code sink/http.rs}, {@code remote_write.rs}, {@code loki.rs}): shared by http_push, loki and
 * the sinks of other modules (remote write, OTLP over HTTP), so none of them copies it.
 *
 * <p>Response handling of one attempt: 2xx is success. 4xx except 429 writes {@code sonda: {sink}
 * sink: received HTTP {status} from '{url}'; discarding batch} to the diagnostics, then either
 * counts as success ({@link ClientErrors#DISCARD}: http_push, loki) or fails with {@code HTTP
 * {status} from '{url}'} and is not retried ({@link ClientErrors#FAIL}: remote_write). 429, 5xx and
 * any other status fail with {@code HTTP {status} from '{url}'} and are retried; a transport
 * failure fails with {@code {action} to '{url}' failed: {reason}} and is retried. Retries follow the
 * {@code retry:} policy ({@link Retry}); an interrupted send is never retried.
 *
 * <p>The HTTP client is the JDK's, HTTP/1.1, 30 s connect timeout, no redirects, shared by every
 * sender that needs no TLS settings of its own ({@link HttpTls} builds one for those). Every
 * request has a timeout ({@link Builder#requestTimeout}, default {@value
 * #DEFAULT_REQUEST_TIMEOUT_SECONDS} s; the reference sets none): a receiver that accepts the
 * connection but never answers fails the attempt with {@code {action} to '{url}' failed: no response
 * within 30s (request timeout)}, which is retried like any transport failure, so a sink's memory
 * stays bounded by its batch. A TLS
 * handshake failure says why in plain words: a certificate no CA in {@code tls.ca_file} (or the
 * JVM's trust store) signed, or one that does not name the URL's host. The body of a non-2xx
 * response (its first 512 characters) is kept for {@link #lastResponseBody()}: Prometheus says
 * there why it refused samples ({@code out of bounds}). Not thread-safe (one sink, one caller at a
 * time).
 */
public final class HttpSender {
    /** What a 4xx response other than 429 does. */
    public enum ClientErrors {
        /** Logged and not a failure; {@link #post} returns false (http_push, loki). */
        DISCARD,
        /** Logged, then a non-retried failure (remote_write). */
        FAIL
    }

    /** Default request timeout: 30 seconds. */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

    /** Default request timeout: 30 seconds. */
    public static final java.time.Duration DEFAULT_REQUEST_TIMEOUT =
            java.time.Duration.ofSeconds(DEFAULT_REQUEST_TIMEOUT_SECONDS);

    private final String url;
    private final String shown;
    private final String sinkName;
    private final String action;
    private final ClientErrors clientErrors;
    private final HttpClient client;
    private final HttpRequest.Builder template;
    private final String uriError;
    private final Consumer<String> diagnostics;
    private final Retry retry;
    private final TlsSettings tls;
    private final java.time.Duration requestTimeout;
    private int lastStatus;
    private String lastBody = "";

    private HttpSender(Builder b) {
        this.url = b.url;
        this.shown = SinkKeys.displayUrl(b.url);
        this.sinkName = b.sinkName;
        this.action = b.action;
        this.clientErrors = b.clientErrors;
        this.tls = b.tls;
        this.client = b.client != null ? b.client : HttpTls.client(b.tls);
        this.diagnostics = b.diagnostics;
        this.retry = new Retry(b.retry, b.diagnostics);
        this.requestTimeout = b.requestTimeout;
        HttpRequest.Builder t = null;
        String error = null;
        try {
            t = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout);
        } catch (IllegalArgumentException e) {
            error = e.getMessage() == null ? "invalid URL" : e.getMessage().replace(url, shown);
        }
        if (t != null) {
            Map<String, String> all = new LinkedHashMap<>(b.headers);
            if (b.auth != null) {
                all.put("Authorization", b.auth.authorization());
            }
            for (Map.Entry<String, String> h : all.entrySet()) {
                try {
                    t.setHeader(h.getKey(), h.getValue());
                } catch (IllegalArgumentException e) {
                    // the JDK's message may quote the value: never for a credential
                    String why = HttpAuth.isSecretHeader(h.getKey())
                            ? "the value holds a character a header cannot carry, such as a line break"
                            : e.getMessage();
                    throw new SinkException("invalid " + action + " header '" + h.getKey() + "': " + why, null);
                }
            }
        }
        this.template = t;
        this.uriError = error;
    }

    /**
     * Starts a sender for {@code url}.
     *
     * @param url the endpoint, {@code http://} or {@code https://}
     * @param sinkName the sink type for the discard line, such as {@code http_push}
     * @param action the transport failure's wording, such as {@code HTTP push}
     * @return the builder
     * @throws SinkException {@code invalid {action} URL '{url}': must start with http:// or https://}
     */
    public static Builder to(String url, String sinkName, String action) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new SinkException("invalid " + action + " URL '" + SinkKeys.displayUrl(url)
                    + "': must start with http:// or https://");
        }
        return new Builder(url, sinkName, action);
    }

    /**
     * POSTs {@code body} with the configured headers, retrying per the policy.
     *
     * @param body the request body, not kept after the call
     * @return true when the receiver acknowledged the body (a 2xx); false when it refused it with
     *     a 4xx that {@link ClientErrors#DISCARD} discards (the body's records are then dropped,
     *     not delivered)
     * @throws SinkException as the class comment says
     */
    public boolean post(byte[] body) {
        return post(body, 0, body.length);
    }

    /**
     * POSTs {@code len} bytes of {@code buf} from {@code off}, with the configured headers,
     * retrying per the policy (every attempt sends the same bytes). The array is read during the
     * call only, so a sink may reuse it afterwards.
     *
     * @param buf the array holding the body
     * @param off where the body starts
     * @param len the body's length
     * @return true when the receiver acknowledged the body (a 2xx); false when it refused it with
     *     a 4xx that {@link ClientErrors#DISCARD} discards
     * @throws SinkException as the class comment says
     */
    public boolean post(byte[] buf, int off, int len) {
        retry.run(attempt -> attempt(buf, off, len), HttpSender::retryable);
        return lastStatus >= 200 && lastStatus < 300;
    }

    /**
     * POSTs a batch of {@code records} records and reports them to {@code delivery}: delivered on
     * a 2xx; dropped with {@code HTTP {status} from '{url}': batch discarded} when a 4xx discards
     * the batch; dropped with the error's message when the send fails (the error is then
     * rethrown).
     *
     * @param body the request body, not kept after the call
     * @param records how many records the body holds
     * @param delivery where they are reported
     * @throws SinkException as the class comment says, after the records were reported dropped
     */
    public void post(byte[] body, long records, Delivery delivery) {
        boolean acknowledged;
        try {
            acknowledged = post(body, 0, body.length);
        } catch (SinkException e) {
            delivery.dropped(records, e.getMessage());
            throw e;
        }
        if (acknowledged) {
            delivery.delivered(records);
        } else {
            delivery.dropped(records, "HTTP " + lastStatus + " from '" + shown + "': batch discarded");
        }
    }

    /**
     * The request timeout in force.
     *
     * @return the timeout
     */
    public java.time.Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * The body of the last non-2xx response: its first 512 characters, line breaks as spaces,
     * trimmed; empty after a 2xx, a transport failure or before any response.
     *
     * @return the text
     */
    public String lastResponseBody() {
        return lastBody;
    }

    /**
     * The HTTP status of the last response, or 0 before any (or after a transport failure).
     *
     * @return the status
     */
    public int lastStatus() {
        return lastStatus;
    }

    /**
     * The endpoint.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    private void attempt(byte[] body, int off, int len) {
        lastStatus = 0;
        lastBody = "";
        if (template == null) {
            throw new SinkException(action + " to '" + shown + "' failed: " + uriError);
        }
        HttpRequest request = template.copy()
                .POST(HttpRequest.BodyPublishers.ofByteArray(body, off, len))
                .build();
        int status;
        try {
            HttpResponse<byte[]> response = client.send(request, HttpSender::errorBodies);
            status = response.statusCode();
            if (response.body() != null) {
                lastBody = bodyText(response.body());
            }
        } catch (javax.net.ssl.SSLException e) {
            throw new SinkException(action + " to '" + shown + "' failed: " + tlsProblem(e), e, false);
        } catch (java.net.http.HttpTimeoutException e) {
            if (e instanceof java.net.http.HttpConnectTimeoutException) {
                throw new SinkException(action + " to '" + shown + "' failed: connection not established in time", e);
            }
            throw new SinkException(
                    action + " to '" + shown + "' failed: no response within "
                            + dev.sonda.api.DurationText.format(requestTimeout) + " (request timeout)",
                    e);
        } catch (IOException e) {
            if (e.getCause() instanceof javax.net.ssl.SSLException ssl) {
                throw new SinkException(action + " to '" + shown + "' failed: " + tlsProblem(ssl), e, false);
            }
            throw new SinkException(action + " to '" + shown + "' failed: " + IoErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException(action + " to '" + shown + "' failed: interrupted", e);
        }
        lastStatus = status;
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 400 && status < 500 && status != 429) {
            diagnostics.accept("sonda: " + sinkName + " sink: received HTTP " + status + " from '" + shown
                    + "'; discarding batch");
            if (clientErrors == ClientErrors.DISCARD) {
                return;
            }
            throw new SinkException("HTTP " + status + " from '" + shown + "'", null, false);
        }
        throw new SinkException("HTTP " + status + " from '" + shown + "'");
    }

    private static HttpResponse.BodySubscriber<byte[]> errorBodies(HttpResponse.ResponseInfo info) {
        return info.statusCode() / 100 == 2
                ? HttpResponse.BodySubscribers.replacing(null)
                : HttpResponse.BodySubscribers.ofByteArray();
    }

    private static String bodyText(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8)
                .replaceAll("[\\r\\n\\t]+", " ")
                .trim();
        return text.length() > 512 ? text.substring(0, 512) + "..." : text;
    }

    /** A TLS failure in plain words, with what to change. */
    private String tlsProblem(javax.net.ssl.SSLException e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        String m = all.toString();
        String detail = e.getMessage();
        if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
            return "TLS handshake failed: the server's certificate is not signed by a CA in "
                    + (tls != null && tls.caFile() != null
                            ? "tls.ca_file '" + tls.caFile() + "'; point ca_file at the CA that signed it"
                            : "the JVM's trust store; set tls.ca_file to the CA that signed it")
                    + " (" + detail + ")";
        }
        if (m.contains("No subject alternative") || m.contains("No name matching")) {
            return "TLS handshake failed: the server's certificate does not name the host of the URL; use a host"
                    + " name its subject alternative names list (" + detail + ")";
        }
        if (m.contains("bad_certificate") || m.contains("certificate_required")) {
            return "TLS handshake failed: the server refused the client certificate; set tls.cert_file and"
                    + " tls.key_file to one its CA signed (" + detail + ")";
        }
        return "TLS handshake failed: " + detail;
    }

    /**
     * The reference's classifier: everything is retried except a 4xx other than 429 (the message
     * holds {@code HTTP 4}) and an interrupted send.
     */
    static boolean retryable(SinkException e) {
        if (e.getCause() instanceof InterruptedException || !e.retryable()) {
            return false;
        }
        String m = String.valueOf(e.getMessage());
        return !(m.contains("HTTP 4") && !m.contains("HTTP 429"));
    }

    /** Configures a {@link HttpSender}. */
    public static final class Builder {
        private final String url;
        private final String sinkName;
        private final String action;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private ClientErrors clientErrors = ClientErrors.DISCARD;
        private HttpClient client;
        private HttpAuth auth;
        private TlsSettings tls;
        private RetryPolicy retry;
        private java.time.Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Consumer<String> diagnostics = line -> {};

        private Builder(String url, String sinkName, String action) {
            this.url = url;
            this.sinkName = sinkName;
            this.action = action;
        }

        /**
         * Sets a header on every request; a later call with the same name replaces the value.
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * Sets several headers, in map order, after those set so far.
         *
         * @param more the headers
         * @return this builder
         */
        public Builder headers(Map<String, String> more) {
            headers.putAll(more);
            return this;
        }

        /**
         * What a 4xx other than 429 does; default {@link ClientErrors#DISCARD}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder clientErrors(ClientErrors policy) {
            this.clientErrors = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Credentials sent as the {@code Authorization} header, set after (and so replacing) any
         * header of that name; null (the default) for none.
         *
         * @param auth the credentials
         * @return this builder
         */
        public Builder auth(HttpAuth auth) {
            this.auth = auth;
            return this;
        }

        /**
         * TLS settings; the sender then uses a client of its own ({@link HttpTls#client}). Null
         * (the default) for the shared client. A client set with {@link #client} wins.
         *
         * @param tls the settings
         * @return this builder
         */
        public Builder tls(TlsSettings tls) {
            this.tls = tls;
            return this;
        }

        /**
         * The retry policy, or null (the default) for none.
         *
         * @param retry the policy
         * @return this builder
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /**
         * How long one attempt may wait for the response (connect included) before it fails and
         * is retried per the policy; default {@value #DEFAULT_REQUEST_TIMEOUT_SECONDS} s.
         *
         * @param timeout the timeout, above zero; null for the default
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder requestTimeout(java.time.Duration timeout) {
            if (timeout == null) {
                this.requestTimeout = DEFAULT_REQUEST_TIMEOUT;
                return this;
            }
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("request timeout must be above zero, got " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Where the discard and retry lines go; default nowhere.
         *
         * @param diagnostics the receiver
         * @return this builder
         */
        public Builder diagnostics(Consumer<String> diagnostics) {
            this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
            return this;
        }

        /**
         * Another HTTP client, such as one with a TLS context; default the shared one.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(HttpClient client) {
            this.client = client;
            return this;
        }

        /**
         * Builds the sender.
         *
         * @return the sender
         * @throws SinkException {@code invalid {action} header '{name}': {reason}} when the JDK
         *     client refuses a header (restricted names such as {@code Host}, line breaks); a TLS
         *     file that cannot be read or parsed ({@link HttpTls#client})
         * @throws IllegalArgumentException if the retry policy is invalid
         */
        public HttpSender build() {
            return new HttpSender(this);
        }
    }
}
