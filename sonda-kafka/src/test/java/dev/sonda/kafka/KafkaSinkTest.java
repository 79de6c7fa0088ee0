package dev.sonda.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.MetricType;
import dev.sonda.api.Severity;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.Clock;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Encoders;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.log.LogEncoders;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.log.LogFields;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaSinkTest {
    /** 2026-01-01T00:00:00Z in milliseconds. */
    private static final long START_MS = 1_767_225_600_000L;

    private static final Instant START = Instant.ofEpochMilli(START_MS);

    private final Clock clock = Clock.simulated(START);
    private final List<String> diagnostics = new ArrayList<>();
    private final DeliveryCounts delivery = new DeliveryCounts();
    private final ScriptedProducer producer = new ScriptedProducer();

    private SinkContext metricContext(Map<String, String> labels) {
        return new SinkContext(
                "cpu",
                labels,
                clock,
                diagnostics::add,
                Encoders.metricEncoder(EncoderSpec.prometheusText()),
                null,
                delivery);
    }

    private KafkaSink sink(SinkSpec.Kafka spec, SinkContext context) {
        return new KafkaSink(spec, context, config -> {
            producer.config = config;
            return producer;
        });
    }

    private static SinkSpec.Kafka spec() {
        return SinkSpec.kafka("127.0.0.1:9092", "metrics");
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static Series series(String name, Map<String, String> labels) {
        return Series.of(name, Labels.of(labels), MetricType.GAUGE);
    }

    private void advanceTo(long millisAfterStart) throws InterruptedException {
        clock.sleepUntil(millisAfterStart * 1_000_000L);
    }

    @Test
    void oneFlushIsOneRecordWhoseValueIsTheConcatenatedLines() {
        KafkaSink sink = sink(spec(), metricContext(Map.of()));
        Object a = sink.prepare(series("up", Map.of("zone", "eu1", "hostname", "t0-a1")));
        Object b = sink.prepare(series("http_requests_total", Map.of()));

        sink.sample(a, 1_700_000_000_000_000_000L, 1);
        sink.sample(b, 1_700_000_000_000_000_000L, 123.456);
        assertThat(producer.history()).as("nothing is sent before the flush").isEmpty();
        sink.flush();

        // Lines as the prometheus_text golden vectors give them (generators-encoders.md section 11.1).
        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(text(r.value()))
                    .isEqualTo("up{hostname=\"t0-a1\",zone=\"eu1\"} 1 1700000000000\n"
                            + "http_requests_total 123.456 1700000000000\n");
            assertThat(r.topic()).isEqualTo("metrics");
            assertThat(r.partition()).isZero();
            assertThat(r.key()).isNull();
            assertThat(r.headers().toArray()).isEmpty();
            assertThat(r.timestamp()).as("the run's clock at the send").isEqualTo(START_MS);
        });
        assertThat(delivery.delivered).as("two lines acknowledged").isEqualTo(2);
        assertThat(sink.bytes()).isEqualTo(producer.history().get(0).value().length);
    }

    @Test
    void theBufferIsSentAtTheWriteThatReaches64KiB() {
        KafkaSink sink = sink(spec().withMaxBufferAge(Duration.ZERO), metricContext(Map.of()));
        Object s = sink.prepare(series("a_rather_long_metric_name_for_filling_buffers", Map.of("k", "v")));
        int writes = 0;
        while (producer.history().isEmpty()) {
            sink.sample(s, 1_000_000_000L * writes, writes);
            writes++;
            assertThat(writes).isLessThan(10_000);
        }
        assertThat(sink.lastWriteDelivered()).isTrue();
        byte[] first = producer.history().get(0).value();
        assertThat(first.length).isGreaterThanOrEqualTo(65_536);
        assertThat(text(first).split("\n")).hasSize(writes);
        assertThat(first.length - lineLength(text(first), writes - 1))
                .as("one write earlier the buffer was below 64 KiB")
                .isLessThan(65_536);

        sink.sample(s, 0, 1);
        assertThat(sink.lastWriteDelivered()).isFalse();
        assertThat(sink.bufferedLines()).isEqualTo(1);
    }

    private static int lineLength(String text, int index) {
        return (text.split("\n")[index] + "\n").getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void theBufferIsSentWhenMaxBufferAgeHasPassedOnTheRunsClock() throws InterruptedException {
        KafkaSink sink = sink(spec().withMaxBufferAge(Duration.ofSeconds(2)), metricContext(Map.of()));
        Object s = sink.prepare(series("up", Map.of()));

        sink.sample(s, (START_MS) * 1_000_000L, 1);
        advanceTo(1_999);
        sink.sample(s, (START_MS + 1_999) * 1_000_000L, 1);
        assertThat(producer.history()).isEmpty();
        advanceTo(2_000);
        sink.sample(s, (START_MS + 2_000) * 1_000_000L, 1);

        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(text(r.value()).split("\n")).hasSize(3);
            assertThat(r.timestamp()).isEqualTo(START_MS + 2_000);
        });
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void closeSendsWhatIsBufferedAndClosesTheProducerOnce() {
        KafkaSink sink = sink(spec(), metricContext(Map.of()));
        sink.sample(sink.prepare(series("up", Map.of())), 0, 1);

        sink.close();
        sink.close();

        assertThat(producer.history()).hasSize(1);
        assertThat(producer.closed()).isTrue();
        assertThat(delivery.delivered).isEqualTo(1);
    }

    @Test
    void aFlushWithNothingBufferedSendsNothing() {
        KafkaSink sink = sink(spec(), metricContext(Map.of()));
        sink.flush();
        sink.close();
        assertThat(producer.attempts).isEmpty();
    }

    @Test
    void aFlushKeyIsRenderedFromTheEntrysNameAndStaticLabels() {
        KafkaSink sink = sink(spec().withKey("{name}@{labels.region}/{{x}}"), metricContext(Map.of("region", "eu")));
        sink.sample(sink.prepare(series("cpu", Map.of("region", "eu", "host", "h1"))), 0, 1);
        sink.flush();

        assertThat(text(producer.history().get(0).key())).isEqualTo("cpu@eu/{x}");
    }

    @Test
    void aFlushKeyNamingALabelThatIsNotStaticIsRefusedAtCreation() {
        assertThatThrownBy(() -> sink(spec().withKey("{labels.host}"), metricContext(Map.of("region", "eu"))))
                .isInstanceOf(SinkException.class)
                .hasMessage("kafka sink: key template '{labels.host}' uses label 'host', which is not a static label"
                        + " of entry 'cpu'; with record_per: flush one record holds many lines, so its key can use"
                        + " only the entry's name and static labels; set record_per: line for a key per line");
        assertThat(producer.closed()).as("no producer was built").isFalse();
    }

    @Test
    void perLineRecordsCarryTheirSeriesKeyAndTheirOwnTimestamp() {
        KafkaSink sink = sink(
                spec().withRecordPer(SinkSpec.Kafka.RecordPer.LINE).withKey("{name}/{labels.host}"),
                metricContext(Map.of()));
        Object a = sink.prepare(series("cpu", Map.of("host", "h1")));
        Object b = sink.prepare(series("cpu", Map.of("host", "h2")));
        Object c = sink.prepare(series("mem", Map.of()));

        sink.sample(a, 1_000_000_000_123_456_789L, 1);
        sink.sample(b, 1_000_000_001_000_000_000L, 2);
        sink.sample(c, 1_000_000_002_000_000_000L, 3);
        sink.flush();

        assertThat(producer.history())
                .extracting(r -> text(r.key()), r -> text(r.value()), ProducerRecord::timestamp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "cpu/h1", "cpu{host=\"h1\"} 1 1000000000123\n", 1_000_000_000_123L),
                        org.assertj.core.groups.Tuple.tuple(
                                "cpu/h2", "cpu{host=\"h2\"} 2 1000000001000\n", 1_000_000_001_000L),
                        org.assertj.core.groups.Tuple.tuple("mem/", "mem 3 1000000002000\n", 1_000_000_002_000L));
        assertThat(delivery.delivered).isEqualTo(3);
    }

    @Test
    void logLinesAreEncodedWithTheEntrysLogEncoder() {
        SinkContext context = new SinkContext(
                "app", Map.of(), clock, diagnostics::add, null, LogEncoders.create(EncoderSpec.jsonLines()), delivery);
        KafkaSink sink =
                sink(spec().withRecordPer(SinkSpec.Kafka.RecordPer.LINE).withKey("{name}:{labels.pod}"), context);
        LogEvent event = new LogEvent(
                1_700_000_000_000_000_000L, Severity.INFO, "hello", Labels.of(Map.of("pod", "p-1")), LogFields.empty());

        sink.log(event);
        sink.close();

        assertThat(producer.history()).singleElement().satisfies(r -> {
            assertThat(text(r.key())).isEqualTo("app:p-1");
            assertThat(text(r.value()))
                    .startsWith("{")
                    .contains("\"message\":\"hello\"")
                    .endsWith("}\n");
            assertThat(r.timestamp()).isEqualTo(1_700_000_000_000L);
        });
    }

    @Test
    void aFailedSendIsReportedWithTheReferenceMessageAndItsLinesAsDropped() {
        KafkaSink sink = sink(spec(), metricContext(Map.of()));
        sink.sample(sink.prepare(series("up", Map.of())), 0, 1);
        sink.sample(sink.prepare(series("up", Map.of("a", "b"))), 0, 1);
        producer.failNext(1);

        assertThatThrownBy(sink::flush)
                .isInstanceOf(SinkException.class)
                .hasMessage("kafka sink: failed to produce record to topic 'metrics' at broker(s) '127.0.0.1:9092':"
                        + " Disconnected from node 1");
        assertThat(delivery.dropped).isEqualTo(2);
        assertThat(delivery.delivered).isZero();
        assertThat(sink.bufferedLines()).as("the lines are not re-queued").isZero();
    }

    @Test
    void aRetryResendsTheRecordWithAFreshTimestampAndPrintsTheRetryLine() throws InterruptedException {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));
        KafkaSink sink = sink(spec().withRetry(retry), metricContext(Map.of()));
        sink.sample(sink.prepare(series("up", Map.of())), 0, 1);
        producer.failNext(2);

        advanceTo(500);
        sink.flush();

        assertThat(producer.attempts).hasSize(3);
        assertThat(producer.history()).singleElement().satisfies(r -> assertThat(r.timestamp())
                .isEqualTo(START_MS + 500));
        assertThat(diagnostics).hasSize(2).allSatisfy(d -> assertThat(d)
                .matches("sonda: retry [12]/3 after \\d+ms \\(error: kafka sink: failed to produce record to"
                        + " topic 'metrics' at broker\\(s\\) '127.0.0.1:9092': Disconnected from node 1\\)"));
        assertThat(delivery.delivered).isEqualTo(1);
        assertThat(delivery.dropped).isZero();
    }

    private KafkaSink perLineWithOneRetry() {
        RetryPolicy retry = new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1));
        return sink(spec().withRecordPer(SinkSpec.Kafka.RecordPer.LINE).withRetry(retry), metricContext(Map.of()));
    }

    @Test
    void aRetryOfPerLineRecordsResendsOnlyTheUnacknowledgedOnes() {
        KafkaSink sink = perLineWithOneRetry();
        Object s = sink.prepare(series("up", Map.of()));
        sink.sample(s, 1_000_000L, 1);
        sink.sample(s, 2_000_000L, 2);
        sink.sample(s, 3_000_000L, 3);
        producer.failNext(1); // the first record fails once

        sink.flush();

        assertThat(producer.attempts)
                .extracting(r -> text(r.value()))
                .containsExactly("up 1 1\n", "up 2 2\n", "up 3 3\n", "up 1 1\n");
        assertThat(delivery.delivered).isEqualTo(3);
    }

    @Test
    void exhaustedRetriesDropOnlyTheLinesNotAcknowledged() {
        KafkaSink sink = perLineWithOneRetry();
        Object s = sink.prepare(series("up", Map.of()));
        sink.sample(s, 1_000_000L, 1);
        sink.sample(s, 2_000_000L, 2);
        producer.failNext(3); // record 1 and 2 on the first try, record 1 on the retry

        assertThatThrownBy(sink::flush)
                .isInstanceOf(SinkException.class)
                .hasMessageEndingWith("Disconnected from node 1 (1 of 2 records not acknowledged)");
        assertThat(delivery.delivered).isEqualTo(1);
        assertThat(delivery.dropped).isEqualTo(1);
        assertThat(diagnostics).last().asString().startsWith("sonda: all 1 retries exhausted (last error: kafka sink:");
    }

    @Test
    void closeClosesTheProducerEvenWhenTheFinalSendFails() {
        KafkaSink sink = sink(spec(), metricContext(Map.of()));
        sink.sample(sink.prepare(series("up", Map.of())), 0, 1);
        producer.failNext(1);

        assertThatThrownBy(sink::close).isInstanceOf(SinkException.class);
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void recordsGoToTheConfiguredPartition() {
        KafkaSink sink = sink(spec().withPartition(2), metricContext(Map.of()));
        sink.sample(sink.prepare(series("up", Map.of())), 0, 1);
        sink.flush();
        assertThat(producer.history().get(0).partition()).isEqualTo(2);
    }

    @Test
    void aPartitionTheTopicLacksIsRefusedAtCreation() {
        Node node = new Node(1, "127.0.0.1", 9092);
        producer.partitions = List.of(new PartitionInfo("metrics", 0, node, new Node[] {node}, new Node[] {node}));

        assertThatThrownBy(() -> sink(spec().withPartition(1), metricContext(Map.of())))
                .isInstanceOf(SinkException.class)
                .hasMessage("kafka sink: failed to get partition client for topic 'metrics' at broker(s)"
                        + " '127.0.0.1:9092': partition 1 does not exist; the topic has 1 partition(s), 0 to 0");
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void noMetadataWithinTheTimeoutIsAPartitionClientError() {
        producer.partitionsForException = new TimeoutException("Topic metrics not present in metadata after 30000 ms.");

        assertThatThrownBy(() -> sink(spec(), metricContext(Map.of())))
                .isInstanceOf(SinkException.class)
                .hasMessage("kafka sink: failed to get partition client for topic 'metrics' at broker(s)"
                        + " '127.0.0.1:9092': Topic metrics not present in metadata after 30000 ms.");
    }

    @Test
    void noMetadataWithoutAnyConnectionIsAConnectError() {
        producer.partitionsForException = new TimeoutException("Topic metrics not present in metadata after 30000 ms.");
        MetricName created = new MetricName("connection-creation-total", "producer-metrics", "", Map.of());
        producer.setMockMetrics(created, new Metric() {
            @Override
            public MetricName metricName() {
                return created;
            }

            @Override
            public Object metricValue() {
                return 0.0;
            }
        });

        assertThatThrownBy(() -> sink(spec(), metricContext(Map.of())))
                .isInstanceOf(SinkException.class)
                .hasMessage("kafka sink: failed to connect to broker(s) '127.0.0.1:9092': no broker accepted a"
                        + " connection within 30s (Topic metrics not present in metadata after 30000 ms.)");
    }

    @Test
    void aFailedAuthenticationIsAConnectError() {
        producer.partitionsForException =
                new SaslAuthenticationException("Authentication failed: Invalid username or password");

        assertThatThrownBy(() -> sink(spec(), metricContext(Map.of())))
                .isInstanceOf(SinkException.class)
                .hasMessage("kafka sink: failed to connect to broker(s) '127.0.0.1:9092': Authentication failed:"
                        + " Invalid username or password");
    }

    @Test
    void brokersOfOnlyCommasAndSpacesAreRefusedWithTheReferenceMessage() {
        assertThatThrownBy(() -> sink(SinkSpec.kafka(" , ,", "t"), metricContext(Map.of())))
                .isInstanceOf(SinkException.class)
                .hasMessage("kafka sink: no valid broker addresses in ' , ,'");
    }

    @Test
    void theSinkShowsItselfAsTheReferenceDisplaysIt() {
        assertThat(sink(spec(), metricContext(Map.of()))).hasToString("kafka (127.0.0.1:9092 / metrics)");
    }
}
