package dev.sonda.junit5;

import static dev.sonda.junit5.SondaAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.yaml.ScenarioParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @SondaScenario(strict, seed)}, the {@code sonda.seed} parameter and {@link Scenarios}.
 * Fixtures are nested classes run through the {@link EngineTestKit} only.
 */
class StrictAndSeedTest {
    /** What the fixtures captured, by fixture name. */
    static final Map<String, Captured> SEEN = new ConcurrentHashMap<>();

    private static Events run(Class<?> fixture, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(parameters)
                .selectors(selectClass(fixture))
                .execute()
                .testEvents();
    }

    private static void failsWith(Class<?> fixture, Map<String, String> parameters, String... fragments) {
        run(fixture, parameters)
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(m -> java.util.Arrays.stream(fragments)
                                                .allMatch(m::contains)))));
    }

    static class TypoInGenerator {
        @Test
        @SondaScenario("sonda-test/typo-in-generator.yaml")
        void test() {}
    }

    @Test
    void anUnknownKeyInsideATypeBlockFailsTheTestWithItsPlaceAndADidYouMean() {
        failsWith(
                TypoInGenerator.class,
                Map.of(),
                "classpath:sonda-test/typo-in-generator.yaml:9:",
                "scenarios[0].generator.repat",
                "'repeat'",
                "@SondaScenario is strict");
    }

    static class TypoAccepted {
        @Test
        @SondaScenario(value = "sonda-test/typo-in-generator.yaml", strict = false)
        void test(Captured captured) {
            SEEN.put("TypoAccepted", captured);
        }
    }

    @Test
    void withStrictFalseAnUnknownKeyIsAWarningInTheDiagnostics() {
        run(TypoAccepted.class, Map.of()).assertStatistics(s -> s.succeeded(1));
        Captured captured = SEEN.get("TypoAccepted");
        assertThat(captured.diagnostics())
                .singleElement()
                .asString()
                .startsWith("sonda: warning: classpath:sonda-test/typo-in-generator.yaml:9:")
                .contains("scenarios[0].generator.repat");
        assertThat(captured.series("steps").values()).containsExactly(1, 2, 3, 1, 2);
    }

    static class WrongSink {
        @Test
        @SondaScenario("sonda-test/wrong-sink.yaml")
        void test() {}
    }

    @Test
    void aWrongSinkTypeFailsAlthoughCaptureReplacesTheSink() {
        failsWith(
                WrongSink.class,
                Map.of(),
                "scenarios[0].sink.type",
                "unknown sink type 'htp_push'; did you mean 'http_push'?");
    }

    static class Seeded {
        @Test
        @SondaScenario(value = "sonda-test/unseeded.yaml", seed = 42)
        void test(Captured captured) {
            SEEN.put("Seeded", captured);
        }
    }

    static class Unseeded {
        @Test
        @SondaScenario("sonda-test/unseeded.yaml")
        void test(Captured captured) {
            SEEN.put("Unseeded", captured);
        }
    }

    @Test
    void theSeedAttributeAndTheParameterSeedEveryEntryWithoutASeedOfItsOwn() {
        ScenarioPlan written = Scenarios.fromString(
                """
                version: 2
                kind: runnable
                defaults: { rate: 1, duration: 20s }
                scenarios:
                  - id: noise
                    signal_type: metrics
                    name: noise
                    generator: { type: uniform, min: 0, max: 100, seed: 42 }
                  - id: app
                    signal_type: logs
                    name: app
                    log_generator:
                      type: template
                      seed: 42
                      templates:
                        - message: "user {user}"
                          field_pools: { user: [a, b, c, d, e, f] }
                """);
        Captured expected = Captured.simulate(written, Instant.parse(SondaScenario.DEFAULT_START));

        run(Seeded.class, Map.of()).assertStatistics(s -> s.succeeded(1));
        assertThat(SEEN.get("Seeded").text()).isEqualTo(expected.text());

        run(Unseeded.class, Map.of(SondaScenario.SEED_PARAMETER, "42")).assertStatistics(s -> s.succeeded(1));
        assertThat(SEEN.get("Unseeded").text()).isEqualTo(expected.text());

        run(Unseeded.class, Map.of()).assertStatistics(s -> s.succeeded(1));
        assertThat(SEEN.get("Unseeded").text()).isNotEqualTo(expected.text());

        assertThat(Captured.simulate(
                                Scenarios.fromClasspath("sonda-test/unseeded.yaml"),
                                Instant.parse(SondaScenario.DEFAULT_START),
                                42)
                        .text())
                .isEqualTo(expected.text());
    }

    @Test
    void anUnreadableSeedParameterFailsTheTest() {
        failsWith(
                Unseeded.class,
                Map.of(SondaScenario.SEED_PARAMETER, "forty-two"),
                "configuration parameter sonda.seed = \"forty-two\" is not a 64-bit integer");
    }

    @Test
    void scenariosLoadsTheSamePlanFromTheClasspathAFileAndAString() throws Exception {
        ScenarioPlan fromClasspath = Scenarios.fromClasspath("sonda-test/steps.yaml");
        java.nio.file.Path file = java.nio.file.Path.of(
                getClass().getClassLoader().getResource("sonda-test/steps.yaml").toURI());
        assertThat(Scenarios.fromFile(file)).isEqualTo(fromClasspath);
        assertThat(Scenarios.fromString(java.nio.file.Files.readString(file))).isEqualTo(fromClasspath);
        assertThat(fromClasspath)
                .isEqualTo(Scenario.plan()
                        .rate(1)
                        .duration("10s")
                        .add(Scenario.metrics("steps")
                                .id("steps")
                                .label("host", "a")
                                .sequence(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), false))
                        .add(Scenario.metrics("flat")
                                .id("flat")
                                .label("host", "b")
                                .phaseOffset("5s")
                                .constant(7))
                        .build());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Scenarios.fromClasspath("sonda-test/typo-in-generator.yaml"))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageStartingWith("classpath:sonda-test/typo-in-generator.yaml:9:")
                .hasMessageContaining("scenarios[0].generator.repat");
    }
}
