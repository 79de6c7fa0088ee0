package dev.sonda.junit5;

import static dev.sonda.junit5.SondaAssertions.*;

import dev.sonda.api.Scenario;
import dev.sonda.api.Severity;
import dev.sonda.api.generator.LogGeneratorSpec.LogTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Logs} and {@link LogsAssert}: log records as first-class captured data. */
class LogsTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Two templates used round-robin by tick (template t mod 2), 2 records per second for 10 s. */
    private static final Captured CAPTURED = Captured.simulate(
            Scenario.plan()
                    .duration("10s")
                    .add(Scenario.logs("app")
                            .rate(2)
                            .template(
                                    List.of(
                                            new LogTemplate("login {user}", Map.of("user", List.of("u1", "u2"))),
                                            new LogTemplate("logout", Map.of())),
                                    Map.of()))
                    .add(Scenario.logs("audit")
                            .rate(1)
                            .template(List.of(new LogTemplate("check", Map.of())), Map.of(Severity.WARN, 1.0)))
                    .build(),
            START);

    @Test
    void recordsCarryTheTickStampTheMessageAndTheFields() {
        Logs app = CAPTURED.logs().entry("app");
        assertThat(app).hasCount(20).isInTimestampOrder().hasOnlySeverities(Severity.INFO);
        assertThat(app.get(0).message()).matches("login u[12]");
        assertThat(app.get(0).field("user")).isIn("u1", "u2");
        assertThat(app.get(1).message()).isEqualTo("logout");
        assertThat(app.get(1).offset()).isEqualTo(Duration.ofMillis(500));
        assertThat(app.get(19).timestamp()).isEqualTo(START.plusMillis(9500));
        assertThat(app.withMessageMatching("login u\\d")).hasCount(10);
        assertThat(app.withMessageContaining("out")).hasCount(10);
        assertThat(app.withMessageMatching("login.*")).hasFieldValuesIn("user", "u1", "u2");
    }

    @Test
    void onlyRecordsOfTheLoginTemplateHaveTheUserField() {
        Logs app = CAPTURED.logs().entry("app");
        assertThatThrownBy(() -> assertThat(app).allHaveField("user"))
                .hasMessageContaining("Expecting log records of entry app\n  every record to have field user\nbut 10 do"
                        + " not:\n    +0.5s info app \"logout\"");
        assertThat(app.withMessageMatching("login.*")).allHaveField("user");
    }

    @Test
    void severitiesAreCountedPerEntry() {
        assertThat(CAPTURED.logs().severityCounts())
                .containsExactly(Map.entry(Severity.INFO, 20), Map.entry(Severity.WARN, 10));
        assertThat(CAPTURED.logs())
                .hasSeverityCounts(Map.of(Severity.INFO, 20, Severity.WARN, 10))
                .hasSeverityCount(Severity.ERROR, 0);
        assertThat(CAPTURED.logs()).entry("audit").severityShare(Severity.WARN).isEqualTo(1.0);
        assertThatThrownBy(() -> assertThat(CAPTURED.logs()).hasSeverityCounts(Map.of(Severity.INFO, 30)))
                .hasMessageContaining("Expecting all log records\n  to have severity counts {INFO=30}\nbut it has"
                        + " {INFO=20, WARN=10}.")
                .hasMessageContaining("captured 0 series, 0 samples and 30 log records")
                .hasMessageContaining("logs of app: 20 records (info 20), first at +0s, last at +9.5s")
                .hasMessageContaining("logs of audit: 10 records (warn 10), first at +0s, last at +9s");
    }

    @Test
    void ratesCountRecordsPerSecondInEveryCompleteWindow() {
        // app: 20 records 0.5 s apart, from +0s to +9.5s: one complete window of 5 s ([0, 5) holds
        // 10 records), a second one would end at +10s, after the last record.
        assertThat(CAPTURED.logs().entry("app").rates(Duration.ofSeconds(5))).containsExactly(2.0);
        assertThat(CAPTURED.logs().entry("app").rates(Duration.ofSeconds(2))).containsExactly(2.0, 2.0, 2.0, 2.0);
        assertThat(CAPTURED.logs()).entry("app").hasRateBetween(1.9, 2.1, Duration.ofSeconds(2));
        assertThatThrownBy(() -> assertThat(CAPTURED.logs()).entry("audit").hasRateBetween(2, 3, Duration.ofSeconds(3)))
                .hasMessageContaining("to have a rate between 2/s and 3/s in every window of 3s\nbut 3 windows do not"
                        + " (1/s in the window from +0s; 1/s in the window from +3s; 1/s in the window from +6s); 3"
                        + " windows of 3s, 1/s to 1/s: [1, 1, 1]");
        assertThatThrownBy(() -> assertThat(CAPTURED.logs()).entry("audit").hasRateBetween(0, 3, Duration.ofMinutes(1)))
                .hasMessageContaining("but no complete window of 1m between the first and the last event");
    }

    @Test
    void logLinesAreTheEncodedRecordsAndLeadTheCaptureText() {
        assertThat(CAPTURED.logs().lines()).hasSize(30).allMatch(l -> l.startsWith("{\"timestamp\":\"2026-01-01T"));
        assertThat(CAPTURED.lines()).containsExactlyElementsOf(CAPTURED.logs().lines());
        assertThat(CAPTURED.text()).endsWith("}\n");
    }

    @Test
    void anEntryWithoutRecordsFailsWithTheCapture() {
        assertThatThrownBy(() -> assertThat(CAPTURED.logs()).entry("nope"))
                .hasMessageContaining("Expecting all log records\n  to hold records of entry nope\nbut it holds none.");
    }
}
