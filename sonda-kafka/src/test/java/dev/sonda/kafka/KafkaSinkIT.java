package dev.sonda.kafka;

import static dev.sonda.kafka.KafkaRuns.START;
import static dev.sonda.kafka.KafkaRuns.expectedLines;
import static dev.sonda.kafka.KafkaRuns.lines;
import static dev.sonda.kafka.KafkaRuns.paced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Distribution;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Severity;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.LogGeneratorSpec.LogTemplate;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.sink.Sink;
import dev.sonda.kafka.KafkaRuns.Result;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kafka sink against a real Kafka node (in-JVM KRaft, kafka-test-common-runtime, loopback, one
 * node for the class): every line read back from the topic equals what the entry's encoder wrote,
 * computed independently by running the same plan into the engine's memory sink on the same
 * simulated clock. A TCP proxy between sink and broker simulates the broker going away mid-run.
 */
class KafkaSinkIT {
    private static KafkaBroker broker;

    private final List<String> diagnostics = new CopyOnWriteArrayList<>();

    /** Sees every diagnostics line as it is written, on the writing thread. */
    private volatile Consumer<String> onDiagnostic = d -> {};

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.proxied();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void reopenTheProxy() {
        broker.proxy().restore();
    }

    private Result run(ScenarioPlan plan, UnaryOperator<Sink> wrap) throws InterruptedException {
        return KafkaRuns.run(plan, wrap, d -> {
            diagnostics.add(d);
            onDiagnostic.accept(d);
        });
    }

    private static ScenarioPlan outagePlan(String topic, UnaryOperator<SinkSpec.Kafka> sink, OnSinkError policy) {
        return KafkaRuns.outagePlan(broker.bootstrap(), topic, sink, policy);
    }

