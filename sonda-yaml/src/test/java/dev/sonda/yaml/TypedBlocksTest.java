package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sonda.api.Entry;
import dev.sonda.api.Problems;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecProvider;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.spi.SpecWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code generator}, {@code log_generator}, {@code encoder} and {@code sink} blocks are read
 * and written by the providers of a registry: what a provider reads becomes its record, the keys it
 * never reads are located warnings, and its problems are located errors in YAML's words.
 */
class TypedBlocksTest {

    /** A plug-in sink's spec, for a registry the default one does not equal. */
    record Pipe(String target, Duration every) implements SinkSpec {
        @Override
        public String type() {
            return "pipe";
        }
    }

    /** The plug-in's provider: {@code target} (required) and {@code every} (a duration, optional). */
    static final class PipeProvider implements SpecProvider<SinkSpec> {
        @Override
        public SpecKind kind() {
            return SpecKind.SINK;
        }

        @Override
        public String type() {
            return "pipe";
        }

        @Override
        public Class<Pipe> specClass() {
            return Pipe.class;
        }

        @Override
        public SinkSpec read(SpecBlock block) {
            return new Pipe(block.requiredString("target"), block.duration("every", dev.sonda.api.DurationText::parse));
        }

        @Override
        public void write(SinkSpec spec, SpecWriter out) {
            Pipe p = (Pipe) spec;
            out.put("target", p.target()).put("every", p.every());
        }
    }

    private static final SpecRegistry WITH_PIPE =
            SpecRegistry.defaults().toBuilder().add(new PipeProvider()).build();

    private static List<LocatedProblem> problems(String yaml) {
        ScenarioParseException e =
                catchThrowableOfType(ScenarioParseException.class, () -> ScenarioLoader.load(yaml, "p.yaml"));
        assertThat(e).as("expected a ScenarioParseException").isNotNull();
        return e.located();
    }

    private static LoadResult load(String yaml) {
        return ScenarioLoader.loadWithWarnings(yaml, "w.yaml", name -> null, SpecRegistry.defaults());
    }

    @Test
    void aKeyTheProviderNeverReadsIsALocatedWarningWithADidYouMean() {
        LoadResult r = load(
                """
                version: 2
                kind: runnable
                defaults:
                  rate: 1
                  sink: {type: tcp, adress: x, address: "127.0.0.1:1"}
                scenarios:
                  - signal_type: metrics
                    name: a
                    generator: {type: sequence, values: [1, 2], repat: false}
                    encoder: {type: prometheus_text, precison: 2}
                  - signal_type: logs
                    name: b
                    log_generator:
                      type: template
                      templates: [{message: hi, feild_pools: {}}]
                """);

        assertThat(r.warnings())
                .extracting(w -> w.problem().toString(), LocatedProblem::line, LocatedProblem::column)
                .containsExactly(
                        tuple(
                                "defaults.sink.adress: unknown key 'adress' for sink type 'tcp'; did you mean"
                                        + " 'address'?",
                                5,
                                21),
                        tuple(
                                "scenarios[0].generator.repat: unknown key 'repat' for generator type 'sequence';"
                                        + " did you mean 'repeat'?",
                                9,
                                49),
                        tuple(
                                "scenarios[0].encoder.precison: unknown key 'precison' for encoder type"
                                        + " 'prometheus_text'; did you mean 'precision'?",
                                10,
                                38),
                        tuple(
                                "scenarios[1].log_generator.templates[0].feild_pools: unknown key 'feild_pools' for"
                                        + " log generator type 'template'; did you mean 'field_pools'?",
                                15,
                                33));
        Entry a = r.plan().entries().get(0);
        assertThat(((Signal.Metrics) a.signal()).generator())
                .as("what the provider read is kept")
                .isEqualTo(new GeneratorSpec.Sequence(List.of(1.0, 2.0), true));
    }

    @Test
    void blocksInFlatFilesAndPackOverridesWarnToo() {
        LoadResult flat =
                load("version: 2\nkind: runnable\nname: a\nrate: 1\ngenerator: {type: constant, value: 1, vaule: 2}\n");
        LoadResult pack = load(
                """
                version: 2
                kind: runnable
                defaults: {rate: 1}
                scenarios:
                  - signal_type: metrics
                    pack: p
                    overrides:
                      m: {generator: {type: constant, value: 1, offset: 3}}
                """);

        assertThat(flat.warnings())
                .extracting(w -> w.problem().path(), LocatedProblem::line)
                .containsExactly(tuple("generator.vaule", 5));
        assertThat(pack.warnings())
                .extracting(w -> w.problem().path())
                .containsExactly("scenarios[0].overrides.m.generator.offset");
    }

