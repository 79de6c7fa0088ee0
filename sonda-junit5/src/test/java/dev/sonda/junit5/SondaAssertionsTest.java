package dev.sonda.junit5;

import static dev.sonda.junit5.SondaAssertions.*;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What each assertion checks, and that its failure says what was expected, found and captured. */
class SondaAssertionsTest {

    /** cpu at 1/s for 12 s: 10 10 95 95 95 20 95 95 95 95 10 10; and a steady 7 from +3 s. */
    static final Captured CAPTURED = Captured.simulate(Scenario.plan()
            .add(Scenario.metrics("cpu")
                    .rate(1)
                    .duration("12s")
                    .label("host", "a")
                    .sequence(10, 10, 95, 95, 95, 20, 95, 95, 95, 95, 10, 10))
            .add(Scenario.metrics("mem")
                    .rate(1)
                    .duration("5s")
                    .phaseOffset("3s")
                    .constant(7))
            .build());

    static final Series CPU = CAPTURED.series("cpu");
    static final Series MEM = CAPTURED.series("mem");

    @Test
    void firstCrossingFindsTheFirstSampleThatSatisfiesTheComparison() {
        assertThat(CPU).firstCrossing(">", 90).isAtOffset(Duration.ofSeconds(2)).hasValue(95);
        assertThat(CPU).firstCrossing(">=", 10).isAtOffset(Duration.ZERO);
        assertThat(CPU).firstCrossing("<", 50).isAt(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(CPU).firstCrossing("<=", 20).offset().isZero();
        assertThat(CPU).firstCrossing(">", 90).isAtOffsetBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(CPU).firstCrossing(">", 90).timestamp().isEqualTo("2026-01-01T00:00:02Z");
    }

    @Test
    void aThresholdNeverCrossedFailsWithTheValueRangeAndTheCapture() {
        assertThatThrownBy(() -> assertThat(CPU).firstCrossing(">", 99))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting cpu{host=\"a\"}\n  to cross > 99\nbut no sample did (values 10..95)")
                .hasMessageContaining(
                        "The series: cpu{host=\"a\"}: 12 samples, values 10..95, first 10 at +0s, last 10" + " at +11s")
                .hasMessageContaining(
                        "captured 2 series, 17 samples and 0 log records from a run started at 2026-01-01T00:00:00Z:")
                .hasMessageContaining("  - mem: 5 samples, values 7..7, first 7 at +3s, last 7 at +7s");
        assertThatThrownBy(() -> assertThat(CPU).firstCrossing(">", 90).isAtOffset(Duration.ofMinutes(1)))
                .hasMessageContaining(
                        "Expecting the first crossing of > 90 by cpu{host=\"a\"}\n  to be at +1m\nbut it is at +2s.\n"
                                + "The sample: cpu{host=\"a\"} 95 at +2s (2026-01-01T00:00:02Z)\n"
                                + "The series: cpu{host=\"a\"}: 12 samples")
                .hasMessageContaining("captured 2 series, 17 samples");
        assertThatThrownBy(() -> assertThat(CPU).neverCrosses(">", 90))
                .hasMessageContaining("never to cross > 90\nbut it did first at cpu{host=\"a\"} 95 at +2s");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(CPU).firstCrossing("=>", 90))
                .withMessage("unsupported operator '=>': use >, >=, < or <=");
    }

    @Test
    void longestRunAboveMeasuresTheLongestStretchFromItsFirstSampleToItsLast() {
        assertThat(CPU.longestRunAbove(90)).isEqualTo(Duration.ofSeconds(3));
        assertThat(CPU.longestRun("<", 50)).isEqualTo(Duration.ofSeconds(1));
        assertThat(CPU.longestRunAbove(100)).isZero();
        assertThat(CPU).longestRunAbove(90).isEqualTo(Duration.ofSeconds(3));
        assertThat(CPU).staysAboveFor(90, Duration.ofSeconds(3));
        assertThatThrownBy(() -> assertThat(CPU).staysAboveFor(90, Duration.ofSeconds(4)))
                .hasMessageContaining(
                        "to stay above 90 for at least 4s\nbut its longest run above it lasts 3s, 4 samples"
                                + " from +6s to +9s");
        assertThatThrownBy(() -> assertThat(CPU).longestRunAbove(90).isGreaterThan(Duration.ofSeconds(5)))
                .hasMessageContaining(
                        "[longest run above 90 of cpu{host=\"a\"} (lasts 3s, 4 samples from +6s to +9s)]");
    }

    @Test
    void gapsAreTheTimeBetweenNeighbouringSamples() {
        Captured withGaps = Captured.simulate(Scenario.metrics("g")
                .rate(1)
                .duration("1m")
                .gaps("30s", "10s")
                .constant(1)
                .buildPlan());
        Series g = withGaps.series("g");
        assertThat(g).hasSampleCount(40).hasGapOfAtLeast(Duration.ofSeconds(11));
        assertThat(g.gaps(Duration.ofSeconds(2)))
                .extracting(Gap::toString)
                .containsExactly("11s from +19s to +30s"); // the second window ends with the run
        assertThat(g).longestGap().isEqualTo(Duration.ofSeconds(11));
        assertThatThrownBy(() -> assertThat(g).hasGapOfAtLeast(Duration.ofSeconds(12)))
                .hasMessageContaining("to have a gap of at least 12s\nbut its longest gap is 11s from +19s to +30s");
        assertThat(g).hasNoGapLongerThan(Duration.ofSeconds(11));
        assertThatThrownBy(() -> assertThat(g).hasNoGapLongerThan(Duration.ofSeconds(1)))
                .hasMessageContaining("to have no gap longer than 1s\nbut it has 1: [11s from +19s to +30s]");
        assertThat(CPU).hasNoGapLongerThan(Duration.ofSeconds(1));
        assertThat(withGaps.series("g").longestGap()).isPresent();
    }

