package dev.sonda.junit5;

import static dev.sonda.junit5.SondaAssertions.*;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code clock = SYSTEM}: the scenario runs in the background while the test streams and controls it. */
class SystemClockTest {

    static ScenarioPlan quick() {
        return Scenario.metrics("quick").rate(20).duration("500ms").step(1).buildPlan();
    }

    @Test
    @SondaScenario(value = "sonda-test/heartbeat.yaml", clock = SondaScenario.Clock.SYSTEM)
    void theTestStreamsSamplesWhileTheRunGoesOnThenStopsIt(SondaRun run, Captured captured) {
        assertThat(run.isSimulated()).isFalse();
        SampleStream stream = run.samples();
        assertThat(stream.next(Duration.ofSeconds(10))).hasValue(0).isAtOffset(Duration.ZERO);
        // Timestamps are the scheduled times: at 50 per second the 11th sample is stamped +200 ms.
        assertThat(stream.next(s -> s.value() >= 10, Duration.ofSeconds(10)))
                .hasValue(10)
                .isAtOffset(Duration.ofMillis(200));
        assertThat(stream.position()).isEqualTo(11);

        run.awaitAsserted(
                Duration.ofSeconds(10), c -> assertThat(c).series("heartbeat").hasSampleCountAtLeast(25));
        assertThat(run.isDone()).isFalse();
        assertThat(captured.isComplete()).isFalse();
        assertThat(captured.describe()).contains("(still running)");

        run.stop();
        assertThat(run.await(Duration.ofSeconds(10))).isTrue();
        assertThat(captured.isComplete()).isTrue();
        int n = captured.sampleCount();
        assertThat(run.stats().events()).isEqualTo(n);
        assertThat(captured.series("heartbeat")).hasSampleCount(n).startsWithValues(0, 1, 2, 3, 4, 5);
        assertThat(run.failures()).isEmpty();
    }

    @Test
    @SondaScenario(value = "sonda-test/heartbeat.yaml", clock = SondaScenario.Clock.SYSTEM)
    void awaitAssertedGivesUpWhenTheTimeIsUpWithTheLastFailure(SondaRun run) {
        assertThatThrownBy(() -> run.awaitAsserted(
                        Duration.ofMillis(200),
                        c -> assertThat(c).series("heartbeat").hasSampleCountAtLeast(1_000_000)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the assertion still fails after 0.2s")
                .hasMessageContaining("to have at least 1000000 samples")
                .hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    @SondaScenario(value = "sonda-test/heartbeat.yaml", clock = SondaScenario.Clock.SYSTEM)
    void aStreamThatWaitsInVainFailsListingWhatWasCaptured(SondaRun run) {
        assertThatThrownBy(() -> run.samples().next(s -> s.value() < 0, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting a sample matching the condition from the run")
                .hasMessageContaining("none arrived within 0.2s")
                .hasMessageContaining("- heartbeat:");
    }

    @Test
    @SondaScenario(plan = "quick", clock = SondaScenario.Clock.SYSTEM)
    void aRunThatEndsByItselfEndsTheStreamAndAwaitAssertedAtOnce(SondaRun run) {
        assertThat(run.await(Duration.ofSeconds(10))).isTrue();
        SampleStream stream = run.samples();
        for (int i = 0; i < 10; i++) {
            assertThat(stream.next(Duration.ofSeconds(1))).hasValue(i);
        }
        assertThat(stream.poll()).isEmpty();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> stream.next(Duration.ofMinutes(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the run is over");
        assertThatThrownBy(() -> run.awaitAsserted(
                        Duration.ofMinutes(1), c -> assertThat(c).hasSampleCount(11)))
                .hasMessageContaining("the run is over and the assertion still fails");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        assertThat(run.captured()).hasSampleCount(10);
    }

    @Nested
    @SondaScenario(value = "sonda-test/heartbeat.yaml", clock = SondaScenario.Clock.SYSTEM)
    class AClassScenarioOnTheSystemClock {
        @Test
        void keepsRunningAcrossTheTestsOfTheClass(SondaRun run) {
            assertThat(run.isDone()).isFalse();
            run.awaitAsserted(Duration.ofSeconds(10), c -> assertThat(c).isNotEmpty());
        }

        @Test
        void isSharedByEveryTest(SondaRun run, Captured captured) {
            assertThat(run.captured()).isSameAs(captured);
            assertThat(run.isDone()).isFalse();
        }
    }
}
