package dev.sonda.kafka;

import dev.sonda.api.DurationText;
import dev.sonda.api.Problems;
import dev.sonda.api.sink.HttpAuth;
import dev.sonda.api.sink.KafkaSasl;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.Clock;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodeException;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.log.LogEncoder;
import dev.sonda.engine.sink.BatchPolicy;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.Retry;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.engine.sink.SinkKeys;
import dev.sonda.engine.sink.SinkProvider;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.AuthenticationException;

/**
 * {@code type: kafka}: the entry's encoded lines produced to a Kafka topic with kafka-clients
 * (Sonda 1.20 {@code sink/kafka.rs}, plus record keys, per-line records, {@code acks} and the other
 * keys Kafka users expect).
 *
 * <p><b>Records.</b> Each sample or log record is encoded with the entry's encoder (the bytes are
 * exactly what the {@code stdout} sink would print). With {@code record_per: flush} (the default
 * and the reference's layout) the lines are concatenated in a buffer and one flush produces
 * <em>one</em> Kafka record whose value is the whole buffer, so a record usually holds many lines;
 * its timestamp is the run's clock at the send ({@code clock().epochNanos() / 10^6} milliseconds,
 * simulated on a simulated run, where the reference reads the wall clock), and its key is the
 * {@code key:} template rendered once from the entry's name and static labels, or none. With
 * {@code record_per: line} every line is its own record, timestamped with the line's own time
 * (the sample's or log record's, in milliseconds) and keyed with the template rendered for that
 * line's series (see {@link KeyTemplate}: {@code {name}}, {@code {labels.KEY}}). Headers: none.
 * Records go to partition {@code partition} (default 0, as the reference), never through the
 * partitioner.
 *
 * <p><b>Batching.</b> After each write the buffer is sent when it holds at least {@value
 * #BATCH_BYTES} bytes (fixed, as the reference's) or when {@code max_buffer_age} (default 5 s;
 * {@link Duration#ZERO} disables it) has passed since the last send started, on the run's clock
 * ({@link BatchPolicy}); {@link #flush()} and {@link #close()} send what is left. The buffer is
 * emptied before the send, so a failed send never re-queues lines.
 *
 * <p><b>Delivery.</b> A send hands the records to the producer and waits for every
 * acknowledgement ({@code acks}: {@code all} by default, with the idempotent producer; {@code 1};
 * or {@code 0}, where a record counts once written to the socket), so when a write returns the
 * lines are stored and {@link SinkContext#delivery()} has been told: {@code delivered(n)} for the
 * lines in each acknowledged record. A send is bounded by {@code delivery_timeout} (default 30 s,
 * kafka-clients' {@code delivery.timeout.ms} and {@code max.block.ms}); the producer retries
 * within it by itself. A failure is {@code SinkException("kafka sink: failed to produce record to
 * topic '{topic}' at broker(s) '{brokers}': {err}")}, retried per the {@code retry:} policy
 * through {@link Retry} (every produce error is retryable, as in the reference; a retry re-sends
 * only the records not yet acknowledged, with a fresh timestamp in {@code flush} mode). When the
 * retries are exhausted the lines not acknowledged are reported as {@code dropped} and the error is
 * thrown for the entry's {@code on_sink_error}. A record whose acknowledgement was lost while the
 * broker did store it is sent again by a retry: delivery is at least once.
 *
 * <p><b>Lifecycle.</b> The constructor builds the producer and fetches the topic's metadata, so an
 * unreachable broker, a failed authentication or a missing partition ends the entry at its start,
 * as in the reference. {@link #close()} sends every buffered line, then closes the producer within
 * a bounded time (the smaller of the delivery timeout and 5 s) even when the broker is gone.
 *
 * <p>Threading: as {@link Sink}, one caller at a time; a send blocks the caller until the
 * acknowledgements (and any retry backoff, real time) complete. The producer's own I/O thread runs
 * beside it. Allocation: in {@code flush} mode a write appends to a reused buffer and allocates
 * nothing; each send copies the buffer once. In {@code line} mode each line is copied into its
 * own record value.
 */
public final class KafkaSink implements Sink {
    /** Bytes that make the buffer due: 64 KiB, fixed (the reference has no {@code batch_size}). */
    public static final int BATCH_BYTES = 64 * 1024;

    /** Default {@code max_buffer_age}: 5 seconds. */
    public static final Duration DEFAULT_MAX_BUFFER_AGE = Duration.ofSeconds(5);

    private static final Duration MAX_CLOSE_WAIT = Duration.ofSeconds(5);

