package dev.sonda.examples.junit;

import static dev.sonda.junit5.SondaAssertions.*;

import dev.sonda.api.Comparison;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Scenarios;
import dev.sonda.junit5.SondaScenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A YAML file and the Java DSL build the same model: a scenario kept in YAML for the CLI and one
 * written in Java for a test are interchangeable, and equal plans emit the same bytes.
 */
class DslVersusYamlExamplesTest {

    /** {@code src/test/resources/scenarios/link-failover.yaml}, written with the DSL. */
    static ScenarioPlan linkFailover() {
        var primary = Scenario.metrics("interface_oper_state")
                .id("primary")
                .label("interface", "et-0/0/1")
                .label("role", "primary")
                .generator(GeneratorSpec.Flap.defaults()
                        .withUpDuration(Duration.ofMinutes(2))
                        .withDownDuration(Duration.ofMinutes(8))
                        .withEnum(GeneratorSpec.FlapEnum.LINK_STATE));
        var backup = Scenario.metrics("interface_utilization_percent")
                .id("backup")
                .label("interface", "et-0/0/2")
                .label("role", "backup")
                .saturation(20, 100, Duration.ofMinutes(5))
                .after(primary, Comparison.LESS_THAN, 1);
        var latency = Scenario.metrics("probe_latency_ms")
                .id("latency")
                .label("path", "dc1-dc2")
                .degradation(12, 250, Duration.ofMinutes(3), 2, 7)
                .after(backup, Comparison.GREATER_THAN, 90);
        return Scenario.plan()
                .scenarioName("link-failover")
                .description("Primary link down, backup link saturates, then latency degrades.")
                .rate(1)
                .duration("10m")
                .add(primary)
                .add(backup)
                .add(latency)
                .build();
    }

    @Test
    void theYamlFileAndTheDslBuildEqualPlans() {
        assertThat(Scenarios.fromClasspath("scenarios/link-failover.yaml")).isEqualTo(linkFailover());
    }

    @Test
    @SondaScenario(plan = "linkFailover")
    void equalPlansEmitTheSameBytes(Captured fromDsl) {
        Captured fromYaml = Captured.simulate(Scenarios.fromClasspath("scenarios/link-failover.yaml"));

        assertThat(fromDsl.text()).isEqualTo(fromYaml.text());
        assertThat(fromDsl).hasSeriesCount(3);
    }
}
