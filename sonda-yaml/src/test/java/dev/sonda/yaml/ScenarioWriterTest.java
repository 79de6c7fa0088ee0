package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.generator.GeneratorSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code load(write(plan))} equals {@code plan}. */
class ScenarioWriterTest {

    private static ScenarioPlan roundTrip(ScenarioPlan plan) {
        return ScenarioLoader.load(ScenarioWriter.write(plan), "written.yaml", name -> null);
    }

    @Provide
    Arbitrary<ScenarioPlan> runnablePlans() {
        return PlanArbitraries.runnable();
    }

    @Provide
    Arbitrary<ScenarioPlan> composablePlans() {
        return PlanArbitraries.composable();
    }

    @Property(tries = 500)
    void aWrittenRunnablePlanLoadsBackEqual(@ForAll("runnablePlans") ScenarioPlan plan) {
        assertThat(plan.problems()).as("the generator makes valid plans").isEmpty();

        assertThat(roundTrip(plan)).isEqualTo(plan);
    }

    @Test
    void anUnstatedSeedIsNotWrittenAndAStatedZeroIs() {
        String unstated =
                ScenarioWriter.write(Scenario.metrics("u").rate(1).uniform(0, 1).buildPlan());
        String zero = ScenarioWriter.write(
                Scenario.metrics("u").rate(1).uniform(0, 1, 0).buildPlan());

        assertThat(unstated).doesNotContain("seed");
        assertThat(zero).contains("seed: 0");
        assertThat(roundTrip(Scenario.metrics("u").rate(1).uniform(0, 1).buildPlan()))
                .isEqualTo(Scenario.metrics("u").rate(1).uniform(0, 1).buildPlan())
                .isNotEqualTo(Scenario.metrics("u").rate(1).uniform(0, 1, 0).buildPlan());
    }

    @Property(tries = 200)
    void aWrittenComposablePlanLoadsBackEqual(@ForAll("composablePlans") ScenarioPlan plan) {
        assertThat(roundTrip(plan)).isEqualTo(plan);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "quick-start.yaml",
                "multi-scenario.yaml",
                "multi-metric-correlation.yaml",
                "sequence-alert-test.yaml",
                "link-failover.yaml",
                "pack-entry.yaml",
                "flat-basic-metrics.yaml",
                "log-template.yaml",
                "histogram.yaml",
                "sink-error-policy.yaml",
                "held-counter.yaml"
            })
    void everyExampleFileSurvivesAWriteAndLoad(String file) {
        ScenarioPlan plan = ScenarioLoader.load(ScenarioLoaderTest.resource("/examples/" + file), file, name -> null);

        assertThat(roundTrip(plan)).isEqualTo(plan);
    }

    @Test
    void theCanonicalFormIsPlainReadableYaml() {
        ScenarioPlan plan = Scenario.plan()
                .rate(1)
                .duration("30s")
                .add(Scenario.metrics("demo_cpu").id("cpu").constant(42).label("zone", "eu1"))
                .build();

        assertThat(ScenarioWriter.write(plan))
                .isEqualTo(
                        """
                        version: 2
                        kind: runnable
                        defaults:
                          rate: 1.0
                          duration: 30s
                        scenarios:
                        - id: "cpu"
                          signal_type: metrics
                          name: "demo_cpu"
                          generator:
                            type: constant
                            value: 42.0
                          labels:
                            zone: "eu1"
                        """);
    }

    @Test
    void durationsFinerThanAMillisecondAreWrittenExactly() {
        ScenarioPlan plan = Scenario.plan()
                .rate(1)
                .add(Scenario.metrics("m").constant(1).duration(Duration.ofNanos(1_234_567_000L)))
                .build();

        assertThat(ScenarioWriter.write(plan)).contains("duration: 1234.567ms");
        assertThat(roundTrip(plan)).isEqualTo(plan);
    }

    @Test
    void aDurationFinerThanAMicrosecondCannotBeWritten() {
        ScenarioPlan plan = Scenario.plan()
                .rate(1)
                .add(Scenario.metrics("m").constant(1).duration(Duration.ofNanos(1_000_000_001L)))
                .build();

        assertThatThrownBy(() -> ScenarioWriter.write(plan))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finer than a microsecond");
    }

    @Test
    void aGenericSpecCannotTakeAProvidersTypeOrATypeProperty() {
        ScenarioPlan builtIn = Scenario.plan()
                .rate(1)
                .add(Scenario.metrics("m").generator(new GeneratorSpec.Generic("sine", Map.of())))
                .build();
        ScenarioPlan typeKey = Scenario.plan()
                .rate(1)
                .add(Scenario.metrics("m").generator(new GeneratorSpec.Generic("walk", Map.of("type", "x"))))
                .build();

        assertThatThrownBy(() -> ScenarioWriter.write(builtIn))
                .hasMessageContaining("cannot use the type 'sine' of a provider");
        assertThatThrownBy(() -> ScenarioWriter.write(typeKey)).hasMessageContaining("cannot be named 'type'");
    }

    @Test
    void dollarSignsAreEscapedSoTheyAreNotInterpolated() {
        ScenarioPlan plan = Scenario.plan()
                .rate(1)
                .add(Scenario.metrics("m").constant(1).label("tpl", "${HOME} costs $5"))
                .build();

        assertThat(ScenarioWriter.write(plan)).contains("\"$${HOME} costs $$5\"");
        assertThat(roundTrip(plan).entries().get(0).labels()).containsEntry("tpl", "${HOME} costs $5");
        assertThat(roundTrip(plan).tags()).isEqualTo(List.of());
    }
}
