package dev.sonda.examples.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.RunStats;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.sink.ChannelSink;
import dev.sonda.engine.sink.MemorySink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Embedding Sonda in a program (or a test of one) without JUnit's extension: start a run, read
 * what it writes while it runs through the memory and channel sinks, stop it, and reconcile with
 * its stats. See docs/embedding.md.
 */
class EmbeddingExamplesTest {

    @Test
    void aConsumerTakesEveryRecordFromAChannelWhileTheRunGoesOn() throws InterruptedException {
        ScenarioPlan plan = Scenario.metrics("queue_depth")
                .id("depth")
                .rate(10)
                .duration("1m")
                .sawtooth(0, 100, Duration.ofSeconds(30))
                .sink(SinkSpec.channel(64)) // the entry waits when 64 records are not taken yet
                .buildPlan();

        List<String> received = new ArrayList<>();
        try (Run run = Sonda.start(
                plan, RunOptions.defaults().withClock(Clock.simulated(Instant.parse("2026-01-01T00:00:00Z"))))) {
            ChannelSink.Receiver receiver = run.channel("depth");
            byte[] record;
            while ((record = receiver.poll(10, TimeUnit.SECONDS)) != null) { // null: the entry is done
                received.add(new String(record, StandardCharsets.UTF_8));
            }
            RunStats stats = run.join();
            assertThat(received).hasSize((int) stats.events()).hasSize(600);
            assertThat(receiver.isFinished()).isTrue();
        }
        assertThat(received.get(0)).isEqualTo("queue_depth 0 1767225600000\n");
    }

    @Test
    void aRunOnTheSystemClockFillsItsMemorySinkUntilStopped() throws InterruptedException {
        ScenarioPlan plan = Scenario.metrics("heartbeat")
                .id("heartbeat")
                .rate(50)
                .constant(1) // no duration: runs until stopped
                .sink(SinkSpec.memory())
                .buildPlan();

        try (Run run = Sonda.start(plan, RunOptions.defaults())) {
            MemorySink sink = run.memory("heartbeat");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sink.eventCount() < 20 && System.nanoTime() < deadline) {
                run.await(Duration.ofMillis(20)); // real time: wait for a few records, bounded
            }
            run.stop();
            assertThat(run.await(Duration.ofSeconds(10))).isTrue();

            RunStats stats = run.stats();
            assertThat(sink.eventCount()).isGreaterThanOrEqualTo(20).isEqualTo(stats.events());
            assertThat(sink.lines()).allMatch(l -> l.startsWith("heartbeat 1 "));
            assertThat(stats.errors()).isZero();
        }
    }
}
