package dev.sonda.junit5;

import static dev.sonda.junit5.SondaAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** With JUnit's parallel execution on, every test gets its own run and a shared run stays shared. */
class ParallelExecutionTest {

    static final Set<Captured> METHOD_CAPTURES = ConcurrentHashMap.newKeySet();
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
    static final CyclicBarrier PAIRS = new CyclicBarrier(2);

    static ScenarioPlan hour(double value) {
        return Scenario.metrics("value").rate(1).duration("1h").constant(value).buildPlan();
    }

    static ScenarioPlan one() {
        return hour(1);
    }

    static ScenarioPlan two() {
        return hour(2);
    }

    static ScenarioPlan three() {
        return hour(3);
    }

    static ScenarioPlan four() {
        return hour(4);
    }

    static void check(Captured captured, double value) throws Exception {
        METHOD_CAPTURES.add(captured);
        THREADS.add(Thread.currentThread().getName());
        assertThat(captured)
                .hasSeriesCount(1)
                .series("value")
                .hasSampleCount(3600)
                .hasValuesBetween(value, value);
        // Two tests must be inside their bodies at the same time to get past this.
        PAIRS.await(20, TimeUnit.SECONDS);
    }

    static class MethodScenarios {
        @Test
        @SondaScenario(plan = "one")
        void one(Captured captured) throws Exception {
            check(captured, 1);
        }

        @Test
        @SondaScenario(plan = "two")
        void two(Captured captured) throws Exception {
            check(captured, 2);
        }

        @Test
        @SondaScenario(plan = "three")
        void three(Captured captured) throws Exception {
            check(captured, 3);
        }

        @Test
        @SondaScenario(plan = "four")
        void four(Captured captured) throws Exception {
            check(captured, 4);
        }
    }

    @SondaScenario(plan = "one")
    static class ClassScenario {
        static final Set<Captured> SEEN = ConcurrentHashMap.newKeySet();

        @BeforeAll
        static void keep(Captured captured) {
            SEEN.add(captured);
        }

        @Test
        void a(Captured captured) {
            SEEN.add(captured);
            assertThat(captured).series("value").hasSampleCount(3600);
        }

        @Test
        void b(Captured captured) {
            SEEN.add(captured);
            assertThat(captured.series("value").longestRunAbove(0.5)).isEqualTo(Duration.ofSeconds(3599));
        }

        @Test
        void c(Captured captured, SondaRun run) {
            SEEN.add(run.captured());
            assertThat(run.stats().events()).isEqualTo(3600);
        }
    }

    @Test
    void parallelTestsEachRunTheirOwnScenarioAndAClassScenarioIsSharedOnce() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(MethodScenarios.class), selectClass(ClassScenario.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(7).succeeded(7));
        assertThat(METHOD_CAPTURES).hasSize(4);
        assertThat(THREADS).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ClassScenario.SEEN).hasSize(1);
    }
}
