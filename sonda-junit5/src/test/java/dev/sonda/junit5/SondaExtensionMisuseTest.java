package dev.sonda.junit5;

import static dev.sonda.junit5.SondaAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunFailedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Misuse fails with a clear message. Each fixture below is a test class run through the {@link
 * EngineTestKit}; Surefire skips them (nested classes), so only the kit runs them.
 */
class SondaExtensionMisuseTest {

    private static Events run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    private static Events run(Class<?> fixture, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(parameters)
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    private static void failsWith(Class<?> fixture, Class<? extends Throwable> type, String... fragments) {
        run(fixture)
                .assertStatistics(stats -> stats.started(1).failed(1))
                .assertThatEvents()
                .haveExactly(1, event(test(), finishedWithFailure(instanceOf(type), messageContainsAll(fragments))));
    }

    private static org.assertj.core.api.Condition<Throwable> messageContainsAll(String... fragments) {
        return message(m -> {
            for (String f : fragments) {
                if (!m.contains(f)) {
                    return false;
                }
            }
            return true;
        });
    }

    static class MissingResource {
        @Test
        @SondaScenario("scenarios/no-such-file.yaml")
        void test(Captured captured) {}
    }

    @Test
    void aMissingResourceFailsTheTestNamingTheResourceAndTheMethod() {
        failsWith(
                MissingResource.class,
                ExtensionConfigurationException.class,
                "@SondaScenario on method " + MissingResource.class.getName() + ".test()",
                "classpath resource 'scenarios/no-such-file.yaml' not found",
                "src/test/resources/scenarios/no-such-file.yaml");
    }

    static class UnknownPlanMethod {
        @Test
        @SondaScenario(plan = "noSuchPlan")
        void test(Captured captured) {}
    }

    @Test
    void anUnknownPlanMethodFailsTheTestWithTheExpectedSignature() {
        failsWith(
                UnknownPlanMethod.class,
                ExtensionConfigurationException.class,
                "plan method 'noSuchPlan' not found in " + UnknownPlanMethod.class.getName(),
                "expected static ScenarioPlan noSuchPlan()");
    }

    static class PlanMethodWithParameters {
        static ScenarioPlan plan(int rate) {
            return Scenario.metrics("x").rate(rate).duration("1s").constant(1).buildPlan();
        }

        @Test
        @SondaScenario(plan = "plan")
        void test(Captured captured) {}
    }

    @Test
    void aPlanMethodWithParametersFailsTheTestSayingItMustTakeNone() {
        failsWith(
                PlanMethodWithParameters.class,
                ExtensionConfigurationException.class,
                "plan method 'plan' must take no parameters");
    }

    static class InstancePlanMethod {
        ScenarioPlan plan() {
            return Scenario.metrics("x").rate(1).duration("1s").constant(1).buildPlan();
        }

        @Test
        @SondaScenario(plan = "plan")
        void test(Captured captured) {}
    }

    @Test
    void aNonStaticPlanMethodFailsTheTestSayingItMustBeStatic() {
        failsWith(InstancePlanMethod.class, ExtensionConfigurationException.class, ".plan() must be static");
    }

    static class PlanMethodReturningAStage {
        static Object plan() {
            return Scenario.metrics("x").rate(1).duration("1s").constant(1);
        }

        @Test
        @SondaScenario(plan = "plan")
        void test(Captured captured) {}
    }

    @Test
    void aPlanMethodOfAnotherReturnTypeFailsTheTestWithAHint() {
        failsWith(
                PlanMethodReturningAStage.class,
                ExtensionConfigurationException.class,
                "must return dev.sonda.api.ScenarioPlan, not java.lang.Object",
                "build() or buildPlan()");
    }

    static class PlanMethodThatThrows {
        static ScenarioPlan plan() {
            return Scenario.metrics("x").rate(-1).duration("1s").constant(1).buildPlan();
        }

        @Test
        @SondaScenario(plan = "plan")
        void test(Captured captured) {}
    }

    @Test
    void aPlanMethodThatThrowsFailsTheTestWithItsException() {
        failsWith(
                PlanMethodThatThrows.class,
                ExtensionConfigurationException.class,
                "plan method " + PlanMethodThatThrows.class.getName() + ".plan() threw",
                "rate must be positive");
    }

    static class BothResourceAndPlan {
        @Test
        @SondaScenario(value = "sonda-test/steps.yaml", plan = "plan")
        void test() {}
    }

    static class NeitherResourceNorPlan {
        @Test
        @SondaScenario
        void test() {}
    }

    @Test
    void exactlyOneOfValueAndPlanMustBeSet() {
        failsWith(BothResourceAndPlan.class, ExtensionConfigurationException.class, "set exactly one", "not both");
        failsWith(NeitherResourceNorPlan.class, ExtensionConfigurationException.class, "got neither");
    }

    static class InvalidScenario {
        @Test
        @SondaScenario("sonda-test/invalid.yaml")
        void test() {}
    }

    @Test
    void anInvalidScenarioFileFailsTheTestWithTheLoadersProblems() {
        failsWith(
                InvalidScenario.class,
                ExtensionConfigurationException.class,
                "@SondaScenario on method " + InvalidScenario.class.getName() + ".test()",
                "classpath:sonda-test/invalid.yaml",
                "rate must be positive");
    }

    static class EndlessOnTheSimulatedClock {
        @Test
        @SondaScenario("sonda-test/endless.yaml")
        void test() {}
    }

    @Test
    void anEntryWithoutADurationCannotRunOnTheSimulatedClock() {
        failsWith(
                EndlessOnTheSimulatedClock.class,
                ExtensionConfigurationException.class,
                "entry 'endless' has no duration",
                "on the simulated clock a scenario must end by itself");
    }

    static class BadStart {
        @Test
        @SondaScenario(value = "sonda-test/steps.yaml", start = "yesterday")
        void test() {}
    }

    static class StartOnTheSystemClock {
        @Test
        @SondaScenario(
                value = "sonda-test/steps.yaml",
                start = "2026-01-01T00:00:00Z",
                clock = SondaScenario.Clock.SYSTEM)
        void test() {}
    }

    @Test
    void anUnreadableOrMisplacedStartFailsTheTest() {
        failsWith(
                BadStart.class,
                ExtensionConfigurationException.class,
                "start = \"yesterday\" is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        failsWith(
                StartOnTheSystemClock.class,
                ExtensionConfigurationException.class,
                "applies to the simulated clock only");
    }

    static class StartFromConfiguration {
        static Instant seen;

        @Test
        @SondaScenario("sonda-test/steps.yaml")
        void test(Captured captured) {
            seen = captured.series("steps").first().timestamp();
        }
    }

    @Test
    void theConfigurationParameterSondaStartSetsTheDefaultStart() {
        run(StartFromConfiguration.class, Map.of("sonda.start", "2024-06-01T08:00:00Z"))
                .assertStatistics(stats -> stats.succeeded(1));
        assertThat(StartFromConfiguration.seen).isEqualTo(Instant.parse("2024-06-01T08:00:00Z"));

        run(StartFromConfiguration.class, Map.of("sonda.start", "soon"))
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        messageContainsAll("configuration parameter sonda.start = \"soon\""))));
    }

    static class SeriesParameter {
        @Test
        @SondaScenario("sonda-test/steps.yaml")
        void test(Series steps) {}
    }

    static class RunParameter {
        @Test
        @SondaScenario("sonda-test/steps.yaml")
        void test(Run run) {}
    }

    @Test
    void aSondaParameterTypeThatIsNotInjectedFailsWithWhatToDeclareInstead() {
        failsWith(
                SeriesParameter.class,
                ParameterResolutionException.class,
                "@SondaScenario cannot inject parameter [Series steps]",
                "captured.series(\"name\")");
        failsWith(
                RunParameter.class,
                ParameterResolutionException.class,
                "cannot inject parameter [Run run]",
                "declare a SondaRun parameter");
    }

    @ExtendWith(SondaExtension.class)
    static class NoScenarioInScope {
        @Test
        void test(Captured captured) {}
    }

    @Test
    void aCaptureWithoutAnyScenarioInScopeFailsSayingWhatToAnnotate() {
        failsWith(
                NoScenarioInScope.class,
                ParameterResolutionException.class,
                "No @SondaScenario applies to parameter [Captured captured]",
                "annotate the test method or its class");
    }

    static ScenarioPlan unwritableSink() {
        // A directory cannot be opened as a file: the entry fails when its sink opens.
        return Scenario.metrics("doomed")
                .rate(10)
                .duration("1m")
                .constant(1)
                .sink(new SinkSpec.File(System.getProperty("java.io.tmpdir")))
                .buildPlan();
    }

    static class FailingSinkOnTheSimulatedClock {
        @Test
        @SondaScenario(plan = "unwritableSink", keepSinks = true)
        void test() {}
    }

    static class FailingSinkOnTheSystemClock {
        static volatile boolean bodyRan;

        @Test
        @SondaScenario(plan = "unwritableSink", keepSinks = true, clock = SondaScenario.Clock.SYSTEM)
        void test(SondaRun run) {
            // The entry fails in the background when its sink opens; the run then ends.
            bodyRan = run.await(Duration.ofSeconds(10));
        }
    }

    @Test
    void aFailedSimulatedRunFailsTheTestBeforeItsBody() {
        failsWith(FailingSinkOnTheSimulatedClock.class, RunFailedException.class, "scenario 'doomed'");
    }

    @Test
    void aBackgroundFailureOfASystemClockRunIsRethrownAfterTheTest() {
        failsWith(FailingSinkOnTheSystemClock.class, RunFailedException.class, "scenario 'doomed'");
        assertThat(FailingSinkOnTheSystemClock.bodyRan).isTrue();
    }

    static class SameScenarioWithoutKeepSinks {
        @Test
        @SondaScenario(plan = "unwritableSink")
        void test(Captured captured) {
            assertThat(captured).series("doomed").hasSampleCount(600);
        }
    }

    @Test
    void withoutKeepSinksTheEntrysOwnSinkIsNeverOpened() {
        run(SameScenarioWithoutKeepSinks.class)
                .assertStatistics(stats -> stats.succeeded(1))
                .assertThatEvents()
                .haveExactly(1, event(test(), finishedSuccessfully()));
    }
}
