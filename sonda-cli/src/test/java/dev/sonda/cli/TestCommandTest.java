package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sonda test}'s flags, its {@code expect:} block and its dry run (§2.12, §3.1). */
class TestCommandTest extends CapturedConsole {
    private static final String BODY = "version: 2\nkind: runnable\nname: cpu_usage\nrate: 1\nduration: 5s\n"
            + "generator: {type: constant, value: 95}\n";
    private static final String EXPECT =
            "expect:\n  alerts:\n    - alert: HighCpuUsage\n      labels: {severity: page}\n"
                    + "      firing_within: 90s\n      resolves_within: 6m\n";

    @TempDir
    Path tmp;

    private String file(String yaml) throws IOException {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, yaml);
        return f.toString();
    }

    @Test
    void theExpectBlockReadsAlertsLabelsAndBothDeadlines() {
        var e = AlertExpectations.read(BODY + EXPECT, "s.yaml");

        assertThat(e)
                .containsExactly(new AlertExpectations.Expectation(
                        "HighCpuUsage",
                        Map.of("severity", "page"),
                        "90s",
                        Duration.ofSeconds(90),
                        "6m",
                        Duration.ofMinutes(6)));
    }

    @Test
    void theExpectBlocksMistakesUseTheReferencesMessages() {
        assertThatThrownBy(() -> AlertExpectations.read(BODY, "s.yaml"))
                .hasMessage("scenario s.yaml has no `expect:` block — nothing to verify. Add one (see the"
                        + " alert-testing guide) or use `sonda run`.");
        assertThatThrownBy(() -> AlertExpectations.read(BODY + "expect:\n  alerts: []\n", "s"))
                .hasMessage("expect.alerts must list at least one alert");
        assertThatThrownBy(() -> AlertExpectations.read(
                        BODY + "expect:\n  alerts:\n    - {alert: '', firing_within: 1s}\n", "s"))
                .hasMessage("expect.alerts[].alert must not be empty");
        assertThatThrownBy(() -> AlertExpectations.read(
                        BODY + "expect:\n  alerts:\n    - {alert: A, firing_within: 1s, firing: 2s}\n", "s"))
                .hasMessage("invalid expect block: unknown field `firing`, expected one of `alert`, `labels`,"
                        + " `firing_within`, `resolves_within`");
        assertThatThrownBy(() -> AlertExpectations.read(BODY + "expect:\n  alert: []\n", "s"))
                .hasMessage("invalid expect block: unknown field `alert`, expected `alerts`");
        assertThatThrownBy(() -> AlertExpectations.read(BODY + "expect:\n  alerts:\n    - {alert: A}\n", "s"))
                .hasMessage("invalid expect block: missing field `firing_within`");
        assertThatThrownBy(() ->
                        AlertExpectations.read(BODY + "expect:\n  alerts:\n    - {alert: A, firing_within: 0s}\n", "s"))
                .hasMessage("invalid expect block: firing_within: duration \"0s\" must be greater than zero");
    }

    @Test
    void dryRunPrintsThePlanAndTheExpectationCountWithoutAUrl() throws IOException {
        String f = file(BODY + EXPECT);

        assertThat(sonda("test", f, "--dry-run")).isZero();
        assertThat(stderr())
                .contains("Validation: OK (1 scenario)")
                .endsWith("  expect: 1 alert expectation(s) parsed OK\n");
        clear();
        assertThat(sonda("test", f, "--dry-run", "--format", "json")).isZero();
        assertThat(stdout()).startsWith("{").contains("\"name\" : \"cpu_usage\"");
    }

    @Test
    void theExpectBlockTakesEnvironmentReferencesLikeTheRestOfTheFile() throws IOException {
        String f = file(BODY + EXPECT.replace("firing_within: 90s", "firing_within: ${SONDA_TEST_UNSET_FIRING:-90s}"));

        assertThat(sonda("test", f, "--dry-run")).isZero();
        assertThat(stderr()).endsWith("  expect: 1 alert expectation(s) parsed OK\n");
    }

    @Test
    void exactlyOneUrlIsRequired() throws IOException {
        String f = file(BODY + EXPECT);

        assertThat(sonda("test", f)).isEqualTo(2);
        assertThat(sonda("test", f, "--prometheus-url", "http://a", "--alertmanager-url", "http://b"))
                .isEqualTo(2);

        assertThat(stderr().lines().filter(l -> l.startsWith("error:")).toList())
                .containsExactly(
                        "error: one of --prometheus-url (env SONDA_PROMETHEUS_URL) or --alertmanager-url (env"
                                + " SONDA_ALERTMANAGER_URL) is required; only --dry-run works without one",
                        "error: --prometheus-url and --alertmanager-url are mutually exclusive — `sonda test` verifies"
                                + " against exactly one acquisition source (the rule evaluator or Alertmanager), so"
                                + " pick the hop you mean to test");
    }

    @Test
    void theThreeDurationsUseTheStrictGrammar() throws IOException {
        String f = file(BODY + EXPECT);

        assertThat(sonda("test", f, "--interval", "0s", "--dry-run")).isEqualTo(2);
        assertThat(sonda("test", f, "--query-timeout", "10", "--dry-run")).isEqualTo(2);
        assertThat(sonda("test", f, "--query-step", "-5s", "--dry-run")).isEqualTo(2);

        assertThat(stderr().lines().filter(l -> l.startsWith("error:")).toList())
                .containsExactly(
                        "error: invalid --interval: duration \"0s\" must be greater than zero",
                        "error: invalid --query-timeout: unrecognized duration unit in \"10\": expected one of ms,"
                                + " s, m, h",
                        "error: invalid --query-step: duration \"-5s\" must be positive");
    }

    @Test
    void aFileWithoutExpectIsSentToSondaRun() throws IOException {
        assertThat(sonda("test", file(BODY), "--prometheus-url", "http://127.0.0.1:9"))
                .isEqualTo(2);
        assertThat(stderr()).contains("has no `expect:` block — nothing to verify");
    }
}
