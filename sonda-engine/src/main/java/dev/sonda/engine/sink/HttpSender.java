package dev.sonda.engine.sink;

import dev.sonda.api.sink.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * sender that needs no TLS settings of its own. Not thread-safe (one sink, one caller at a time).
 */
public final class HttpSender {
    /** What a 4xx response other than 429 does. */
    public enum ClientErrors {
        /** Logged and counted as delivered (http_push, loki). */
        DISCARD,
        /** Logged, then a non-retried failure (remote_write). */
        FAIL
    }

    private final String url;
    private final String sinkName;
    private final String action;
    private final ClientErrors clientErrors;
    private final HttpClient client;
    private final HttpRequest.Builder template;
    private final String uriError;
    private final Consumer<String> diagnostics;
    private final Retry retry;
    private int lastStatus;

    private HttpSender(Builder b) {
        this.url = b.url;
        this.sinkName = b.sinkName;
        this.action = b.action;
        this.clientErrors = b.clientErrors;
        this.client = b.client == null ? SharedHttpClient.INSTANCE : b.client;
        this.diagnostics = b.diagnostics;
        this.retry = new Retry(b.retry, b.diagnostics);
        HttpRequest.Builder t = null;
        String error = null;
        try {
            t = HttpRequest.newBuilder(URI.create(url));
        } catch (IllegalArgumentException e) {
            error = e.getMessage() == null ? "invalid URL" : e.getMessage();
        }
        if (t != null) {
            for (Map.Entry<String, String> h : b.headers.entrySet()) {
                try {
                    t.setHeader(h.getKey(), h.getValue());
                } catch (IllegalArgumentException e) {
                    throw new SinkException("invalid " + action + " header '" + h.getKey() + "': " + e.getMessage(), e);
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
            throw new SinkException("invalid " + action + " URL '" + url + "': must start with http:// or https://");
        }
        return new Builder(url, sinkName, action);
    }

    /**
     * POSTs {@code body} with the configured headers, retrying per the policy.
     *
     * @param body the request body, not kept after the call
     * @throws SinkException as the class comment says
     */
    public void post(byte[] body) {
        retry.run(attempt -> attempt(body), HttpSender::retryable);
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

    private void attempt(byte[] body) {
        lastStatus = 0;
        if (template == null) {
            throw new SinkException(action + " to '" + url + "' failed: " + uriError);
        }
        HttpRequest request = template.copy()
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new SinkException(action + " to '" + url + "' failed: " + IoErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException(action + " to '" + url + "' failed: interrupted", e);
        }
        lastStatus = status;
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 400 && status < 500 && status != 429) {
            diagnostics.accept(
                    "sonda: " + sinkName + " sink: received HTTP " + status + " from '" + url + "'; discarding batch");
            if (clientErrors == ClientErrors.DISCARD) {
                return;
            }
            throw new SinkException("HTTP " + status + " from '" + url + "'", null, false);
        }
        throw new SinkException("HTTP " + status + " from '" + url + "'");
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
        private RetryPolicy retry;
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
         *     client refuses a header (restricted names such as {@code Host}, line breaks)
         * @throws IllegalArgumentException if the retry policy is invalid
         */
        public HttpSender build() {
            return new HttpSender(this);
        }
    }
}
