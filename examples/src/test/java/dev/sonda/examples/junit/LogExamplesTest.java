package dev.sonda.examples.junit;

import static dev.sonda.junit5.SondaAssertions.*;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.sonda.api.Severity;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Logs;
import dev.sonda.junit5.SondaScenario;
import org.junit.jupiter.api.Test;

/**
 * Logs as first-class telemetry: counts, severities, messages, fields and rates of the records a
 * log entry emitted, and the JSON lines its encoder wrote, as a log pipeline would receive them.
 */
class LogExamplesTest {

    @Test
    @SondaScenario("scenarios/checkout-logs.yaml")
    void theCheckoutLogHasTheExpectedShape(Captured captured) {
        Logs checkout = captured.logs().entry("checkout");

        // One record per second for ten minutes; the two templates alternate by tick.
        assertThat(checkout)
                .hasCount(600)
                .isInTimestampOrder()
                .hasOnlySeverities(Severity.INFO, Severity.WARN, Severity.ERROR)
                .allMessagesMatch("(request handled for u\\d order o-10\\d|slow request for u\\d)")
                .hasRateBetween(1, 1, ofMinutes(1));
        assertThat(checkout.withMessageMatching("slow request.*"))
                .hasCount(300)
                .hasFieldValuesIn("user", "u1", "u2", "u3", "u4");

        // severity_weights 0.7 / 0.2 / 0.1: drawn per record, so about those shares.
        assertThat(checkout).severityShare(Severity.ERROR).isCloseTo(0.1, within(0.05));
        assertThat(checkout).severityShare(Severity.INFO).isCloseTo(0.7, within(0.05));

        // Every record carries the entry's labels and reaches the capture as a JSON line.
        assertThat(checkout.get(0).labels())
                .containsEntry("service", "checkout")
                .containsEntry("env", "staging");
        assertThat(checkout.get(0).offset()).isZero();
        assertThat(checkout.get(1).offset()).isEqualTo(ofSeconds(1));
        assertThat(captured.lines())
                .hasSize(600)
                .first()
                .asString()
                .startsWith("{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"severity\":\"")
                .contains("\"labels\":{\"env\":\"staging\",\"service\":\"checkout\"}");
    }

    @Test
    @SondaScenario("scenarios/checkout-logs.yaml")
    void failedRequestsCanBeFollowedPerUser(Captured captured) {
        Logs errors = captured.logs().withSeverity(Severity.ERROR);

        assertThat(errors).isNotEmpty().allHaveField("user");
        assertThat(errors.fieldValues("user")).isSubsetOf("u1", "u2", "u3", "u4");
        assertThat(errors.severityCounts()).containsOnlyKeys(Severity.ERROR);
        assertThat(captured.logs().atLeast(Severity.WARN).size())
                .isEqualTo(errors.size()
                        + captured.logs().withSeverity(Severity.WARN).size());
    }
}
