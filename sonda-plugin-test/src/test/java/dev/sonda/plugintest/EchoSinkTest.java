package dev.sonda.plugintest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Problems;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.cli.Main;
import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.yaml.ScenarioLoader;
import dev.sonda.yaml.ScenarioWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink type added with one provider class and one services line works from YAML, from the Java
 * DSL and from {@code sonda run --sink}: each run echoes the lines the prometheus_text encoder
 * writes for its samples.
 */
class EchoSinkTest {
    /** The simulated clock's start, epoch milliseconds. */
    private static final long START_MS = 1_700_000_000_000L;

    private static final String YAML =
            """
            version: 2
            kind: runnable
            defaults: {rate: 2, duration: 5s}
            scenarios:
              - id: m
                signal_type: metrics
                name: echo_m
                generator: {type: constant, value: 42}
                labels: {job: echo}
                sink: {type: echo, target: %s}
            """;

    @TempDir
    Path tmp;

    /**
     * What prometheus_text writes for the scenario, worked out from its definition: a constant 42
     * at 2 events per second for 5 s is 10 samples, the i-th at START + i * 500 ms, each the line
     * {@code name{labels} value timestamp_ms} (Prometheus text exposition format 0.0.4).
     */
    private static List<String> expectedLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add("echo_m{job=\"echo\"} 42 " + (START_MS + i * 500L) + "\n");
        }
        return lines;
    }

    private static void run(ScenarioPlan plan) throws InterruptedException {
        RunOptions options = RunOptions.defaults().withClock(Clock.simulated(Instant.ofEpochMilli(START_MS)));
        try (Run run = Sonda.start(plan, options)) {
            run.join();
            assertThat(run.failures()).isEmpty();
        }
    }

    @Test
    void theDefaultRegistryFindsTheEchoProviderThroughItsServicesLine() {
        assertThat(SpecRegistry.defaults().find(SpecKind.SINK, "echo"))
                .hasValueSatisfying(p -> assertThat(p).isInstanceOf(EchoSinkProvider.class));
    }

    @Test
    void aYamlFileWithAnEchoSinkRunsThroughIt() throws InterruptedException {
        EchoSinkProvider.clear("yaml");
        ScenarioPlan plan = ScenarioLoader.load(YAML.formatted("yaml"), "echo.yaml", name -> null);

        run(plan);

        assertThat(plan.entries().get(0).sink()).isEqualTo(new EchoSinkSpec("yaml"));
        assertThat(EchoSinkProvider.echoed("yaml")).containsExactlyElementsOf(expectedLines());
    }

    @Test
    void theDslTakesTheEchoSpecAndEqualsTheYamlPlan() throws InterruptedException {
        EchoSinkProvider.clear("dsl");
        ScenarioPlan plan = Scenario.plan()
                .rate(2)
                .duration("5s")
                .add(Scenario.metrics("echo_m")
                        .id("m")
                        .constant(42)
                        .label("job", "echo")
                        .sink(new EchoSinkSpec("dsl")))
                .build();

        run(plan);

        assertThat(EchoSinkProvider.echoed("dsl")).containsExactlyElementsOf(expectedLines());
        assertThat(ScenarioLoader.load(YAML.formatted("dsl"), "echo.yaml", name -> null))
                .isEqualTo(plan);
    }

    @Test
    void aGenericSpecOfTheEchoTypeResolvesToTheEchoSpec() {
        Problems problems = new Problems();
        Object resolved = SpecRegistry.defaults()
                .resolve(SpecKind.SINK, new SinkSpec.Generic("echo", Map.of("target", "t")), "sink", problems);

        assertThat(problems.list()).isEmpty();
        assertThat(resolved).isEqualTo(new EchoSinkSpec("t"));
    }

    @Test
    void theWriterWritesTheEchoBlockBackForTheLoader() {
        ScenarioPlan plan = ScenarioLoader.load(YAML.formatted("w"), "echo.yaml", name -> null);

        String written = ScenarioWriter.write(plan);

        assertThat(written).contains("type: echo").contains("target: \"w\"");
        assertThat(ScenarioLoader.load(written, "written.yaml", name -> null)).isEqualTo(plan);
    }

    @Test
    void sondaRunWithSinkEchoSendsEveryLineThere() throws Exception {
        EchoSinkProvider.clear("cli");
        Path file = tmp.resolve("echo.yaml");
        Files.writeString(file, YAML.formatted("unused").replace("{type: echo, target: unused}", "{type: stdout}"));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.execute(
                    "run",
                    file.toString(),
                    "--clock",
                    "simulated",
                    "--start",
                    Long.toString(START_MS),
                    "--sink",
                    "echo",
                    "--endpoint",
                    "cli");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(code).as(captured.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("sink: echo (cli)");
        assertThat(EchoSinkProvider.echoed("cli")).containsExactlyElementsOf(expectedLines());
    }
}
