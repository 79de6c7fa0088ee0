package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sonda.api.Entry;
import dev.sonda.api.Gaps;
import dev.sonda.api.Signal;
import dev.sonda.api.generator.GeneratorSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every problem is reported, located, and worded in YAML's terms. */
class ProblemReportingTest {

    private static List<LocatedProblem> problems(String yaml) {
        ScenarioParseException e =
                catchThrowableOfType(ScenarioParseException.class, () -> ScenarioLoader.load(yaml, "p.yaml"));
        assertThat(e).as("expected a ScenarioParseException").isNotNull();
        return e.located();
    }

    private static String message(String yaml) {
        List<LocatedProblem> problems = problems(yaml);
        assertThat(problems).hasSize(1);
        return problems.get(0).problem().message();
    }

    private static String entries(String entries) {
        return "version: 2\nkind: runnable\ndefaults: {rate: 1, duration: 1m}\nscenarios:\n" + entries;
    }

    @Test
    void aFileWithFiveIndependentProblemsReportsAllFiveWithTheirPositions() {
        String yaml =
                """
                version: 2
                kind: runnable
                defaults:
                  rate: 1
                  colour: red
                scenarios:
                  - id: cpu
                    signal_type: metrics
                    name: cpu
                    generator: {type: constant, value: high}
                  - id: mem
                    signal_type: metrics
                    name: mem
                    generator: {type: sine, amplitude: 1, period_secs: 60, offset: 0}
                    gaps: {every: 5q, for: 1s}
                    jitter: -1
                  - id: cpu
                    signal_type: logs
                    name: app
                    log_generator: {type: template, templates: [{message: hi}]}
                """;

        ScenarioParseException e =
                catchThrowableOfType(ScenarioParseException.class, () -> ScenarioLoader.load(yaml, "five.yaml"));

        assertThat(e.located())
                .extracting(p -> p.problem().path(), LocatedProblem::line, LocatedProblem::column)
                .containsExactly(
                        tuple("defaults.colour", 5, 3),
                        tuple("scenarios[0].generator.value", 10, 40),
                        tuple("scenarios[1].gaps.every", 15, 19),
                        tuple("scenarios[1].jitter", 16, 13),
                        tuple("scenarios[2].id", 17, 9));
        assertThat(e.problems()).hasSize(5);
        assertThat(e.getMessage())
                .isEqualTo(
                        """
                        five.yaml:5:3: defaults.colour: unknown key 'colour'; known: rate, duration, start_time, \
                        encoder, sink, labels, on_sink_error, while, delay
                        five.yaml:10:40: scenarios[0].generator.value: expected a number, found string "high"
                        five.yaml:15:19: scenarios[1].gaps.every: invalid gaps.every "5q": unrecognized duration unit \
                        in "5q": expected one of ms, s, m, h
                        five.yaml:16:13: scenarios[1].jitter: jitter must be non-negative
                        five.yaml:17:9: scenarios[2].id: duplicate entry id: 'cpu'""");
    }

    @Test
    void anUnknownTopLevelKeyIsRejectedAtItsPosition() {
        List<LocatedProblem> p = problems("version: 2\nkind: runnable\nscenarioz: []\nname: x\nrate: 1\n"
                + "generator: {type: constant, value: 1}\n");

        assertThat(p).extracting(LocatedProblem::line, LocatedProblem::column).containsExactly(tuple(3, 1));
        assertThat(p.get(0).problem().message()).startsWith("unknown key 'scenarioz'; known: version, kind,");
    }

    @Test
    void anUnknownKeyInDefaultsOrAnEntryIsRejectedAtItsPosition() {
        List<LocatedProblem> p = problems(entries(
                        """
                  - signal_type: metrics
                    name: a
                    generator: {type: constant, value: 1}
                    colour: blue
                """)
                .replace("defaults: {rate: 1, duration: 1m}", "defaults: {rate: 1, ratee: 2}"));

        assertThat(p)
                .extracting(x -> x.problem().path(), LocatedProblem::line, LocatedProblem::column)
                .containsExactly(tuple("defaults.ratee", 3, 21), tuple("scenarios[0].colour", 8, 5));
    }

    @Test
    void afterWhileAndDelayAreStrict() {
        List<LocatedProblem> p = problems(
                entries(
                        """
                  - id: up
                    signal_type: metrics
                    name: up
                    generator: {type: constant, value: 1}
                  - signal_type: metrics
                    name: down
                    generator: {type: constant, value: 1}
                    after: {ref: up, op: "<", value: 1, dealy: 5s}
                  - signal_type: metrics
                    name: gated
                    generator: {type: constant, value: 1}
                    while: {ref: up, op: ">", value: 0, scenario: x}
                    delay: {open: 1s, close: {duration: 1s, snap: 1}}
                """));

        assertThat(p)
                .extracting(x -> x.problem().path())
                .containsExactly(
                        "scenarios[1].after.dealy", "scenarios[2].while.scenario", "scenarios[2].delay.close.snap");
    }

