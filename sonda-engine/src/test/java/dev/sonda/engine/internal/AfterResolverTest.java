package dev.sonda.engine.internal;

import static dev.sonda.engine.internal.AfterTestEntries.d;
import static dev.sonda.engine.internal.AfterTestEntries.histogram;
import static dev.sonda.engine.internal.AfterTestEntries.logs;
import static dev.sonda.engine.internal.AfterTestEntries.metrics;
import static dev.sonda.engine.internal.AfterTestEntries.resolve;
import static dev.sonda.engine.internal.AfterTestEntries.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Entry;
import dev.sonda.api.Problem;
import dev.sonda.api.Signal;
import dev.sonda.api.generator.GeneratorSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference resolution, cycles, {@code while} target checks, resolved offsets and clock groups of
 * {@link AfterResolver}, with the reference's worked examples and exact messages.
 */
class AfterResolverTest {
    private static final GeneratorSpec ONE = new GeneratorSpec.Constant(1);
    private static final GeneratorSpec FLAP_60 = new GeneratorSpec.Flap(d("60s"), d("30s"), null, null, null);
    private static final GeneratorSpec SAT = new GeneratorSpec.Saturation(0, 100, d("60s"));

    // ---- offsets: the spec's worked examples ---------------------------------------------------

    @Test
    void aFlapDroppingBelowOneStartsTheDependentAfterItsUpDuration() {
        var out = resolve(metrics("link", FLAP_60), metrics("f", ONE).after("link", "<", 1));
        assertThat(out.problems()).isEmpty();
        assertThat(out.resolved().phaseOffsets()).containsExactly(Duration.ZERO, Duration.ofMinutes(1));
    }

    @Test
    void offsetsAccumulateTransitivelyAndRoundToWholeMilliseconds() {
        var out = resolve(
                metrics("link", FLAP_60),
                metrics("util", new GeneratorSpec.Saturation(20, 85, d("2m"))).after("link", "<", 1),
                metrics("lat", ONE).after("util", ">", 70));
        assertThat(out.problems()).isEmpty();
        assertThat(out.resolved().phaseOffsets())
                .containsExactly(Duration.ZERO, Duration.ofSeconds(60), Duration.ofMillis(152_308));
    }

    @Test
    void theOwnPhaseOffsetAndTheAfterDelayAddToTheCrossingTime() {
        var out = resolve(
                metrics("link", FLAP_60), metrics("f", ONE).phaseOffset("10s").after("link", "<", 1, "15s"));
        assertThat(out.offset(1)).isEqualTo(Duration.ofSeconds(85));
    }

    @Test
    void theUpstreamsOwnPhaseOffsetIsInheritedByItsDependents() {
        var out = resolve(
                metrics("link", FLAP_60).phaseOffset("5s"), metrics("f", ONE).after("link", "<", 1));
        assertThat(out.resolved().phaseOffsets()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(65));
    }

