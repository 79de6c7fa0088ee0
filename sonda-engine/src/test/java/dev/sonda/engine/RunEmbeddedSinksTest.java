package dev.sonda.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.sink.ChannelSink;
import dev.sonda.engine.sink.MemorySink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link Run#memory} and {@link Run#channel}: the memory and channel sinks read back from the run. */
class RunEmbeddedSinksTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long START_MS = START.toEpochMilli();

    private static RunOptions simulated() {
        return RunOptions.defaults().withClock(Clock.simulated(START));
    }

    @Test
    void theMemorySinkOfAnEntryIsReadFromTheRunByItsId() throws InterruptedException {
        ScenarioPlan plan = Scenario.plan()
                .add(Scenario.metrics("up")
                        .id("probe")
                        .rate(1)
                        .duration("3s")
                        .sequence(1, 0, 1)
                        .sink(SinkSpec.memory()))
                .build();
        try (Run run = Sonda.start(plan, simulated())) {
            run.join();
            MemorySink sink = run.memory("probe");
            // Prometheus text format 0.0.4: name, value, timestamp in milliseconds.
            assertThat(sink.lines())
                    .containsExactly("up 1 " + START_MS, "up 0 " + (START_MS + 1000), "up 1 " + (START_MS + 2000));
            assertThat(run.memory(0)).isSameAs(sink);
            assertThat(run.memory("up")).as("by name when no id matches").isSameAs(sink);
        }
    }

    @Test
    void aChannelHandsEveryRecordToTheConsumerAndEndsWhenTheEntryIsDone() throws InterruptedException {
        ScenarioPlan plan = Scenario.metrics("tick")
                .id("ticks")
                .rate(10)
                .duration("5s")
                .step(1)
                .sink(SinkSpec.channel(2))
                .buildPlan();
        List<String> received = new ArrayList<>();
        try (Run run = Sonda.start(plan, simulated())) {
            ChannelSink.Receiver receiver = run.channel("ticks");
            for (int i = 0; i < 1000 && !receiver.isFinished(); i++) {
                byte[] record = receiver.poll(5, TimeUnit.SECONDS);
                if (record != null) {
                    received.add(new String(record, StandardCharsets.UTF_8));
                }
            }
            RunStats stats = run.join();
            assertThat(received).hasSize(50);
            assertThat(stats.entries().get(0).events()).isEqualTo(50);
        }
        // step 1 from 0: value k at tick k, 100 ms apart
        assertThat(received.get(0)).isEqualTo("tick 0 " + START_MS + "\n");
        assertThat(received.get(49)).isEqualTo("tick 49 " + (START_MS + 4900) + "\n");
    }

    @Test
    void askingForASinkAnEntryDoesNotHaveListsTheEntriesThatHaveOne() throws InterruptedException {
        ScenarioPlan plan = Scenario.plan()
                .rate(1)
                .duration("1s")
                .add(Scenario.metrics("a").id("a").constant(1).sink(SinkSpec.memory()))
                .add(Scenario.metrics("b").id("b").constant(1).sink(SinkSpec.channel(4)))
                .build();
        try (Run run = Sonda.start(plan, simulated())) {
            assertThatThrownBy(() -> run.memory("b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no entry with id or name 'b' has a memory sink; entries with a memory sink: [0] a");
            assertThatThrownBy(() -> run.channel(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("entry 0 has no channel sink; entries with a channel sink: [1] b");
            ChannelSink.Receiver receiver = run.channel("b");
            while (receiver.poll(5, TimeUnit.SECONDS) != null) {
                // drain so that the entry can finish
            }
            run.join();
        }
    }

    @Test
    void aChannelNeedsACapacityOfAtLeastOne() {
        assertThatThrownBy(() -> Scenario.metrics("m")
                        .rate(1)
                        .constant(1)
                        .sink(SinkSpec.channel(0))
                        .buildPlan())
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("scenarios[0].sink.capacity: channel capacity must be at least 1, got 0");
    }

    @Test
    void aChannelHasNoYamlTypeAsInTheReference() {
        ScenarioPlan plan = Scenario.metrics("m")
                .rate(1)
                .constant(1)
                .sink(new SinkSpec.Generic("channel", Map.of("capacity", 4L)))
                .buildPlan();
        assertThatThrownBy(() -> Sonda.compile(plan))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("unknown sink type 'channel'");
    }
}