    /** The millisecond timestamp a prometheus_text line ends with. */
    private static long lineMillis(String line) {
        return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void everyLineOfEveryEntryIsReadBackAsTheEncoderWroteIt() throws Exception {
        String bs = broker.bootstrap();
        String metrics = broker.newTopic("metrics");
        String histograms = broker.newTopic("histograms");
        String logs = broker.newTopic("logs");
        ScenarioPlan plan = Scenario.plan()
                .add(Scenario.metrics("cpu_usage")
                        .rate(10)
                        .duration("10m")
                        .sine(50, 60, 50)
                        .label("region", "eu")
                        .dynamicLabel("host", "h", 3)
                        .encoder(EncoderSpec.prometheusText())
                        .sink(SinkSpec.kafka(bs, metrics)))
                .add(Scenario.histogram("http_latency")
                        .rate(1)
                        .duration("10m")
                        .distribution(new Distribution.Uniform(0, 1))
                        .buckets(0.1, 0.5, 1)
                        .observationsPerTick(20)
                        .sink(SinkSpec.kafka(bs, histograms)))
                .add(Scenario.logs("app")
                        .rate(5)
                        .duration("10m")
                        .template(
                                List.of(new LogTemplate(
                                        "GET {path} {status}",
                                        Map.of("path", List.of("/a", "/b"), "status", List.of("200", "500")))),
                                Map.of(Severity.INFO, 0.8, Severity.ERROR, 0.2),
                                7)
                        .encoder(EncoderSpec.jsonLines())
                        .sink(SinkSpec.kafka(bs, logs)))
                .build();
        Map<Integer, List<String>> expected = expectedLines(plan);
        assertThat(expected.get(0)).hasSize(6_000);

        Result result = run(plan, UnaryOperator.identity());

        assertThat(result.failures()).isEmpty();
        assertThat(result.stats().errors()).isZero();
        String[] topics = {metrics, histograms, logs};
        for (int i = 0; i < topics.length; i++) {
            List<String> want = expected.get(i);
            List<ConsumerRecord<byte[], byte[]>> records = broker.records(topics[i], 0, 1);
            assertThat(lines(records)).as(topics[i]).containsExactlyElementsOf(want);
            assertThat(result.delivery().get(i).delivered())
                    .as("delivered lines of " + topics[i])
                    .isEqualTo(want.size());
            assertThat(result.delivery().get(i).dropped()).isZero();
            assertThat(records).allSatisfy(r -> {
                assertThat(r.key()).isNull();
                assertThat(r.partition()).isZero();
                assertThat(r.headers().toArray()).isEmpty();
            });
        }
        // 6000 lines of about 60 bytes, sent every 5 simulated seconds (max_buffer_age): 120 records
        assertThat(broker.records(metrics, 0, 1)).hasSizeBetween(119, 121);
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void recordTimestampsFollowTheSimulatedClock() throws Exception {
        String topic = broker.newTopic("stamps");
        ScenarioPlan plan = paced(
                Scenario.metrics("up")
                        .constant(1)
                        .sink(SinkSpec.kafka(broker.bootstrap(), topic).withMaxBufferAge(Duration.ofSeconds(10))),
                2,
                "1m");

        run(plan, UnaryOperator.identity());

        List<ConsumerRecord<byte[], byte[]>> records = broker.records(topic, 0, 1);
        assertThat(records).hasSizeGreaterThan(1);
        long startMs = START.toEpochMilli();
        for (int i = 0; i < records.size(); i++) {
            List<String> lines = lines(List.of(records.get(i)));
            long last = lineMillis(lines.get(lines.size() - 1));
            if (i < records.size() - 1) {
                // sent by the write that found the buffer 10 s old: the clock stood at that line's time
                assertThat(records.get(i).timestamp()).isEqualTo(last);
            } else {
                // sent by the final flush, when the entry's minute was over
                assertThat(records.get(i).timestamp()).isBetween(last, startMs + 60_000);
            }
            assertThat(records.get(i).timestamp()).isBetween(startMs, startMs + 60_000);
        }
    }

    @Test
    void perLineRecordsCarryTheKeyTemplateAndTheLinesOwnTime() throws Exception {
        String topic = broker.newTopic("keyed");
        ScenarioPlan plan = Scenario.metrics("cpu")
                .rate(10)
                .duration("30s")
                .step(1)
                .dynamicLabel("host", List.of("alpha", "beta"))
                .sink(SinkSpec.kafka(broker.bootstrap(), topic)
                        .withRecordPer(SinkSpec.Kafka.RecordPer.LINE)
                        .withKey("{name}/{labels.host}"))
                .buildPlan();
        List<String> want = expectedLines(plan).get(0);

        Result result = run(plan, UnaryOperator.identity());

        List<ConsumerRecord<byte[], byte[]>> records = broker.records(topic, 0, want.size());
        assertThat(lines(records)).containsExactlyElementsOf(want);
        assertThat(records).allSatisfy(r -> {
            String line = new String(r.value(), StandardCharsets.UTF_8);
            String host = line.contains("host=\"alpha\"") ? "alpha" : "beta";
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("cpu/" + host);
            assertThat(r.timestamp()).isEqualTo(lineMillis(line.strip()));
        });
        assertThat(result.delivery().get(0).delivered()).isEqualTo(want.size());
    }

    /** Every acks setting and every compression, paired so that five runs cover both. */
    static Stream<Arguments> producerSettings() {
        SinkSpec.Kafka.Acks[] acks = SinkSpec.Kafka.Acks.values();
        SinkSpec.Kafka.Compression[] compressions = SinkSpec.Kafka.Compression.values();
        return IntStream.range(0, Math.max(acks.length, compressions.length))
                .mapToObj(i -> Arguments.of(acks[i % acks.length], compressions[i % compressions.length]));
    }

    @ParameterizedTest
    @MethodSource("producerSettings")
    void everyAcksAndCompressionSettingDeliversEveryLine(
            SinkSpec.Kafka.Acks acks, SinkSpec.Kafka.Compression compression) throws Exception {
        String topic = broker.newTopic("settings");
        ScenarioPlan plan = Scenario.metrics("up")
                .rate(20)
                .duration("1m")
                .sine(1, 10, 0)
                .sink(SinkSpec.kafka(broker.bootstrap(), topic).withAcks(acks).withCompression(compression))
                .buildPlan();
        List<String> want = expectedLines(plan).get(0);

        Result result = run(plan, UnaryOperator.identity());

        // acks 0: counted as delivered once written to the socket, so wait for the lines to land
        assertThat(lines(broker.records(topic, 0, want.size()))).containsExactlyElementsOf(want);
        assertThat(result.delivery().get(0).delivered()).isEqualTo(want.size());
    }

    @Test
    void aBrokerOutageWithWarnCountsErrorsDropsThatBatchAndTheRunGoesOn() throws Exception {
        String topic = broker.newTopic("outage-warn");
        ScenarioPlan plan = outagePlan(topic, k -> k, OnSinkError.WARN);
        List<String> want = expectedLines(plan).get(0);
        TcpProxy proxy = broker.proxy();

        Result result = run(plan, s -> new Tripwire(s, Map.of(250, proxy::cut, 350, proxy::restore)));

        assertThat(result.failures()).isEmpty();
        assertThat(result.stats().errors()).isPositive();
        assertThat(diagnostics).anySatisfy(d -> assertThat(d)
                .startsWith("sonda: scenario 'up': 1 sink errors in last 60s (last: kafka sink: failed to"
                        + " produce record to topic '" + topic + "' at broker(s) '" + broker.bootstrap()
                        + "': "));
        DeliveryCounts counts = result.delivery().get(0);
        assertThat(counts.delivered() + counts.dropped())
                .as("every line is accounted for")
                .isEqualTo(want.size());
        assertThat(counts.dropped()).isPositive();
        List<String> got = List.copyOf(new LinkedHashSet<>(lines(broker.records(topic, 0, 1))));
        assertThat(want).as("nothing foreign, in order").containsSubsequence(got);
        assertThat((long) got.size())
                .as("every acknowledged line is stored; a dropped batch may have been stored without its ack")
                .isBetween(counts.delivered(), counts.delivered() + counts.dropped());
        assertThat(got).as("lines after the outage arrive").contains(want.get(want.size() - 1), want.get(400));
    }

    @Test
    void aBrokerOutageWithFailEndsTheEntryAndKeepsWhatWasAcknowledged() throws Exception {
        String topic = broker.newTopic("outage-fail");
        ScenarioPlan plan = outagePlan(topic, k -> k, OnSinkError.FAIL);
        List<String> want = expectedLines(plan).get(0);
        TcpProxy proxy = broker.proxy();
        long t0 = System.nanoTime();

        Result result = run(plan, s -> new Tripwire(s, Map.of(250, proxy::cut)));

        assertThat(Duration.ofNanos(System.nanoTime() - t0))
                .as("a failed send and the bounded close, not the whole timeout chain")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.error())
                .hasMessageStartingWith("kafka sink: failed to produce record to topic '" + topic + "'"));
        proxy.restore();
        DeliveryCounts counts = result.delivery().get(0);
        List<String> got = List.copyOf(new LinkedHashSet<>(lines(broker.records(topic, 0, 1))));
        assertThat(counts.delivered()).isBetween(200L, 300L);
        assertThat(got).isEqualTo(want.subList(0, got.size()));
        assertThat((long) got.size()).isBetween(counts.delivered(), counts.delivered() + counts.dropped());
        assertThat(got.size()).isLessThan(want.size());
    }