    @Test
    void aStepTargetCountsTicksAtItsOwnRateNotTheDependents() {
        var out = resolve(
                metrics("counter", new GeneratorSpec.Step(0, 10, null)).rate(2),
                metrics("f", ONE).rate(100).after("counter", ">", 55));
        assertThat(out.offset(1)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aSequenceTargetCrossesAtItsFirstMatchingIndex() {
        var out = resolve(
                metrics("seq", new GeneratorSpec.Sequence(List.of(10.0, 5.0, 2.0, 1.0), false))
                        .rate(2),
                metrics("f", ONE).after("seq", "<", 3));
        assertThat(out.offset(1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSaturationTargetCrossesAtTheInterpolatedTime() {
        var out = resolve(
                metrics("sat", new GeneratorSpec.Saturation(1, 30, d("90s"))),
                metrics("f", ONE).after("sat", ">", 10));
        assertThat(out.offset(1)).isEqualTo(Duration.ofMillis(27_931));
    }

    @Test
    void theLinkFailoverExampleResolvesToOneMinuteAndAFractionalOffsetInOneAutoGroup() {
        var out = resolve(
                metrics("interface_oper_state", FLAP_60),
                metrics("backup_link_utilization", new GeneratorSpec.Saturation(20, 85, d("2m")))
                        .after("interface_oper_state", "<", 1),
                metrics("latency_ms", new GeneratorSpec.Degradation(5, 150, d("3m"), 1, null))
                        .after("backup_link_utilization", ">", 70));
        assertThat(out.problems()).isEmpty();
        assertThat(out.resolved().phaseOffsets())
                .containsExactly(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMillis(152_308));
        assertThat(out.resolved().clockGroups()).containsOnly("chain_backup_link_utilization");
        assertThat(out.resolved().clockGroupAuto()).containsOnly(true);
    }

    @Test
    void anOwnPhaseOffsetWithoutAfterIsRoundedToWholeMilliseconds() {
        var out = resolve(
                metrics("a", ONE).phaseOffset("1.5m"),
                metrics("b", ONE).phaseOffset("1.0005s"),
                metrics("c", ONE).phaseOffset("0.0004s"),
                metrics("d", ONE));
        assertThat(out.resolved().phaseOffsets())
                .containsExactly(Duration.ofSeconds(90), Duration.ofMillis(1001), Duration.ZERO, Duration.ZERO);
    }

    @Test
    void aNanThresholdYieldsAZeroOffsetWithoutAProblemAsInTheReference() {
        var out = resolve(
                metrics("a", new GeneratorSpec.Sawtooth(0, 10, 10)),
                metrics("b", ONE).after("a", ">", Double.NaN));
        assertThat(out.problems()).isEmpty();
        assertThat(out.offset(1)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anyDependentSignalTypeMayWaitOnAMetricsTarget() {
        var out = resolve(
                metrics("src", new GeneratorSpec.Step(0, 1, null)),
                logs("lg").after("src", ">", 3),
                histogram("h").after("src", ">", 6),
                summary("s").after("src", ">", 0.5));
        assertThat(out.problems()).isEmpty();
        assertThat(out.resolved().phaseOffsets())
                .containsExactly(Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(7), Duration.ofSeconds(1));
    }

    @Test
    void aDottedPackSubSignalIdIsAnOrdinaryTarget() {
        var out = resolve(
                metrics("net.ifOperStatus", ONE),
                metrics("net.ifHCInOctets", new GeneratorSpec.Step(0, 125000, null)),
                metrics("alarm", ONE).after("net.ifHCInOctets", ">", 500000));
        assertThat(out.problems()).isEmpty();
        assertThat(out.offset(2)).isEqualTo(Duration.ofSeconds(5));
        assertThat(out.group(2)).isEqualTo("chain_alarm");
    }

    @Test
    void whileEdgesAddNoOffsetAndJoinNoClockGroup() {
        var out = resolve(metrics("link", FLAP_60), metrics("g", ONE).whileRef("link", ">", 0));
        assertThat(out.problems()).isEmpty();
        assertThat(out.resolved().phaseOffsets()).containsOnly(Duration.ZERO);
        assertThat(out.resolved().clockGroups()).containsOnlyNulls();
        assertThat(out.resolved().clockGroupAuto()).containsOnly(false);
    }

    @Test
    void dependentsAreResolvedInTopologicalOrderWhateverTheFileOrder() {
        var out = resolve(
                metrics("c", ONE).after("b", ">", 50), metrics("b", SAT).after("a", ">", 50), metrics("a", SAT));
        assertThat(out.problems()).isEmpty();
        assertThat(out.resolved().phaseOffsets())
                .containsExactly(Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ZERO);
    }

    // ---- references ----------------------------------------------------------------------------

    @Test
    void anUnknownAfterRefListsTheSortedIdsOfTheFile() {
        var out = resolve(
                metrics("zeta", SAT),
                metrics("alpha", SAT),
                new AfterTestEntries.E(null, "anon", signalOf(ONE)),
                logs("log_entry").after("nonexistent", ">", 50));
        assertThat(out.problems())
                .containsExactly(new Problem(
                        "scenarios[3].after.ref",
                        "entry 'log_entry': after.ref 'nonexistent' does not match any signal id in this file."
                                + " Available ids: [alpha, log_entry, zeta]"));
    }

    @Test
    void anUnknownWhileRefNamesTheWhileClauseAndAnAnonymousSource() {
        var out = resolve(
                metrics("up", SAT), new AfterTestEntries.E(null, "gated", signalOf(ONE)).whileRef("nope", ">", 1));
        assertThat(out.problems())
                .containsExactly(new Problem(
                        "scenarios[1].while.ref",
                        "entry '<anonymous:gated>': while.ref 'nope' does not match any signal id in this file."
                                + " Available ids: [up]"));
    }

    @Test
    void aBareRefToADuplicateNamePackMetricIsAmbiguous() {
        var out = resolve(
                metrics("cpu.node_cpu_seconds_total#1", ONE),
                metrics("cpu.node_cpu_seconds_total#0", ONE),
                metrics("cpu.node_cpu_seconds_total#2", ONE),
                metrics("cpu.node_load1", ONE),
                metrics("f", ONE).after("cpu.node_cpu_seconds_total", ">", 1),
                metrics("g", ONE).whileRef("cpu.node_cpu_seconds_total", ">", 1));
        String msg = "after.ref 'cpu.node_cpu_seconds_total' is ambiguous: pack 'cpu' ships multiple specs with this"
                + " metric name. Use one of: [cpu.node_cpu_seconds_total#0, cpu.node_cpu_seconds_total#1,"
                + " cpu.node_cpu_seconds_total#2]";
        assertThat(out.problems())
                .containsExactly(
                        new Problem("scenarios[4].after.ref", msg), new Problem("scenarios[5].while.ref", msg));
    }

    @Test
    void theBarePackEntryIdIsNoSignal() {
        var out = resolve(metrics("cpu.node_load1", ONE), metrics("f", ONE).after("cpu", ">", 1));
        assertThat(out.messages())
                .containsExactly("entry 'f': after.ref 'cpu' does not match any signal id in this file. Available ids:"
                        + " [cpu.node_load1, f]");
    }

    @Test
    void anEntryReferringToItselfIsRejectedForBothClauses() {
        var out = resolve(
                metrics("loop", SAT).after("loop", ">", 50), metrics("w", SAT).whileRef("w", ">", 1));
        assertThat(out.problems())
                .containsExactly(
                        new Problem("scenarios[0].after.ref", "entry 'loop': after.ref references itself"),
                        new Problem("scenarios[1].while.ref", "entry 'w': while.ref references itself"));
    }

    @Test
    void aCrossBodyWhileRefIsIgnoredButOneNamingThisFileIsLocal() {
        List<Entry> entries = List.of(
                metrics("a", SAT).build(),
                metrics("b", ONE).whileRef("elsewhere", ">", 1, "other-body").build(),
                metrics("c", ONE).whileRef("missing", ">", 1, "this-body").build());
        var out = resolve("this-body", entries);
        assertThat(out.messages())
                .containsExactly("entry 'c': while.ref 'missing' does not match any signal id in this file."
                        + " Available ids: [a, b, c]");
        assertThat(resolve(null, entries).problems()).isEmpty();
    }

    // ---- cycles --------------------------------------------------------------------------------

    @Test
    void aPureAfterCycleIsReportedAsAnArrowPath() {
        var out =
                resolve(metrics("a", SAT).after("b", ">", 1), metrics("b", SAT).after("a", ">", 1));
        assertThat(out.problems())
                .containsExactly(new Problem("scenarios[0].after.ref", "circular dependency detected: a -> b -> a"));
    }

    @Test
    void aLongerCycleStartsWhereTheDepthFirstSearchReentersIt() {
        var out = resolve(
                metrics("head", SAT).after("x", ">", 1),
                metrics("x", SAT).after("y", ">", 1),
                metrics("y", SAT).after("z", ">", 1),
                metrics("z", SAT).after("x", ">", 1));
        assertThat(out.messages()).containsExactly("circular dependency detected: x -> y -> z -> x");
        assertThat(out.problems().get(0).path()).isEqualTo("scenarios[1].after.ref");
    }

    @Test
    void aCycleThroughAWhileEdgeLabelsEveryArrow() {
        var out =
                resolve(metrics("a", SAT).after("b", ">", 1), metrics("b", SAT).whileRef("a", ">", 0));
        assertThat(out.messages()).containsExactly("circular dependency detected: a --[after]--> b --[while]--> a");
    }

    @Test
    void aCycleEnteredThroughAWhileEdgeLabelsItsFirstArrowWhile() {
        var out = resolve(
                metrics("a", SAT).whileRef("b", ">", 0),
                metrics("b", SAT).after("c", ">", 1),
                metrics("c", SAT).after("a", ">", 1));
        assertThat(out.problems())
                .containsExactly(new Problem(
                        "scenarios[0].while.ref",
                        "circular dependency detected: a --[while]--> b --[after]--> c --[after]--> a"));
    }

    @Test
    void entriesInACycleGetNoOffsetButTheRestStillResolve() {
        var out = resolve(
                metrics("a", SAT).after("b", ">", 1),
                metrics("b", SAT).after("a", ">", 1),
                metrics("up", FLAP_60),
                metrics("down", ONE).after("up", "<", 1));
        assertThat(out.problems()).hasSize(1);
        assertThat(out.resolved().phaseOffsets())
                .containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));
    }

    // ---- while targets -------------------------------------------------------------------------

    @Test
    void aWhileTargetMustBeAMetricsSignal() {
        var out = resolve(logs("lg"), metrics("g", ONE).whileRef("lg", ">", 1));
        assertThat(out.problems())
                .containsExactly(new Problem(
                        "scenarios[1].while.ref",
                        "entry 'g': while.ref 'lg' resolves to a logs signal; only metrics signals can be `while`"
                                + " targets"));
    }

    @Test
    void aWhileTargetMustNotReplayACsvFile() {
        var out = resolve(
                metrics("csv", new GeneratorSpec.CsvReplay("data.csv", List.of(), true, 1, null)),
                metrics("g", ONE).whileRef("csv", ">", 1));
        assertThat(out.messages())
                .containsExactly("entry 'g': `while:` cannot reference 'csv' — generator 'csv_replay' is"
                        + " data-dependent; only analytical generators are supported as `while:` upstreams");
    }

    @Test
    void aWhileTargetMustNotEmitALiteralNan() {
        var out = resolve(
                metrics("k", new GeneratorSpec.Constant(Double.NaN)),
                metrics("s", new GeneratorSpec.Sequence(List.of(1.0, 2.0, Double.NaN, Double.NaN), true)),
                metrics("g", ONE).whileRef("k", ">", 1),
                metrics("h", ONE).whileRef("s", ">", 1));
        assertThat(out.messages())
                .containsExactly(
                        "entry 'g': `while:` cannot reference 'k' — it emits a literal NaN (constant.value: NaN);"
                                + " strict comparisons against NaN never hold and would leave the scenario permanently"
                                + " paused",
                        "entry 'h': `while:` cannot reference 's' — it emits a literal NaN (sequence.values[2]: NaN);"
                                + " strict comparisons against NaN never hold and would leave the scenario permanently"
                                + " paused");
    }

    @Test
    void analyticalWhileTargetsAreAllowedEvenWhereAfterMathIsNot() {
        var out = resolve(
                metrics("sine", new GeneratorSpec.Sine(10, 60, 50)),
                metrics("steady", new GeneratorSpec.Steady(50, 5, d("60s"), 1, null)),
                metrics("g", ONE).whileRef("sine", ">", 50),
                metrics("h", ONE).whileRef("steady", "<", 50));
        assertThat(out.problems()).isEmpty();
    }

    // ---- after targets -------------------------------------------------------------------------

    @Test
    void anAfterTargetMustBeAMetricsSignal() {
        var out = resolve(histogram("h"), metrics("f", ONE).after("h", ">", 1));
        assertThat(out.problems())
                .containsExactly(new Problem(
                        "scenarios[1].after.ref",
                        "entry 'f': after.ref 'h' resolves to a histogram signal; only metrics signals can be `after`"
                                + " targets"));
    }

    @Test
    void crossingProblemsArePathedToTheClause() {
        var out = resolve(
                metrics("u", new GeneratorSpec.Uniform(0, 10, 1L)),
                metrics("f", ONE).after("u", ">", 5),
                metrics("sat", SAT),
                metrics("g", ONE).after("sat", ">", 150));
        assertThat(out.problems())
                .extracting(Problem::path)
                .containsExactly("scenarios[1].after.ref", "scenarios[3].after.value");
    }

    // ---- reporting every independent problem ---------------------------------------------------

    @Test
    void independentProblemsAreAllReportedAndDependentChecksSkipped() {
        var out = resolve(
                metrics("u", new GeneratorSpec.Uniform(0, 10, 1L)),
                metrics("f", ONE).after("missing", ">", 5),
                metrics("g", ONE).after("u", ">", 5),
                metrics("w", ONE).whileRef("lg", ">", 1),
                logs("lg"),
                metrics("h", ONE).after("g", ">", 0));
        assertThat(out.messages())
                .containsExactly(
                        "entry 'f': after.ref 'missing' does not match any signal id in this file. Available ids: [f,"
                                + " g, h, lg, u, w]",
                        "entry 'w': while.ref 'lg' resolves to a logs signal; only metrics signals can be `while`"
                                + " targets",
                        "entry 'g': after.ref 'u' uses generator 'uniform' which does not support > threshold"
                                + " crossings: uniform generator is not supported as an `after` target: the output is"
                                + " non-deterministic, so no crossing time can be computed",
                        "entry 'h': after.ref 'g' op '>' value 0 -- condition is true at t=0, timing is ambiguous:"
                                + " constant generator emits 1; \"> 0\" is satisfied at t=0");
    }

    // ---- clock groups --------------------------------------------------------------------------

    @Test
    void anAutoGroupIsNamedAfterTheSmallestIdNotTheChainHead() {
        var out = resolve(
                metrics("link", FLAP_60),
                metrics("util", SAT).after("link", "<", 1),
                metrics("latency", ONE).after("util", ">", 50),
                metrics("alone", ONE));
        assertThat(out.resolved().clockGroups())
                .containsExactly("chain_latency", "chain_latency", "chain_latency", null);
        assertThat(out.resolved().clockGroupAuto()).containsExactly(true, true, true, false);
    }

    @Test
    void oneExplicitGroupInAChainAppliesToEveryMember() {
        var out = resolve(
                metrics("link", FLAP_60),
                metrics("util", SAT).after("link", "<", 1).clockGroup("failover"),
                metrics("latency", ONE).after("util", ">", 50).clockGroup(""),
                metrics("alone", ONE).clockGroup("solo"));
        assertThat(out.resolved().clockGroups()).containsExactly("failover", "failover", "failover", "solo");
        assertThat(out.resolved().clockGroupAuto()).containsOnly(false);
    }

    @Test
    void emptyGroupsCountAsUnsetAndASingleMemberKeepsItsOwnValue() {
        var out = resolve(
                metrics("b", FLAP_60).clockGroup(""),
                metrics("a", ONE).after("b", "<", 1).clockGroup(""),
                metrics("c", ONE).clockGroup(""));
        assertThat(out.resolved().clockGroups()).containsExactly("chain_a", "chain_a", "");
        assertThat(out.resolved().clockGroupAuto()).containsExactly(true, true, false);
    }

    @Test
    void twoExplicitGroupsInOneChainConflict() {
        var out = resolve(
                metrics("link", FLAP_60).clockGroup("zz"),
                metrics("util", SAT).after("link", "<", 1).clockGroup("aa"),
                metrics("latency", ONE).after("util", ">", 50).clockGroup("zz "),
                metrics("x", SAT).clockGroup("p"),
                metrics("y", ONE).after("x", ">", 1).clockGroup("q"));
        assertThat(out.problems())
                .containsExactly(
                        new Problem(
                                "scenarios[0].clock_group",
                                "conflicting clock_group in dependency chain: entry 'util' has clock_group 'aa', entry"
                                        + " 'link' has clock_group 'zz'"),
                        new Problem(
                                "scenarios[4].clock_group",
                                "conflicting clock_group in dependency chain: entry 'x' has clock_group 'p', entry 'y'"
                                        + " has clock_group 'q'"));
    }

    @Test
    void theFirstMemberCarryingAGroupIsFoundInTheReferencesStackOrder() {
        // Component from index 0: pop a, push its neighbours b then c; c is popped before b.
        var out = resolve(
                metrics("a", SAT),
                metrics("b", ONE).after("a", ">", 1).clockGroup("g1"),
                metrics("c", ONE).after("a", ">", 2).clockGroup("g2"),
                metrics("d", ONE).after("a", ">", 3).clockGroup("g1"));
        assertThat(out.messages())
                .containsExactly("conflicting clock_group in dependency chain: entry 'd' has clock_group 'g1', entry"
                        + " 'c' has clock_group 'g2'");
    }

    private static Signal signalOf(GeneratorSpec g) {
        return new Signal.Metrics(g);
    }
}
