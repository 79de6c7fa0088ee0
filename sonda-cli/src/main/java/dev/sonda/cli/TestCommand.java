package dev.sonda.cli;

import dev.sonda.api.DurationText;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.CompiledPlan;
import dev.sonda.yaml.ScenarioLoader;
import dev.sonda.yaml.ScenarioParseException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sonda test FILE}: runs the scenario as {@code sonda run} does and verifies its {@code
 * expect:} block against Prometheus' alert rules or Alertmanager (Sonda 1.21 {@code test_cmd.rs},
 * §2.12 and §3): {@code PASS}/{@code FAIL} per expected alert, exit 0 when every expectation holds,
 * 1 otherwise.
 */
@Command(
        name = "test",
        description = "Run a scenario file and verify its expect: alerts against Prometheus or Alertmanager.",
        mixinStandardHelpOptions = true)
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    SondaCommand root;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file path, or @name of a catalog entry.")
    String scenario;

    @Option(
            names = "--prometheus-url",
            paramLabel = "URL",
            defaultValue = "${env:SONDA_PROMETHEUS_URL}",
            description = "Prometheus-compatible base URL whose ALERTS series are read (env SONDA_PROMETHEUS_URL).")
    String prometheusUrl;

    @Option(
            names = "--alertmanager-url",
            paramLabel = "URL",
            defaultValue = "${env:SONDA_ALERTMANAGER_URL}",
            description = "Alertmanager base URL whose /api/v2/alerts are read (env SONDA_ALERTMANAGER_URL).")
    String alertmanagerUrl;

    @Option(names = "--interval", paramLabel = "D", description = "Poll interval (default 5s).")
    String interval = "5s";

    @Option(
            names = "--query-timeout",
            paramLabel = "D",
            description = "Overall timeout of each request, connect and read (default 10s).")
    String queryTimeout = "10s";

    @Option(names = "--query-step", paramLabel = "D", description = "Range query step, Prometheus only (default 5s).")
    String queryStep = "5s";

    @Override
    public Integer call() throws IOException, InterruptedException {
        root.checkQuietVerbose();
        Duration every = strict("--interval", interval);
        Duration timeout = strict("--query-timeout", queryTimeout);
        Duration step = strict("--query-step", queryStep);
        SpecRegistry registry = SpecRegistry.defaults();
        Path file = ScenarioFiles.resolve(scenario, root.catalog);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String interpolated;
        try {
            // expect: takes ${VAR} like the rest of the file
            interpolated = ScenarioLoader.interpolate(text, scenario, System::getenv);
        } catch (ScenarioParseException e) {
            ScenarioFiles.load(file, scenario, registry, root.catalog); // reports it as any load error
            throw e;
        }
        List<AlertExpectations.Expectation> expectations = AlertExpectations.read(interpolated, scenario);
        CompiledPlan compiled = Execution.compileFile(file, scenario, registry, root.catalog);
        PrintStream err = System.err;
        if (root.dryRun) {
            DryRun.print(scenario, compiled, root.format, err, System.out);
            err.println("  expect: " + expectations.size() + " alert expectation(s) parsed OK");
            return 0;
        }
        AlertSource source = source(timeout);
        AlertVerification verification =
                new AlertVerification(source, expectations, every, step, err, AlertVerification.Timer.system());
        verification.preflight();
        verification.measureClock();
        verification.started();
        Thread poller = new Thread(verification.poller(), "sonda-test-poller");
        poller.setDaemon(true);
        poller.start();
        SignalStop.onSignal(1, "error: interrupted before alert expectations could be verified");
        try {
            Execution.run(compiled, root, null);
        } catch (CliException e) {
            verification.stop();
            throw e;
        }
        verification.ended();
        poller.join();
        int failed = verification.verdicts(compiled);
        if (failed > 0) {
            throw new CliException(failed + " alert expectation(s) failed (verified via " + source.name() + ")", 1);
        }
        err.println("  PASS " + expectations.size() + " alert expectation(s) verified via " + source.name()
                + " (scenario ran " + AlertVerdicts.human(verification.elapsed()) + ")");
        return 0;
    }

    /** The one acquisition source the flags (or their variables) name. */
    private AlertSource source(Duration timeout) {
        boolean prom = prometheusUrl != null && !prometheusUrl.isBlank();
        boolean am = alertmanagerUrl != null && !alertmanagerUrl.isBlank();
        if (prom && am) {
            throw new CliException(
                    "--prometheus-url and --alertmanager-url are mutually exclusive — `sonda test` verifies against"
                            + " exactly one acquisition source (the rule evaluator or Alertmanager), so pick the hop"
                            + " you mean to test",
                    2);
        }
        if (!prom && !am) {
            throw new CliException(
                    "one of --prometheus-url (env SONDA_PROMETHEUS_URL) or --alertmanager-url (env"
                            + " SONDA_ALERTMANAGER_URL) is required; only --dry-run works without one",
                    2);
        }
        AlertSource.Http http = AlertSource.Http.jdk(timeout);
        return prom
                ? new PrometheusAlerts(prometheusUrl, timeout, http, System::currentTimeMillis)
                : new AlertmanagerAlerts(alertmanagerUrl, timeout, http, System::currentTimeMillis);
    }

    private static Duration strict(String option, String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliException("invalid " + option + ": " + e.getMessage(), 2);
        }
    }
}
