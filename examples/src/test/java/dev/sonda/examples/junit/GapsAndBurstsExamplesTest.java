package dev.sonda.examples.junit;

import static dev.sonda.junit5.SondaAssertions.*;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Series;
import dev.sonda.junit5.SondaScenario;
import org.junit.jupiter.api.Test;

/**
 * Gaps and bursts: an exporter that goes silent, and traffic that spikes, checked on the samples'
 * timestamps (intervals, gaps, rates per window), as a scrape-based pipeline would see them.
 */
class GapsAndBurstsExamplesTest {

    /** A scrape every 15 s for 20 minutes, silent in the last minute of every 5. */
    static ScenarioPlan flakyExporter() {
        return Scenario.metrics("up")
                .every(ofSeconds(15))
                .duration("20m")
                .constant(1)
                .gaps(ofMinutes(5), ofMinutes(1))
                .buildPlan();
    }

    /** One request per second for 5 minutes, five times as many in the first 10 s of every minute. */
    static ScenarioPlan bursty() {
        return Scenario.metrics("http_requests")
                .rate(1)
                .duration("5m")
                .constant(1)
                .bursts(ofMinutes(1), ofSeconds(10), 5)
                .buildPlan();
    }

    @Test
    @SondaScenario(plan = "flakyExporter")
    void aGapIsASilenceBetweenTwoScrapes(Captured captured) {
        Series up = captured.series("up");

        // 16 scrapes in each 4-minute stretch, four stretches.
        assertThat(up).hasSampleCount(64);
        // The last scrape before a silence is at 3m45s, the next at 5m: 1m15s apart.
        assertThat(up).longestGap().isEqualTo(ofMinutes(1).plusSeconds(15));
        assertThat(up)
                .hasGapOfAtLeast(ofMinutes(1))
                .hasNoGapLongerThan(ofMinutes(1).plusSeconds(15));
        assertThat(up.gaps(ofMinutes(1))).hasSize(3);
        // Between the silences the scrapes are 15 s apart: 4 a minute in the first 4 minutes.
        assertThat(up.rates(ofMinutes(1))).startsWith(4 / 60.0, 4 / 60.0, 4 / 60.0, 4 / 60.0);
    }

    @Test
    @SondaScenario(plan = "bursty")
    void aBurstMultipliesTheRateAtTheHeadOfEveryCycle(Captured captured) {
        Series requests = captured.series("http_requests");

        // Windows of 10 s from the first sample: 50 samples (5/s) in each burst window, 10 (1/s)
        // in the others.
        assertThat(requests).maxRate(ofSeconds(10)).isEqualTo(5.0);
        assertThat(requests).minRate(ofSeconds(10)).isEqualTo(1.0);
        assertThat(requests).hasRateBetween(1, 5, ofSeconds(10));
        // Over whole minutes the bursts add 40 samples a minute: 100 per minute, 1.666.../s.
        assertThat(requests).hasRateBetween(100 / 60.0, 100 / 60.0, ofMinutes(1));
    }
}
