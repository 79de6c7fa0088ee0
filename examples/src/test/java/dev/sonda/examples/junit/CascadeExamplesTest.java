package dev.sonda.examples.junit;

import static dev.sonda.api.Comparison.GREATER_THAN;
import static dev.sonda.api.Comparison.LESS_THAN;
import static dev.sonda.junit5.SondaAssertions.*;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.sonda.junit5.Alert;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Series;
import dev.sonda.junit5.SondaScenario;
import dev.sonda.junit5.ThresholdAlert;
import org.junit.jupiter.api.Test;

/**
 * A cascade: the primary link goes down, traffic fails over to the backup link, which saturates,
 * and only then does latency degrade ({@code scenarios/link-failover.yaml}, chained with {@code
 * after:}). The test checks the order of events and that the latency alert cannot fire before the
 * backup saturated.
 */
@SondaScenario("scenarios/link-failover.yaml")
class CascadeExamplesTest {

    @Test
    void eachStageStartsOnlyOnceTheStageBeforeCrossedItsThreshold(Captured captured) {
        Series primary = captured.series("interface_oper_state", "role", "primary");
        Series backup = captured.series("interface_utilization_percent", "role", "backup");
        Series latency = captured.series("probe_latency_ms");

        // The primary is up for 2 minutes; the backup starts when it goes below 1.
        assertThat(backup).startsAfter(primary).crosses(LESS_THAN, 1).startsAtOffset(ofMinutes(2));
        // The backup ramps 20 -> 100 over 5 minutes: above 90 after 70/80 of it, at 2m + 4m22.5s.
        // after: computes that crossing from the ramp itself, between two samples.
        assertThat(latency).startsAfter(backup).crosses(GREATER_THAN, 90).startsAtOffset(ofMillis(382_500));
    }

    @Test
    void theLatencyAlertFiresOnlyAfterTheBackupSaturated(Captured captured) {
        Series backup = captured.series("interface_utilization_percent", "role", "backup");
        Series latency = captured.series("probe_latency_ms");

        // latency 12 -> 250 over 3 minutes from +6m22.5s, with a noise of +-2: above 100 after
        // about 88/238 of the ramp (+7m29s), give or take the noise. With for: 1m, evaluated every
        // 15 s, the alert goes pending at the evaluation that first sees it, fires one minute later.
        Alert alert = ThresholdAlert.when(GREATER_THAN, 100)
                .forDuration(ofMinutes(1))
                .evaluatedEvery(ofSeconds(15))
                .evaluate(latency)
                .firstFiring()
                .orElseThrow();
        assertThat(alert.pendingAt())
                .isBetween(ofMinutes(7).plusSeconds(15), ofMinutes(7).plusSeconds(45));
        assertThat(alert.firedAt()).isEqualTo(alert.pendingAt().plus(ofMinutes(1)));
        assertThat(alert.firedAt())
                .isGreaterThan(
                        backup.firstCrossing(GREATER_THAN, 90).orElseThrow().offset());
    }
}
