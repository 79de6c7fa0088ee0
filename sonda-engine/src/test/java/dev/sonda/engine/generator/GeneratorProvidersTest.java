package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.SondaException;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.internal.spec.MapSpecWriter;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generator providers own their type names, their blocks' keys and defaults, and display. */
class GeneratorProvidersTest {
    private static final SpecRegistry REGISTRY = SpecRegistry.defaults();

    private static GeneratorSpec read(Map<String, Object> block, Problems problems) {
        String type = (String) block.get("type");
        return (GeneratorSpec) REGISTRY.read(SpecKind.GENERATOR, new MapSpecBlock(type, block, "g", problems));
    }

    static Stream<GeneratorSpec> everyBuiltInSpec() {
        return Stream.of(
                new GeneratorSpec.Constant(-1.5),
                new GeneratorSpec.Sine(3, 60, 10),
                new GeneratorSpec.Sawtooth(0, 100, 30),
                new GeneratorSpec.Uniform(1, 2, -1L),
                new GeneratorSpec.Sequence(List.of(1.0, 2.5), false),
                new GeneratorSpec.Step(1, 2, 10.0),
                new GeneratorSpec.Step(0, 1, null),
                new GeneratorSpec.Spike(1, 2, 3, 4),
                new GeneratorSpec.CsvReplay(
                        "d.csv", List.of(new GeneratorSpec.CsvColumn(1, "cpu", Map.of("host", "a"))), false, 2.0, "m"),
                new GeneratorSpec.CsvReplay("d.csv", List.of(), true, 1.0, null),
                new GeneratorSpec.Steady(1, 2, Duration.ofMillis(1500), 0.5, 9L),
                new GeneratorSpec.Flap(Duration.ofSeconds(3), Duration.ofSeconds(4), 2.0, null, null),
                new GeneratorSpec.Flap(
                        Duration.ofSeconds(3), Duration.ofSeconds(4), null, null, GeneratorSpec.FlapEnum.OPER_STATE),
                new GeneratorSpec.Saturation(1, 2, Duration.ofMinutes(3)),
                new GeneratorSpec.Leak(1, 2, Duration.ofHours(1)),
                new GeneratorSpec.Degradation(1, 2, Duration.ofSeconds(7), 0.1, null),
                new GeneratorSpec.SpikeEvent(1, 2, Duration.ofSeconds(1), Duration.ofSeconds(5)));
    }

    @Test
    void theServiceLoaderFindsEveryCoreGeneratorAndEveryAlias() {
        assertThat(SpecRegistry.load(getClass().getClassLoader()).types(SpecKind.GENERATOR))
                .contains(
                        "constant",
                        "csv_replay",
                        "degradation",
                        "flap",
                        "leak",
                        "saturation",
                        "sawtooth",
                        "sequence",
                        "sine",
                        "spike",
                        "spike_event",
                        "steady",
                        "step",
                        "uniform");
        for (var p : REGISTRY.providers(SpecKind.GENERATOR)) {
            assertThat(p).isInstanceOf(GeneratorProvider.class);
        }
    }

    @ParameterizedTest
    @MethodSource("everyBuiltInSpec")
    void aWrittenSpecReadsBackEqual(GeneratorSpec spec) {
        MapSpecWriter out = new MapSpecWriter();
        REGISTRY.write(SpecKind.GENERATOR, spec, out);
        assertThat(out.map()).containsEntry("type", spec.type());
        Problems problems = new Problems();
        MapSpecBlock block = new MapSpecBlock(spec.type(), out.map(), "g", problems);

        assertThat(REGISTRY.read(SpecKind.GENERATOR, block)).isEqualTo(spec);
        assertThat(problems.list()).isEmpty();
        assertThat(block.unreadKeys()).isEmpty();
    }