    @Test
    void aFileWithoutStrayKeysHasNoWarnings() {
        assertThat(load("version: 2\nkind: runnable\nname: a\nrate: 1\ngenerator: {type: constant, value: 1}\n")
                        .warnings())
                .isEmpty();
    }

    @Test
    void aBlocksProblemsAreLocatedAndWordedInYamlTerms() {
        List<LocatedProblem> p = problems(
                """
                version: 2
                kind: runnable
                defaults: {rate: 1}
                scenarios:
                  - signal_type: metrics
                    name: a
                    rate: fast
                    generator: {type: uniform, min: 0, max: 1, seed: -1}
                    sink: {type: http_push, batch_size: [1]}
                  - signal_type: metrics
                    name: b
                    generator: {type: sine, amplitude: 1, period_secs: 60, offset: 0}
                    sink: {type: tcp, address: "h:1", retry: {max_attempts: 2, initial_backoff: soon}}
                """);

        assertThat(p)
                .extracting(x -> x.problem().toString(), LocatedProblem::line, LocatedProblem::column)
                .containsExactly(
                        tuple("scenarios[0].rate: expected a number, found string \"fast\"", 7, 11),
                        tuple(
                                "scenarios[0].generator.seed: expected an integer from 0 to 18446744073709551615,"
                                        + " found -1",
                                8,
                                54),
                        tuple("scenarios[0].sink: missing required key 'url'", 9, 11),
                        tuple(
                                "scenarios[0].sink.batch_size: expected an integer from 0 to 2147483647, found a list",
                                9,
                                41),
                        tuple("scenarios[1].sink.retry: missing required key 'max_backoff'", 13, 46),
                        tuple(
                                "scenarios[1].sink.retry.initial_backoff: invalid duration \"soon\": unrecognized"
                                        + " duration unit in \"soon\": expected one of ms, s, m, h",
                                13,
                                81));
    }

    @Test
    void aTypeNoProviderServesIsKeptAsTheGenericSpecWithoutAProblem() {
        LoadResult r = load("version: 2\nkind: runnable\nname: a\nrate: 1\ngenerator: {type: constant, value: 1}\n"
                + "sink: {type: pipe, target: t, every: 5s}\n");

        assertThat(r.plan().entries().get(0).sink())
                .isEqualTo(new SinkSpec.Generic("pipe", Map.of("target", "t", "every", "5s")));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aRegistryWithAPluginReadsAndWritesItsBlock() {
        String yaml = "version: 2\nkind: runnable\nname: a\nrate: 1\ngenerator: {type: constant, value: 1}\n"
                + "sink: {type: pipe, target: t, every: 1500ms}\n";

        ScenarioPlan plan = ScenarioLoader.load(yaml, "pipe.yaml", name -> null, WITH_PIPE);
        String written = ScenarioWriter.write(plan, WITH_PIPE);

        assertThat(plan.entries().get(0).sink()).isEqualTo(new Pipe("t", Duration.ofMillis(1500)));
        assertThat(written).contains("type: pipe").contains("target: \"t\"").contains("every: 1.5s");
        assertThat(ScenarioLoader.load(written, "again.yaml", name -> null, WITH_PIPE))
                .isEqualTo(plan);
    }

    @Test
    void aMisspeltTypeIsNotAParseProblem() {
        Entry e = load("version: 2\nkind: runnable\nname: a\nrate: 1\ngenerator: {type: sinee, amplitude: 1}\n")
                .plan()
                .entries()
                .get(0);

        assertThat(((Signal.Metrics) e.signal()).generator())
                .as("the compiler reports it with the known types")
                .isEqualTo(new GeneratorSpec.Generic("sinee", Map.of("amplitude", 1L)));
    }

    @Test
    void aMistakeReadsTheSameInAFileAndInAMapBuiltInJava() {
        String yaml = "version: 2\nkind: runnable\nname: a\nrate: 1\n"
                + "generator: {type: flap, up_duration: 10, up_value: high, enum: link}\n"
                + "sink: {type: http_push, batch_size: -1, headers: [a], retry: {max_attempts: 1}}\n";
        Map<String, Object> flap = Map.of("type", "flap", "up_duration", "10", "up_value", "high", "enum", "link");
        Map<String, Object> push = Map.of(
                "type", "http_push", "batch_size", -1L, "headers", List.of("a"), "retry", Map.of("max_attempts", 1L));

        Problems fromMaps = new Problems();
        SpecRegistry.defaults().read(SpecKind.GENERATOR, new MapSpecBlock("flap", flap, "generator", fromMaps));
        SpecRegistry.defaults().read(SpecKind.SINK, new MapSpecBlock("http_push", push, "sink", fromMaps));

        assertThat(problems(yaml))
                .extracting(LocatedProblem::problem)
                .containsExactlyInAnyOrderElementsOf(fromMaps.list());
        assertThat(fromMaps.list()).hasSize(8);
    }
}
