package dev.sonda.kafka;

import static dev.sonda.kafka.KafkaRuns.expectedLines;
import static dev.sonda.kafka.KafkaRuns.lines;
import static dev.sonda.kafka.KafkaRuns.outagePlan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.OnSinkError;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.engine.EntryStats;
import dev.sonda.kafka.KafkaRuns.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kafka sink through a broker restart (issue 14's receiver restart test for this sink): the
 * in-JVM KRaft node's broker is shut down mid-run, so its listener, request handlers and log
 * manager stop and every connection drops, then started again on the same log directory while
 * the node's controller keeps the metadata. The plan is {@link KafkaRuns#outagePlan}: 1000 lines
 * {@code up <n> <ms>} whose values n = 0..999 come from a step counter, so what the topic holds
 * is checked against the numbers themselves as well as against the memory sink's lines.
 */
class KafkaRestartIT {
    /** Samples (1-based) at which the broker goes down: after the sends at lines 100 and 200. */
    private static final int STOP_AT = 250;

    private static KafkaBroker broker;

    private final List<String> diagnostics = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.restartable();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void brokerRunsAgain() {
        broker.startBrokerNode();
    }

    @Test
    void aBrokerRestartWithinTheDeliveryTimeoutLosesNothingAndRepeatsNothing() throws Exception {
        String topic = broker.newTopic("restart-covered");
        ScenarioPlan plan = outagePlan(
                broker.bootstrap(), topic, k -> k.withDeliveryTimeout(Duration.ofSeconds(30)), OnSinkError.FAIL);
        List<String> want = expectedLines(plan).get(0);
        CompletableFuture<Void> restarted = new CompletableFuture<>();
        long t0 = System.nanoTime();

        // down before sample 250; the start begins just before sample 300, whose write sends lines
        // 201..300 to a broker that is not there yet: the producer retries within the 30 s timeout
        Result result = KafkaRuns.run(
                plan,
                s -> new Tripwire(s, Map.of(STOP_AT, broker::stopBrokerNode, 300, () -> startInBackground(restarted))),
                diagnostics::add);

        restarted.get(30, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(45));
        assertThat(result.failures()).isEmpty();
        assertThat(result.stats().errors()).isZero();
        assertThat(diagnostics).as("no sink error, no retry by the sink").isEmpty();
        EntryStats up = result.stats().entries().get(0);
        assertThat(up.records()).isEqualTo(1000);
        assertThat(up.delivered()).isEqualTo(1000);
        assertThat(up.dropped()).isZero();
        assertThat(result.delivery().get(0).delivered()).isEqualTo(1000);
        List<String> got = lines(broker.records(topic, 0, want.size()));
        // acks all (the default) runs the idempotent producer: its own retries across the restart
        // are stored once, and the sink never re-sends (no retry policy, no failed send)
        assertThat(numbers(got))
                .as("every number 0..999 once, in order")
                .containsExactlyElementsOf(LongStream.range(0, 1000).boxed().toList());
        assertThat(got).containsExactlyElementsOf(want);
    }

    @Test
    void aBrokerRestartWithAShortDeliveryTimeoutUnderWarnDropsTheOutagesRecordsAndDeliversTheRest() throws Exception {
        String topic = broker.newTopic("restart-warn");
        ScenarioPlan plan = outagePlan(
                broker.bootstrap(), topic, k -> k.withDeliveryTimeout(Duration.ofSeconds(1)), OnSinkError.WARN);
        List<String> want = expectedLines(plan).get(0);
        long t0 = System.nanoTime();

        // down from sample 250 to 450: the sends at lines 300 and 400 time out after 1 s each;
        // the broker is back (registered and unfenced) before sample 450 is written
        Result result = KafkaRuns.run(
                plan,
                s -> new Tripwire(s, Map.of(STOP_AT, broker::stopBrokerNode, 450, broker::startBrokerNode)),
                diagnostics::add);

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(45));
        assertThat(result.failures()).isEmpty();
        assertThat(result.stats().errors()).isPositive();
        assertThat(diagnostics).anySatisfy(d -> assertThat(d)
                .startsWith("sonda: scenario 'up': 1 sink errors in last 60s (last: kafka sink: failed to"
                        + " produce record to topic '" + topic + "' at broker(s) '" + broker.bootstrap() + "': "));
        EntryStats up = result.stats().entries().get(0);
        assertThat(up.records()).isEqualTo(1000);
        assertThat(up.delivered() + up.dropped())
                .as("every record is accounted for")
                .isEqualTo(up.records());
        assertThat(up.dropped()).as("the lines of the sends in the outage").isPositive();
        assertThat(result.delivery().get(0).dropped()).isEqualTo(up.dropped());
        List<Long> got = numbers(lines(broker.records(topic, 0, 1)));
        assertThat(got).as("in order, none twice").isSorted().doesNotHaveDuplicates();
        assertThat((long) got.size())
                .as("a send that timed out against a stopped broker stored nothing")
                .isEqualTo(up.delivered());
        List<Long> missing = new ArrayList<>(LongStream.range(0, 1000).boxed().toList());
        missing.removeAll(got);
        assertThat(missing)
                .as("only lines sent while the broker was down are lost")
                .allSatisfy(n -> assertThat(n).isBetween(200L, (long) 449));
        assertThat(got)
                .as("every line after the restart")
                .containsAll(LongStream.range(450, 1000).boxed().toList());
        assertThat(lines(broker.records(topic, 0, 1))).isSubsetOf(want);
    }

    /** Starts the broker on a thread of its own, completing {@code done}. */
    private static void startInBackground(CompletableFuture<Void> done) {
        Thread t = new Thread(
                () -> {
                    try {
                        broker.startBrokerNode();
                        done.complete(null);
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                },
                "broker-restart");
        t.setDaemon(true);
        t.start();
    }

    /** The value of each {@code up <n> <ms>} line, as a whole number. */
    private static List<Long> numbers(List<String> lines) {
        return lines.stream()
                .map(l -> {
                    String[] parts = l.split(" ");
                    assertThat(parts).as(l).hasSize(3);
                    assertThat(parts[0]).isEqualTo("up");
                    return Long.parseLong(parts[1]);
                })
                .toList();
    }
}
