package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.RunStats;
import dev.sonda.engine.Sonda;
import dev.sonda.yaml.ScenarioLoader;
import dev.sonda.yaml.ScenarioParseException;
import dev.sonda.yaml.ScenarioWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials never reach the screen: passwords, bearer tokens, API-key headers and user
 * information in URLs are masked in {@code --dry-run} (text and JSON), {@code --verbose} output,
 * the stop banners, sink error messages, the run's stats and every spec's {@code toString()}. The
 * YAML writer masks them for display and keeps them only when asked to save.
 */
class SecretsRedactionTest {
    /** Every secret of the scenario below; none may appear in any output. */
    private static final List<String> SECRETS =
            List.of("s3cr3t-url", "hunter2-pass", "k3y-value", "t0ken-value", "otlp-t0ken", "otlp-pass");

    @RegisterExtension
    final StdStreams std = new StdStreams();

    @TempDir
    Path tmp;

    private String output() {
        return std.out() + std.err();
    }

    private static String yaml(int port) {
        String base = "127.0.0.1:" + port;
        return "version: 2\nkind: runnable\ndefaults:\n  rate: 10\n  duration: 1s\nscenarios:\n"
                + "  - signal_type: metrics\n    name: pushed\n    generator: { type: constant, value: 1 }\n"
                + "    sink:\n      type: http_push\n      url: 'http://alice:s3cr3t-url@" + base + "/push'\n"
                + "      basic_auth: { username: bob, password: hunter2-pass }\n"
                + "      headers: { X-Api-Key: k3y-value, X-Scope-OrgID: team-a }\n"
                + "  - signal_type: metrics\n    name: written\n    generator: { type: constant, value: 1 }\n"
                + "    sink:\n      type: remote_write\n      url: 'http://" + base + "/api/v1/write'\n"
                + "      bearer_token: t0ken-value\n"
                + "  - signal_type: metrics\n    name: exported\n    generator: { type: constant, value: 1 }\n"
                + "    sink:\n      type: otlp_http\n      endpoint: 'http://carol:otlp-pass@" + base + "'\n"
                + "      signal_type: metrics\n      headers: { authorization: Bearer otlp-t0ken }\n";
    }

    private Path scenario() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        return Files.writeString(tmp.resolve("secrets.yaml"), yaml(closed));
    }

    @Test
    void aDryRunInTextAndJsonShowsNoSecret() throws IOException {
        Path file = scenario();

        assertThat(Main.execute("run", file.toString(), "--dry-run")).isZero();
        assertThat(Main.execute("--format", "json", "run", file.toString(), "--dry-run"))
                .isZero();

        assertThat(output()).contains("http_push (http://***@127.0.0.1:").contains("otlp_http (http://***@127.0.0.1:");
        assertThat(output()).doesNotContain(SECRETS);
    }

    @Test
    void aVerboseRunWhoseSinksFailShowsNoSecretInBannersErrorsOrStats() throws Exception {
        Path file = scenario();

        int code = Main.execute("-v", "run", file.toString(), "--clock", "simulated");

        assertThat(code).isEqualTo(1); // every record dropped: the receivers are down
        assertThat(output())
                .contains("| delivered: 0 | dropped: 10")
                .contains("HTTP push to 'http://***@127.0.0.1:")
                .doesNotContain(SECRETS);

        ScenarioPlan plan = ScenarioLoader.load(file);
        RunStats stats;
        try (var run = Sonda.start(
                plan,
                dev.sonda.engine.RunOptions.defaults()
                        .withClock(dev.sonda.engine.Clock.simulated(java.time.Instant.now()))
                        .withDiagnostics(line -> {}))) {
            run.await(java.time.Duration.ofSeconds(30));
            stats = run.stats();
        }
        assertThat(stats.toString()).contains("dropReason=").doesNotContain(SECRETS);
        assertThat(plan.toString()).doesNotContain(SECRETS);
        assertThat(Sonda.compile(plan).toString()).doesNotContain(SECRETS);
    }

    @Test
    void theYamlWriterMasksSecretsForDisplayAndKeepsThemOnlyWhenAskedToSave() throws IOException {
        ScenarioPlan plan = ScenarioLoader.load(scenario());

        String shown = ScenarioWriter.write(plan);
        String saved = ScenarioWriter.write(plan, SpecRegistry.defaults(), ScenarioWriter.Secrets.KEEP);

        assertThat(shown).doesNotContain(SECRETS).contains("password: \"***\"").contains("http://***@");
        assertThat(saved).contains("hunter2-pass", "t0ken-value", "k3y-value", "otlp-t0ken", "s3cr3t-url");
        assertThat(ScenarioLoader.load(saved, "saved.yaml")).isEqualTo(plan);
    }

    @Test
    void displayedOutputReadBackIsRefusedWhereASecretWasMaskedNotRunWithAsteriskCredentials() throws IOException {
        String shown = ScenarioWriter.write(ScenarioLoader.load(scenario()));

        ScenarioParseException e = org.junit.jupiter.api.Assertions.assertThrows(
                ScenarioParseException.class, () -> ScenarioLoader.load(shown, "shown.yaml"));

        assertThat(e.located())
                .extracting(l -> l.problem().path())
                .contains(
                        "scenarios[0].sink.basic_auth.password",
                        "scenarios[0].sink.headers.X-Api-Key",
                        "scenarios[1].sink.bearer_token",
                        "scenarios[2].sink.headers.authorization");
        assertThat(e.getMessage())
                .contains("basic_auth.password is '***', the mask written in place of a secret for display: write"
                        + " the secret itself here, best as a ${VAR} reference to the environment");
    }
}
