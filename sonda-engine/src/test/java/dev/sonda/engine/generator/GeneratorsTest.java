package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.SondaException;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.spi.SpecWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
    private static final String PATH = "scenarios[1].generator";
    private static final String SQUARE = "generators_test_square";
    private static final String BROKEN = "generators_test_broken";

    /** A plug-in's spec: a square wave of {@code period} ticks. */
    record Square(long period) implements GeneratorSpec {
        @Override
        public String type() {
            return SQUARE;
        }
    }

    /** A plug-in: a square wave of a given period (in ticks), or problems for a bad period. */
    public static class SquareProvider implements GeneratorProvider {
        @Override
        public String type() {
            return SQUARE;
        }

        @Override
        public Class<Square> specClass() {
            return Square.class;
        }

        @Override
        public GeneratorSpec read(SpecBlock block) {
            return new Square(block.requiredInteger("period", Long.MIN_VALUE, Long.MAX_VALUE));
        }

        @Override
        public void write(GeneratorSpec spec, SpecWriter out) {
            out.put("period", ((Square) spec).period());
        }

        @Override
        public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
            long p = ((Square) spec).period();
            if (p <= 0) {
                throw new InvalidScenarioException(List.of(
                        new Problem(context.path("period"), "square: period must be a positive integer"),
                        new Problem(context.path(), "square: fix the block")));
            }
            return context.withJitter(tick -> Long.remainderUnsigned(tick, 2L * p) < p ? 1.0 : 0.0);
        }
    }

    /** A plug-in that breaks the contract by returning null; its spec is the generic one. */
    public static final class NullProvider implements GeneratorProvider {
        @Override
        public String type() {
            return BROKEN;
        }

        @Override
        public Class<GeneratorSpec.Generic> specClass() {
            return GeneratorSpec.Generic.class;
        }

        @Override
        public GeneratorSpec read(SpecBlock block) {
            return new GeneratorSpec.Generic(BROKEN, block.plainValues(java.util.Set.of("type")));
        }

        @Override
        public void write(GeneratorSpec spec, SpecWriter out) {}

        @Override
        public ValueGenerator create(GeneratorSpec spec, GeneratorContext context) {
            return null;
        }
    }

    private static final SpecRegistry REGISTRY = SpecRegistry.defaults().toBuilder()
            .add(new SquareProvider())
            .add(new NullProvider())
            .build();

    private static List<Problem> problemsOf(Runnable r) {
        try {
            r.run();
        } catch (InvalidScenarioException e) {
            return e.problems();
        }
        throw new AssertionError("expected an InvalidScenarioException");
    }

    @Test
    void buildsEveryCoreTypeThroughItsRegisteredProvider() {
        assertThat(Generators.create(new GeneratorSpec.Constant(3), 1)).isInstanceOf(ConstantGenerator.class);
        assertThat(Generators.create(new GeneratorSpec.Sine(1, 2, 3), 1)).isInstanceOf(SineGenerator.class);
        assertThat(Generators.create(new GeneratorSpec.Sawtooth(1, 2, 3), 1)).isInstanceOf(SawtoothGenerator.class);
        assertThat(Generators.create(new GeneratorSpec.Uniform(1, 2, 3L), 1)).isInstanceOf(UniformGenerator.class);
        assertThat(Generators.create(new GeneratorSpec.Sequence(List.of(1.0), true), 1))
                .isInstanceOf(SequenceGenerator.class);
        assertThat(Generators.create(new GeneratorSpec.Step(0, 1, null), 1)).isInstanceOf(StepGenerator.class);
        assertThat(Generators.create(new GeneratorSpec.Spike(0, 1, 1, 2), 1)).isInstanceOf(SpikeGenerator.class);
    }

    @Test
    void passesTheRateToTheCoreGenerator() {
        ValueGenerator g = Generators.create(new GeneratorSpec.Sawtooth(0, 100, 4), 2);
        assertThat(g.value(1)).isEqualTo(12.5);
    }

    @Test
    void wrapsWithJitterOnlyWhenTheEffectiveJitterIsSetAndNonZero() {
        GeneratorSpec constant = new GeneratorSpec.Constant(100);
        ValueGenerator jittered = Generators.create(constant, 1, 5.0, 42L, null, PATH);
        assertThat(jittered).isInstanceOf(JitterGenerator.class);
        assertThat(jittered.value(0)).isEqualTo(102.70657953697628);
        assertThat(Generators.create(constant, 1, 0.0, 42L, null, PATH)).isInstanceOf(ConstantGenerator.class);
        assertThat(Generators.create(constant, 1, -0.0, 42L, null, PATH)).isInstanceOf(ConstantGenerator.class);
        assertThat(Generators.create(constant, 1, null, 42L, null, PATH)).isInstanceOf(ConstantGenerator.class);
    }

    @Test
    void anUnsetJitterSeedMeansZero() {
        ValueGenerator g = Generators.create(new GeneratorSpec.Constant(0), 1, 1.0, null, null, PATH);
        assertThat(g.value(0)).isEqualTo(-0.4719593460949538);
    }

    @Test
    void theTwoArgumentFactoryKeepsAnAliasNoise() {
        ValueGenerator g =
                Generators.create(new GeneratorSpec.Degradation(0, 100, Duration.ofMinutes(5), 1.0, null), 1);
        assertThat(g).isInstanceOf(JitterGenerator.class);
        assertThat(g.value(0)).isEqualTo(-0.4719593460949538);
    }

    @Test
    void theRealJitterOfTheGoldenStepCaseIsReproduced() {
        ValueGenerator g = Generators.create(new GeneratorSpec.Step(0, 10, null), 1, 0.5, 9L, null, PATH);
        assertThat(g.value(0)).isEqualTo(-0.03168241496407215);
        assertThat(g.value(1)).isEqualTo(9.618523704190851);
    }

    @Test
    void rejectsAnEmptySequence() {
        assertThat(problemsOf(() ->
                        Generators.create(new GeneratorSpec.Sequence(List.of(), true), 1, null, null, null, PATH)))
                .containsExactly(new Problem(PATH + ".values", "sequence generator requires at least one value"));
    }

    @Test
    void rejectsAnInvalidSpike() {
        assertThat(problemsOf(() -> Generators.create(new GeneratorSpec.Spike(0, 1, -1, 0), 1, null, null, null, PATH)))
                .containsExactly(
                        new Problem(PATH + ".interval_secs", "spike generator requires interval_secs > 0"),
                        new Problem(PATH + ".duration_secs", "spike generator requires duration_secs >= 0"));
    }

    @Test
    void theSpikeProviderReportsItsProblemsUnderTheContextsPath() {
        GeneratorContext context = new GeneratorContext(1, null, null, null, PATH);
        assertThatThrownBy(() -> new SpikeGenerator.Provider().create(new GeneratorSpec.Spike(0, 1, 1, -2), context))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .containsExactly(
                                new Problem(PATH + ".interval_secs", "spike generator requires interval_secs > 0")));
    }

    @Test
    void rejectsAnInvalidEffectiveJitterAtTheSiblingKey() {
        GeneratorSpec constant = new GeneratorSpec.Constant(1);
        assertThat(problemsOf(() -> Generators.create(constant, 1, -1.0, null, null, PATH)))
                .containsExactly(new Problem("scenarios[1].jitter", "jitter must be non-negative"));
        assertThat(problemsOf(() -> Generators.create(constant, 1, Double.NaN, null, null, PATH)))
                .containsExactly(new Problem("scenarios[1].jitter", "jitter must not be NaN"));
        assertThat(problemsOf(() -> Generators.create(constant, 1, Double.POSITIVE_INFINITY, null, null, PATH)))
                .containsExactly(new Problem("scenarios[1].jitter", "jitter must be finite"));
        GeneratorSpec noisy = new GeneratorSpec.Steady(50, 10, Duration.ofSeconds(60), -1.0, null);
        assertThat(problemsOf(() -> Generators.create(noisy, 1, null, null, null, PATH)))
                .containsExactly(new Problem("scenarios[1].jitter", "jitter must be non-negative"));
    }

    @Test
    void csvReplayIsLeftToTheCompilersExpansion() {
        GeneratorSpec csv = new GeneratorSpec.CsvReplay("data.csv", List.of(), true, 1.0, null);
        assertThatThrownBy(() -> Generators.create(csv, 1, null, null, null, PATH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("csv_replay entries are expanded by the compiler")
                .hasMessageContaining(PATH);
    }

    @Test
    void rejectsAnUnknownPluginType() {
        GeneratorSpec spec = new GeneratorSpec.Generic("no_such_generator", Map.of());
        List<Problem> problems = problemsOf(() -> Generators.create(spec, 1, null, null, null, PATH));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo(PATH + ".type");
        assertThat(problems.get(0).message())
                .startsWith("unknown generator type 'no_such_generator'; known: ")
                .contains("constant, csv_replay, degradation, flap, leak, saturation, sawtooth, sequence, sine,"
                        + " spike, spike_event, steady, step, uniform");
    }

    @Test
    void anUnknownTypeCloseToAKnownOneGetsADidYouMean() {
        List<Problem> problems = problemsOf(
                () -> Generators.create(new GeneratorSpec.Generic("sinee", Map.of()), 1, null, null, null, PATH));
        assertThat(problems)
                .extracting(Problem::message)
                .singleElement()
                .asString()
                .startsWith("unknown generator type 'sinee'; did you mean 'sine'? known: constant,");
    }

    @Test
    void buildsAPluginGeneratorFromAGenericSpecReadByItsProvider() {
        GeneratorSpec generic = new GeneratorSpec.Generic(SQUARE, Map.of("period", 2L));
        ValueGenerator g = Generators.create(REGISTRY, generic, 1, 1.0, 3L, null, PATH);
        assertThat(g).isInstanceOf(JitterGenerator.class);
        ValueGenerator plain = Generators.create(REGISTRY, generic, 1, null, null, null, PATH);
        assertThat(new double[] {plain.value(0), plain.value(1), plain.value(2), plain.value(3), plain.value(4)})
                .containsExactly(1.0, 1.0, 0.0, 0.0, 1.0);
        assertThat(Generators.create(REGISTRY, new Square(1), 1, null, null, null, PATH)
                        .value(1))
                .isEqualTo(0.0);
    }

    @Test
    void aPluginReportsItsProblemsUnderTheBlockPath() {
        GeneratorSpec spec = new GeneratorSpec.Generic(SQUARE, Map.of("period", -1L));
        assertThat(problemsOf(() -> Generators.create(REGISTRY, spec, 1, null, null, null, PATH)))
                .containsExactly(
                        new Problem(PATH + ".period", "square: period must be a positive integer"),
                        new Problem(PATH, "square: fix the block"));
    }

    @Test
    void aGenericSpecWithAnUnknownKeyOrAWrongValueIsReportedBeforeBuilding() {
        GeneratorSpec spec = new GeneratorSpec.Generic(SQUARE, Map.of("period", "two", "perod", 2L));
        assertThat(problemsOf(() -> Generators.create(REGISTRY, spec, 1, null, null, null, PATH)))
                .containsExactlyInAnyOrder(
                        new Problem(
                                PATH + ".period",
                                "expected an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                                        + ", found string \"two\""),
                        new Problem(
                                PATH + ".perod",
                                "unknown key 'perod' for generator type '" + SQUARE + "'; did you mean 'period'?"));
    }

    @Test
    void aPluginTypeIsUnknownToARegistryWithoutItsProvider() {
        assertThat(problemsOf(() -> Generators.create(new Square(2), 1, null, null, null, PATH)))
                .extracting(Problem::path)
                .containsExactly(PATH + ".type");
    }

    @Test
    void rejectsAProviderThatReturnsNull() {
        assertThatThrownBy(() -> Generators.create(
                        REGISTRY, new GeneratorSpec.Generic(BROKEN, Map.of()), 1, null, null, null, PATH))
                .isInstanceOf(SondaException.class)
                .hasMessageContaining(NullProvider.class.getName());
    }

    @Test
    void aBuiltInProviderRejectsASpecOfAnotherType() {
        assertThatThrownBy(() ->
                        new SineGenerator.Provider().create(new GeneratorSpec.Constant(1), GeneratorContext.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sine'")
                .hasMessageContaining("'constant'");
    }
}
