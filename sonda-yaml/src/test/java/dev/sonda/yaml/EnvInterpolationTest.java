package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sonda.api.Entry;
import dev.sonda.api.Signal;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.sink.SinkSpec;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code ${VAR}} interpolation, spec §1.8 (reference: compiler/env_interpolate.rs and its tests). */
class EnvInterpolationTest {

    private static final String BODY = "version: 2\nkind: runnable\nname: up\nrate: 1\n";

    private static LocatedProblem failure(String yaml, Function<String, String> env) {
        ScenarioParseException e =
                catchThrowableOfType(ScenarioParseException.class, () -> ScenarioLoader.load(yaml, "env.yaml", env));
        assertThat(e).isNotNull();
        assertThat(e.located()).hasSize(1);
        return e.located().get(0);
    }

    private static String interpolate(String text, Map<String, String> env) {
        return EnvInterpolation.apply(text, env::get).text();
    }

    @Test
    void thePublicInterpolateReplacesReferencesAndLocatesAnUnsetOne() {
        Map<String, String> env = Map.of("SEV", "page");

        assertThat(ScenarioLoader.interpolate(
                        "severity: ${SEV}\nwithin: ${WITHIN:-90s}\ncost: $$5\n", "s.yaml", env::get))
                .isEqualTo("severity: page\nwithin: 90s\ncost: $5\n");
        ScenarioParseException e = catchThrowableOfType(
                ScenarioParseException.class,
                () -> ScenarioLoader.interpolate("a: 1\nb: ${NOPE}\n", "s.yaml", env::get));
        assertThat(e.located()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(4);
        });
        assertThat(e.getMessage()).startsWith("s.yaml:2:4: environment variable NOPE is not set");
    }

    @Test
    void anUnsetVariableIsReportedAtItsDollarSign() {
        LocatedProblem p = failure("a: b\nurl: ${HOST}", name -> null);

        assertThat(p.problem().message())
                .isEqualTo("environment variable HOST is not set (referenced at line 2, column 6 of scenario YAML)");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(6);
        assertThat(p.problem().path()).isEmpty();
    }

    @Test
    void theSecondOfTwoAdjacentReferencesIsReportedAfterTheFirstReferencesBytes() {
        LocatedProblem p = failure("${A}${B}", Map.of("A", "a-much-longer-value")::get);

        assertThat(p.problem().message())
                .isEqualTo("environment variable B is not set (referenced at line 1, column 5 of scenario YAML)");
        assertThat(p.column()).isEqualTo(5);
    }

    @Test
    void anEmptyNameIsInvalid() {
        LocatedProblem p = failure("url: ${}", name -> null);

        assertThat(p.problem().message())
                .isEqualTo("invalid environment variable name \"\" (at line 1, column 6 of scenario YAML): names"
                        + " must match [A-Z_][A-Z0-9_]*");
        assertThat(p.column()).isEqualTo(6);
    }

    @Test
    void lowercaseNamesAndUnsupportedOperatorsAreInvalidNames() {
        assertThat(failure("url: ${host}", name -> "x").problem().message())
                .startsWith("invalid environment variable name \"host\" (at line 1, column 6");
        assertThat(failure("url: ${A:?x}", name -> "x").problem().message())
                .startsWith("invalid environment variable name \"A:?x\"");
    }

    @Test
    void aReferenceWithoutAClosingBraceIsUnterminated() {
        LocatedProblem p = failure("a: 1\n  url: ${HOST", name -> null);

        assertThat(p.problem().message())
                .isEqualTo("unterminated `${...}` reference (started at line 2, column 8 of scenario YAML)");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(8);
    }

    @Test
    void referencesInCommentsAreInterpolatedToo() {
        LocatedProblem p = failure(BODY + "# see ${DOCS}\n", name -> null);

        assertThat(p.line()).isEqualTo(5);
        assertThat(p.column()).isEqualTo(7);
    }

    @Test
    void aSetVariableWinsOverItsDefaultEvenWhenEmpty() {
        assertThat(interpolate("${A:-fallback}|${B:-fallback}|${C:-}", Map.of("A", "")))
                .isEqualTo("|fallback|");
    }

    @Test
    void theDefaultRunsToTheFirstClosingBrace() {
        assertThat(interpolate("${A:-${B}", Map.of())).isEqualTo("${B");
        assertThat(interpolate("${URL:-http://h:1/p?q=1&r=2}", Map.of())).isEqualTo("http://h:1/p?q=1&r=2");
    }

    @Test
    void doubleDollarIsALiteralDollarAndBareDollarsPassThrough() {
        assertThat(interpolate("$${VAR} $$ $VAR $ a$", Map.of("VAR", "x"))).isEqualTo("${VAR} $ $VAR $ a$");
    }

    @Test
    void substitutedTextIsNeverRescanned() {
        assertThat(interpolate("${A}", Map.of("A", "${B}"))).isEqualTo("${B}");
    }

    @Test
    void interpolatedValuesReachTheTypedFields() {
        String yaml = BODY + "generator: {type: constant, value: ${VALUE}}\nsink: {type: http_push, url: ${URL}}\n";

        Entry e = ScenarioLoader.load(yaml, "env.yaml", Map.of("VALUE", "2.5", "URL", "http://vm:8428/x")::get)
                .entries()
                .get(0);

        assertThat(((Signal.Metrics) e.signal()).generator()).isEqualTo(new GeneratorSpec.Constant(2.5));
        assertThat(((SinkSpec.HttpPush) e.sink()).url()).isEqualTo("http://vm:8428/x");
    }

    @Test
    void problemsAfterASubstitutionAreLocatedInTheFileAsWritten() {
        String yaml = BODY + "generator: {type: constant, value: ${VALUE}}\njitter: -1\n";

        ScenarioParseException e = catchThrowableOfType(
                ScenarioParseException.class,
                () -> ScenarioLoader.load(yaml, "env.yaml", Map.of("VALUE", "\"not a number at all\"")::get));

        assertThat(e.located())
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, 36), org.assertj.core.groups.Tuple.tuple(6, 9));
    }
}
