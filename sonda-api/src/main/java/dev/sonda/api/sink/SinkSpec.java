package dev.sonda.api.sink;

import dev.sonda.api.Problems;
import java.time.Duration;
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
     * {@code http_push} to {@code url} with the default batch size, content type and no retry.
     *
     * @param url target URL
     * @return the spec
     */
    static SinkSpec httpPush(String url) {
        return new HttpPush(url, null, null, null, Map.of(), null);
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
     */
    record Tcp(String address, RetryPolicy retry) implements SinkSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param address {@code host:port}
         * @param retry retry policy, or null for none
         * @throws NullPointerException if a required component is null
         */
        public Tcp {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String type() {
            return "tcp";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
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
     */
    record HttpPush(
            String url,
            String contentType,
            Integer batchSize,
            Duration maxBufferAge,
            Map<String, String> headers,
            RetryPolicy retry)
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
         * @throws NullPointerException if a required component is null
         */
        public HttpPush {
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
        }

        @Override
        public String type() {
            return "http_push";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
        }
    }

    /**
     * {@code type: remote_write}: Prometheus remote write 1.0 (snappy-compressed protobuf).
     *
     * @param url remote write endpoint URL
     * @param batchSize time series per request (YAML {@code batch_size}), null for 5
     * @param maxBufferAge as for {@link HttpPush}
     * @param retry retry policy, or null for none
     */
    record RemoteWrite(String url, Integer batchSize, Duration maxBufferAge, RetryPolicy retry) implements SinkSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param url remote write endpoint URL
         * @param batchSize time series per request (YAML {@code batch_size}), null for 5
         * @param maxBufferAge as for {@link HttpPush}
         * @param retry retry policy, or null for none
         * @throws NullPointerException if a required component is null
         */
        public RemoteWrite {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String type() {
            return "remote_write";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
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

        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
        }
    }

    /**
     * {@code type: kafka}: records produced to a Kafka topic.
     *
     * @param brokers comma-separated {@code host:port} list
     * @param topic target topic
     * @param maxBufferAge as for {@link HttpPush}
     * @param retry retry policy, or null for none
     * @param options the remaining keys ({@code tls}, {@code sasl}) as written, may be empty
     */
    record Kafka(String brokers, String topic, Duration maxBufferAge, RetryPolicy retry, Map<String, Object> options)
            implements SinkSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param brokers comma-separated {@code host:port} list
         * @param topic target topic
         * @param maxBufferAge as for {@link HttpPush}
         * @param retry retry policy, or null for none
         * @param options the remaining keys ({@code tls}, {@code sasl}) as written, may be empty
         * @throws NullPointerException if a required component is null
         */
        public Kafka {
            Objects.requireNonNull(brokers, "brokers");
            Objects.requireNonNull(topic, "topic");
            options = Map.copyOf(options);
        }

        @Override
        public String type() {
            return "kafka";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
        }
    }

    /**
     * {@code type: otlp_grpc}: OTLP export over gRPC.
     *
     * @param endpoint collector endpoint, such as {@code http://localhost:4317}
     * @param signalType {@code metrics} or {@code logs} (YAML {@code signal_type})
     * @param batchSize items per export (YAML {@code batch_size}), null for 5
     * @param maxBufferAge as for {@link HttpPush}
     * @param retry retry policy, or null for none
     * @param resourceAttributes resource attributes (YAML {@code resource_attributes}), may be empty
     */
    record OtlpGrpc(
            String endpoint,
            String signalType,
            Integer batchSize,
            Duration maxBufferAge,
            RetryPolicy retry,
            Map<String, String> resourceAttributes)
            implements SinkSpec {
        /**
         * Creates the record, checking and copying its components.
         *
         * @param endpoint collector endpoint, such as {@code http://localhost:4317}
         * @param signalType {@code metrics} or {@code logs} (YAML {@code signal_type})
         * @param batchSize items per export (YAML {@code batch_size}), null for 5
         * @param maxBufferAge as for {@link HttpPush}
         * @param retry retry policy, or null for none
         * @param resourceAttributes resource attributes (YAML {@code resource_attributes}), may be empty
         * @throws NullPointerException if a required component is null
         */
        public OtlpGrpc {
            Objects.requireNonNull(endpoint, "endpoint");
            resourceAttributes = Map.copyOf(resourceAttributes);
        }

        @Override
        public String type() {
            return "otlp_grpc";
        }

        @Override
        public void validate(String path, Problems problems) {
            checkRetry(retry, path, problems);
        }
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
    }
}