    @Test
    void aBrokerBackWithinTheRetryBudgetLosesNothing() throws Exception {
        String topic = broker.newTopic("outage-retry");
        RetryPolicy retry = new RetryPolicy(30, Duration.ofMillis(50), Duration.ofMillis(200));
        ScenarioPlan plan =
                outagePlan(topic, k -> k.withRetry(retry).withDeliveryTimeout(Duration.ofSeconds(1)), OnSinkError.FAIL);
        List<String> want = expectedLines(plan).get(0);
        TcpProxy proxy = broker.proxy();
        // the broker comes back while the sink is retrying: at its first retry notice
        onDiagnostic = d -> {
            if (d.startsWith("sonda: retry 1/")) {
                proxy.restore();
            }
        };

        Result result = run(plan, s -> new Tripwire(s, Map.of(250, proxy::cut)));

        assertThat(result.failures()).isEmpty();
        assertThat(result.stats().errors()).isZero();
        assertThat(diagnostics).anySatisfy(d -> assertThat(d).startsWith("sonda: retry 1/30 after "));
        DeliveryCounts counts = result.delivery().get(0);
        assertThat(counts.delivered()).isEqualTo(want.size());
        assertThat(counts.dropped()).isZero();
        assertThat(List.copyOf(new LinkedHashSet<>(lines(broker.records(topic, 0, 1)))))
                .as("every line, in order (a retried record stored twice reads back once here)")
                .containsExactlyElementsOf(want);
    }

    @Test
    void anUnreachableBrokerEndsTheEntryAtItsStart() throws Exception {
        String topic = broker.newTopic("unreachable");
        broker.proxy().cut();
        ScenarioPlan plan = Scenario.metrics("up")
                .rate(1)
                .duration("10s")
                .constant(1)
                .sink(SinkSpec.kafka(broker.bootstrap(), topic).withDeliveryTimeout(Duration.ofSeconds(1)))
                .buildPlan();

        Result result = run(plan, UnaryOperator.identity());

        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.error())
                .hasMessageStartingWith("kafka sink: failed to get partition client for topic '" + topic
                        + "' at broker(s) '" + broker.bootstrap() + "': "));
        assertThat(result.stats().events()).isZero();
    }
}
