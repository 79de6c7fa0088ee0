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
    static SinkSpec httpPush(String url) {
        return new HttpPush(url, null, null, null, Map.of(), null);
    }

    /**
     * {@code memory}.
     *
     * @return the spec
     */
    static SinkSpec memory() {
        return new Memory();
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