    @Test
    void unknownKeysInsideGapsBurstsSpikesLabelsAndTypedBlocksAreNoProblem() {
        String yaml = entries(
                """
                  - signal_type: metrics
                    name: a
                    generator: {type: constant, value: 1, colour: blue}
                    gaps: {every: 2m, for: 20s, typo: 1}
                    bursts: {every: 10s, for: 2s, multiplier: 2, typo: 1}
                    cardinality_spikes: [{label: pod, every: 1m, for: 10s, cardinality: 5, typo: 1}]
                    dynamic_labels: [{key: host, cardinality: 3, typo: 1}]
                    encoder: {type: prometheus_text, typo: 1}
                    sink: {type: stdout, typo: 1}
                """);

        assertThatCode(() -> ScenarioLoader.load(yaml, "lenient.yaml")).doesNotThrowAnyException();
        Entry e = ScenarioLoader.load(yaml, "lenient.yaml").entries().get(0);
        assertThat(e.gaps()).isEqualTo(new Gaps(Duration.ofMinutes(2), Duration.ofSeconds(20)));
        assertThat(((Signal.Metrics) e.signal()).generator()).isEqualTo(new GeneratorSpec.Constant(1));
    }

    @Test
    void theFlatShorthandRejectsCanonicalOnlyKeys() {
        List<LocatedProblem> p = problems(
                "version: 2\nkind: runnable\nscenario_name: x\nname: up\nrate: 1\ngenerator: {type: constant, value: 1}\n");

        assertThat(p.get(0).problem().message()).startsWith("unknown key 'scenario_name'; known: version, kind,");
    }

    @Test
    void theFlatShorthandInfersItsSignalType() {
        String base = "version: 2\nkind: runnable\nname: x\nrate: 1\n";

        assertThat(ScenarioLoader.load(base + "distribution: {type: exponential, rate: 1}\n", "h")
                        .entries()
                        .get(0)
                        .signal())
                .isInstanceOf(Signal.Histogram.class);
        assertThat(ScenarioLoader.load(base + "distribution: {type: exponential, rate: 1}\nquantiles: [0.5]\n", "s")
                        .entries()
                        .get(0)
                        .signal())
                .isInstanceOf(Signal.Summary.class);
        assertThat(ScenarioLoader.load(base + "log_generator: {type: template, templates: []}\n", "l")
                        .entries()
                        .get(0)
                        .signal())
                .isInstanceOf(Signal.Logs.class);
    }

    @Test
    void theKindProbeNeedsAKnownKind() {
        assertThat(message("version: 2\nscenarios: []\n"))
                .isEqualTo("v2 scenario file requires a top-level 'kind:' field — must be 'runnable' or 'composable'");
        assertThat(message("version: 2\nkind: 5\n")).isEqualTo("unknown kind '5': must be 'runnable' or 'composable'");
        assertThat(message("version: 2\nkind: runnable\ndefaults: {rate: 1}\n"))
                .isEqualTo("kind: runnable file has no scenarios; add a 'scenarios:' block or use single-signal"
                        + " shorthand");
    }

    @Test
    void theBodyChecksRunInTheReferencesOrder() {
        assertThat(message(entries("  - {signal_type: gauge, name: a, generator: {type: constant, value: 1}}\n")))
                .isEqualTo("entry 0: invalid signal_type 'gauge', must be one of: metrics, logs, histogram, summary,"
                        + " traces, events, workload");
        assertThat(message(entries("  - {signal_type: metrics, pack: p, generator: {type: constant, value: 1}}\n")))
                .isEqualTo("entry 0: must have either 'generator' or 'pack', not both");
        assertThat(message(entries("  - {signal_type: logs, name: a, log_generator: {type: template, templates: []},"
                        + " distribution: {type: exponential, rate: 1}}\n")))
                .isEqualTo("entry 0: signal_type 'logs' must not have 'distribution' field");
        assertThat(message(entries("  - {signal_type: logs, pack: p}\n")))
                .isEqualTo("entry 0: pack entries must have signal_type 'metrics'");
        assertThat(message(entries("  - {signal_type: metrics, generator: {type: constant, value: 1}}\n")))
                .isEqualTo("entry 0: inline signal must have 'name'");
        assertThat(message(entries("  - {name: a, generator: {type: constant, value: 1}}\n")))
                .isEqualTo("missing required key 'signal_type'");
    }