    @Test
    void theAliasesTakeTheReferencesDefaults() {
        Problems problems = new Problems();
        assertThat(read(Map.of("type", "steady"), problems))
                .isEqualTo(new GeneratorSpec.Steady(50, 10, Duration.ofSeconds(60), 1.0, null));
        assertThat(read(Map.of("type", "flap"), problems))
                .isEqualTo(new GeneratorSpec.Flap(Duration.ofSeconds(10), Duration.ofSeconds(5), null, null, null));
        assertThat(read(Map.of("type", "saturation"), problems))
                .isEqualTo(new GeneratorSpec.Saturation(0, 100, Duration.ofMinutes(5)));
        assertThat(read(Map.of("type", "leak"), problems))
                .isEqualTo(new GeneratorSpec.Leak(0, 100, Duration.ofMinutes(10)));
        assertThat(read(Map.of("type", "degradation"), problems))
                .isEqualTo(new GeneratorSpec.Degradation(0, 100, Duration.ofMinutes(5), 1.0, null));
        assertThat(read(Map.of("type", "spike_event"), problems))
                .isEqualTo(new GeneratorSpec.SpikeEvent(0, 100, Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertThat(read(Map.of("type", "step", "step_size", 2L), problems))
                .isEqualTo(new GeneratorSpec.Step(0, 2, null));
        assertThat(read(Map.of("type", "uniform", "min", 1L, "max", 2L), problems))
                .isEqualTo(new GeneratorSpec.Uniform(1, 2, null));
        assertThat(read(Map.of("type", "sequence", "values", List.of(1L)), problems))
                .isEqualTo(new GeneratorSpec.Sequence(List.of(1.0), true));
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void everyMissingRequiredKeyAndWrongValueIsReported() {
        Problems problems = new Problems();
        read(Map.of("type", "sine", "amplitude", "big"), problems);
        read(Map.of("type", "sequence"), problems);
        read(Map.of("type", "flap", "up_duration", "10", "enum", "link"), problems);
        read(Map.of("type", "uniform", "min", 0L, "max", 1L, "seed", -1L), problems);

        assertThat(problems.list())
                .containsExactly(
                        new Problem("g.amplitude", "expected a number, found string \"big\""),
                        new Problem("g", "missing required key 'period_secs'"),
                        new Problem("g", "missing required key 'offset'"),
                        new Problem("g", "missing required key 'values'"),
                        new Problem(
                                "g.up_duration",
                                "invalid duration \"10\": unrecognized duration unit in \"10\": expected one of ms, s,"
                                        + " m, h"),
                        new Problem(
                                "g.enum",
                                "expected one of boolean, link_state, oper_state, admin_state, neighbor_state, found"
                                        + " string \"link\"; did you mean 'link_state'?"),
                        new Problem("g.seed", "expected an integer from 0 to 18446744073709551615, found -1"));
    }

    @Test
    void aSecondProviderOfOneTypeIsRejectedNamingBothClasses() {
        assertThatThrownBy(() -> SpecRegistry.builder()
                        .add(new SineGenerator.Provider())
                        .add(new GeneratorsTest.SquareProvider() {
                            @Override
                            public String type() {
                                return "sine";
                            }
                        })
                        .build())
                .isInstanceOf(SondaException.class)
                .hasMessageContaining("generator type 'sine' is provided by both")
                .hasMessageContaining(SineGenerator.Provider.class.getName());
    }

    @Test
    void eachProviderDisplaysItsSpecAsTheDryRunShowsIt() {
        GeneratorProvider constant = Generators.provider(REGISTRY, "constant");
        GeneratorProvider flap = Generators.provider(REGISTRY, "flap");
        GeneratorProvider saturation = Generators.provider(REGISTRY, "saturation");

        assertThat(constant.display(new GeneratorSpec.Constant(1))).isEqualTo("constant (value: 1)");
        assertThat(flap.display(new GeneratorSpec.Flap(
                        Duration.ofSeconds(10), Duration.ofSeconds(5), null, null, GeneratorSpec.FlapEnum.OPER_STATE)))
                .isEqualTo("flap (up_duration: 10s, down_duration: 5s, up_value: 1, down_value: 2)");
        assertThat(saturation.display(new GeneratorSpec.Saturation(20, 85, Duration.ofMinutes(2))))
                .isEqualTo("saturation (baseline: 20, ceiling: 85, time_to_saturate: 2m)");
    }
}
