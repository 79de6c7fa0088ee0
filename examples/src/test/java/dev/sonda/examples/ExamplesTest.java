package dev.sonda.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.cli.Main;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.Sonda;
import dev.sonda.yaml.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ExamplesTest {
    /** Every example file and its DSL twin. */
    private static final Map<String, Supplier<ScenarioPlan>> TWINS = Map.ofEntries(
            Map.entry("hello.yaml", ExamplePlans::hello),
            Map.entry("quick-start.yaml", ExamplePlans::quickStart),
            Map.entry("multi-metric-correlation.yaml", ExamplePlans::multiMetricCorrelation),
            Map.entry("sequence-alert-test.yaml", ExamplePlans::sequenceAlertTest),
            Map.entry("link-failover.yaml", ExamplePlans::linkFailover),
            Map.entry("log-template.yaml", ExamplePlans::logTemplate),
            Map.entry("multi-scenario.yaml", ExamplePlans::multiScenario),
            Map.entry("csv-replay.yaml", ExamplePlans::csvReplay),
            Map.entry("otlp-grpc.yaml", ExamplePlans::otlpGrpc),
            Map.entry("otlp-logs.yaml", ExamplePlans::otlpLogs),
            Map.entry("remote-write.yaml", ExamplePlans::remoteWrite),
            Map.entry("kafka.yaml", ExamplePlans::kafka),
            Map.entry("traces-checkout.yaml", ExamplePlans::tracesCheckout),
            Map.entry("workload-100k.yaml", ExamplePlans::workload100k));

    private static List<Path> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("."))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyExampleFileHasADslTwin() throws IOException {
        assertThat(exampleFiles().stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrderElementsOf(TWINS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachExampleLoadsToTheSamePlanAsItsDslTwin() throws IOException {
        return exampleFiles().stream()
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    Supplier<ScenarioPlan> twin = TWINS.get(p.getFileName().toString());
                    assertThat(twin).as("DSL twin of %s", p).isNotNull();
                    assertThat(ScenarioLoader.load(p)).isEqualTo(twin.get());
                }));
    }

    @TestFactory
    Stream<DynamicTest> eachExamplePassesDryRun() throws IOException {
        return exampleFiles().stream()
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> assertThat(
                                Main.execute("run", p.toString(), "--dry-run", "-q"))
                        .isZero()));
    }

    @Test
    void theLinkFailoverCascadeResolvesToTheDocumentedOffsets() {
        List<CompiledEntry> entries = Sonda.compile(ExamplePlans.linkFailover()).entries();

        assertThat(entries)
                .extracting(CompiledEntry::phaseOffset)
                .containsExactly(Duration.ZERO, Duration.ofSeconds(60), Duration.ofMillis(152_308));
        assertThat(entries.get(1).clockGroup()).isEqualTo("chain_backup_link_utilization");
        assertThat(entries.get(1).clockGroupAuto()).isTrue();
    }

    @Test
    void onTheSimulatedClockTheCascadeStartsExactlyAtItsOffsets() {
        dev.sonda.junit5.Captured captured = dev.sonda.junit5.Captured.simulate(ExamplePlans.linkFailover());

        assertThat(captured.series("interface_oper_state").offset(0)).isEqualTo(Duration.ZERO);
        assertThat(captured.series("backup_link_utilization").offset(0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(captured.series("latency_ms").offset(0)).isEqualTo(Duration.ofMillis(152_308));
        // the primary link is down (0) from 60 s to 90 s, when the backup starts filling
        assertThat(captured.series("interface_oper_state").value(60)).isZero();
        assertThat(captured.series("backup_link_utilization").value(0)).isEqualTo(20.0);
    }
}