    private final String topic;
    private final String brokers;
    private final int partition;
    private final boolean perLine;
    private final Producer<byte[], byte[]> producer;
    private final BatchPolicy policy;
    private final Retry retry;
    private final Delivery delivery;
    private final Clock clock;
    private final MetricEncoder metricEncoder;
    private final LogEncoder logEncoder;
    private final KeyTemplate keyTemplate;
    private final byte[] flushKey;
    private final String entryName;
    private final Duration closeWait;
    private final long ackWaitMillis;

    /** {@code flush} mode: the concatenated lines. */
    private final ByteBuf buffer;

    private int bufferedLines;

    /** {@code line} mode: one record per line. */
    private final ByteBuf line = new ByteBuf(512);

    private byte[][] keys = new byte[16][];
    private byte[][] values = new byte[16][];
    private long[] stamps = new long[16];
    private int count;
    private int bufferedBytes;
    private Labels lastLogLabels;
    private byte[] lastLogKey;

    private long bytes;
    private boolean lastWriteDelivered = true;
    private boolean closed;

    /** A series as {@link #prepare} returns it: its encoded form and, per line, its record key. */
    private record Prepared(EncodedSeries encoded, byte[] key) {}

    /**
     * Creates the sink: builds the producer and fetches the topic's metadata.
     *
     * @param spec the {@code kafka} block; null optional fields take their defaults
     * @param context the entry's name, static labels (for the key), clock, encoders, diagnostics
     *     (retry lines, warnings) and delivery counter
     * @throws SinkException {@code kafka sink: no valid broker addresses in '{brokers}'}; the TLS
     *     file errors of the reference ({@code kafka sink: failed to read CA cert file ...} and the
     *     others, see {@code tls}); {@code kafka sink: failed to connect to broker(s) '{brokers}':
     *     {err}} (no broker accepted a connection within the delivery timeout, authentication
     *     failed, bad configuration); {@code kafka sink: failed to get
     *     partition client for topic '{topic}' at broker(s) '{brokers}': {err}} (no metadata within
     *     the delivery timeout, the partition does not exist); {@code kafka sink: key template ...}
     *     when the key is malformed or names a label the entry's static labels lack in {@code
     *     flush} mode
     * @throws IllegalArgumentException if the retry policy is invalid (see {@link Retry})
     */
    public KafkaSink(SinkSpec.Kafka spec, SinkContext context) {
        this(spec, context, KafkaProducer::new);
    }

