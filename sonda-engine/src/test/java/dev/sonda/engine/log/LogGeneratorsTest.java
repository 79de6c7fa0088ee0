package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.Problems;
import dev.sonda.api.Severity;
import dev.sonda.api.SondaException;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.api.internal.spec.MapSpecBlock;
import dev.sonda.api.internal.spec.MapSpecWriter;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.spi.SpecWriter;
import dev.sonda.engine.encode.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogGeneratorsTest {
    private static final String P = "scenarios[1].log_generator";
    private static final String ECHO = "log_generators_test_echo";

    /** The plug-in's spec: the text to repeat. */
    record Echo(String text) implements LogGeneratorSpec {
        @Override
        public String type() {
            return ECHO;
        }
    }

    /** A plug-in that repeats its {@code text} key, which is required. */
    public static final class EchoProvider implements LogGeneratorProvider {
        @Override
        public String type() {
            return ECHO;
        }

        @Override
        public Class<Echo> specClass() {
            return Echo.class;
        }

        @Override
        public LogGeneratorSpec read(SpecBlock block) {
            return new Echo(block.requiredString("text"));
        }

        @Override
        public void write(LogGeneratorSpec spec, SpecWriter out) {
            out.put("text", ((Echo) spec).text());
        }

        @Override
        public LogGenerator create(LogGeneratorSpec spec, LogGeneratorContext context) {
            String text = ((Echo) spec).text();
            return (tick, nanos, labels) -> new LogEvent(nanos, Severity.DEBUG, text, labels, LogFields.empty());
        }
    }

    private static final SpecRegistry REGISTRY =
            SpecRegistry.defaults().toBuilder().add(new EchoProvider()).build();

    @Test
    void aTemplateSpecBuildsATemplateGenerator() {
        LogGenerator g = LogGenerators.create(
                new LogGeneratorSpec.Template(List.of(new LogGeneratorSpec.LogTemplate("hi", Map.of())), Map.of(), 0L),
                P);
        assertThat(g).isInstanceOf(TemplateLogGenerator.class);
        assertThat(g.generate(0).message()).isEqualTo("hi");
    }

    @Test
    void anUnknownTypeIsAProblemAtItsTypeNamingTheKnownTypes() {
        assertThatThrownBy(() -> LogGenerators.create(new LogGeneratorSpec.Generic("journald", Map.of()), P))
                .isInstanceOfSatisfying(
                        InvalidScenarioException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo(P + ".type");
                            assertThat(p.message())
                                    .startsWith("unknown log generator type 'journald'; known: csv_replay, ")
                                    .contains("template");
                        }));
    }

    @Test
    void aPluginInTheRegistryBuildsItsTypeFromAGenericSpec() {
        LogGenerator g = LogGenerators.create(
                REGISTRY, new LogGeneratorSpec.Generic(ECHO, Map.of("text", "x")), LogGeneratorContext.of(P));
        assertThat(g.generate(3, 7L, Labels.empty()).message()).isEqualTo("x");
        assertThatThrownBy(() -> LogGenerators.create(
                        REGISTRY, new LogGeneratorSpec.Generic(ECHO, Map.of()), LogGeneratorContext.of(P)))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem(P, "missing required key 'text'")));
    }

    @Test
    void builtInTypesCannotBeClaimedTwice() {
        LogGeneratorProvider template = new LogGeneratorProvider() {
            @Override
            public String type() {
                return "template";
            }

            @Override
            public Class<Echo> specClass() {
                return Echo.class;
            }

            @Override
            public LogGeneratorSpec read(SpecBlock block) {
                return null;
            }

            @Override
            public void write(LogGeneratorSpec spec, SpecWriter out) {}

            @Override
            public LogGenerator create(LogGeneratorSpec spec, LogGeneratorContext context) {
                return null;
            }
        };
        assertThatThrownBy(
                        () -> SpecRegistry.defaults().toBuilder().add(template).build())
                .isInstanceOf(SondaException.class)
                .hasMessageContaining("log generator type 'template' is provided by both");
    }

    @Test
    void theBuiltInBlocksReadBackWhatTheyWrite() {
        List<LogGeneratorSpec> specs = List.of(
                new LogGeneratorSpec.Template(
                        List.of(new LogGeneratorSpec.LogTemplate("a {x}", Map.of("x", List.of("1", "2")))),
                        Map.of(Severity.WARN, 2.0, Severity.INFO, 0.5),
                        -5L),
                new LogGeneratorSpec.CsvReplay("l.csv", "ts", null, "msg", false, 2.0, Severity.ERROR),
                new LogGeneratorSpec.CsvReplay("l.csv", null, null, null, true, 1.0, Severity.INFO));
        for (LogGeneratorSpec spec : specs) {
            MapSpecWriter out = new MapSpecWriter();
            REGISTRY.write(SpecKind.LOG_GENERATOR, spec, out);
            Problems problems = new Problems();
            assertThat(REGISTRY.read(SpecKind.LOG_GENERATOR, new MapSpecBlock(spec.type(), out.map(), P, problems)))
                    .isEqualTo(spec);
            assertThat(problems.list()).isEmpty();
        }
    }

    @Test
    void aTemplateBlockReportsAnUnknownSeverity() {
        Problems problems = new Problems();
        REGISTRY.read(
                SpecKind.LOG_GENERATOR,
                new MapSpecBlock(
                        "template",
                        Map.of("templates", List.of(Map.of("message", "m")), "severity_weights", Map.of("loud", 1L)),
                        P,
                        problems));
        assertThat(problems.list())
                .containsExactly(new Problem(
                        P + ".severity_weights.loud",
                        "unknown severity 'loud': expected one of trace, debug, info, warn, warning, error, fatal"));
    }

    @Test
    void csvReplayDerivesItsRateAndReadsItsFileFromTheContextsDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("l.csv"), "timestamp,severity,message\n0,info,a\n2,warn,b\n4,error,c\n");
        LogGeneratorSpec spec = new LogGeneratorSpec.CsvReplay("l.csv", null, null, null, true, 1.0, Severity.INFO);
        LogGeneratorContext context = new LogGeneratorContext(P, TemplateLogGenerator.Indexing.NATIVE, dir);
        LogGeneratorProvider provider = LogGenerators.provider(REGISTRY, "csv_replay");

        assertThat(provider.replayRate(spec, context)).isEqualTo(OptionalDouble.of(0.5));
        assertThat(provider.create(spec, context).generate(1).message()).isEqualTo("b");
        assertThat(LogGenerators.provider(REGISTRY, "template").replayRate(spec, context))
                .isEmpty();
    }
}
