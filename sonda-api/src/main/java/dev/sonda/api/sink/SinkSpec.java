package dev.sonda.api.sink;

import dev.sonda.api.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where encoded events go: the YAML {@code sink:} block.
 *
 * <p>Open to plug-ins through {@link Generic}; the built-ins are the records nested here, with the
 * reference's (Sonda 1.20) keys and defaults. A {@code null} optional field means "the default".
 * The wire behaviour (batching, retry, flush) belongs to the engine's sinks and is documented
 * there. When an entry names no sink, it writes to {@link Stdout}.
 */
public interface SinkSpec {

    /**
     * The YAML {@code type:} value, such as {@code "http_push"}.
     *
     * @return the type name, never null
     */
    String type();

    /**
     * Adds every problem of this spec that needs no context to {@code problems}.
     *
     * @param path where this spec sits, such as {@code scenarios[0].sink}
     * @param problems collector of problems found
     */
    default void validate(String path, Problems problems) {}

    /**
     * {@code stdout}.
     *
     * @return the spec
     */
    static SinkSpec stdout() {
        return new Stdout();
    }

    /**
     * {@code file} at {@code path}.
     *
     * @param path file path
     * @return the spec
     */
    static SinkSpec file(String path) {
        return new File(path);
    }

    /**
     * {@code tcp} to {@code address}, without retry.
     *
     * @param address {@code host:port}
     * @return the spec
     */
    static SinkSpec tcp(String address) {
        return new Tcp(address, null);
    }

    /**
     * {@code udp} to {@code address}.
     *
     * @param address {@code host:port}
     * @return the spec
     */
    static SinkSpec udp(String address) {
        return new Udp(address);
    }

    /**
     * {@code kafka} to {@code topic} at {@code brokers}, with every optional key at its default
     * (no key, one record per flush, partition 0, {@code acks: all}, no TLS, no SASL); refine it
     * with the {@code with...} methods of {@link Kafka}, such as {@code
     * SinkSpec.kafka("localhost:9092", "metrics").withKey("{name}")}.
     *
     * @param brokers comma-separated {@code host:port} bootstrap list
     * @param topic target topic
     * @return the spec
     */
    static Kafka kafka(String brokers, String topic) {
        return new Kafka(brokers, topic, null, null, null, null, null, null, null, null, null, null, null, Map.of());
    }

    /**
     * {@code http_push} to {@code url} with the default batch size, content type and no retry.
     *
     * @param url target URL
     * @return the spec
     */
    static HttpPush httpPush(String url) {
        return new HttpPush(url, null, null, null, Map.of(), null);
    }

    /**
     * {@code otlp_grpc} to {@code endpoint}, with the defaults (5 data points, log records or spans
     * per export, 5 s buffer age, no retry, no headers, the JVM's trust store): metrics, logs,
     * spans and events each go to their own service. Refine it with {@link OtlpGrpc#withBatchSize},
     * {@link OtlpGrpc#withHeaders}, {@link OtlpGrpc#withTls} and the other {@code with...} copies.
     * YAML: {@code sink: {type: otlp_grpc, endpoint: ...}}.
     *
     * @param endpoint collector endpoint, such as {@code http://localhost:4317}
     * @return the spec
     */
    static OtlpGrpc otlpGrpc(String endpoint) {
        return new OtlpGrpc(endpoint, null, null, null, null, Map.of(), Map.of(), null);
    }

    /**
     * {@code otlp_grpc} to {@code endpoint} with a {@code signal_type}, as the reference's files
     * write it; otherwise as {@link #otlpGrpc(String)}. YAML: {@code sink: {type: otlp_grpc,
     * endpoint: ..., signal_type: ...}}.
     *
     * @param endpoint collector endpoint, such as {@code http://localhost:4317}
     * @param signalType what the entry emits: {@code metrics}, {@code logs}, {@code traces} or
     *     {@code events}; checked against the entry, never a filter
     * @return the spec
     */
    static OtlpGrpc otlpGrpc(String endpoint, String signalType) {
        return new OtlpGrpc(endpoint, signalType, null, null, null, Map.of(), Map.of(), null);
    }

    /**
     * {@code otlp_http} to {@code endpoint}, with the defaults (5 data points, log records or spans
     * per request, 5 s buffer age, no retry, no headers, the JVM's trust store). Refine it with the
     * {@code with...} copies of {@link OtlpHttp}. YAML: {@code sink: {type: otlp_http, endpoint:
     * ...}}.
     *
     * @param endpoint the receiver's base URL, such as {@code http://localhost:4318}; the sink
     *     appends {@code /v1/metrics}, {@code /v1/logs} or {@code /v1/traces}
     * @return the spec
     */
    static OtlpHttp otlpHttp(String endpoint) {
        return new OtlpHttp(endpoint, null, null, null, null, Map.of(), Map.of(), null);
    }

    /**
     * {@code otlp_http} to {@code endpoint} with a {@code signal_type}; otherwise as {@link
     * #otlpHttp(String)}. YAML: {@code sink: {type: otlp_http, endpoint: ..., signal_type: ...}}.
     *
     * @param endpoint the receiver's base URL, such as {@code http://localhost:4318}
     * @param signalType what the entry emits: {@code metrics}, {@code logs}, {@code traces} or
     *     {@code events}; checked against the entry, never a filter
     * @return the spec
     */
    static OtlpHttp otlpHttp(String endpoint, String signalType) {
        return new OtlpHttp(endpoint, signalType, null, null, null, Map.of(), Map.of(), null);
    }

    /**
     * {@code remote_write} to {@code url}: Prometheus remote write 1.0, 5 series per request, no
     * retry; the {@code with...} methods of {@link RemoteWrite} set the rest.
     *
     * <pre>{@code
     * SinkSpec.remoteWrite("https://mimir.example/api/v1/push")
     *         .withHeader("X-Scope-OrgID", "team-a")
     *         .withBasicAuth("sonda", System.getenv("MIMIR_PASSWORD"))
     *         .withProtocol(SinkSpec.RemoteWrite.Protocol.V2)
     * }</pre>
     *
     * @param url remote write endpoint URL, {@code http://} or {@code https://}
     * @return the spec
     */
    static RemoteWrite remoteWrite(String url) {
        return new RemoteWrite(url, null, null, null);
    }

    /**
     * {@code memory}: the encoded records stay in the process, readable while the run goes on
     * through {@code Run.memory("entry-id")} (a {@code MemorySink}).
     *
     * @return the spec
     */
    static SinkSpec memory() {
        return new Memory();
    }

    /**
     * A bounded queue of encoded records to a consumer thread of the embedding program, read through
     * {@code Run.channel("entry-id")}; programmatic only (it has no YAML form, as in the reference).
     *
     * @param capacity how many records may wait before the entry blocks, at least 1
     * @return the spec
     */
    static SinkSpec channel(int capacity) {
        return new Channel(capacity);
    }