    /**
     * Creates the sink on a producer made by {@code producers} (tests use kafka-clients' {@code
     * MockProducer}).
     */
    KafkaSink(
            SinkSpec.Kafka spec,
            SinkContext context,
            Function<Map<String, Object>, Producer<byte[], byte[]>> producers) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(context, "context");
        this.topic = spec.topic();
        this.brokers = spec.brokers();
        if (spec.brokerList().isEmpty()) {
            throw new SinkException("kafka sink: no valid broker addresses in '" + brokers + "'");
        }
        this.partition = spec.partition() == null ? 0 : spec.partition();
        this.perLine = spec.recordPer() == SinkSpec.Kafka.RecordPer.LINE;
        this.entryName = context.entryName();
        this.clock = context.clock();
        this.delivery = context.delivery();
        this.metricEncoder = context.metricEncoder();
        this.logEncoder = context.logEncoder();
        this.retry = new Retry(spec.retry(), context.diagnostics());
        Duration timeout = ProducerSettings.deliveryTimeout(spec);
        this.closeWait = timeout.compareTo(MAX_CLOSE_WAIT) < 0 ? timeout : MAX_CLOSE_WAIT;
        this.ackWaitMillis = Math.min(Long.MAX_VALUE / 2, timeout.toMillis()) + 5_000;
        this.keyTemplate = keyTemplate(spec.key());
        this.flushKey = perLine || keyTemplate == null ? null : flushKey(keyTemplate, context);
        this.buffer = perLine ? null : new ByteBuf(BATCH_BYTES + 1024);
        Map<String, Object> config = ProducerSettings.of(spec, context.diagnostics());
        Producer<byte[], byte[]> p;
        try {
            p = producers.apply(config);
        } catch (KafkaException e) {
            throw new SinkException(
                    "kafka sink: failed to connect to broker(s) '" + brokers + "': " + describe(e), e, false);
        }
        this.producer = p;
        try {
            checkPartition(p.partitionsFor(topic));
        } catch (RuntimeException e) {
            boolean neverConnected = neverConnected(p);
            p.close(Duration.ZERO);
            if (e instanceof SinkException s) {
                throw s;
            }
            if (e instanceof AuthenticationException || !(e instanceof KafkaException)) {
                throw new SinkException(
                        "kafka sink: failed to connect to broker(s) '" + brokers + "': " + describe(e), e);
            }
            if (e instanceof org.apache.kafka.common.errors.TimeoutException && neverConnected) {
                throw new SinkException(
                        "kafka sink: failed to connect to broker(s) '" + brokers + "': no broker accepted a"
                                + " connection within " + DurationText.format(timeout) + " (" + describe(e) + ")",
                        e);
            }
            throw new SinkException(partitionClientError(describe(e)), e);
        }
        this.policy = new BatchPolicy(BATCH_BYTES, spec.maxBufferAge(), DEFAULT_MAX_BUFFER_AGE, clock);
    }

    /** Whether the producer's {@code connection-creation-total} metric says it never connected. */
    private static boolean neverConnected(Producer<byte[], byte[]> p) {
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric> m :
                p.metrics().entrySet()) {
            if (m.getKey().name().equals("connection-creation-total")
                    && m.getKey().group().equals("producer-metrics")
                    && m.getValue().metricValue() instanceof Double d) {
                return d == 0;
            }
        }
        return false;
    }

    private static KeyTemplate keyTemplate(String key) {
        if (key == null) {
            return null;
        }
        try {
            return KeyTemplate.parse(key);
        } catch (IllegalArgumentException e) {
            throw new SinkException("kafka sink: " + e.getMessage(), e, false);
        }
    }

    private static byte[] flushKey(KeyTemplate template, SinkContext context) {
        for (String label : template.labelKeys()) {
            if (!context.labels().containsKey(label)) {
                throw new SinkException(
                        "kafka sink: key template '" + template + "' uses label '" + label
                                + "', which is not a static label of entry '" + context.entryName()
                                + "'; with record_per: flush one record holds many lines, so its key can use only the"
                                + " entry's name and static labels; set record_per: line for a key per line",
                        null,
                        false);
            }
        }
        return template.render(context.entryName(), context.labels());
    }

    private void checkPartition(List<PartitionInfo> partitions) {
        if (partitions != null && !partitions.isEmpty() && partition >= partitions.size()) {
            throw new SinkException(partitionClientError("partition " + partition + " does not exist; the topic has "
                    + partitions.size() + " partition(s), 0 to " + (partitions.size() - 1)));
        }
    }

    private String partitionClientError(String err) {
        return "kafka sink: failed to get partition client for topic '" + topic + "' at broker(s) '" + brokers + "': "
                + err;
    }

    /**
     * Prepares a metric series: its encoded form and, with {@code record_per: line}, its record key.
     *
     * @param series the series
     * @return the prepared series
     * @throws EncodeException if the entry has no metric encoder
     */
    @Override
    public Object prepare(Series series) {
        if (metricEncoder == null) {
            throw new EncodeException("no metric encoder for series " + series);
        }
        EncodedSeries encoded = metricEncoder.series(series.name(), series.labels());
        byte[] key =
                perLine ? (keyTemplate == null ? null : keyTemplate.render(series.name(), series.labels())) : flushKey;
        return new Prepared(encoded, key);
    }

    /**
     * Encodes and buffers one sample, then sends the buffer if it is due.
     *
     * @param series what {@link #prepare} returned
     * @param epochNanos the sample time
     * @param value the value
     * @throws SinkException if a send was due and failed (after any retries); its lines are gone
     */
    @Override
    public void sample(Object series, long epochNanos, double value) {
        Prepared p = (Prepared) series;
        if (perLine) {
            line.clear();
            metricEncoder.encode(p.encoded(), value, epochNanos, line);
            addLine(p.key(), epochNanos);
        } else {
            int before = buffer.length();
            metricEncoder.encode(p.encoded(), value, epochNanos, buffer);
            appended(before);
        }
    }

    /**
     * Encodes and buffers one log record, then sends the buffer if it is due.
     *
     * @param record the record
     * @throws SinkException as {@link #sample}
     * @throws EncodeException if the entry has no log encoder
     */
    @Override
    public void log(LogRecord record) {
        if (logEncoder == null) {
            throw new EncodeException("no log encoder for log record");
        }
        if (perLine) {
            line.clear();
            logEncoder.encode(record, line);
            addLine(logKey(record.labels()), record.epochNanos());
        } else {
            int before = buffer.length();
            logEncoder.encode(record, buffer);
            appended(before);
        }
    }

    private byte[] logKey(Labels labels) {
        if (keyTemplate == null) {
            return null;
        }
        if (labels != lastLogLabels) {
            lastLogKey = keyTemplate.render(entryName, labels);
            lastLogLabels = labels;
        }
        return lastLogKey;
    }

    private void appended(int before) {
        bytes += buffer.length() - before;
        bufferedLines++;
        written(buffer.length());
    }

    private void addLine(byte[] key, long epochNanos) {
        if (count == values.length) {
            int grown = count * 2;
            keys = Arrays.copyOf(keys, grown);
            values = Arrays.copyOf(values, grown);
            stamps = Arrays.copyOf(stamps, grown);
        }
        keys[count] = key;
        values[count] = line.toByteArray();
        stamps[count] = Math.floorDiv(Math.max(0L, epochNanos), 1_000_000L);
        count++;
        bufferedBytes += line.length();
        bytes += line.length();
        written(bufferedBytes);
    }

    private void written(int buffered) {
        lastWriteDelivered = false;
        if (policy.due(buffered)) {
            send();
            lastWriteDelivered = true;
        }
    }

    /**
     * True only when the latest write triggered a send whose records were all acknowledged.
     *
     * @return whether the latest write reached the broker
     */
    @Override
    public boolean lastWriteDelivered() {
        return lastWriteDelivered;
    }

    /**
     * True: this sink tells its {@link SinkContext#delivery()} what the brokers acknowledged and
     * what was lost, per record.
     *
     * @return true
     */
    @Override
    public boolean reportsDelivery() {
        return true;
    }

    /**
     * The encoded bytes written to this sink so far.
     *
     * @return the byte count
     */
    @Override
    public long bytes() {
        return bytes;
    }

    /**
     * Sends the buffered lines, if any, and waits for the acknowledgements.
     *
     * @throws SinkException as {@link #sample}
     */
    @Override
    public void flush() {
        if (bufferedLines > 0 || count > 0) {
            policy.sending();
            send();
        }
    }

    /**
     * Sends every buffered line, then closes the producer, waiting at most the smaller of the
     * delivery timeout and 5 s for it. Calls after the first do nothing.
     *
     * @throws SinkException if the final send fails; the producer is closed anyway
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            try {
                producer.close(closeWait);
            } catch (RuntimeException e) {
                // an interrupted or timed-out close leaves nothing of ours behind: every send was awaited
            }
        }
    }

    /**
     * Lines buffered for the next send.
     *
     * @return the line count
     */
    public int bufferedLines() {
        return perLine ? count : bufferedLines;
    }

    private void send() {
        int n;
        int[] lines;
        if (perLine) {
            n = count;
            lines = null;
            count = 0;
            bufferedBytes = 0;
        } else {
            if (bufferedLines == 0) {
                return;
            }
            n = 1;
            keys[0] = flushKey;
            values[0] = buffer.toByteArray();
            lines = new int[] {bufferedLines};
            buffer.clear();
            bufferedLines = 0;
        }
        if (n == 0) {
            return;
        }
        boolean[] acked = new boolean[n];
        try {
            retry.run(attempt -> attempt(n, lines, acked), e -> e.retryable());
        } catch (SinkException e) {
            long lost = 0;
            for (int i = 0; i < n; i++) {
                if (!acked[i]) {
                    lost += lines == null ? 1 : lines[i];
                }
            }
            delivery.dropped(lost, e.getMessage());
            throw e;
        } finally {
            Arrays.fill(keys, 0, n, null);
            Arrays.fill(values, 0, n, null);
        }
    }

    /** One attempt: sends the records not yet acknowledged and waits for each acknowledgement. */
    private void attempt(int n, int[] lines, boolean[] acked) {
        long sendStamp = Math.floorDiv(clock.epochNanos(), 1_000_000L);
        List<Future<RecordMetadata>> futures = new java.util.ArrayList<>(n);
        Throwable first = null;
        int failed = 0;
        for (int i = 0; i < n; i++) {
            if (acked[i]) {
                futures.add(null);
                continue;
            }
            long stamp = lines == null ? stamps[i] : Math.max(0L, sendStamp);
            futures.add(null);
            try {
                futures.set(i, producer.send(new ProducerRecord<>(topic, partition, stamp, keys[i], values[i])));
            } catch (RuntimeException e) {
                first = first == null ? e : first;
                failed++;
            }
        }
        for (int i = 0; i < n; i++) {
            Future<RecordMetadata> f = futures.get(i);
            if (f == null) {
                continue;
            }
            try {
                f.get(ackWaitMillis, TimeUnit.MILLISECONDS);
                acked[i] = true;
                delivery.delivered(lines == null ? 1 : lines[i]);
            } catch (ExecutionException e) {
                first = first == null ? (e.getCause() == null ? e : e.getCause()) : first;
                failed++;
            } catch (TimeoutException e) {
                first = first == null ? e : first;
                failed++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SinkException(produceError("interrupted while waiting for the acknowledgement"), e, false);
            }
        }
        if (failed > 0) {
            String err = describe(first);
            if (n > 1) {
                err += " (" + failed + " of " + n + " records not acknowledged)";
            }
            throw new SinkException(produceError(err), first);
        }
    }

    private String produceError(String err) {
        return "kafka sink: failed to produce record to topic '" + topic + "' at broker(s) '" + brokers + "': " + err;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /**
     * Describes the sink as the reference displays it.
     *
     * @return {@code kafka ({brokers} / {topic})}
     */
    @Override
    public String toString() {
        return "kafka (" + brokers + " / " + topic + ")";
    }

    /**
     * The provider of {@code type: kafka}: keys {@code brokers} and {@code topic} (required),
     * {@code max_buffer_age}, {@code retry}, {@code tls} ({@code enabled}, {@code ca_cert} or
     * {@code ca_file}, {@code cert_file}, {@code key_file}), {@code sasl} ({@code mechanism}, {@code username}, {@code
     * password}, all required), {@code key}, {@code record_per} ({@code flush} or {@code line}),
     * {@code acks} ({@code 0}, {@code 1}, {@code all}; {@code -1} reads as {@code all}), {@code
     * compression} ({@code none}, {@code gzip}, {@code snappy}, {@code lz4}, {@code zstd}), {@code
     * client_id}, {@code partition}, {@code delivery_timeout} and {@code properties} (a map of
     * producer settings).
     */
    public static final class Provider implements SinkProvider {
        private static final Map<String, SinkSpec.Kafka.RecordPer> RECORD_PER =
                words(SinkSpec.Kafka.RecordPer.values(), SinkSpec.Kafka.RecordPer::yamlName);
        private static final Map<String, SinkSpec.Kafka.Compression> COMPRESSION =
                words(SinkSpec.Kafka.Compression.values(), SinkSpec.Kafka.Compression::yamlName);
        private static final Map<String, SinkSpec.Kafka.Acks> ACKS;

        static {
            Map<String, SinkSpec.Kafka.Acks> acks = words(SinkSpec.Kafka.Acks.values(), SinkSpec.Kafka.Acks::yamlName);
            acks.put("-1", SinkSpec.Kafka.Acks.ALL);
            ACKS = acks;
        }

        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {}

        private static <E> Map<String, E> words(E[] values, Function<E, String> name) {
            Map<String, E> m = new LinkedHashMap<>();
            for (E e : values) {
                m.put(name.apply(e), e);
            }
            return m;
        }

        @Override
        public String type() {
            return "kafka";
        }

        @Override
        public Class<SinkSpec.Kafka> specClass() {
            return SinkSpec.Kafka.class;
        }

        @Override
        public String summary() {
            return "records produced to a Kafka topic: one per flush (or per line), acknowledged";
        }

        /**
         * The key {@code sonda run --endpoint} sets: {@code brokers}.
         *
         * @return {@code brokers}
         */
        public String endpointKey() {
            return "brokers";
        }

        /**
         * The {@code tls:} block: {@code enabled} (default false: the block is ignored, as in the
         * reference), {@code ca_cert} (or its alias {@code ca_file}), {@code cert_file} and {@code
         * key_file}.
         */
        private static TlsSettings tls(SpecBlock t) {
            if (t == null) {
                return null;
            }
            boolean enabled = t.bool("enabled", false);
            String ca = t.string("ca_cert");
            String caFile = t.string("ca_file");
            if (ca != null && caFile != null) {
                t.problem("ca_file", "ca_file is another name for ca_cert: set one of them");
            }
            String cert = t.string("cert_file");
            String key = t.string("key_file");
            return enabled ? new TlsSettings(ca == null ? caFile : ca, cert, key, false) : null;
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            String brokers = block.requiredString("brokers");
            String topic = block.requiredString("topic");
            Duration age = SinkKeys.readMaxBufferAge(block);
            TlsSettings tls = tls(block.block("tls"));
            KafkaSasl sasl = null;
            SpecBlock s = block.block("sasl");
            if (s != null) {
                String mechanism = s.requiredString("mechanism");
                String username = s.requiredString("username");
                String password = s.requiredString("password");
                sasl = new KafkaSasl(mechanism, username, password);
            }
            Long partition = block.integer("partition", 0, Integer.MAX_VALUE);
            return new SinkSpec.Kafka(
                    brokers,
                    topic,
                    age,
                    SinkKeys.readRetry(block),
                    tls,
                    sasl,
                    block.string("key"),
                    block.choice("record_per", RECORD_PER),
                    block.choice("acks", ACKS),
                    block.choice("compression", COMPRESSION),
                    block.string("client_id"),
                    partition == null ? null : partition.intValue(),
                    block.duration("delivery_timeout", DurationText::parse),
                    block.stringMap("properties"));
        }

        /**
         * Writes the spec's keys. The SASL password, and the values of {@code properties} whose
         * names look secret ({@link HttpAuth#isSecretHeader}, such as {@code sasl.jaas.config}), are
         * secrets ({@link SpecWriter#putSecret}): a display writer writes {@value KafkaSasl#REDACTED},
         * which reading back refuses; a saving writer writes them as they are.
         *
         * @param spec a {@link SinkSpec.Kafka}
         * @param out where the keys go
         */
        @Override
        public void write(SinkSpec spec, SpecWriter out) {
            SinkSpec.Kafka k = (SinkSpec.Kafka) spec;
            out.put("brokers", k.brokers()).put("topic", k.topic()).put("max_buffer_age", k.maxBufferAge());
            SinkKeys.writeRetry(k.retry(), out);
            if (k.tls() != null) {
                out.block("tls")
                        .put("enabled", true)
                        .put("ca_cert", k.tls().caFile())
                        .put("cert_file", k.tls().certFile())
                        .put("key_file", k.tls().keyFile())
                        .put("insecure_skip_verify", k.tls().insecureSkipVerify() ? true : null);
            }
            if (k.sasl() != null) {
                out.block("sasl")
                        .put("mechanism", k.sasl().mechanism())
                        .put("username", k.sasl().username())
                        .putSecret("password", k.sasl().password());
            }
            out.put("key", k.key())
                    .put(
                            "record_per",
                            k.recordPer() == null ? null : k.recordPer().yamlName())
                    .put("acks", k.acks() == null ? null : k.acks().yamlName())
                    .put(
                            "compression",
                            k.compression() == null ? null : k.compression().yamlName())
                    .put("client_id", k.clientId())
                    .put("partition", k.partition())
                    .put("delivery_timeout", k.deliveryTimeout());
            if (!k.properties().isEmpty()) {
                Map<String, String> properties = new TreeMap<>();
                k.properties()
                        .forEach((name, value) -> properties.put(
                                name, HttpAuth.isSecretHeader(name) && !out.keepsSecrets() ? HttpAuth.MASK : value));
                out.put("properties", properties);
            }
        }

        /**
         * Adds the spec's own problems ({@link SinkSpec.Kafka#validate}) and a malformed {@code
         * key} template.
         *
         * @param spec a {@link SinkSpec.Kafka}
         * @param path where the block sits
         * @param problems collector of problems
         */
        @Override
        public void validate(SinkSpec spec, String path, Problems problems) {
            spec.validate(path, problems);
            String key = ((SinkSpec.Kafka) spec).key();
            if (key != null) {
                try {
                    KeyTemplate.parse(key);
                } catch (IllegalArgumentException e) {
                    problems.add(path + ".key", e.getMessage());
                }
            }
        }

        /**
         * Shows the sink as the reference does, without credentials.
         *
         * @param spec a {@link SinkSpec.Kafka}
         * @return {@code kafka ({brokers} / {topic})}
         */
        @Override
        public String display(SinkSpec spec) {
            SinkSpec.Kafka k = (SinkSpec.Kafka) spec;
            return "kafka (" + k.brokers() + " / " + k.topic() + ")";
        }

        /**
         * Builds a {@link KafkaSink}: connects and fetches the topic's metadata.
         *
         * @param spec a {@link SinkSpec.Kafka}
         * @param context the entry's context
         * @return the sink
         * @throws SinkException as {@link KafkaSink#KafkaSink(SinkSpec.Kafka, SinkContext)}
         */
        @Override
        public Sink create(SinkSpec spec, SinkContext context) {
            return new KafkaSink((SinkSpec.Kafka) spec, context);
        }
    }
}