    static ScenarioPlan cascade(String downstreamOffset) {
        return Scenario.plan()
                .add(Scenario.metrics("up").rate(1).duration("10s").sequence(0, 0, 0, 100, 100))
                .add(Scenario.metrics("down")
                        .rate(1)
                        .duration("5s")
                        .phaseOffset(downstreamOffset)
                        .constant(1))
                .build();
    }

    @Test
    void startsAfterChecksTheFirstSampleAgainstTheUpstreamCrossing() {
        Captured onTime = Captured.simulate(cascade("3s"));
        assertThat(onTime.series("down"))
                .startsAfter(onTime.series("up"))
                .crosses(">", 50)
                .startsAtOffset(Duration.ofSeconds(3));

        Captured early = Captured.simulate(cascade("2s"));
        assertThatThrownBy(() -> assertThat(early.series("down"))
                        .startsAfter(early.series("up"))
                        .crosses(">", 50))
                .hasMessageContaining(
                        "Expecting down\n  to start only after up crosses > 50\nbut it started before the crossing:"
                                + " its first sample is down 1 at +2s (2026-01-01T00:00:02Z), when the upstream had not"
                                + " crossed yet (up 0 at +2s (2026-01-01T00:00:02Z)); the upstream crossed between +2s"
                                + " and +3s (up 100 at +3s (2026-01-01T00:00:03Z))");

        // An after: start computed from the generator may fall between two upstream samples.
        Captured between = Captured.simulate(cascade("2.5s"));
        assertThat(between.series("down")).startsAfter(between.series("up")).crosses(">", 50);
        // An upstream that starts past the threshold: the series must not start before it.
        assertThatThrownBy(() -> assertThat(between.series("up"))
                        .startsAfter(between.series("down"))
                        .crosses(">", 0))
                .hasMessageContaining("but it started before down began");
        assertThatThrownBy(() -> assertThat(onTime.series("down"))
                        .startsAfter(onTime.series("up"))
                        .crosses(">", 500))
                .hasMessageContaining("but up never crossed it (values 0..100)");
    }

    @Test
    void countLabelAndValueAssertionsReportTheFirstOffendingSample() {
        assertThat(CPU)
                .hasSampleCount(12)
                .hasSampleCountAtLeast(3)
                .hasLabel("host", "a")
                .hasExactlyLabels("host", "a");
        assertThat(CPU).hasValuesBetween(10, 95).startsWithValues(10, 10, 95);
        assertThat(CPU).maxValue().isEqualTo(95);
        assertThat(CPU).minValue().isEqualTo(10);
        assertThat(CPU).firstSample().hasValue(10);
        assertThat(CPU).lastSample().isAtOffset(Duration.ofSeconds(11));
        assertThatThrownBy(() -> assertThat(CPU).hasValuesBetween(0, 90))
                .hasMessageContaining("to have every value within [0, 90]\nbut sample 2 is cpu{host=\"a\"} 95 at +2s");
        assertThatThrownBy(() -> assertThat(CPU).hasLabel("host", "b"))
                .hasMessageContaining("to have label host=\"b\"\nbut it has host=\"a\"");
        assertThatThrownBy(() -> assertThat(CPU).hasLabel("zone", "eu1"))
                .hasMessageContaining("but it has no label zone");
        assertThatThrownBy(() -> assertThat(CPU).startsWithValues(10, 11))
                .hasMessageContaining("to start with the 2 values [10, 11]\nbut sample 1 is 10 instead of 11");
        assertThatThrownBy(() -> assertThat(MEM).hasValues(7, 7))
                .hasMessageContaining("to have the 2 values [7, 7]\nbut it has 5 values");
        assertThatThrownBy(() -> assertThat(MEM).hasSampleCount(4))
                .hasMessageContaining("to have 4 samples\nbut it" + " has 5");
        assertThatThrownBy(() -> assertThat(MEM).maxValue().isGreaterThan(7))
                .hasMessageContaining("[max value of mem: 5 samples, values 7..7, first 7 at +3s, last 7 at +7s]");
    }

    @Test
    void captureAssertionsListWhatWasCaptured() {
        assertThat(CAPTURED).isNotEmpty().hasSeriesCount(2).hasSampleCount(17).hasSeries("cpu", "host", "a");
        assertThat(CAPTURED).doesNotHaveSeries("cpu", "host", "b").series("mem").hasSampleCount(5);
        assertThat(CAPTURED).lines().hasSize(17).contains("mem 7 1767225603000");
        assertThatThrownBy(() -> assertThat(CAPTURED).series("disk"))
                .hasMessageContaining("Expecting the capture to have series disk\nbut it has none.\ncaptured 2 series,"
                        + " 17 samples")
                .hasMessageContaining("  - cpu{host=\"a\"}: 12 samples");
        assertThatThrownBy(() -> assertThat(CAPTURED).hasSeries("cpu", "host", "b"))
                .hasMessageContaining("to have series cpu{host=\"b\"}");
        assertThatThrownBy(() -> assertThat(CAPTURED).lines().hasSize(3)).hasMessageContaining("[encoded lines]");
    }

    @Test
    void oneStaticImportServesAssertJToo() {
        assertThat(Duration.ofSeconds(1)).isPositive();
        assertThat("text").startsWith("t");
        assertThat(CPU.samples()).hasSize(12).allSatisfy(s -> assertThat(s.name())
                .isEqualTo("cpu"));
        assertThat(CPU.first()).hasValue(10).isAtOffset(Duration.ZERO);
    }
}
