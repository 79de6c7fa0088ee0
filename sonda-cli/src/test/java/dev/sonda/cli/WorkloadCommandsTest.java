package dev.sonda.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.workload.Shard;
import dev.sonda.yaml.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadCommandsTest {
    static final Path README = Path.of("src/test/resources/workload/mockingbird-readme.yaml");
    static final Path SHARDS = Path.of("src/test/resources/workload/shards.yaml");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path tmp;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void convertWritesAV2FileThatLoadsToTheSamePlanAsTheMockingbirdFile() throws Exception {
        Path v2 = tmp.resolve("converted.yaml");

        assertThat(Main.execute("convert", README.toString(), "-o", v2.toString()))
                .isZero();
        String text = Files.readString(v2);
        assertThat(text).startsWith("# Converted by sonda convert from mockingbird-readme.yaml\nversion: 2\n");
        assertThat(ScenarioLoader.load(v2)).isEqualTo(ScenarioLoader.load(README));
    }

    @Test
    void convertToStdoutAndItsWarningsToStderr() throws Exception {
        Path mb = tmp.resolve("mb.yaml");
        Files.writeString(
                mb, Files.readString(README).replace("log_level: INFO", "log_level: INFO\n  log_format: json"));

        assertThat(Main.execute("convert", mb.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("signal_type: workload");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("warning: ")
                .contains("global.log_format")
                .contains("not imported");
    }

    @Test
    void theDryRunOfTheReadmeConfigShowsTheWorkload() {
        assertThat(Main.execute("run", README.toString(), "--dry-run")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("signal:         workload")
                .contains("workload:       1 metric, 6 series, shard 0/1, scrape :8000, control :8081")
                .contains("sink:           otlp_grpc (http://localhost:4317, metrics)");
    }

    @Test
    void aShardComesFromTheOptionElseFromTheEnvironment() {
        ScenarioPlan plan = ScenarioLoader.load(SHARDS);

        assertThat(shardOf(Workloads.shard(plan, "2/4", Map.of("SONDA_SHARD", "1/4")::get)))
                .isEqualTo(new Shard(2, 4));
        assertThat(shardOf(Workloads.shard(plan, null, Map.of("SONDA_SHARD", "1/4")::get)))
                .isEqualTo(new Shard(1, 4));
        assertThat(shardOf(Workloads.shard(plan, null, Map.<String, String>of()::get)))
                .isNull();
    }

    private static Shard shardOf(ScenarioPlan plan) {
        return ((Signal.Workload) plan.entries().get(0).signal()).workload().shard();
    }

    @Test
    void aBadShardIsAnInputError() {
        assertThat(Main.execute("run", SHARDS.toString(), "--shard", "4/4", "--dry-run"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: invalid --shard: shard must be i/n with 0 <= i < n, such as 0/4, got '4/4'");
    }

    @Test
    void aSimulatedRunOfAShardWritesItsShareOfEverySeries() throws Exception {
        Path file = tmp.resolve("out.prom");
        assertThat(Main.execute(
                        "run",
                        SHARDS.toString(),
                        "--shard",
                        "1/3",
                        "--clock",
                        "simulated",
                        "--start",
                        "0",
                        "--duration",
                        "2s",
                        "-o",
                        file.toString(),
                        "-q"))
                .isZero();
        // 3 x 250 x 2 = 1500 series per metric, a third of them; gauge and counter 1 line, histogram 6
        assertThat(Files.readAllLines(file)).hasSize(2 * 500 * (1 + 1 + 6));
    }
}
