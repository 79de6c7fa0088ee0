package dev.sonda.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Comparison;
import dev.sonda.api.DelayClause;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.SondaException;
import dev.sonda.api.WhileClause;
import dev.sonda.api.WhileClause.IfUnresolved;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.engine.sink.ByteSink;
import dev.sonda.engine.sink.EncodingSink;
import dev.sonda.engine.sink.MemorySink;
import dev.sonda.testing.Net;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-body {@code while:} through a {@link GateRegistry}, as Sonda 1.20's server behaves
 * (scenarios-scheduling §4.2, §4.4, §4.6). Downstream runs are on simulated clocks: one waiting
 * for another run's upstream holds its clock, so the test publishes upstream values through
 * {@link GateRegistry#register} while the downstream waits, and the timestamps that follow are
 * exact. Waiting for the downstream's driver thread to take a state is bounded polling.
 */
class GateRegistryTest {
    private static final Instant START = Instant.ofEpochSecond(1_777_000_000L);
    private static final long T0 = START.toEpochMilli();

    private final GateRegistry registry = GateRegistry.create();
    private final Map<String, MemorySink> sinks = new ConcurrentHashMap<>();
    private final List<Run> runs = new ArrayList<>();

    @AfterEach
    void stopEveryRun() {
        runs.forEach(Run::stop);
    }

    private Run start(ScenarioPlan plan) {
        Run run = Sonda.start(
                plan,
                RunOptions.defaults()
                        .withClock(Clock.simulated(START))
                        .withGateRegistry(registry)
                        .withSinkFactory((e, ctx) ->
                                EncodingSink.of(sinks.computeIfAbsent(e.name(), n -> new MemorySink()), ctx)));
        runs.add(run);
        return run;
    }

    private List<String> lines(String name) {
        MemorySink s = sinks.get(name);
        return s == null ? List.of() : s.lines();
    }

    private static WhileClause on(String scenarioName, String ref, IfUnresolved mode) {
        return new WhileClause(ref, Comparison.GREATER_THAN, 50, scenarioName, mode);
    }

    /** A downstream {@code d}: step(1) at 1/s for 5 s, gated on {@code (up, cpu) > 50}. */
    private static ScenarioPlan downstream(IfUnresolved mode, Duration openDelay) {
        return Scenario.plan()
                .rate(1)
                .duration("5s")
                .add(Scenario.metrics("d")
                        .step(1)
                        .activeWhile(on("up", "cpu", mode))
                        .delay(DelayClause.of(openDelay, Duration.ZERO)))
                .build();
    }

    private static void awaitState(Run run, int entry, EntryState state) {
        boolean reached = Net.pollUntil(
                Duration.ofSeconds(5), () -> run.stats().entries().get(entry).state() == state);
        assertThat(run.stats().entries().get(entry).state())
                .as("entry %d reached %s", entry, state)
                .isEqualTo(state);
        assertThat(reached).isTrue();
    }

    private static List<String> expected(long... seconds) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            out.add("d " + i + " " + (T0 + seconds[i] * 1000));
        }
        return out;
    }

    @Test
    void anEntryWhoseUpstreamIsNotRegisteredIsUnresolvedAndEmitsNothingByDefault() {
        Run run = start(downstream(null, Duration.ZERO));

        awaitState(run, 0, EntryState.UNRESOLVED);
        assertThat(registry.crossRef(run, 0)).hasValueSatisfying(ref -> assertThat(ref)
                .extracting(
                        GateRegistry.CrossRef::scenarioName,
                        GateRegistry.CrossRef::entryId,
                        GateRegistry.CrossRef::ifUnresolved,
                        GateRegistry.CrossRef::resolved,
                        GateRegistry.CrossRef::attempts)
                .containsExactly("up", "cpu", IfUnresolved.PENDING, false, 0));
        assertThat(registry.crossRef(run, 0).orElseThrow().registeredAt()).isEqualTo(START);

        run.close();

        assertThat(lines("d")).isEmpty();
        assertThat(run.stats().entries().get(0).state()).isEqualTo(EntryState.FINISHED);
        assertThat(registry.crossRef(run, 0))
                .as("forgotten when the entry ends")
                .isEmpty();
    }

    @Test
    void stoppingAWaitingEntryEndsItAndItsRunAndForgetsItsSubscription() throws Exception {
        Run run = start(downstream(null, Duration.ZERO));
        awaitState(run, 0, EntryState.UNRESOLVED);

        run.stopEntry(0);

        assertThat(run.awaitEntry(0, Duration.ofSeconds(5))).isTrue();
        assertThat(run.await(Duration.ofSeconds(5))).as("its last entry ended").isTrue();
        assertThat(registry.crossRef(run, 0)).isEmpty();
        assertThat(lines("d")).isEmpty();
    }

    @Test
    void onTheSystemClockStoppingAWaitingEntryEndsItAtOnce() throws Exception {
        Run run = Sonda.start(
                downstream(null, Duration.ZERO),
                RunOptions.defaults()
                        .withGateRegistry(registry)
                        .withWorkers(1)
                        .withSinkFactory((e, ctx) ->
                                EncodingSink.of(sinks.computeIfAbsent(e.name(), n -> new MemorySink()), ctx)));
        runs.add(run);

        run.stopEntry(0);

        // the entry's own duration is 5 s: ending within 2 s shows the stop took effect
        assertThat(run.awaitEntry(0, Duration.ofSeconds(2))).isTrue();
        assertThat(run.await(Duration.ofSeconds(2))).as("its last entry ended").isTrue();
    }

    @Test
    void ifUnresolvedClosedWaitsAsPendingDoes() {
        Run run = start(downstream(IfUnresolved.CLOSED, Duration.ZERO));

        awaitState(run, 0, EntryState.UNRESOLVED);
        run.close();

        assertThat(lines("d")).isEmpty();
    }

    @Test
    void ifUnresolvedOpenEmitsAsIfTheGateWereOpenWhileReportingUnresolved() throws Exception {
        AtomicReference<Run> self = new AtomicReference<>();
        CountDownLatch handed = new CountDownLatch(1);
        List<EntryState> statesWhileEmitting = new CopyOnWriteArrayList<>();
        ScenarioPlan plan = downstream(IfUnresolved.OPEN, Duration.ofSeconds(2));
        Run run = Sonda.start(
                plan,
                RunOptions.defaults()
                        .withClock(Clock.simulated(START))
                        .withGateRegistry(registry)
                        .withSinkFactory(
                                (e, ctx) -> EncodingSink.of(sinks.computeIfAbsent("d", n -> new MemorySink()), ctx))
                        .withObserver((entry, series, epochNanos, value) -> {
                            // a simulated run can emit before start returns: wait for the handle
                            try {
                                handed.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException ex) {
                                Thread.currentThread().interrupt();
                            }
                            Run r = self.get();
                            if (r != null) {
                                statesWhileEmitting.add(
                                        r.stats().entries().get(0).state());
                            }
                        }));
        self.set(run);
        handed.countDown();
        runs.add(run);
        run.join();

        // no open debounce applies to an unresolved gate in mode open
        assertThat(lines("d")).containsExactlyElementsOf(expected(0, 1, 2, 3, 4));
        assertThat(statesWhileEmitting).isNotEmpty().containsOnly(EntryState.UNRESOLVED);
    }

    @Test
    void anUpstreamRegisteredLaterResolvesTheWaitAndItsFirstValueOpensWithoutDebounce() throws Exception {
        Run run = start(downstream(null, Duration.ofSeconds(2)));
        awaitState(run, 0, EntryState.UNRESOLVED);

        GateRegistry.Upstream up = registry.register("up", "cpu");

        GateRegistry.CrossRef ref = registry.crossRef(run, 0).orElseThrow();
        assertThat(ref.resolved()).isTrue();
        assertThat(ref.attempts()).isEqualTo(1);
        assertThat(run.stats().entries().get(0).state())
                .as("resolved, but no value yet")
                .isEqualTo(EntryState.UNRESOLVED);

        up.publish(100);
        run.join();

        assertThat(lines("d")).containsExactlyElementsOf(expected(0, 1, 2, 3, 4));
    }

    @Test
    void anUpstreamValueFoundAtStartIsFollowedWithoutDebounce() throws Exception {
        GateRegistry.Upstream up = registry.register("up", "cpu");
        up.publish(100);

        Run run = start(downstream(null, Duration.ofSeconds(2)));
        run.join();

        assertThat(lines("d")).containsExactlyElementsOf(expected(0, 1, 2, 3, 4));
        assertThat(registry.crossRef(run, 0)).isEmpty();
    }

    @Test
    void anUpstreamWithoutAValueAtStartCountsAsClosedAndItsFirstOpenIsDebounced() throws Exception {
        GateRegistry.Upstream up = registry.register("up", "cpu");

        Run run = start(downstream(null, Duration.ofSeconds(2)));
        awaitState(run, 0, EntryState.PAUSED);
        assertThat(registry.crossRef(run, 0).orElseThrow().attempts())
                .as("found at start: no resolution counted")
                .isZero();

        up.publish(100);
        run.join();

        assertThat(lines("d")).containsExactlyElementsOf(expected(2, 3, 4));
    }

    @Test
    void theUpstreamGoingAwayMakesThePausedEntryUnresolvedAndANewUpstreamResolvesItAgain() throws Exception {
        GateRegistry.Upstream up = registry.register("up", "cpu");
        Run run = start(downstream(null, Duration.ZERO));
        up.publish(0);
        awaitState(run, 0, EntryState.PAUSED);

        up.close();
        awaitState(run, 0, EntryState.UNRESOLVED);
        assertThat(registry.isRegistered("up", "cpu")).isFalse();
        assertThat(registry.crossRef(run, 0).orElseThrow().resolved()).isFalse();

        GateRegistry.Upstream again = registry.register("up", "cpu");
        assertThat(registry.crossRef(run, 0).orElseThrow().attempts()).isEqualTo(1);
        again.publish(100);
        run.join();

        assertThat(lines("d")).containsExactlyElementsOf(expected(0, 1, 2, 3, 4));
    }

    @Test
    void aNamedRunRegistersABusPerMetricsEntryIdAndANameInUseRefusesTheNextRun() {
        // the upstream entry waits on a third body, so its run stays up without emitting
        ScenarioPlan named = Scenario.plan()
                .scenarioName("up")
                .rate(1)
                .duration("10s")
                .add(Scenario.metrics("cpu").id("cpu").constant(100).activeWhile(on("elsewhere", "x", null)))
                .add(Scenario.metrics("mem").id("mem").constant(1).activeWhile(on("elsewhere", "x", null)))
                .add(Scenario.logs("app")
                        .id("app")
                        .template(List.of(new LogGeneratorSpec.LogTemplate("hello", Map.of())), Map.of(), 1)
                        .activeWhile(on("elsewhere", "x", null)))
                .build();
        Run a = start(named);

        assertThat(registry.isRegistered("up", "cpu")).isTrue();
        assertThat(registry.isRegistered("up", "mem")).isTrue();
        assertThat(registry.isRegistered("up", "app"))
                .as("log entries have no bus")
                .isFalse();
        assertThat(registry.isRegistered("up")).isTrue();
        assertThatThrownBy(() -> start(named))
                .isInstanceOf(SondaException.class)
                .hasMessage("scenario_name 'up' is already in use by a running scenario");
        assertThat(registry.isRegistered("up", "cpu"))
                .as("the first run's buses stay")
                .isTrue();

        a.close();

        assertThat(registry.isRegistered("up")).isFalse();
    }

    @Test
    void anyEntryOfANamedRunEndingUnregistersEveryBusOfTheName() throws Exception {
        Run down = start(Scenario.plan()
                .rate(1)
                .duration("5s")
                .add(Scenario.metrics("d").step(1).activeWhile(on("up", "waiting", null)))
                .build());
        Run up = start(Scenario.plan()
                .scenarioName("up")
                .rate(1)
                .add(Scenario.metrics("short").id("short").duration("2s").constant(1))
                .add(Scenario.metrics("waiting")
                        .id("waiting")
                        .duration("10s")
                        .constant(100)
                        .activeWhile(on("elsewhere", "x", null)))
                .build());

        assertThat(up.awaitEntry(0, Duration.ofSeconds(5))).isTrue();

        assertThat(registry.isRegistered("up")).isFalse();
        GateRegistry.CrossRef ref = registry.crossRef(down, 0).orElseThrow();
        assertThat(ref.resolved()).isFalse();
        assertThat(ref.attempts()).as("it was resolved once").isEqualTo(1);
        assertThat(up.stats().entries().get(1).state())
                .as("the other entry of the named run goes on")
                .isEqualTo(EntryState.UNRESOLVED);
        awaitState(down, 0, EntryState.UNRESOLVED);
    }

    @Test
    void entriesGatedOnTheirOwnRunAreNotEndedByTheUnregistering() throws Exception {
        Run run = start(Scenario.plan()
                .scenarioName("body")
                .rate(1)
                .add(Scenario.metrics("up").id("up").duration("3s").constant(100))
                .add(Scenario.metrics("d").duration("5s").step(1).activeWhile("up", ">", 50))
                .add(Scenario.metrics("short").id("short").duration("1s").constant(1))
                .build());
        run.join();

        // "short" ends at 1 s and unregisters the buses; d follows its local upstream to 3 s
        assertThat(lines("d")).containsExactlyElementsOf(expected(0, 1, 2));
    }

    @Test
    void stoppingOneEntryFlushesItAndTheOthersGoOn() throws Exception {
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        ScenarioPlan plan = Scenario.plan()
                .rate(1000)
                .add(Scenario.metrics("a").constant(1))
                .add(Scenario.metrics("b").constant(2))
                .build();
        Run run = Sonda.start(
                plan,
                RunOptions.defaults().withSinkFactory((e, ctx) -> EncodingSink.of(new FlushOnClose(delivered), ctx)));
        runs.add(run);
        assertThat(Net.pollUntil(Duration.ofSeconds(5), () -> run.stats().events() > 100))
                .isTrue();

        run.stopEntry(0);

        assertThat(run.awaitEntry(0, Duration.ofSeconds(5))).isTrue();
        EntryStats a = run.stats().entries().get(0);
        assertThat(a.state()).isEqualTo(EntryState.FINISHED);
        assertThat(String.join("", delivered)
                        .lines()
                        .filter(l -> l.startsWith("a "))
                        .count())
                .as("every event of the stopped entry was flushed")
                .isEqualTo(a.events());
        long before = run.stats().entries().get(1).events();
        assertThat(Net.pollUntil(
                        Duration.ofSeconds(5),
                        () -> run.stats().entries().get(1).events() > before))
                .isTrue();
        assertThat(run.isDone()).isFalse();

        run.stopEntry(1);

        assertThat(run.await(Duration.ofSeconds(5)))
                .as("the last entry's end ends the run")
                .isTrue();
    }

    /** Delivers only when closed, so a stop that does not flush shows. */
    private static final class FlushOnClose implements ByteSink {
        private final List<String> pending = new ArrayList<>();
        private final List<String> delivered;

        FlushOnClose(List<String> delivered) {
            this.delivered = delivered;
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            pending.add(new String(buf, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            delivered.addAll(pending);
            pending.clear();
        }
    }
}
