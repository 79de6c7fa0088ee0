package dev.sonda.junit5;

import static dev.sonda.api.Comparison.GREATER_THAN;
import static dev.sonda.api.Comparison.LESS_THAN;
import static dev.sonda.junit5.SondaAssertions.*;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.sonda.api.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The comparison vocabulary, the below twins, sample intervals and rates of {@link SeriesAssert}. */
class SeriesVocabularyTest {
    private static final Series PLATEAU = ThresholdAlertTest.PLATEAU.series("cpu_usage");

    @Test
    void theDslComparisonTheNamedFormsAndTheTextAgree() {
        // 95 first at +10m, 40 first below 50 at +0s and again at +20m
        assertThat(PLATEAU).firstCrossing(GREATER_THAN, 90).isAtOffset(ofMinutes(10));
        assertThat(PLATEAU).firstSampleAbove(90).isAtOffset(ofMinutes(10));
        assertThat(PLATEAU).firstCrossing(">", 90).isAtOffset(ofMinutes(10));
        assertThat(PLATEAU).firstSampleAtLeast(95).isAtOffset(ofMinutes(10));
        assertThat(PLATEAU).firstSampleBelow(50).isAtOffset(Duration.ZERO);
        assertThat(PLATEAU).firstSampleAtMost(40).isAtOffset(Duration.ZERO);
        assertThat(PLATEAU).neverCrosses(GREATER_THAN, 95).neverGoesAbove(95).neverGoesBelow(40);
        assertThat(PLATEAU.firstCrossing(LESS_THAN, 40)).isEmpty();
        assertThatThrownBy(() -> assertThat(PLATEAU).neverGoesBelow(41))
                .hasMessageContaining("never to cross < 41\nbut it did first at cpu_usage{host=\"a\"} 40 at +0s");
    }

    @Test
    void staysBelowForIsTheTwinOfStaysAboveFor() {
        // 40 samples below 50 from +0s to +9m45s (and again +20m..+29m45s): first to last 9m45s
        assertThat(PLATEAU).staysBelowFor(50, ofMinutes(9).plusSeconds(45));
        assertThat(PLATEAU).longestRunBelow(50).isEqualTo(ofMinutes(9).plusSeconds(45));
        assertThat(PLATEAU.longestRun(LESS_THAN, 50)).isEqualTo(ofMinutes(9).plusSeconds(45));
        assertThatThrownBy(() -> assertThat(PLATEAU).staysBelowFor(50, ofMinutes(10)))
                .hasMessageContaining("to stay below 50 for at least 10m\nbut its longest run below it lasts 9m45s,"
                        + " 40 samples from +0s to +9m45s");
    }

    @Test
    void anEntryEveryFifteenSecondsHasThatSampleIntervalUnlessAGapInterruptsIt() {
        assertThat(PLATEAU).hasSampleInterval(ofSeconds(15));
        Series gappy = Captured.simulate(Scenario.metrics("up")
                        .every(ofSeconds(15))
                        .duration("10m")
                        .constant(1)
                        .gaps(ofMinutes(5), ofMinutes(1))
                        .buildPlan())
                .series("up");
        // silent in [4m, 5m) and [9m, 10m): +3m45s to +5m is 1m15s
        assertThatThrownBy(() -> assertThat(gappy).hasSampleInterval(ofSeconds(15)))
                .hasMessageContaining(
                        "to have its samples 15s apart\nbut 1 neighbours are not: 1m15s from +3m45s to" + " +5m");
    }

    @Test
    void ratesShowABurstAgainstTheBaseRate() {
        // 1 sample per second, times 5 during the first 10 s of every minute: 10-second windows
        // from the first sample read 5/s at +0s, +1m, +2m and 1/s elsewhere.
        Series bursty = Captured.simulate(Scenario.metrics("req")
                        .rate(1)
                        .duration("3m")
                        .constant(1)
                        .bursts(ofMinutes(1), ofSeconds(10), 5)
                        .buildPlan())
                .series("req");
        double[] rates = bursty.rates(ofSeconds(10));
        assertThat(rates[0]).isEqualTo(5.0);
        assertThat(rates[1]).isEqualTo(1.0);
        assertThat(rates[6]).isEqualTo(5.0);
        assertThat(bursty).maxRate(ofSeconds(10)).isEqualTo(5.0);
        assertThat(bursty).minRate(ofSeconds(10)).isEqualTo(1.0);
        assertThat(bursty).hasRateBetween(1, 5, ofSeconds(10));
        assertThatThrownBy(() -> assertThat(bursty).hasRateBetween(0.9, 1.1, ofSeconds(10)))
                .hasMessageContaining("to have a rate between 0.9/s and 1.1/s in every window of 10s\nbut 3 windows do"
                        + " not (5/s in the window from +0s; 5/s in the window from +1m; 5/s in the window from +2m)");
    }
}
