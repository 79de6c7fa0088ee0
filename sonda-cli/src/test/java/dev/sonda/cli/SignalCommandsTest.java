package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sonda metrics} and {@code sonda logs} with the seed README's flags ("Quick Start", "CLI
 * Reference"), on the simulated clock from a fixed start; expected values are computed here from
 * the seed's formulas, not read from the generators.
 */
class SignalCommandsTest extends CapturedConsole {
    private static final String START = "1777000000000";
    private static final long T0 = 1_777_000_000_000L;
    private static final String FLAT = "../examples/flat/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String[] simulated(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--clock";
        all[args.length + 1] = "simulated";
        all[args.length + 2] = "--start";
        all[args.length + 3] = START;
        return all;
    }

    private List<Double> values() {
        return stdoutLines().stream()
                .map(l -> Double.parseDouble(l.split(" ")[1]))
                .toList();
    }

    private List<JsonNode> jsonLines() {
        return stdoutLines().stream()
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError(l, e);
                    }
                })
                .toList();
    }

    @Test
    void theQuickStartLineEmitsTenLinesASecondOfTheConstantWithTheRunBanners() {
        int code = sonda(simulated("metrics", "--name", "up", "--rate", "10", "--duration", "5s"));

        assertThat(code).isZero();
        List<String> lines = stdoutLines();
        assertThat(lines).hasSize(50);
        assertThat(lines.get(0)).isEqualTo("up 0 " + T0);
        assertThat(lines.get(1)).isEqualTo("up 0 " + (T0 + 100));
        assertThat(lines.get(49)).isEqualTo("up 0 " + (T0 + 4900));
        assertThat(stderr())
                .contains("▶ up  signal_type: metrics | rate: 10/s | encoder: prometheus_text | sink: stdout"
                        + " | duration: 5s")
                .contains("■ up  completed in ")
                .contains("| events: 50 |");
    }

    @Test
    void theSineLineOfTheQuickStartFollowsOffsetPlusAmplitudeTimesSineWithSortedLabels() {
        int code = sonda(simulated(
                "metrics",
                "--name",
                "cpu_usage",
                "--rate",
                "100",
                "--duration",
                "30s",
                "--value-mode",
                "sine",
                "--amplitude",
                "5",
                "--period-secs",
                "30",
                "--offset",
                "50",
                "--label",
                "zone=eu1",
                "--label",
                "hostname=t0-a1",
                "-q"));

        assertThat(code).isZero();
        List<String> lines = stdoutLines();
        assertThat(lines).hasSize(3000);
        assertThat(lines.get(0)).isEqualTo("cpu_usage{hostname=\"t0-a1\",zone=\"eu1\"} 50 " + T0);
        List<Double> v = values();
        for (int t : new int[] {1, 750, 1234, 2250, 2999}) {
            assertThat(v.get(t)).as("tick %d", t).isCloseTo(50 + 5 * Math.sin(2 * Math.PI * t / 3000.0), within(1e-9));
        }
    }

    @Test
    void theConstantsValueIsTheOffsetFlag() {
        assertThat(sonda(
                        simulated("metrics", "--name", "up", "--rate", "1", "--duration", "2s", "--offset", "1", "-q")))
                .isZero();
        assertThat(stdoutLines()).containsExactly("up 1 " + T0, "up 1 " + (T0 + 1000));
    }

    @Test
    void uniformValuesStayInsideMinAndMaxAndTheSeedMakesThemRepeatable() {
        String[] args = simulated(
                "metrics",
                "--name",
                "u",
                "--rate",
                "10",
                "--duration",
                "10s",
                "--value-mode",
                "uniform",
                "--min",
                "3",
                "--max",
                "4",
                "--seed",
                "7",
                "-q");

        assertThat(sonda(args)).isZero();
        List<Double> first = values();
        clear();
        assertThat(sonda(args)).isZero();

        assertThat(first).hasSize(100).allSatisfy(x -> assertThat(x).isBetween(3.0, 4.0));
        assertThat(first.stream().distinct().count()).isGreaterThan(50);
        assertThat(values()).isEqualTo(first);
    }

    @Test
    void aScenarioFileIsLoadedFirstAndTheRateFlagOverridesIt() {
        int code = sonda(
                simulated("metrics", "--scenario", FLAT + "basic-metrics.yaml", "--rate", "500", "--duration", "1s"));

        assertThat(code).isZero();
        assertThat(stderr())
                .contains("▶ interface_oper_state  signal_type: metrics | rate: 500/s | encoder: prometheus_text |"
                        + " sink: stdout | duration: 1s");
        assertThat(stdoutLines().get(0)).isEqualTo("interface_oper_state{hostname=\"t0-a1\",zone=\"eu1\"} 10 " + T0);
        assertThat(stdoutLines())
                .as("a 5x burst for the first 2 s of each 10 s")
                .hasSize(2500);
    }

    @Test
    void aValueFlagChangesOnlyItsKeyOfTheFilesGenerator() throws IOException {
        Path file = tmp.resolve("sine.yaml");
        Files.writeString(
                file, "name: s\nrate: 1\ngenerator: {type: sine, amplitude: 5, period_secs: 30, offset: 10}\n");

        // --amplitude 2 keeps the file's period (30 s) and offset (10)
        int code = sonda(
                simulated("metrics", "--scenario", file.toString(), "--amplitude", "2", "--duration", "30s", "-q"));

        assertThat(code).isZero();
        List<Double> v = values();
        assertThat(v).hasSize(30);
        assertThat(v.get(7)).isCloseTo(10 + 2 * Math.sin(2 * Math.PI * 7 / 30.0), within(1e-9));
        assertThat(v.get(22)).isCloseTo(10 + 2 * Math.sin(2 * Math.PI * 22 / 30.0), within(1e-9));
        assertThat(v).allSatisfy(x -> assertThat(x).isBetween(8.0, 12.0));
    }

    @Test
    void aFlagTheGeneratorTypeDoesNotReadIsIgnoredWithAWarning() {
        int code = sonda(simulated(
                "metrics",
                "--name",
                "s",
                "--rate",
                "1",
                "--duration",
                "1s",
                "--value-mode",
                "sine",
                "--min",
                "3",
                "-q"));

        assertThat(code).isZero();
        assertThat(stderr())
                .contains("warning: --min sets 'min', which generator type 'sine' does not read (it reads amplitude,"
                        + " period_secs, offset); ignored");
    }

    @Test
    void anyRegisteredGeneratorTypeRunsWithParamsForItsKeys() {
        int code = sonda(simulated(
                "metrics",
                "--name",
                "s",
                "--rate",
                "1",
                "--duration",
                "4s",
                "--generator",
                "step",
                "--param",
                "step_size=2.5",
                "-q"));

        assertThat(code).isZero();
        assertThat(values()).containsExactly(0.0, 2.5, 5.0, 7.5);
    }

    @Test
    void aTypesRequiredKeyWithoutAFlagOrDefaultNamesParam() {
        int code = sonda("metrics", "--name", "s", "--rate", "1", "--generator", "step");

        assertThat(code).isEqualTo(2);
        assertThat(stderr())
                .contains("error: invalid --value-mode step: generator: missing required key 'step_size' (set it with"
                        + " --param key=value)");
    }

    @Test
    void theSeedsRequiredFlagAndPairingMessages() {
        assertThat(sonda("metrics", "--rate", "1")).isEqualTo(2);
        assertThat(sonda("metrics", "--name", "up")).isEqualTo(2);
        assertThat(sonda("metrics", "--name", "up", "--rate", "1", "--gap-every", "2m"))
                .isEqualTo(2);
        assertThat(sonda("metrics", "--name", "up", "--rate", "1", "--gap-for", "2s"))
                .isEqualTo(2);
        assertThat(sonda("metrics", "--name", "up", "--rate", "1", "--burst-every", "10s"))
                .isEqualTo(2);
        assertThat(sonda("logs", "--rate", "1")).isEqualTo(2);

        assertThat(stderr().lines().filter(l -> l.startsWith("error: ")))
                .containsExactly(
                        "error: --name is required when no --scenario file is provided",
                        "error: --rate is required when no --scenario file is provided",
                        "error: --gap-for is required when --gap-every is provided",
                        "error: --gap-every is required when --gap-for is provided",
                        "error: --burst-every, --burst-for, and --burst-multiplier must all be provided together",
                        "error: --mode is required when no --scenario file is provided");
    }

    @Test
    void invalidFlagValuesGetTheMessagesAFileGetsAtTheirFlags() throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "name: bad name\nrate: 0\ngenerator: {type: constant, value: 0}\n");

        assertThat(sonda("metrics", "--name", "bad name", "--rate", "0")).isEqualTo(2);
        String fromFlags = stderr();
        clear();
        assertThat(sonda("metrics", "--scenario", file.toString())).isEqualTo(2);
        String fromFile = stderr();

        String name = "invalid metric name \"bad name\": must match [a-zA-Z_:][a-zA-Z0-9_:]*";
        String rate = "rate must be positive, got 0";
        assertThat(fromFlags)
                .startsWith("error: invalid flags: 2 problems:")
                .contains("  - --name: " + name)
                .contains("  - --rate: " + rate);
        assertThat(fromFile).contains("bad.yaml:1:7: name: " + name).contains("bad.yaml:2:7: rate: " + rate);
    }

    @Test
    void gapsAndBurstsFromFlagsShapeTheStream() {
        int code = sonda(simulated(
                "metrics",
                "--name",
                "g",
                "--rate",
                "1",
                "--duration",
                "60s",
                "--gap-every",
                "20s",
                "--gap-for",
                "5s",
                "--burst-every",
                "30s",
                "--burst-for",
                "2s",
                "--burst-multiplier",
                "4",
                "-q"));

        assertThat(code).isZero();
        // gaps: 5 s silent of each 20 s (45 s left of 60); bursts: 2 s at 4/s in each 30 s (+6 each)
        List<Long> ts = stdoutLines().stream()
                .map(l -> Long.parseLong(l.split(" ")[2]) - T0)
                .toList();
        assertThat(ts).noneMatch(t -> t % 20_000 >= 15_000);
        assertThat(ts.stream().filter(t -> t % 30_000 < 2_000).count()).isEqualTo(16);
    }

    @Test
    void outputAndSinkFlagsWriteAFile() throws IOException {
        Path out = tmp.resolve("o.prom");
        Path sink = tmp.resolve("s.prom");

        assertThat(sonda(simulated(
                        "metrics", "--name", "up", "--rate", "2", "--duration", "1s", "-o", out.toString(), "-q")))
                .isZero();
        assertThat(sonda(simulated(
                        "metrics",
                        "--name",
                        "up",
                        "--rate",
                        "2",
                        "--duration",
                        "1s",
                        "--sink",
                        "file",
                        "--endpoint",
                        sink.toString(),
                        "-q")))
                .isZero();

        assertThat(Files.readAllLines(out)).containsExactly("up 0 " + T0, "up 0 " + (T0 + 500));
        assertThat(Files.readAllLines(sink)).isEqualTo(Files.readAllLines(out));
        assertThat(stdout()).isEmpty();
    }

    @Test
    void theEncoderFlagSelectsAnyRegisteredEncoderAndTheEntryRulesStillApply() {
        assertThat(sonda(simulated(
                        "metrics",
                        "--name",
                        "up",
                        "--rate",
                        "1",
                        "--duration",
                        "1s",
                        "--encoder",
                        "influx_lp",
                        "--label",
                        "h=a",
                        "-q")))
                .isZero();
        assertThat(stdoutLines()).containsExactly("up,h=a value=0 " + T0 + "000000");

        assertThat(sonda("metrics", "--name", "up", "--rate", "1", "--encoder", "syslog"))
                .isEqualTo(2);
        assertThat(stderr())
                .contains("error: invalid flags: --encoder: metric encoding not supported by syslog encoder; use"
                        + " prometheus_text, influx_lp or json_lines for metrics");
    }

    @Test
    void dryRunFormatJsonPrintsTheEntryBuiltFromFlags() throws IOException {
        int code = sonda(
                "metrics",
                "--name",
                "cpu",
                "--rate",
                "2.5",
                "--value-mode",
                "sine",
                "--amplitude",
                "3",
                "--label",
                "z=1",
                "--dry-run",
                "--format",
                "json");

        assertThat(code).isZero();
        JsonNode root = JSON.readTree(stdout());
        assertThat(root.get("file").asText()).isEqualTo("(command line)");
        JsonNode e = root.get("scenarios").get(0);
        assertThat(e.get("name").asText()).isEqualTo("cpu");
        assertThat(e.get("rate").asDouble()).isEqualTo(2.5);
        assertThat(e.get("duration").isNull()).isTrue();
        assertThat(e.get("generator").asText()).isEqualTo("sine (amplitude: 3, period_secs: 60, offset: 0)");
        assertThat(e.get("labels").toString()).isEqualTo("{\"z\":\"1\"}");
    }

    @Test
    void aV2FileWithSeveralEntriesIsSentToSondaRun() {
        assertThat(sonda("metrics", "--scenario", "../examples/multi-metric-correlation.yaml"))
                .isEqualTo(2);
        assertThat(stderr())
                .contains("sonda metrics runs one metrics entry, but ../examples/multi-metric-correlation.yaml has 2"
                        + " entries; run it with: sonda run ../examples/multi-metric-correlation.yaml");
    }

    @Test
    void logsTemplateModeDefaultsToTenEventsASecondOfTheSeedsMessage() {
        int code = sonda(simulated("logs", "--mode", "template", "--duration", "1s", "-q"));

        assertThat(code).isZero();
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(10);
        assertThat(lines).allSatisfy(j -> {
            assertThat(j.get("message").asText()).isEqualTo("synthetic log event");
            assertThat(j.get("severity").asText()).isEqualTo("info");
        });
    }

    @Test
    void logsMessageAndSeverityWeightsShapeTheEvents() {
        int code = sonda(simulated(
                "logs",
                "--mode",
                "template",
                "--message",
                "disk full",
                "--severity-weights",
                "warn=1, error=1",
                "--rate",
                "100",
                "--duration",
                "2s",
                "--seed",
                "3",
                "-q"));

        assertThat(code).isZero();
        Map<String, Long> bySeverity = jsonLines().stream()
                .peek(j -> assertThat(j.get("message").asText()).isEqualTo("disk full"))
                .collect(Collectors.groupingBy(j -> j.get("severity").asText(), TreeMap::new, Collectors.counting()));
        assertThat(bySeverity.keySet()).containsExactly("error", "warn");
        assertThat(bySeverity.values()).allSatisfy(n -> assertThat(n).isBetween(60L, 140L));
    }

    @Test
    void logsReplayModePlaysTheFilesLinesInOrderCyclingAsInfo() throws IOException {
        Path log = tmp.resolve("app.log");
        Files.writeString(log, "first\n\nsecond\nthird\n");

        int code = sonda(simulated(
                "logs", "--mode", "replay", "--replay-file", log.toString(), "--rate", "1", "--duration", "5s", "-q"));

        assertThat(code).isZero();
        assertThat(jsonLines())
                .extracting(j -> j.get("message").asText())
                .containsExactly("first", "second", "third", "first", "second");
        assertThat(jsonLines())
                .allSatisfy(j -> assertThat(j.get("severity").asText()).isEqualTo("info"));
    }

    @Test
    void logsReplayWithoutAFileNamesTheFlag() {
        assertThat(sonda("logs", "--mode", "replay")).isEqualTo(2);
        assertThat(stderr())
                .contains("error: invalid --mode replay: log_generator: missing required key 'file' (set it with"
                        + " --file)");
    }

    @Test
    void logsMalformedSeverityWeightsUseTheSeedsMessages() {
        assertThat(sonda("logs", "--mode", "template", "--severity-weights", "info"))
                .isEqualTo(2);
        assertThat(sonda("logs", "--mode", "template", "--severity-weights", "info=lots"))
                .isEqualTo(2);
        assertThat(stderr())
                .contains("error: severity weight \"info\" must be in name=weight format (no '=' found)")
                .contains("error: severity weight for \"info\": \"lots\" is not a valid float");
    }

    @Test
    void theSeedsLogTemplateFileRunsWithItsLabelsAndAMessageFlagReplacesItsTemplates() {
        int code = sonda(simulated(
                "logs", "--scenario", FLAT + "log-template.yaml", "--duration", "1s", "--message", "hello", "-q"));

        assertThat(code).isZero();
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(10);
        assertThat(lines).allSatisfy(j -> {
            assertThat(j.get("message").asText()).isEqualTo("hello");
            assertThat(j.get("labels").toString()).isEqualTo("{\"device\":\"wlan0\",\"hostname\":\"router-01\"}");
        });
        assertThat(lines.stream().map(j -> j.get("severity").asText()).distinct())
                .as("the file's weights stay")
                .contains("info", "warn");
    }

    @Test
    void everySeedExampleRunsFromItsFlatFile() throws IOException {
        for (String f :
                List.of("basic-metrics.yaml", "simple-constant.yaml", "burst-metrics.yaml", "influx-file.yaml")) {
            clear();
            assertThat(sonda(simulated(
                            "metrics",
                            "--scenario",
                            FLAT + f,
                            "--duration",
                            "2s",
                            "-o",
                            tmp.resolve(f).toString(),
                            "-q")))
                    .as(f + ": " + stderr())
                    .isZero();
            assertThat(Files.readAllLines(tmp.resolve(f))).as(f).isNotEmpty();
        }
        clear();
        assertThat(sonda(simulated("logs", "--scenario", FLAT + "log-replay.yaml", "--duration", "2s", "-q")))
                .as(stderr())
                .isNotEqualTo(0); // its file: path is relative to the repository root, not this module
        assertThat(stderr()).contains("cannot read file \"examples/flat/data/app.log\"");
    }
}
