package dev.sonda.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.OnSinkError;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.engine.sink.ByteSink;
import dev.sonda.engine.sink.EncodingSink;
import dev.sonda.engine.sink.SinkException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RunTest {
    private static final Instant START = Instant.ofEpochMilli(1_777_000_000_000L);

    /** Keeps written lines only after a flush, like a buffering sink, so lost flushes show. */
    static final class BufferingSink implements ByteSink {
        final List<String> pending = new ArrayList<>();
        final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        final int batch;
        int flushes;

        BufferingSink(int batch) {
            this.batch = batch;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            pending.add(new String(buf, off, len, StandardCharsets.UTF_8));
            if (pending.size() >= batch) {
                flush();
            }
        }

        @Override
        public void flush() {
            delivered.addAll(pending);
            pending.clear();
            flushes++;
        }

        @Override
        public void close() {
            flush();
        }
    }

    private static List<String> runSimulated(ScenarioPlan plan) throws InterruptedException {
        List<String> lines = new CopyOnWriteArrayList<>();
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(START))
                .withSinkFactory((entry, ctx) -> EncodingSink.of(
                        new ByteSink() {
                            @Override
                            public void write(byte[] buf, int off, int len) {
                                lines.add(new String(buf, off, len, StandardCharsets.UTF_8));
                            }

                            @Override
                            public void flush() {}

                            @Override
                            public void close() {}
                        },
                        ctx));
        try (Run run = Sonda.start(plan, options)) {
            run.join();
        }
        return lines;
    }

    @Test
    void aSimulatedHourAtOneEventPerSecondYields3600EventsStampedOnTheSecond() throws Exception {
        ScenarioPlan plan =
                Scenario.metrics("up").rate(1).duration("1h").constant(1).buildPlan();

        List<String> lines = runSimulated(plan);

        assertThat(lines).hasSize(3600);
        assertThat(lines.get(0)).isEqualTo("up 1 1777000000000\n");
        assertThat(lines.get(3599)).isEqualTo("up 1 " + (1_777_000_000_000L + 3_599_000L) + "\n");
    }

    @Test
    void fractionalRatesEmitCeilOfDurationTimesRateEvents() throws Exception {
        // rate 3 for 2.5 s: t = 0, 1/3, ..., 7/3 -> ceil(7.5) = 8 events, floor-ms stamps
        ScenarioPlan plan =
                Scenario.metrics("m").rate(3).duration("2500ms").step(1).buildPlan();

        List<String> lines = runSimulated(plan);

        assertThat(lines).hasSize(8);
        assertThat(lines.get(1)).isEqualTo("m 1 1777000000333\n");
        assertThat(lines.get(3)).isEqualTo("m 3 1777000001000\n");
        assertThat(lines.get(7)).isEqualTo("m 7 1777000002333\n");
    }

    @Test
    void gapsSilenceTheTailOfEachCycleAndTheTickAdvancesThroughThem() throws Exception {
        // every 20s for 5s: emit at t = 0..14, 20..34, 40..54 -> 45 events; after a gap tick = t
        ScenarioPlan plan = Scenario.metrics("m")
                .rate(1)
                .duration("60s")
                .step(1)
                .gaps("20s", "5s")
                .buildPlan();

        List<String> lines = runSimulated(plan);

        assertThat(lines).hasSize(45);
        assertThat(lines.get(14)).isEqualTo("m 14 1777000014000\n");
        assertThat(lines.get(15)).isEqualTo("m 20 1777000020000\n");
    }

    @Test
    void burstsDivideTheIntervalAndTheTickAdvancesOncePerEmission() throws Exception {
        // every 10s for 2s x4: t = 0, .25, ..., 1.75 (8 events, ticks 0..7), then t = 2, 3, ..., 9
        ScenarioPlan plan = Scenario.metrics("m")
                .rate(1)
                .duration("10s")
                .step(1)
                .bursts("10s", "2s", 4)
                .buildPlan();

        List<String> lines = runSimulated(plan);

        assertThat(lines).hasSize(16);
        assertThat(lines.get(1)).isEqualTo("m 1 1777000000250\n");
        assertThat(lines.get(7)).isEqualTo("m 7 1777000001750\n");
        assertThat(lines.get(8)).isEqualTo("m 8 1777000002000\n");
        assertThat(lines.get(15)).isEqualTo("m 15 1777000009000\n");
    }

    @Test
    void entriesInterleaveInTimeOrderAndPhaseOffsetShiftsTimestamps() throws Exception {
        ScenarioPlan plan = Scenario.plan()
                .rate(1)
                .duration("3s")
                .add(Scenario.metrics("a").constant(1))
                .add(Scenario.metrics("b").constant(2).phaseOffset("1500ms"))
                .build();

        List<String> lines = runSimulated(plan);

        assertThat(lines)
                .containsExactly(
                        "a 1 1777000000000\n",
                        "a 1 1777000001000\n",
                        "b 2 1777000001500\n",
                        "a 1 1777000002000\n",
                        "b 2 1777000002500\n",
                        "b 2 1777000003500\n");
    }

    @Test
    void stoppingAnUnboundedSystemClockRunFlushesEveryBufferedEvent() throws Exception {
        BufferingSink sink = new BufferingSink(1_000_000);
        ScenarioPlan plan = Scenario.metrics("m").rate(1000).constant(1).buildPlan();
        Run run = Sonda.start(plan, RunOptions.defaults().withSinkFactory((e, c) -> EncodingSink.of(sink, c)));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (run.stats().events() < 50 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        run.close();

        assertThat(sink.delivered).isNotEmpty();
        assertThat(sink.pending).isEmpty();
        assertThat((long) sink.delivered.size()).isEqualTo(run.stats().events());
        assertThat(run.stats().entries().get(0).state()).isEqualTo(EntryState.FINISHED);
    }

    @Test
    void underWarnASinkErrorIsCountedReportedOnceAndTheRunGoesOn() throws Exception {
        List<String> diagnostics = new CopyOnWriteArrayList<>();
        ScenarioPlan plan =
                Scenario.metrics("m").rate(1).duration("10s").constant(1).buildPlan();
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(START))
                .withDiagnostics(diagnostics::add)
                .withSinkFactory((e, c) -> EncodingSink.of(new FailingSink(3), c));

        try (Run run = Sonda.start(plan, options)) {
            RunStats stats = run.join();
            assertThat(stats.events()).isEqualTo(7);
            assertThat(stats.errors()).isEqualTo(3);
        }
        assertThat(diagnostics).containsExactly("sonda: scenario 'm': 1 sink errors in last 60s (last: boom 1)");
    }

    @Test
    void underFailTheFirstSinkErrorEndsTheEntryAndCloseRethrowsIt() {
        ScenarioPlan plan = Scenario.metrics("m")
                .rate(1)
                .duration("10s")
                .constant(1)
                .onSinkError(OnSinkError.FAIL)
                .buildPlan();
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(START))
                .withSinkFactory((e, c) -> EncodingSink.of(new FailingSink(3), c));

        Run run = Sonda.start(plan, options);
        assertThatThrownBy(run::join).isInstanceOf(RunFailedException.class).hasMessage("scenario 'm': boom 1");
        assertThat(run.stats().events()).isZero();
    }

    @Test
    void twoRunsGoOnSideBySideWithoutSharingState() throws Exception {
        ScenarioPlan a =
                Scenario.metrics("a").rate(10).duration("1m").constant(1).buildPlan();
        ScenarioPlan b =
                Scenario.metrics("b").rate(5).duration("1m").constant(2).buildPlan();

        List<String> la = runSimulated(a);
        List<String> lb = runSimulated(b);

        assertThat(la).hasSize(600).allMatch(l -> l.startsWith("a "));
        assertThat(lb).hasSize(300).allMatch(l -> l.startsWith("b "));
    }

    @Test
    void aWhileGatedEntryEmitsExactlyWhileItsUpstreamIsAboveTheThreshold() throws Exception {
        ScenarioPlan plan = Scenario.plan()
                .rate(1)
                .duration("10s")
                .add(Scenario.metrics("up").id("up").sequence(0, 0, 0, 100, 100, 100, 0, 0, 0, 100))
                .add(Scenario.metrics("down").step(1).activeWhile("up", ">", 50))
                .build();

        List<String> down =
                runSimulated(plan).stream().filter(l -> l.startsWith("down")).toList();

        // open at t=3 (upstream tick 3), closed at t=6, open again at t=9; the tick continues
        assertThat(down)
                .containsExactly(
                        "down 0 1777000003000\n",
                        "down 1 1777000004000\n",
                        "down 2 1777000005000\n",
                        "down 3 1777000009000\n");
    }

    @Test
    void delayDebouncesTheGateOpenAndClose() throws Exception {
        ScenarioPlan plan = Scenario.plan()
                .rate(1)
                .duration("10s")
                .add(Scenario.metrics("up").id("up").sequence(0, 0, 0, 100, 100, 100, 0, 0, 0, 100))
                .add(Scenario.metrics("down")
                        .step(1)
                        .activeWhile("up", ">", 50)
                        .delay(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .build();

        List<String> down =
                runSimulated(plan).stream().filter(l -> l.startsWith("down")).toList();

        // opens at 3 + 2 = 5, closes at 6 + 1 = 7, the next open (9 + 2) falls after the end
        assertThat(down).containsExactly("down 0 1777000005000\n", "down 1 1777000006000\n");
    }

    @Test
    void aGatedEntryStopsWhenItsUpstreamFinishes() throws Exception {
        ScenarioPlan plan = Scenario.plan()
                .rate(1)
                .add(Scenario.metrics("up").id("up").duration("4s").constant(100))
                .add(Scenario.metrics("down").duration("10s").step(1).activeWhile("up", ">", 50))
                .build();

        List<String> down =
                runSimulated(plan).stream().filter(l -> l.startsWith("down")).toList();

        assertThat(down).hasSize(4).last().isEqualTo("down 3 1777000003000\n");
    }

    /** Fails its first {@code failures} writes with "boom N". */
    static final class FailingSink implements ByteSink {
        private final int failures;
        private int writes;

        FailingSink(int failures) {
            this.failures = failures;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            if (++writes <= failures) {
                throw new SinkException("boom " + writes);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
