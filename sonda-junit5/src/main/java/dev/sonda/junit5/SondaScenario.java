package dev.sonda.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a scenario for a test, on simulated time by default, and hands the test what it emitted.
 *
 * <pre>
 * &#64;Test
 * &#64;SondaScenario("scenarios/cpu-spike.yaml")
 * void alertFiresFiveMinutesIntoTheSpike(Captured captured) {
 *     assertThat(captured).series("cpu_usage").firstCrossing("&gt;", 90).isAtOffset(Duration.ofMinutes(3));
 * }
 *
 * static ScenarioPlan cpu() {
 *     return Scenario.metrics("cpu_usage").rate(1).duration("1h").sequence(40, 95, 97).buildPlan();
 * }
 *
 * &#64;Test
 * &#64;SondaScenario(plan = "cpu")
 * void fromTheDsl(Captured captured) { ... }
 * </pre>
 *
 * <p><b>The scenario</b> is either a classpath resource holding a v2 YAML scenario ({@link
 * #value()}, read as UTF-8, {@code ${VAR}} references filled from the environment) or the name of
 * a static method of the test class returning a {@link dev.sonda.api.ScenarioPlan} built with the
 * DSL ({@link #plan()}). Exactly one of the two must be set.
 *
 * <p><b>Where it goes.</b> On a test method the scenario runs fresh before that test (before its
 * {@code @BeforeEach} methods). On a test class it runs once, before the class's {@code
 * @BeforeAll} methods, and every test of the class, {@code @Nested} classes included, shares the
 * capture. The nearest annotation wins: a method's over its class's, a {@code @Nested} class's over
 * its enclosing class's. The annotation may also sit on a composed annotation of your own ({@code
 * @LinkFailover}), and on a superclass (it is {@link Inherited}).
 *
 * <p><b>Time.</b> With the default {@link Clock#SIMULATED} clock the run never sleeps: an hour of
 * telemetry takes milliseconds, and the timestamps start at {@link #start()}, so every run emits
 * the same samples with the same timestamps. On the simulated clock every entry needs a duration
 * (on the entry or in {@code defaults:}). With {@link Clock#SYSTEM} the scenario runs in the
 * background on the wall clock while the test goes on; control it with a {@link SondaRun}
 * parameter. After the test (after the class, for a class annotation) a run still going is
 * stopped, its sinks are flushed and closed, and any failure of the background work is rethrown
 * there, failing the test.
 *
 * <p><b>Seeds.</b> Every generator is a pure function of its own seed and the tick ({@code seed:}
 * of {@code uniform}, {@code template}, histograms, summaries and {@code random} cardinality
 * spikes; {@code jitter_seed}; {@code noise_seed} of {@code steady} and {@code degradation}), so a
 * scenario is reproducible as written. A seed the scenario leaves unset is {@link #seed()}, else
 * the configuration parameter {@value #SEED_PARAMETER}, else 0 (the reference's default); a seed
 * the scenario states always wins. Vary the data of a whole suite with {@code sonda.seed=7} in
 * {@code src/test/resources/junit-platform.properties} (or {@code -Dsonda.seed=7} where the build
 * passes system properties to JUnit as configuration parameters).
 *
 * <p><b>Strict.</b> With {@link #strict()} (the default) the file is loaded as {@link
 * Scenarios#fromClasspath} loads it: a key Sonda does not read, anywhere (a {@code repat:} in a
 * {@code generator:}, a {@code urll:} in a {@code sink:}), fails the test with its path, line,
 * column and a did-you-mean. The sinks and encoders are resolved and validated as for a real run
 * even though capture replaces them, so a wrong {@code sink: {type: ...}} fails too. With {@code
 * strict = false} unknown keys are warnings on standard error and in {@link
 * Captured#diagnostics()}, as outside tests.
 *
 * <p><b>Capture.</b> Every entry's sink is replaced by capture unless {@link #keepSinks()} is
 * true, in which case samples go to the real sinks and are captured as well (after the sink
 * accepted them). The test receives {@link Captured} (the samples per series and the encoded
 * records) and {@link SondaRun} parameters; assert with {@link SondaAssertions}.
 *
 * <p><b>Errors.</b> A missing resource, an unknown, non-static or ill-typed plan method, both or
 * neither of {@code value} and {@code plan}, an invalid scenario, an entry without a duration on
 * the simulated clock, and an unreadable start instant fail the test with an {@link
 * org.junit.jupiter.api.extension.ExtensionConfigurationException} that names the annotated
 * element. A parameter of a Sonda type the extension cannot provide fails with a {@link
 * org.junit.jupiter.api.extension.ParameterResolutionException} that says what to use instead.
 *
 * <p>The extension keeps no state of its own, so tests run in parallel (JUnit's {@code
 * junit.jupiter.execution.parallel.enabled}) each with their own run.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SondaExtension.class)
public @interface SondaScenario {

    /** The start instant of the simulated clock when neither the annotation nor {@value #START_PARAMETER} sets one. */
    String DEFAULT_START = "2026-01-01T00:00:00Z";

    /** The JUnit configuration parameter that sets the simulated clock's start for every test. */
    String START_PARAMETER = "sonda.start";

    /**
     * The JUnit configuration parameter that sets the default seed for every test without {@link
     * #seed()}: a decimal 64-bit number (unsigned, or negative for the same bits).
     */
    String SEED_PARAMETER = "sonda.seed";

    /**
     * The scenario file: a classpath resource path such as {@code scenarios/link-failover.yaml},
     * resolved from the classpath root (a leading {@code /} is ignored). Empty (the default) when
     * {@link #plan()} is used instead.
     *
     * @return the resource path, or empty
     */
    String value() default "";

    /**
     * The name of a static method, without parameters, that returns the {@link
     * dev.sonda.api.ScenarioPlan} to run. It is looked up in the test class and its superclasses,
     * then in the enclosing classes of a {@code @Nested} class; any visibility. Empty (the
     * default) when {@link #value()} is used instead.
     *
     * @return the method name, or empty
     */
    String plan() default "";

    /**
     * The instant the simulated clock starts at, in ISO-8601 form such as {@code
     * 2026-03-01T12:00:00Z}. Empty (the default) takes the configuration parameter {@value
     * #START_PARAMETER}, else {@value #DEFAULT_START}. Must stay empty with {@link Clock#SYSTEM}.
     *
     * @return the start instant, or empty
     */
    String start() default "";

    /**
     * The clock the scenario runs on.
     *
     * @return {@link Clock#SIMULATED} (the default) or {@link Clock#SYSTEM}
     */
    Clock clock() default Clock.SIMULATED;

    /**
     * The default seed of every seeded part of an entry that states no seed of its own ({@code
     * uniform} and {@code template} {@code seed}, histogram and summary {@code seed}, {@code
     * random} cardinality spikes, jitter), such as {@code seed = 42}. Empty (the default) takes the
     * configuration parameter {@value #SEED_PARAMETER}, else leaves unset seeds 0. At most one
     * value.
     *
     * @return the seed as a one-element array, or empty
     */
    long[] seed() default {};

    /**
     * Whether a key Sonda does not read fails the test (the default) or is only a warning on
     * standard error and in {@link Captured#diagnostics()} (false).
     *
     * @return true to fail on unknown keys
     */
    boolean strict() default true;

    /**
     * Whether the entries keep their own sinks (stdout, files, HTTP, ...) besides being captured.
     * False (the default) replaces every sink with capture only.
     *
     * @return true to keep the real sinks
     */
    boolean keepSinks() default false;

    /** The clock a scenario runs on. */
    enum Clock {
        /**
         * Simulated time from {@link SondaScenario#start()}: never sleeps, finishes before the test
         * starts, and gives the same samples and timestamps on every run.
         */
        SIMULATED,
        /**
         * The wall clock: the scenario runs in the background, at its real rates, while the test
         * goes on; it is stopped after the test.
         */
        SYSTEM
    }
}