    private static void checkRetry(RetryPolicy retry, String path, Problems problems) {
        if (retry != null) {
            retry.validate(path + ".retry", problems);
        }
    }

    private static void checkTimeout(Duration timeout, String key, String path, Problems problems) {
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            problems.add(path + "." + key, key + " must be above zero, such as 30s");
        }
    }

    private static void checkHttp(
            Map<String, String> headers, HttpAuth auth, TlsSettings tls, String path, Problems problems) {
        Headers.checkNotMasked(headers, auth, path, problems);
        if (auth != null) {
            for (String name : headers.keySet()) {
                if (name.equalsIgnoreCase("Authorization")) {
                    problems.add(
                            path + ".headers." + name,
                            "headers." + name + " and "
                                    + (auth instanceof HttpAuth.Basic ? "basic_auth" : "bearer_token")
                                    + " both set the Authorization header: keep one of them");
                }
            }
        }
        if (tls != null) {
            tls.validate(path + ".tls", problems);
        }
    }

    /** {@code type: stdout}: the process's standard output, buffered 8 KiB. */
    record Stdout() implements SinkSpec {
        @Override
        public String type() {
            return "stdout";
        }
    }

    /**
     * {@code type: file}: a file, created (with parent directories) or truncated at start.
     *
     * @param path file path, relative to the working directory
     */
    record File(String path) implements SinkSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param path file path, relative to the working directory
         * @throws NullPointerException if a required component is null
         */
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String type() {
            return "file";
        }
    }

    /**
     * {@code type: tcp}: a TCP connection, buffered 8 KiB.
     *
     * @param address {@code host:port}
     * @param retry retry policy, or null for none
     * @param writeTimeout how long a write to the socket may make no progress before it fails
     *     (YAML {@code write_timeout}; an addition to the reference, which waits for ever), null for
     *     30 s
     */
    record Tcp(String address, RetryPolicy retry, Duration writeTimeout) implements SinkSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param address {@code host:port}
         * @param retry retry policy, or null for none
         * @param writeTimeout the write timeout, or null for 30 s
         * @throws NullPointerException if a required component is null
         */
        public Tcp {
            Objects.requireNonNull(address, "address");
        }

        /**
         * Creates the record with the default write timeout (the reference's keys).
         *
         * @param address {@code host:port}
         * @param retry retry policy, or null for none
         * @throws NullPointerException if {@code address} is null
         */
        public Tcp(String address, RetryPolicy retry) {
            this(address, retry, null);
        }

        /**
         * This spec with a write timeout (YAML {@code write_timeout}).
         *
         * @param writeTimeout above zero, or null for 30 s
         * @return the new spec
         */
        public Tcp withWriteTimeout(Duration writeTimeout) {
            return new Tcp(address, retry, writeTimeout);
        }

        @Override
        public String type() {
            return "tcp";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
            checkTimeout(writeTimeout, "write_timeout", path, problems);
        }
    }

    /**
     * {@code type: udp}: one datagram per event, at most 65,507 bytes.
     *
     * @param address {@code host:port}
     */
    record Udp(String address) implements SinkSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param address {@code host:port}
         * @throws NullPointerException if a required component is null
         */
        public Udp {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String type() {
            return "udp";
        }
    }

    /**
     * {@code type: http_push}: batched HTTP POSTs of the encoded bytes.
     *
     * @param url target URL, {@code http://} or {@code https://}
     * @param contentType {@code Content-Type} header (YAML {@code content_type}), null for {@code
     *     application/octet-stream}
     * @param batchSize batch size in bytes (YAML {@code batch_size}), null for 4096
     * @param maxBufferAge flush a batch this old on the next write (YAML {@code max_buffer_age}),
     *     null for 5 s, {@link Duration#ZERO} to disable
     * @param headers extra headers on every POST, may be empty
     * @param retry retry policy, or null for none
     * @param auth {@code basic_auth} or {@code bearer_token} credentials, or null for none (an
     *     addition to the reference)
     * @param tls the {@code tls:} block, or null for the JVM's default trust (an addition to the
     *     reference)
     * @param requestTimeout how long one POST may wait for the response before it fails and is
     *     retried (YAML {@code request_timeout}; an addition to the reference, which waits for ever),
     *     null for 30 s
     */
    record HttpPush(
            String url,
            String contentType,
            Integer batchSize,
            Duration maxBufferAge,
            Map<String, String> headers,
            RetryPolicy retry,
            HttpAuth auth,
            TlsSettings tls,
            Duration requestTimeout)
            implements SinkSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param url target URL, {@code http://} or {@code https://}
         * @param contentType {@code Content-Type} header (YAML {@code content_type}), null for {@code application/octet-stream}
         * @param batchSize batch size in bytes (YAML {@code batch_size}), null for 4096
         * @param maxBufferAge flush a batch this old on the next write (YAML {@code max_buffer_age}), null for 5 s, {@link Duration#ZERO} to disable
         * @param headers extra headers on every POST, may be empty
         * @param retry retry policy, or null for none
         * @param auth {@code basic_auth} or {@code bearer_token} credentials, or null for none
         * @param tls the {@code tls:} block, or null for the JVM's default trust
         * @param requestTimeout the request timeout, or null for 30 s
         * @throws NullPointerException if a required component is null
         */
        public HttpPush {
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
        }

        /**
         * Creates the record with the default request timeout.
         *
         * @param url target URL, {@code http://} or {@code https://}
         * @param contentType {@code Content-Type} header, null for {@code application/octet-stream}
         * @param batchSize batch size in bytes, null for 4096
         * @param maxBufferAge flush a batch this old on the next write, null for 5 s
         * @param headers extra headers on every POST, may be empty
         * @param retry retry policy, or null for none
         * @param auth credentials, or null for none
         * @param tls the {@code tls:} block, or null
         * @throws NullPointerException if a required component is null
         */
        public HttpPush(
                String url,
                String contentType,
                Integer batchSize,
                Duration maxBufferAge,
                Map<String, String> headers,
                RetryPolicy retry,
                HttpAuth auth,
                TlsSettings tls) {
            this(url, contentType, batchSize, maxBufferAge, headers, retry, auth, tls, null);
        }

        /**
         * Creates the record without auth and TLS settings (the reference's keys).
         *
         * @param url target URL, {@code http://} or {@code https://}
         * @param contentType {@code Content-Type} header, null for {@code application/octet-stream}
         * @param batchSize batch size in bytes, null for 4096
         * @param maxBufferAge flush a batch this old on the next write, null for 5 s
         * @param headers extra headers on every POST, may be empty
         * @param retry retry policy, or null for none
         * @throws NullPointerException if a required component is null
         */
        public HttpPush(
                String url,
                String contentType,
                Integer batchSize,
                Duration maxBufferAge,
                Map<String, String> headers,
                RetryPolicy retry) {
            this(url, contentType, batchSize, maxBufferAge, headers, retry, null, null, null);
        }

        @Override
        public String type() {
            return "http_push";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
            checkHttp(headers, auth, tls, path, problems);
            checkTimeout(requestTimeout, "request_timeout", path, problems);
            Headers.checkUrlNotMasked(url, path + ".url", problems);
        }

        /**
         * This spec with one more header (YAML {@code headers:}); a header of the same name is
         * replaced.
         *
         * @param name the header name, such as {@code X-Scope-OrgID}
         * @param value the value
         * @return the new spec
         */
        public HttpPush withHeader(String name, String value) {
            return new HttpPush(
                    url,
                    contentType,
                    batchSize,
                    maxBufferAge,
                    Headers.with(headers, name, value),
                    retry,
                    auth,
                    tls,
                    requestTimeout);
        }

        /**
         * This spec with {@code basic_auth}.
         *
         * @param username the user name
         * @param password the password (never shown)
         * @return the new spec
         */
        public HttpPush withBasicAuth(String username, String password) {
            return new HttpPush(
                    url,
                    contentType,
                    batchSize,
                    maxBufferAge,
                    headers,
                    retry,
                    HttpAuth.basic(username, password),
                    tls,
                    requestTimeout);
        }

        /**
         * This spec with {@code bearer_token}.
         *
         * @param token the token (never shown)
         * @return the new spec
         */
        public HttpPush withBearerToken(String token) {
            return new HttpPush(
                    url,
                    contentType,
                    batchSize,
                    maxBufferAge,
                    headers,
                    retry,
                    HttpAuth.bearer(token),
                    tls,
                    requestTimeout);
        }

        /**
         * This spec with a {@code tls:} block.
         *
         * @param tls the settings, or null for the JVM's defaults
         * @return the new spec
         */
        public HttpPush withTls(TlsSettings tls) {
            return new HttpPush(url, contentType, batchSize, maxBufferAge, headers, retry, auth, tls, requestTimeout);
        }

        /**
         * This spec with a {@code retry:} policy.
         *
         * @param retry the policy, or null for none
         * @return the new spec
         */
        public HttpPush withRetry(RetryPolicy retry) {
            return new HttpPush(url, contentType, batchSize, maxBufferAge, headers, retry, auth, tls, requestTimeout);
        }

        /**
         * This spec with a request timeout (YAML {@code request_timeout}).
         *
         * @param requestTimeout above zero, or null for 30 s
         * @return the new spec
         */
        public HttpPush withRequestTimeout(Duration requestTimeout) {
            return new HttpPush(url, contentType, batchSize, maxBufferAge, headers, retry, auth, tls, requestTimeout);
        }

        /**
         * Masks the credentials.
         *
         * @return the components, the secret as {@code ***}
         */
        @Override
        public String toString() {
            return "HttpPush[url=" + HttpAuth.displayUrl(url) + ", contentType=" + contentType + ", batchSize="
                    + batchSize
                    + ", maxBufferAge=" + maxBufferAge + ", headers=" + Headers.masked(headers) + ", retry=" + retry
                    + ", auth=" + auth + ", tls=" + tls + ", requestTimeout=" + requestTimeout + "]";
        }
    }

    /**
     * {@code type: remote_write}: Prometheus remote write (snappy-compressed protobuf), version 1.0
     * as the reference writes it, or 2.0 with {@code protocol: v2}.
     *
     * @param url remote write endpoint URL, {@code http://} or {@code https://}
     * @param batchSize samples per request (YAML {@code batch_size}; the reference's count of
     *     {@code TimeSeries} entries, one per sample), null for 5
     * @param maxBufferAge as for {@link HttpPush}
     * @param retry retry policy, or null for none
     * @param protocol the wire protocol (YAML {@code protocol: v1 | v2}); null reads as {@link
     *     Protocol#V1}
     * @param headers extra headers on every request, such as {@code X-Scope-OrgID} (an addition to
     *     the reference), may be empty
     * @param auth {@code basic_auth} or {@code bearer_token} credentials, or null for none (an
     *     addition to the reference)
     * @param tls the {@code tls:} block, or null for the JVM's default trust (an addition to the
     *     reference)
     */
    record RemoteWrite(
            String url,
            Integer batchSize,
            Duration maxBufferAge,
            RetryPolicy retry,
            Protocol protocol,
            Map<String, String> headers,
            HttpAuth auth,
            TlsSettings tls)
            implements SinkSpec {

        /** The remote-write protocol version. */
        public enum Protocol {
            /**
             * Remote-Write 1.0 ({@code prometheus.WriteRequest}, {@code
             * X-Prometheus-Remote-Write-Version: 0.1.0}): what the reference sends and every receiver
             * accepts.
             */
            V1("v1"),
            /**
             * Remote-Write 2.0 ({@code io.prometheus.write.v2.Request}: interned symbols and
             * per-series metadata, {@code X-Prometheus-Remote-Write-Version: 2.0.0}).
             */
            V2("v2");

            private final String yaml;

            Protocol(String yaml) {
                this.yaml = yaml;
            }

            /**
             * The YAML word.
             *
             * @return {@code v1} or {@code v2}
             */
            public String yaml() {
                return yaml;
            }
        }

        /**
         * Creates the record, checking and copying its components.
         *
         * @param url remote write endpoint URL
         * @param batchSize samples per request (YAML {@code batch_size}), null for 5
         * @param maxBufferAge as for {@link HttpPush}
         * @param retry retry policy, or null for none
         * @param protocol the wire protocol; null means {@link Protocol#V1}
         * @param headers extra headers on every request, may be empty
         * @param auth credentials, or null for none
         * @param tls the {@code tls:} block, or null
         * @throws NullPointerException if a required component is null
         */
        public RemoteWrite {
            Objects.requireNonNull(url, "url");
            protocol = protocol == null ? Protocol.V1 : protocol;
            headers = Map.copyOf(headers);
        }

        /**
         * Creates a Remote-Write 1.0 spec with the reference's keys only.
         *
         * @param url remote write endpoint URL
         * @param batchSize samples per request, null for 5
         * @param maxBufferAge as for {@link HttpPush}
         * @param retry retry policy, or null for none
         * @throws NullPointerException if {@code url} is null
         */
        public RemoteWrite(String url, Integer batchSize, Duration maxBufferAge, RetryPolicy retry) {
            this(url, batchSize, maxBufferAge, retry, Protocol.V1, Map.of(), null, null);
        }

        @Override
        public String type() {
            return "remote_write";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
            checkHttp(headers, auth, tls, path, problems);
            Headers.checkUrlNotMasked(url, path + ".url", problems);
        }

        /**
         * This spec with another protocol (YAML {@code protocol:}).
         *
         * @param protocol {@link Protocol#V1} or {@link Protocol#V2}
         * @return the new spec
         */
        public RemoteWrite withProtocol(Protocol protocol) {
            return new RemoteWrite(url, batchSize, maxBufferAge, retry, protocol, headers, auth, tls);
        }

        /**
         * This spec with another batch size (YAML {@code batch_size}).
         *
         * @param batchSize samples per request; 0 sends every sample on its own, as the reference
         * @return the new spec
         */
        public RemoteWrite withBatchSize(int batchSize) {
            return new RemoteWrite(url, batchSize, maxBufferAge, retry, protocol, headers, auth, tls);
        }

        /**
         * This spec with another {@code max_buffer_age}.
         *
         * @param maxBufferAge the age, {@link Duration#ZERO} to disable
         * @return the new spec
         */
        public RemoteWrite withMaxBufferAge(Duration maxBufferAge) {
            return new RemoteWrite(url, batchSize, maxBufferAge, retry, protocol, headers, auth, tls);
        }

        /**
         * This spec with a {@code retry:} policy.
         *
         * @param retry the policy, or null for none
         * @return the new spec
         */
        public RemoteWrite withRetry(RetryPolicy retry) {
            return new RemoteWrite(url, batchSize, maxBufferAge, retry, protocol, headers, auth, tls);
        }

        /**
         * This spec with one more header (YAML {@code headers:}), such as a tenant header {@code
         * X-Scope-OrgID} (Mimir, Cortex, Loki) or {@code THANOS-TENANT}; a header of the same name
         * is replaced.
         *
         * @param name the header name
         * @param value the value
         * @return the new spec
         */
        public RemoteWrite withHeader(String name, String value) {
            return new RemoteWrite(
                    url, batchSize, maxBufferAge, retry, protocol, Headers.with(headers, name, value), auth, tls);
        }

        /**
         * This spec with {@code basic_auth}.
         *
         * @param username the user name
         * @param password the password (never shown)
         * @return the new spec
         */
        public RemoteWrite withBasicAuth(String username, String password) {
            return new RemoteWrite(
                    url, batchSize, maxBufferAge, retry, protocol, headers, HttpAuth.basic(username, password), tls);
        }

        /**
         * This spec with {@code bearer_token}.
         *
         * @param token the token (never shown)
         * @return the new spec
         */
        public RemoteWrite withBearerToken(String token) {
            return new RemoteWrite(url, batchSize, maxBufferAge, retry, protocol, headers, HttpAuth.bearer(token), tls);
        }

        /**
         * This spec with a {@code tls:} block.
         *
         * @param tls the settings, or null for the JVM's defaults
         * @return the new spec
         */
        public RemoteWrite withTls(TlsSettings tls) {
            return new RemoteWrite(url, batchSize, maxBufferAge, retry, protocol, headers, auth, tls);
        }

        /**
         * Masks the credentials.
         *
         * @return the components, the secret as {@code ***}
         */
        @Override
        public String toString() {
            return "RemoteWrite[url=" + HttpAuth.displayUrl(url) + ", batchSize=" + batchSize + ", maxBufferAge="
                    + maxBufferAge
                    + ", retry=" + retry + ", protocol=" + protocol + ", headers=" + Headers.masked(headers)
                    + ", auth=" + auth + ", tls=" + tls + "]";
        }
    }

    /**
     * {@code type: loki}: Grafana Loki push API ({@code /loki/api/v1/push}).
     *
     * @param url Loki base URL
     * @param batchSize entries per push (YAML {@code batch_size}), null for 5
     * @param maxStreamsPerPush cap on distinct streams in one push (YAML {@code
     *     max_streams_per_push}), null for 128
     * @param maxBufferAge as for {@link HttpPush}
     * @param retry retry policy, or null for none
     */
    record Loki(String url, Integer batchSize, Integer maxStreamsPerPush, Duration maxBufferAge, RetryPolicy retry)
            implements SinkSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param url Loki base URL
         * @param batchSize entries per push (YAML {@code batch_size}), null for 5
         * @param maxStreamsPerPush cap on distinct streams in one push (YAML {@code max_streams_per_push}), null for 128
         * @param maxBufferAge as for {@link HttpPush}
         * @param retry retry policy, or null for none
         * @throws NullPointerException if a required component is null
         */
        public Loki {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String type() {
            return "loki";
        }

        /**
         * The components, the URL's credentials as {@code ***}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return "Loki[url=" + HttpAuth.displayUrl(url) + ", batchSize=" + batchSize + ", maxStreamsPerPush="
                    + maxStreamsPerPush + ", maxBufferAge=" + maxBufferAge + ", retry=" + retry + "]";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
            Headers.checkUrlNotMasked(url, path + ".url", problems);
        }
    }

    /**
     * {@code type: kafka}: encoded lines produced to a Kafka topic (Sonda 1.20 {@code
     * sink/kafka.rs}, plus the keys Kafka users expect: {@code key}, {@code record_per}, {@code
     * acks}, {@code compression}, {@code client_id}, {@code partition}, {@code delivery_timeout}
     * and {@code properties}). A null component means the default named below. The wire behaviour
     * is the {@code sonda-kafka} module's {@code KafkaSink}.
     *
     * @param brokers comma-separated {@code host:port} bootstrap list; entries are trimmed and
     *     empty ones dropped
     * @param topic target topic
     * @param maxBufferAge send the buffered lines when they are this old, checked on each write
     *     (YAML {@code max_buffer_age}); null for 5 s, {@link Duration#ZERO} to disable
     * @param retry retry policy, or null for none
     * @param tls TLS settings (YAML {@code tls}: {@code enabled: true}, the reference's {@code
     *     ca_cert}, and {@code cert_file}/{@code key_file} for a client certificate), or null for
     *     plaintext; {@code insecureSkipVerify} is not supported by this sink
     * @param sasl SASL authentication (YAML {@code sasl}), or null for none
     * @param key record key template such as {@code "{name}"} or {@code "{labels.host}"} (YAML
     *     {@code key}), or null for records without a key (the reference's)
     * @param recordPer what one Kafka record holds (YAML {@code record_per}): null for {@link
     *     RecordPer#FLUSH}, the reference's
     * @param acks acknowledgements the producer waits for (YAML {@code acks}): null for {@link
     *     Acks#ALL}
     * @param compression record batch compression (YAML {@code compression}): null for {@link
     *     Compression#NONE}
     * @param clientId the producer's {@code client.id} (YAML {@code client_id}), null for {@code
     *     sonda}
     * @param partition partition every record goes to, at least 0 (YAML {@code partition}); null
     *     for 0, the reference's
     * @param deliveryTimeout how long one send may take before it fails, connecting and
     *     acknowledgement included (YAML {@code delivery_timeout}); null for 30 s
     * @param properties extra producer configuration applied last (YAML {@code properties}), such
     *     as {@code linger.ms}; may be empty
     */
    record Kafka(
            String brokers,
            String topic,
            Duration maxBufferAge,
            RetryPolicy retry,
            TlsSettings tls,
            KafkaSasl sasl,
            String key,
            RecordPer recordPer,
            Acks acks,
            Compression compression,
            String clientId,
            Integer partition,
            Duration deliveryTimeout,
            Map<String, String> properties)
            implements SinkSpec {

        /** What one Kafka record holds (YAML {@code record_per}). */
        public enum RecordPer {
            /**
             * Every line buffered since the last send, concatenated: one record per flush (the
             * reference's layout). The key is rendered from the entry's name and static labels.
             */
            FLUSH("flush"),
            /** One encoded line (one sample or log record) per record, each with its own key. */
            LINE("line");

            private final String yamlName;

            RecordPer(String yamlName) {
                this.yamlName = yamlName;
            }

            /**
             * The YAML word.
             *
             * @return {@code flush} or {@code line}
             */
            public String yamlName() {
                return yamlName;
            }
        }

        /** Acknowledgements the producer waits for before a send counts as delivered (YAML {@code acks}). */
        public enum Acks {
            /** {@code acks: 0}: none; a record counts as delivered once written to the socket. */
            NONE("0"),
            /** {@code acks: 1}: the partition leader wrote the record. */
            LEADER("1"),
            /** {@code acks: all}: every in-sync replica wrote the record (the default). */
            ALL("all");

            private final String yamlName;

            Acks(String yamlName) {
                this.yamlName = yamlName;
            }

            /**
             * The YAML word, which is also the producer's {@code acks} setting.
             *
             * @return {@code 0}, {@code 1} or {@code all}
             */
            public String yamlName() {
                return yamlName;
            }
        }

        /** Record batch compression (YAML {@code compression}), the producer's {@code compression.type}. */
        public enum Compression {
            /** No compression (the default and the reference's). */
            NONE,
            /** gzip. */
            GZIP,
            /** Snappy. */
            SNAPPY,
            /** LZ4. */
            LZ4,
            /** Zstandard. */
            ZSTD;

            /**
             * The YAML word, which is also the producer's {@code compression.type}.
             *
             * @return the lower-case name, such as {@code zstd}
             */
            public String yamlName() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        /**
         * Creates the record, checking and copying its components.
         *
         * @param brokers comma-separated {@code host:port} bootstrap list
         * @param topic target topic
         * @param maxBufferAge null for 5 s, {@link Duration#ZERO} to disable
         * @param retry retry policy, or null for none
         * @param tls TLS settings, or null for plaintext
         * @param sasl SASL authentication, or null for none
         * @param key record key template, or null for no key
         * @param recordPer null for {@link RecordPer#FLUSH}
         * @param acks null for {@link Acks#ALL}
         * @param compression null for {@link Compression#NONE}
         * @param clientId null for {@code sonda}
         * @param partition null for 0
         * @param deliveryTimeout null for 30 s
         * @param properties extra producer configuration, may be empty
         * @throws NullPointerException if {@code brokers}, {@code topic} or {@code properties} is null
         */
        public Kafka {
            Objects.requireNonNull(brokers, "brokers");
            Objects.requireNonNull(topic, "topic");
            properties = Map.copyOf(properties);
        }

        /**
         * The record as it was before the typed keys: the reference's keys {@code tls} and {@code
         * sasl}, and the additions, as plain YAML values in {@code options}. Kept so that callers
         * of the first version compile.
         *
         * @param brokers comma-separated {@code host:port} list
         * @param topic target topic
         * @param maxBufferAge as for {@link HttpPush}
         * @param retry retry policy, or null for none
         * @param options the other keys as written in YAML ({@code tls} and {@code sasl} maps,
         *     {@code key}, {@code acks}, ...), may be empty
         * @throws IllegalArgumentException if an option has the wrong shape, naming it; keys
         *     other than those of {@link #options()} are ignored, as the reference ignores unknown
         *     keys in a sink block
         * @throws NullPointerException if a required component is null
         */
        public Kafka(
                String brokers, String topic, Duration maxBufferAge, RetryPolicy retry, Map<String, Object> options) {
            this(
                    brokers,
                    topic,
                    maxBufferAge,
                    retry,
                    KafkaOptions.tls(options),
                    KafkaOptions.sasl(options),
                    KafkaOptions.text(options, "key"),
                    KafkaOptions.word(options, "record_per", RecordPer.values(), RecordPer::yamlName),
                    KafkaOptions.word(options, "acks", Acks.values(), Acks::yamlName),
                    KafkaOptions.word(options, "compression", Compression.values(), Compression::yamlName),
                    KafkaOptions.text(options, "client_id"),
                    KafkaOptions.integer(options, "partition"),
                    KafkaOptions.duration(options, "delivery_timeout"),
                    KafkaOptions.textMap(options, "properties"));
        }

        /**
         * The keys beyond brokers, topic, max_buffer_age and retry, as plain YAML values ({@code
         * String}, {@code Long}, {@code Boolean}, maps), in the order of {@link #Kafka(String,
         * String, Duration, RetryPolicy, Map)}'s options; keys at their default are left out and
         * the SASL password is {@value KafkaSasl#REDACTED}.
         *
         * @return the options
         */
        public Map<String, Object> options() {
            return KafkaOptions.write(this);
        }

        /**
         * This spec with another {@code max_buffer_age}.
         *
         * @param maxBufferAge null for 5 s, {@link Duration#ZERO} to disable
         * @return the new spec
         */
        public Kafka withMaxBufferAge(Duration maxBufferAge) {
            return edit(f -> f.maxBufferAge = maxBufferAge);
        }

        /**
         * This spec with a {@code retry:} policy.
         *
         * @param retry the policy, or null for none
         * @return the new spec
         */
        public Kafka withRetry(RetryPolicy retry) {
            return edit(f -> f.retry = retry);
        }

        /**
         * This spec with {@code tls:} settings.
         *
         * @param tls the settings, or null for plaintext
         * @return the new spec
         */
        public Kafka withTls(TlsSettings tls) {
            return edit(f -> f.tls = tls);
        }

        /**
         * This spec with {@code sasl:} authentication.
         *
         * @param sasl the settings, or null for none
         * @return the new spec
         */
        public Kafka withSasl(KafkaSasl sasl) {
            return edit(f -> f.sasl = sasl);
        }

        /**
         * This spec with a record {@code key:} template.
         *
         * @param key such as {@code "{name}"}, or null for no key
         * @return the new spec
         */
        public Kafka withKey(String key) {
            return edit(f -> f.key = key);
        }

        /**
         * This spec with another {@code record_per:}.
         *
         * @param recordPer what one record holds, null for {@link RecordPer#FLUSH}
         * @return the new spec
         */
        public Kafka withRecordPer(RecordPer recordPer) {
            return edit(f -> f.recordPer = recordPer);
        }

        /**
         * This spec with other {@code acks:}.
         *
         * @param acks null for {@link Acks#ALL}
         * @return the new spec
         */
        public Kafka withAcks(Acks acks) {
            return edit(f -> f.acks = acks);
        }

        /**
         * This spec with a {@code compression:}.
         *
         * @param compression null for {@link Compression#NONE}
         * @return the new spec
         */
        public Kafka withCompression(Compression compression) {
            return edit(f -> f.compression = compression);
        }

        /**
         * This spec with a {@code client_id:}.
         *
         * @param clientId null for {@code sonda}
         * @return the new spec
         */
        public Kafka withClientId(String clientId) {
            return edit(f -> f.clientId = clientId);
        }

        /**
         * This spec with a {@code partition:}.
         *
         * @param partition at least 0, or null for 0
         * @return the new spec
         */
        public Kafka withPartition(Integer partition) {
            return edit(f -> f.partition = partition);
        }

        /**
         * This spec with a {@code delivery_timeout:}.
         *
         * @param deliveryTimeout positive, or null for 30 s
         * @return the new spec
         */
        public Kafka withDeliveryTimeout(Duration deliveryTimeout) {
            return edit(f -> f.deliveryTimeout = deliveryTimeout);
        }

        /**
         * This spec with extra producer {@code properties:}, applied after the sink's own settings.
         *
         * @param properties producer configuration keys and values, may be empty
         * @return the new spec
         */
        public Kafka withProperties(Map<String, String> properties) {
            return edit(f -> f.properties = properties);
        }

        /** The components as mutable fields: one place that copies a spec with a change. */
        private static final class Fields {
            String brokers;
            String topic;
            Duration maxBufferAge;
            RetryPolicy retry;
            TlsSettings tls;
            KafkaSasl sasl;
            String key;
            RecordPer recordPer;
            Acks acks;
            Compression compression;
            String clientId;
            Integer partition;
            Duration deliveryTimeout;
            Map<String, String> properties;

            Fields(Kafka k) {
                brokers = k.brokers;
                topic = k.topic;
                maxBufferAge = k.maxBufferAge;
                retry = k.retry;
                tls = k.tls;
                sasl = k.sasl;
                key = k.key;
                recordPer = k.recordPer;
                acks = k.acks;
                compression = k.compression;
                clientId = k.clientId;
                partition = k.partition;
                deliveryTimeout = k.deliveryTimeout;
                properties = k.properties;
            }
        }

        private Kafka edit(java.util.function.Consumer<Fields> change) {
            Fields f = new Fields(this);
            change.accept(f);
            return new Kafka(
                    f.brokers,
                    f.topic,
                    f.maxBufferAge,
                    f.retry,
                    f.tls,
                    f.sasl,
                    f.key,
                    f.recordPer,
                    f.acks,
                    f.compression,
                    f.clientId,
                    f.partition,
                    f.deliveryTimeout,
                    f.properties);
        }

        @Override
        public String type() {
            return "kafka";
        }

        /**
         * Adds the problems of this spec: the retry, TLS and SASL blocks' own, {@code
         * insecure_skip_verify} (not supported), no broker address
         * left after trimming ({@code kafka sink: no valid broker addresses in '{brokers}'}, the
         * reference's construction error, reported before the run), an empty topic, a negative
         * partition, a delivery timeout that is not positive, and properties that would replace the
         * sink's serializers.
         *
         * @param path where this spec sits, such as {@code scenarios[0].sink}
         * @param problems collector of problems found
         */
        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
            if (brokerList().isEmpty()) {
                problems.add(path + ".brokers", "kafka sink: no valid broker addresses in '" + brokers + "'");
            }
            if (topic.isEmpty()) {
                problems.add(path + ".topic", "expected a topic name, found an empty string");
            }
            if (tls != null) {
                tls.validate(path + ".tls", problems);
                if (tls.insecureSkipVerify()) {
                    problems.add(
                            path + ".tls.insecure_skip_verify",
                            "the kafka sink always verifies the broker's certificate; trust its CA with ca_cert"
                                    + " instead of insecure_skip_verify");
                }
            }
            if (sasl != null) {
                sasl.validate(path + ".sasl", problems);
            }
            if (partition != null && partition < 0) {
                problems.add(path + ".partition", "expected a partition number of 0 or more, found " + partition);
            }
            if (deliveryTimeout != null && (deliveryTimeout.isNegative() || deliveryTimeout.isZero())) {
                problems.add(
                        path + ".delivery_timeout",
                        "expected a positive duration such as 30s, found "
                                + dev.sonda.api.DurationText.format(deliveryTimeout));
            }
            for (String k : properties.keySet()) {
                if (k.equals("key.serializer") || k.equals("value.serializer")) {
                    problems.add(
                            path + ".properties." + k,
                            "the kafka sink sends bytes with its own serializers;" + " remove '" + k
                                    + "' from properties");
                }
            }
        }

        /**
         * The broker addresses: {@link #brokers()} split at commas, each trimmed, empty ones dropped.
         *
         * @return the addresses, possibly empty
         */
        public java.util.List<String> brokerList() {
            java.util.List<String> out = new java.util.ArrayList<>();
            for (String b : brokers.split(",", -1)) {
                String t = b.trim();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return java.util.List.copyOf(out);
        }
    }

    /**
     * What the two OTLP sinks ({@link OtlpGrpc}, {@link OtlpHttp}) have in common: the same keys,
     * read the same way, differing only in transport.
     */
    interface Otlp extends SinkSpec {
        /**
         * The endpoint (gRPC) or base URL (HTTP).
         *
         * @return the endpoint
         */
        String endpoint();

        /**
         * What the entry emits (YAML {@code signal_type}, optional): {@code metrics}, {@code logs},
         * {@code traces} or {@code events}. Not a filter: the sink sends every kind it receives,
         * each to its own service; when set, the sink checks that the entry emits this kind.
         *
         * @return the signal type, or null when not given
         */
        String signalType();

        /**
         * Data points, log records or spans per export, per kind (YAML {@code batch_size}).
         *
         * @return the size, or null for 5
         */
        Integer batchSize();

        /**
         * The buffer age (YAML {@code max_buffer_age}).
         *
         * @return the age, null for 5 s, {@link Duration#ZERO} when disabled
         */
        Duration maxBufferAge();

        /**
         * The retry policy.
         *
         * @return the policy, or null for none
         */
        RetryPolicy retry();

        /**
         * Resource attributes added to the entry's labels (YAML {@code resource_attributes}).
         *
         * @return the attributes, may be empty
         */
        Map<String, String> resourceAttributes();

        /**
         * Headers (HTTP) or metadata (gRPC) on every request (YAML {@code headers}).
         *
         * @return the headers, may be empty
         */
        Map<String, String> headers();

        /**
         * TLS settings for an {@code https://} endpoint (YAML {@code tls}).
         *
         * @return the settings, or null for the JVM's defaults
         */
        TlsSettings tls();
    }

    /**
     * {@code type: otlp_grpc}: OTLP export over gRPC (unary {@code MetricsService/Export}, {@code
     * LogsService/Export} and {@code TraceService/Export}, one per kind of data). Build one with
     * {@link #otlpGrpc(String)} and the {@code with...} copies.
     *
     * @param endpoint collector endpoint, {@code http://host:port} (plaintext HTTP/2) or {@code
     *     https://host:port} (TLS), such as {@code http://localhost:4317}
     * @param signalType what the entry emits (YAML {@code signal_type}): {@code metrics}, {@code
     *     logs}, {@code traces}, {@code events}, or null
     * @param batchSize OTLP data points, log records or spans per export (YAML {@code batch_size}),
     *     null for 5
     * @param maxBufferAge as for {@link HttpPush}
     * @param retry retry policy, or null for none
     * @param resourceAttributes resource attributes added to the entry's labels (YAML {@code
     *     resource_attributes}), may be empty
     * @param headers gRPC metadata on every call (YAML {@code headers}), such as {@code
     *     authorization}, may be empty
     * @param tls TLS settings for an {@code https://} endpoint (YAML {@code tls}), or null for the
     *     JVM's default trust store
     */
    record OtlpGrpc(
            String endpoint,
            String signalType,
            Integer batchSize,
            Duration maxBufferAge,
            RetryPolicy retry,
            Map<String, String> resourceAttributes,
            Map<String, String> headers,
            TlsSettings tls)
            implements Otlp {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param endpoint collector endpoint, such as {@code http://localhost:4317}
         * @param signalType {@code metrics}, {@code logs}, {@code traces}, {@code events} (YAML
         *     {@code signal_type}), or null
         * @param batchSize data points, log records or spans per export (YAML {@code batch_size}),
         *     null for 5
         * @param maxBufferAge as for {@link HttpPush}
         * @param retry retry policy, or null for none
         * @param resourceAttributes resource attributes (YAML {@code resource_attributes}), may be empty
         * @param headers gRPC metadata on every call (YAML {@code headers}), may be empty
         * @param tls TLS settings (YAML {@code tls}), or null
         * @throws NullPointerException if a required component is null
         */
        public OtlpGrpc {
            Objects.requireNonNull(endpoint, "endpoint");
            resourceAttributes = Map.copyOf(resourceAttributes);
            headers = Map.copyOf(headers);
        }

        /**
         * The reference's keys only: no headers, no TLS settings.
         *
         * @param endpoint collector endpoint, such as {@code http://localhost:4317}
         * @param signalType {@code metrics} or {@code logs}, or null
         * @param batchSize data points or log records per export, null for 5
         * @param maxBufferAge as for {@link HttpPush}
         * @param retry retry policy, or null for none
         * @param resourceAttributes resource attributes, may be empty
         * @throws NullPointerException if a required component is null
         */
        public OtlpGrpc(
                String endpoint,
                String signalType,
                Integer batchSize,
                Duration maxBufferAge,
                RetryPolicy retry,
                Map<String, String> resourceAttributes) {
            this(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, Map.of(), null);
        }

        @Override
        public String type() {
            return "otlp_grpc";
        }

        /**
         * The components, the endpoint's credentials and secret headers as {@code ***}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return otlpText("OtlpGrpc", this);
        }

        @Override
        public void validate(String path, Problems problems) {
            checkOtlp(this, path, problems);
        }

        /**
         * This spec with another {@code signal_type}.
         *
         * @param signalType {@code metrics}, {@code logs}, {@code traces}, {@code events}, or null to
         *     leave it out
         * @return the new spec
         */
        public OtlpGrpc withSignalType(String signalType) {
            return new OtlpGrpc(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with another batch size (YAML {@code batch_size}).
         *
         * @param batchSize data points or log records per export, or null for 5
         * @return the new spec
         */
        public OtlpGrpc withBatchSize(Integer batchSize) {
            return new OtlpGrpc(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with another {@code max_buffer_age}.
         *
         * @param maxBufferAge the age, null for 5 s, {@link Duration#ZERO} to disable
         * @return the new spec
         */
        public OtlpGrpc withMaxBufferAge(Duration maxBufferAge) {
            return new OtlpGrpc(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with a retry policy (YAML {@code retry:}).
         *
         * @param retry the policy, or null for none
         * @return the new spec
         */
        public OtlpGrpc withRetry(RetryPolicy retry) {
            return new OtlpGrpc(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with other resource attributes (YAML {@code resource_attributes}).
         *
         * @param resourceAttributes the attributes, may be empty
         * @return the new spec
         */
        public OtlpGrpc withResourceAttributes(Map<String, String> resourceAttributes) {
            return new OtlpGrpc(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with other gRPC metadata (YAML {@code headers}).
         *
         * @param headers lowercase ASCII names to values, may be empty
         * @return the new spec
         */
        public OtlpGrpc withHeaders(Map<String, String> headers) {
            return new OtlpGrpc(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with TLS settings (YAML {@code tls:}).
         *
         * @param tls the settings, or null for the JVM's defaults
         * @return the new spec
         */
        public OtlpGrpc withTls(TlsSettings tls) {
            return new OtlpGrpc(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }
    }

    /**
     * {@code type: otlp_http}: OTLP/HTTP with binary protobuf: {@code POST {endpoint}/v1/metrics},
     * {@code {endpoint}/v1/logs} or {@code {endpoint}/v1/traces} by the kind of data, {@code
     * Content-Type: application/x-protobuf}. Not in the reference (Sonda 1.20 has only gRPC). Build
     * one with {@link #otlpHttp(String)} and the {@code with...} copies.
     *
     * @param endpoint the receiver's base URL, {@code http://} or {@code https://}, such as {@code
     *     http://localhost:4318} (a collector) or {@code
     *     http://localhost:8428/opentelemetry} (VictoriaMetrics)
     * @param signalType what the entry emits (YAML {@code signal_type}): {@code metrics}, {@code
     *     logs}, {@code traces}, {@code events}, or null
     * @param batchSize OTLP data points, log records or spans per request (YAML {@code
     *     batch_size}), null for 5
     * @param maxBufferAge as for {@link HttpPush}
     * @param retry retry policy, or null for none
     * @param resourceAttributes resource attributes added to the entry's labels (YAML {@code
     *     resource_attributes}), may be empty
     * @param headers HTTP headers on every request (YAML {@code headers}), may be empty
     * @param tls TLS settings for an {@code https://} endpoint (YAML {@code tls}), or null for the
     *     JVM's default trust store
     */
    record OtlpHttp(
            String endpoint,
            String signalType,
            Integer batchSize,
            Duration maxBufferAge,
            RetryPolicy retry,
            Map<String, String> resourceAttributes,
            Map<String, String> headers,
            TlsSettings tls)
            implements Otlp {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param endpoint the receiver's base URL, such as {@code http://localhost:4318}
         * @param signalType {@code metrics}, {@code logs}, {@code traces}, {@code events} (YAML
         *     {@code signal_type}), or null
         * @param batchSize data points, log records or spans per request (YAML {@code batch_size}),
         *     null for 5
         * @param maxBufferAge as for {@link HttpPush}
         * @param retry retry policy, or null for none
         * @param resourceAttributes resource attributes (YAML {@code resource_attributes}), may be empty
         * @param headers HTTP headers on every request (YAML {@code headers}), may be empty
         * @param tls TLS settings (YAML {@code tls}), or null
         * @throws NullPointerException if a required component is null
         */
        public OtlpHttp {
            Objects.requireNonNull(endpoint, "endpoint");
            resourceAttributes = Map.copyOf(resourceAttributes);
            headers = Map.copyOf(headers);
        }

        @Override
        public String type() {
            return "otlp_http";
        }

        /**
         * The components, the endpoint's credentials and secret headers as {@code ***}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return otlpText("OtlpHttp", this);
        }

        @Override
        public void validate(String path, Problems problems) {
            checkOtlp(this, path, problems);
        }

        /**
         * This spec with another {@code signal_type}.
         *
         * @param signalType {@code metrics}, {@code logs}, {@code traces}, {@code events}, or null to
         *     leave it out
         * @return the new spec
         */
        public OtlpHttp withSignalType(String signalType) {
            return new OtlpHttp(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with another batch size (YAML {@code batch_size}).
         *
         * @param batchSize data points or log records per request, or null for 5
         * @return the new spec
         */
        public OtlpHttp withBatchSize(Integer batchSize) {
            return new OtlpHttp(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with another {@code max_buffer_age}.
         *
         * @param maxBufferAge the age, null for 5 s, {@link Duration#ZERO} to disable
         * @return the new spec
         */
        public OtlpHttp withMaxBufferAge(Duration maxBufferAge) {
            return new OtlpHttp(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with a retry policy (YAML {@code retry:}).
         *
         * @param retry the policy, or null for none
         * @return the new spec
         */
        public OtlpHttp withRetry(RetryPolicy retry) {
            return new OtlpHttp(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with other resource attributes (YAML {@code resource_attributes}).
         *
         * @param resourceAttributes the attributes, may be empty
         * @return the new spec
         */
        public OtlpHttp withResourceAttributes(Map<String, String> resourceAttributes) {
            return new OtlpHttp(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with other HTTP headers (YAML {@code headers}).
         *
         * @param headers names to values, may be empty
         * @return the new spec
         */
        public OtlpHttp withHeaders(Map<String, String> headers) {
            return new OtlpHttp(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }

        /**
         * This spec with TLS settings (YAML {@code tls:}).
         *
         * @param tls the settings, or null for the JVM's defaults
         * @return the new spec
         */
        public OtlpHttp withTls(TlsSettings tls) {
            return new OtlpHttp(endpoint, signalType, batchSize, maxBufferAge, retry, resourceAttributes, headers, tls);
        }
    }

    /** The problems of an OTLP spec, gRPC or HTTP alike: both validate with this. */
    private static void checkOtlp(Otlp spec, String path, Problems problems) {
        Headers.checkNotMasked(spec.headers(), null, path, problems);
        String signalType = spec.signalType();
        if (signalType != null
                && !List.of("metrics", "logs", "traces", "events").contains(signalType)) {
            problems.add(
                    path + ".signal_type",
                    "unknown signal_type '" + signalType + "': expected metrics, logs, traces or events (lowercase),"
                            + " or leave it out: the sink sends every kind it receives");
        }
        checkRetry(spec.retry(), path, problems);
        if (spec.tls() != null) {
            spec.tls().validate(path + ".tls", problems);
        }
        Headers.checkUrlNotMasked(spec.endpoint(), path + ".endpoint", problems);
    }

    /**
     * The text of an OTLP spec, gRPC or HTTP alike: its components in record order, the endpoint's
     * credentials and secret headers as {@code ***}.
     */
    private static String otlpText(String record, Otlp spec) {
        return record + "[endpoint=" + HttpAuth.displayUrl(spec.endpoint()) + ", signalType=" + spec.signalType()
                + ", batchSize=" + spec.batchSize() + ", maxBufferAge=" + spec.maxBufferAge() + ", retry="
                + spec.retry() + ", resourceAttributes=" + spec.resourceAttributes() + ", headers="
                + Headers.masked(spec.headers()) + ", tls=" + spec.tls() + "]";
    }

    /** {@code type: memory}: keeps the encoded bytes in memory (tests and benchmarks). */
    record Memory() implements SinkSpec {
        @Override
        public String type() {
            return "memory";
        }
    }

    /**
     * A bounded queue of encoded records handed to a consumer thread (Sonda 1.20 {@code
     * sink/channel.rs}): the entry blocks while {@code capacity} records wait, so a slow consumer
     * slows the entry down instead of losing data. Programmatic only: no YAML {@code type:} reads
     * into it and the YAML writer refuses it (the reference has no YAML form either). Its type name
     * {@code channel} names it in messages.
     *
     * @param capacity how many records may wait, at least 1
     */
    record Channel(int capacity) implements SinkSpec {
        @Override
        public String type() {
            return "channel";
        }

        @Override
        public void validate(String path, Problems problems) {
            if (capacity < 1) {
                problems.add(
                        path + ".capacity",
                        "channel capacity must be at least 1, got " + capacity
                                + "; it is how many records may wait for the consumer");
            }
        }
    }

    /**
     * A sink the IR does not know, carried for a plug-in {@code SinkProvider}.
     *
     * @param type the YAML {@code type:} value
     * @param properties the other keys of the block
     */
    record Generic(String type, Map<String, Object> properties) implements SinkSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param type the YAML {@code type:} value
         * @param properties the other keys of the block
         * @throws NullPointerException if a required component is null
         */
        public Generic {
            Objects.requireNonNull(type, "type");
            properties = Map.copyOf(properties);
        }

        /**
         * The type and properties, the values of secret-looking keys ({@link
         * HttpAuth#isSecretHeader}: password, token, secret, api key) as {@code ***}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return "Generic[type=" + type + ", properties=" + Headers.maskedProperties(properties) + "]";
        }
    }
}