    @Test
    void whileClausesAreCheckedAsInTheParsePhase() {
        String upstream = "  - {id: up, signal_type: metrics, name: up, generator: {type: constant, value: 1}}\n";

        assertThat(message(entries(upstream
                        + "  - {signal_type: metrics, name: b, generator: {type: constant, value: 1},"
                        + " while: {ref: up, op: '>=', value: 1}}\n")))
                .isEqualTo("unsupported operator '>=' on while: — only strict comparisons '<' and '>' are accepted");
        assertThat(message(entries(upstream
                        + "  - {signal_type: metrics, name: b, generator: {type: constant, value: 1},"
                        + " while: {ref: up, op: '>', value: 1, if_unresolved: open}}\n")))
                .isEqualTo("entry 1: 'while.if_unresolved' requires 'while.scenario_name' to be set; 'if_unresolved'"
                        + " only applies to cross-POST 'while:' references");
        assertThat(message(entries(upstream
                        + "  - {signal_type: metrics, name: b, generator: {type: constant, value: 1},"
                        + " while: {ref: up, op: '>', value: 1, scenario_name: other}}\n")))
                .isEqualTo("entry 1: cross-POST 'while:' refs require body-level 'scenario_name' on the scenario"
                        + " file; add a top-level 'scenario_name:' declaring this body's identity");
        assertThat(message(entries(upstream
                                + "  - {signal_type: metrics, name: b, generator: {type: constant, value: 1},"
                                + " while: {ref: up.m, op: '>', value: 1, scenario_name: other}}\n")
                        .replace("kind: runnable", "kind: runnable\nscenario_name: me")))
                .startsWith("entry 1: cross-POST 'while.ref' 'up.m' targets a pack sub-signal");
        assertThat(message(entries(upstream
                        + "  - {signal_type: metrics, name: b, generator: {type: constant, value: 1},"
                        + " while: {ref: up, op: '>', value: 1}, delay: {close: -1s}}\n")))
                .isEqualTo("configuration error: duration \"-1s\" must be positive");
    }

    @Test
    void durationProblemsAreWordedPerField() {
        assertThat(message(entries("  - {signal_type: metrics, name: a, generator: {type: constant, value: 1},"
                        + " phase_offset: 0s}\n")))
                .isEqualTo("entry 'a': invalid duration '0s' in phase_offset: configuration error: duration \"0s\""
                        + " must be greater than zero");
        assertThat(message(entries("  - {signal_type: metrics, name: a, generator: {type: flap, up_duration: 10}}\n")))
                .isEqualTo(
                        "invalid duration \"10\": unrecognized duration unit in \"10\": expected one of ms, s, m, h");
        assertThat(message(entries("  - {signal_type: metrics, name: a, generator: {type: constant, value: 1},"
                        + " duration: 10}\n")))
                .isEqualTo(
                        "invalid duration \"10\": unrecognized duration unit in \"10\": expected one of ms, s, m, h");
    }

    @Test
    void malformedYamlIsOneProblemAtTheParsersPosition() {
        List<LocatedProblem> p = problems("version: 2\nkind: runnable\nscenarios:\n  - a: b: c\n");

        assertThat(p).hasSize(1);
        assertThat(p.get(0).problem().message()).startsWith("YAML syntax error: mapping values are not allowed here");
        assertThat(p.get(0))
                .extracting(LocatedProblem::line, LocatedProblem::column)
                .containsExactly(4, 9);
    }

    @Test
    void aDuplicateKeyIsAProblem() {
        assertThat(message("version: 2\nkind: runnable\nname: a\nname: b\nrate: 1\n"
                        + "generator: {type: constant, value: 1}\n"))
                .isEqualTo("duplicate entry with key \"name\"");
    }

    @Test
    void aComposableBodyNeedsTheReferencesRequiredPackFields() {
        assertThat(message("version: 2\nkind: composable\nname: p\ncategory: c\nmetrics: []\n"))
                .isEqualTo("kind: composable body is not a valid pack definition: missing required key 'description'");
    }

    @Test
    void anEmptyValuesListOfADynamicLabelIsRejected() {
        assertThat(message(entries("  - {signal_type: metrics, name: a, generator: {type: constant, value: 1},"
                        + " dynamic_labels: [{key: host, values: []}]}\n")))
                .isEqualTo("dynamic_labels[key=\"host\"].values must not be empty");
    }
}
