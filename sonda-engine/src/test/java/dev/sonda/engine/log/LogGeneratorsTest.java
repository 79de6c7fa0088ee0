package dev.sonda.engine.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.Severity;
import dev.sonda.api.SondaException;
import dev.sonda.api.generator.LogGeneratorSpec;
import dev.sonda.engine.encode.Labels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogGeneratorsTest {
    private static final String P = "scenarios[1].log_generator";

    /** A plug-in that repeats its {@code text} property; rejects a missing one. */
    public static final class EchoProvider implements LogGeneratorProvider {
        @Override
        public String type() {
            return "log_generators_test_echo";
        }

        @Override
        public LogGenerator create(LogGeneratorSpec spec) {
            Object text = ((LogGeneratorSpec.Generic) spec).properties().get("text");
            if (text == null) {
                throw new InvalidScenarioException(List.of(new Problem("text", "text is required")));
            }
            return (tick, nanos, labels) ->
                    new LogEvent(nanos, Severity.DEBUG, text.toString(), labels, LogFields.empty());
        }
    }

    @Test
    void aTemplateSpecBuildsATemplateGenerator() {
        LogGenerator g = LogGenerators.create(
                new LogGeneratorSpec.Template(List.of(new LogGeneratorSpec.LogTemplate("hi", Map.of())), Map.of(), 0),
                P);
        assertThat(g).isInstanceOf(TemplateLogGenerator.class);
        assertThat(g.generate(0).message()).isEqualTo("hi");
    }

    @Test
    void anUnknownTypeIsAProblemAtItsTypeNamingTheKnownTypes() {
        assertThatThrownBy(() -> LogGenerators.create(new LogGeneratorSpec.Generic("replay", Map.of()), P))
                .isInstanceOfSatisfying(
                        InvalidScenarioException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.path()).isEqualTo(P + ".type");
                            assertThat(p.message())
                                    .startsWith("unknown log generator type 'replay'; known types: csv_replay, ")
                                    .contains("template");
                        }));
    }

    @Test
    void aRegisteredPluginBuildsItsTypeAndItsProblemsArePrefixed() {
        if (!LogGenerators.types().contains("log_generators_test_echo")) {
            LogGenerators.register(new EchoProvider());
        }
        LogGenerator g =
                LogGenerators.create(new LogGeneratorSpec.Generic("log_generators_test_echo", Map.of("text", "x")), P);
        assertThat(g.generate(3, 7L, Labels.empty()).message()).isEqualTo("x");
        assertThatThrownBy(() ->
                        LogGenerators.create(new LogGeneratorSpec.Generic("log_generators_test_echo", Map.of()), P))
                .isInstanceOfSatisfying(InvalidScenarioException.class, e -> assertThat(e.problems())
                        .containsExactly(new Problem(P + ".text", "text is required")));
    }

    @Test
    void builtInAndDuplicateTypesCannotBeRegistered() {
        LogGeneratorProvider template = new LogGeneratorProvider() {
            @Override
            public String type() {
                return "template";
            }

            @Override
            public LogGenerator create(LogGeneratorSpec spec) {
                return null;
            }
        };
        assertThatThrownBy(() -> LogGenerators.register(template))
                .isInstanceOf(SondaException.class)
                .hasMessageEndingWith("declares type 'template', which is built in");
        if (!LogGenerators.types().contains("log_generators_test_echo")) {
            LogGenerators.register(new EchoProvider());
        }
        assertThatThrownBy(() -> LogGenerators.register(new EchoProvider()))
                .isInstanceOf(SondaException.class)
                .hasMessageContaining("is provided by both");
    }
}
