package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Comparison;
import dev.sonda.api.Distribution;
import dev.sonda.api.EntryStage;
import dev.sonda.api.MetricStage;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.generator.GeneratorSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A YAML entry and a DSL entry that state the same keys are {@code equals}, without the DSL
 * restating what the YAML reader fills in: alias defaults, histogram and summary defaults, and the
 * typed DSL forms (Duration, Comparison, every, an Instant start time).
 */
class DslDefaultsEqualYamlTest {

    /** A one-entry runnable plan whose entry body is {@code body} (YAML lines, indented by 4). */
    private static ScenarioPlan yaml(String body) {
        String text = "version: 2\nkind: runnable\nscenarios:\n  - name: m\n    rate: 1\n" + body;
        return ScenarioLoader.load(text, "test.yaml", name -> null);
    }

    private static ScenarioPlan dsl(EntryStage<?> entry) {
        return Scenario.plan().add(entry.rate(1)).build();
    }

    private static MetricStage m() {
        return Scenario.metrics("m");
    }

    @Test
    void eachAliasWithNoKeysEqualsItsShortDslForm() {
        assertThat(yaml("    signal_type: metrics\n    generator: {type: steady}\n"))
                .isEqualTo(dsl(m().steady()));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: flap}\n"))
                .isEqualTo(dsl(m().flap()));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: saturation}\n"))
                .isEqualTo(dsl(m().saturation()));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: leak}\n"))
                .isEqualTo(dsl(m().leak()));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: degradation}\n"))
                .isEqualTo(dsl(m().degradation()));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: spike_event}\n"))
                .isEqualTo(dsl(m().spikeEvent()));
    }

    @Test
    void anAliasStatingSomeKeysEqualsTheDefaultsWithThoseKeysReplaced() {
        assertThat(yaml("    signal_type: metrics\n    generator: {type: steady, center: 70, noise_seed: 9}\n"))
                .isEqualTo(dsl(m().generator(
                                GeneratorSpec.Steady.defaults().withCenter(70).withNoiseSeed(9))));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: flap, enum: oper_state}\n"))
                .isEqualTo(
                        dsl(m().generator(GeneratorSpec.Flap.defaults().withEnum(GeneratorSpec.FlapEnum.OPER_STATE))));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: saturation, ceiling: 95}\n"))
                .isEqualTo(dsl(m().generator(GeneratorSpec.Saturation.defaults().withCeiling(95))));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: leak, time_to_ceiling: 1h}\n"))
                .isEqualTo(dsl(m().generator(GeneratorSpec.Leak.defaults().withTimeToCeiling(Duration.ofHours(1)))));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: degradation, baseline: 5, ceiling: 150,"
                        + " time_to_degrade: 3m}\n"))
                .isEqualTo(dsl(m().degradation(5, 150, Duration.ofMinutes(3))));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: spike_event, spike_interval: 1m}\n"))
                .isEqualTo(dsl(
                        m().generator(GeneratorSpec.SpikeEvent.defaults().withSpikeInterval(Duration.ofMinutes(1)))));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: steady, center: 20, amplitude: 5, period: 2m,"
                        + " noise: 0.5, noise_seed: 3}\n"))
                .isEqualTo(dsl(m().steady(20, 5, Duration.ofMinutes(2), 0.5, 3)));
    }

    @Test
    void histogramsAndSummariesWithOnlyADistributionEqualTheDslWithNoOtherKey() {
        assertThat(yaml("    signal_type: histogram\n    distribution: {type: exponential, rate: 10}\n"))
                .isEqualTo(dsl(Scenario.histogram("m").distribution(new Distribution.Exponential(10))));
        assertThat(yaml("    signal_type: summary\n    distribution: {type: normal, mean: 0.2, stddev: 0.05}\n"))
                .isEqualTo(dsl(Scenario.summary("m").distribution(new Distribution.Normal(0.2, 0.05))));
        assertThat(yaml("    signal_type: histogram\n    distribution: {type: uniform, min: 0, max: 1}\n"
                        + "    buckets: [0.1, 0.5, 1]\n    observations_per_tick: 10\n    seed: 4\n"))
                .isEqualTo(dsl(Scenario.histogram("m")
                        .distribution(new Distribution.Uniform(0, 1))
                        .buckets(0.1, 0.5, 1)
                        .observationsPerTick(10)
                        .seed(4)));
    }

    @Test
    void durationFormsEqualTheSecondsKeysOfTheFile() {
        assertThat(yaml("    signal_type: metrics\n    generator: {type: sine, amplitude: 40, period_secs: 1.5,"
                        + " offset: 50}\n"))
                .isEqualTo(dsl(m().sine(40, Duration.ofMillis(1500), 50)));
        assertThat(
                        yaml(
                                "    signal_type: metrics\n    generator: {type: sawtooth, min: 0, max: 100, period_secs: 600}\n"))
                .isEqualTo(dsl(m().sawtooth(0, 100, Duration.ofMinutes(10))));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: spike, baseline: 1, magnitude: 9,"
                        + " duration_secs: 5, interval_secs: 60}\n"))
                .isEqualTo(dsl(m().spike(1, 9, Duration.ofSeconds(5), Duration.ofMinutes(1))));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: step, start: 2, step_size: 1}\n"))
                .isEqualTo(dsl(m().step(2, 1)));
        assertThat(yaml("    signal_type: metrics\n    generator: {type: step, step_size: 1, max: 10}\n"))
                .isEqualTo(dsl(m().step(0, 1, 10)));
    }

    @Test
    void comparisonsEveryAndAnInstantStartTimeEqualTheirYamlKeys() {
        String upstream = "  - id: up\n    name: up\n    signal_type: metrics\n    rate: 1\n    duration: 10m\n"
                + "    generator: {type: constant, value: 1}\n";
        String downstream = "  - name: m\n    signal_type: metrics\n    duration: 10m\n"
                + "    generator: {type: constant, value: 1}\n"
                + "    rate: 0.06666666666666667\n"
                + "    start_time: \"2026-03-01T12:30:00.250Z\"\n"
                + "    after: {ref: up, op: \">\", value: 70, delay: 15s}\n"
                + "    while: {ref: up, op: \"<\", value: 1}\n";
        ScenarioPlan fromYaml = ScenarioLoader.load(
                "version: 2\nkind: runnable\nscenarios:\n" + upstream + downstream, "t.yaml", n -> null);

        MetricStage up = Scenario.metrics("up").id("up").rate(1).duration("10m").constant(1);
        MetricStage down = Scenario.metrics("m")
                .duration("10m")
                .constant(1)
                .every(Duration.ofSeconds(15))
                .startTime(Instant.parse("2026-03-01T12:30:00.250Z"))
                .after(up, Comparison.GREATER_THAN, 70, Duration.ofSeconds(15))
                .activeWhile(up, Comparison.LESS_THAN, 1);

        assertThat(fromYaml).isEqualTo(Scenario.plan().add(up).add(down).build());
    }
}
