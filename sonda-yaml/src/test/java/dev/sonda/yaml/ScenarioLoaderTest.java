package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Comparison;
import dev.sonda.api.Defaults;
import dev.sonda.api.DelayClause;
import dev.sonda.api.Distribution;
import dev.sonda.api.Entry;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.PlanKind;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Severity;
import dev.sonda.api.Signal;
import dev.sonda.api.WhileClause;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.generator.LogGeneratorSpec.LogTemplate;
import dev.sonda.api.sink.SinkSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each documented example file loads to the IR the Java DSL builds for the same scenario. */
class ScenarioLoaderTest {

    static String resource(String name) {
        try (InputStream in = ScenarioLoaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ScenarioPlan example(String file) {
        return ScenarioLoader.load(resource("/examples/" + file), file, name -> null);
    }

    @Test
    void theQuickStartExampleLoadsToTheDslPlan() {
        ScenarioPlan expected = Scenario.plan()
                .rate(1)
                .duration("30s")
                .encoder(EncoderSpec.prometheusText())
                .sink(SinkSpec.stdout())
                .add(Scenario.metrics("demo_cpu").id("cpu").constant(42))
                .build();

        assertThat(example("quick-start.yaml")).isEqualTo(expected);
    }

    @Test
    void theMultiScenarioExampleLoadsToTheDslPlan() {
        ScenarioPlan expected = Scenario.plan()
                .add(Scenario.metrics("cpu_usage")
                        .rate(100)
                        .duration("30s")
                        .sine(50, 60, 50)
                        .encoder(EncoderSpec.prometheusText())
                        .sink(SinkSpec.stdout()))
                .add(Scenario.logs("app_logs")
                        .rate(10)
                        .duration("30s")
                        .template(
                                List.of(new LogTemplate(
                                        "Request from {ip} to {endpoint}",
                                        Map.of(
                                                "ip", List.of("10.0.0.1", "10.0.0.2"),
                                                "endpoint", List.of("/api/v1/health", "/api/v1/metrics")))),
                                Map.of(Severity.INFO, 0.7, Severity.WARN, 0.2, Severity.ERROR, 0.1),
                                42)
                        .encoder(EncoderSpec.jsonLines())
                        .sink(SinkSpec.file("/tmp/sonda-logs.json")))
                .build();

        assertThat(example("multi-scenario.yaml")).isEqualTo(expected);
    }

    @Test
    void theMultiMetricCorrelationExampleLoadsToTheDslPlan() {
        ScenarioPlan expected = Scenario.plan()
                .add(Scenario.metrics("cpu_usage")
                        .rate(1)
                        .duration("120s")
                        .clockGroup("alert-test")
                        .sequence(20, 20, 20, 95, 95, 95, 95, 95, 20, 20)
                        .label("instance", "server-01")
                        .label("job", "node")
                        .encoder(EncoderSpec.prometheusText())
                        .sink(SinkSpec.stdout()))
                .add(Scenario.metrics("memory_usage_percent")
                        .rate(1)
                        .duration("120s")
                        .phaseOffset("3s")
                        .clockGroup("alert-test")
                        .sequence(40, 40, 40, 88, 88, 88, 88, 88, 40, 40)
                        .label("instance", "server-01")
                        .label("job", "node")
                        .encoder(EncoderSpec.prometheusText())
                        .sink(SinkSpec.stdout()))
                .build();

        assertThat(example("multi-metric-correlation.yaml")).isEqualTo(expected);
    }

    @Test
    void theSequenceAlertTestShorthandLoadsToTheDslPlan() {
        ScenarioPlan expected = Scenario.metrics("cpu_spike_test")
                .rate(1)
                .duration("80s")
                .sequence(10, 10, 10, 10, 10, 10, 10, 10, 95, 95, 95, 95, 95, 10, 10, 10)
                .labels(Map.of("instance", "server-01", "job", "node"))
                .encoder(EncoderSpec.prometheusText())
                .sink(SinkSpec.stdout())
                .buildPlan();

        assertThat(example("sequence-alert-test.yaml")).isEqualTo(expected);
    }

    @Test
    void theLinkFailoverCascadeLoadsToTheDslPlan() {
        ScenarioPlan expected = Scenario.plan()
                .scenarioName("link-failover")
                .tags("network")
                .description("Edge router link failure with traffic shift to backup")
                .rate(1)
                .duration("5m")
                .encoder(EncoderSpec.prometheusText())
                .sink(SinkSpec.stdout())
                .label("device", "rtr-edge-01")
                .label("job", "network")
                .add(Scenario.metrics("interface_oper_state")
                        .id("interface_oper_state")
                        .flap(Duration.ofSeconds(60), Duration.ofSeconds(30))
                        .label("interface", "GigabitEthernet0/0/0"))
                .add(Scenario.metrics("backup_link_utilization")
                        .id("backup_link_utilization")
                        .saturation(20, 85, Duration.ofMinutes(2))
                        .label("interface", "GigabitEthernet0/1/0")
                        .after("interface_oper_state", "<", 1))
                .add(Scenario.metrics("latency_ms")
                        .id("latency_ms")
                        .degradation(5, 150, Duration.ofMinutes(3), 1.0)
                        .label("path", "backup")
                        .after("backup_link_utilization", ">", 70))
                .build();

        assertThat(example("link-failover.yaml")).isEqualTo(expected);
    }

    @Test
    void aPackEntryLoadsToTheDslPlan() {
        ScenarioPlan expected = Scenario.plan()
                .rate(1)
                .duration("60s")
                .encoder(EncoderSpec.prometheusText())
                .sink(SinkSpec.stdout())
                .add(Scenario.pack("telegraf_snmp_interface")
                        .id("edge_router_snmp")
                        .label("device", "rtr-edge-01")
                        .label("ifName", "GigabitEthernet0/0/0")
                        .label("ifIndex", "1"))
                .build();

        assertThat(example("pack-entry.yaml")).isEqualTo(expected);
    }

    @Test
    void theFlatShorthandLoadsToAOneEntryPlan() {
        ScenarioPlan expected = Scenario.metrics("interface_oper_state")
                .rate(1000)
                .duration("30s")
                .sine(5, 30, 10)
                .gaps("2m", "20s")
                .bursts("10s", "2s", 5)
                .label("hostname", "t0-a1")
                .label("zone", "eu1")
                .encoder(EncoderSpec.prometheusText())
                .sink(SinkSpec.stdout())
                .buildPlan();

        assertThat(example("flat-basic-metrics.yaml")).isEqualTo(expected);
    }

    @Test
    void aLogsEntryLoadsToTheDslPlan() {
        ScenarioPlan expected = Scenario.plan()
                .add(Scenario.logs("app_logs_template")
                        .rate(10)
                        .duration("60s")
                        .template(
                                List.of(new LogTemplate(
                                        "Request from {ip} to {endpoint} returned {status}",
                                        Map.of(
                                                "ip", List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"),
                                                "endpoint", List.of("/api/v1/health", "/api/v1/metrics"),
                                                "status", List.of("200", "404", "500")))),
                                Map.of(Severity.INFO, 0.7, Severity.WARN, 0.2, Severity.ERROR, 0.1),
                                42)
                        .label("device", "wlan0")
                        .label("hostname", "router-01")
                        .gaps("2m", "20s")
                        .bursts("5s", "1s", 10)
                        .encoder(EncoderSpec.jsonLines())
                        .sink(SinkSpec.stdout()))
                .build();

        assertThat(example("log-template.yaml")).isEqualTo(expected);
    }

    @Test
    void aHistogramAndASummaryLoadWithTheReferenceDefaults() {
        ScenarioPlan expected = Scenario.plan()
                .rate(1)
                .duration("1m")
                .add(Scenario.histogram("http_request_duration_seconds")
                        .id("latency")
                        .distribution(new Distribution.Exponential(10))
                        .buckets(0.01, 0.05, 0.1, 0.5, 1, 5)
                        .observationsPerTick(200)
                        .seed(42)
                        .label("service", "checkout"))
                .add(Scenario.summary("rpc_duration_seconds")
                        .distribution(new Distribution.Normal(0.1, 0.02))
                        .meanShiftPerSec(0.001))
                .build();

        ScenarioPlan loaded = example("histogram.yaml");

        assertThat(loaded).isEqualTo(expected);
        Signal.Summary summary = (Signal.Summary) loaded.entries().get(1).signal();
        assertThat(summary.quantiles()).isEqualTo(Signal.DEFAULT_QUANTILES);
        assertThat(summary.observationsPerTick()).isEqualTo(100);
    }

    @Test
    void theSinkErrorPolicyExampleTakesItsLokiUrlFromTheEnvironmentOrTheDefault() {
        ScenarioPlan expected = Scenario.plan()
                .rate(100)
                .duration("30s")
                .onSinkError(OnSinkError.WARN)
                .encoder(EncoderSpec.prometheusText())
                .sink(new SinkSpec.Loki("http://loki:3100", null, null, null, null))
                .add(Scenario.logs("noisy_logs")
                        .id("noisy_logs")
                        .encoder(EncoderSpec.jsonLines())
                        .template(List.of(new LogTemplate("request handled", Map.of())), Map.of()))
                .add(Scenario.metrics("canary")
                        .id("canary")
                        .onSinkError(OnSinkError.FAIL)
                        .constant(1))
                .build();

        String yaml = resource("/examples/sink-error-policy.yaml");

        assertThat(ScenarioLoader.load(yaml, "policy.yaml", Map.of("LOKI_URL", "http://loki:3100")::get))
                .isEqualTo(expected);
        assertThat(((SinkSpec.Loki) ScenarioLoader.load(yaml, "policy.yaml", name -> null)
                                .defaults()
                                .sink())
                        .url())
                .isEqualTo("http://localhost:3100");
    }

    @Test
    void theHeldCounterExampleKeepsItsCrossPostWhileAndSnapTo() {
        Entry counter = new Entry(
                "bgp_oper_state",
                "bgp_oper_state",
                new Signal.Metrics(new GeneratorSpec.Constant(1)),
                null,
                null,
                null,
                Map.of("device", "rtr-edge-01", "peer", "10.0.0.1"),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                new WhileClause(
                        "link_state", Comparison.GREATER_THAN, 0, "outage_signal_post", WhileClause.IfUnresolved.OPEN),
                new DelayClause(null, Duration.ZERO, 1.0, null),
                null,
                null,
                null);
        Defaults defaults = new Defaults(
                1.0,
                Duration.ofHours(1),
                null,
                EncoderSpec.prometheusText(),
                // no provider of remote_write here (it comes with its module): kept as the generic block
                new SinkSpec.Generic("remote_write", Map.of("url", "http://localhost:8428/api/v1/write")),
                Map.of(),
                null,
                null,
                null);
        ScenarioPlan expected = new ScenarioPlan(
                        2, PlanKind.RUNNABLE, "held_counter_post", null, List.of(), defaults, List.of(counter), null)
                .validate();

        assertThat(example("held-counter.yaml")).isEqualTo(expected);
    }

    @Test
    void aV1FileIsRejectedWithTheMigrationHint() {
        String v1 = "name: cpu\nrate: 1\ngenerator:\n  type: constant\n  value: 1\n";

        assertThatThrownBy(() -> ScenarioLoader.load(v1, "old.yaml"))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessage("old.yaml:1:1: version: scenario old.yaml is not a v2 scenario. Sonda only accepts v2"
                        + " YAML ('version: 2' at the top level). Migrate this file to v2 — see"
                        + " docs/configuration/v2-scenarios.md for the migration guide.");
    }

    @Test
    void aQuotedVersionIsNotTheInteger2() {
        assertThatThrownBy(() -> ScenarioLoader.load("version: \"2\"\nkind: runnable\n", "q.yaml"))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("q.yaml:1:10: version: scenario q.yaml is not a v2 scenario");
    }

    @Test
    void scalarsAreCoercedIntoStringAndNumberFieldsAsTheReferenceDoes() {
        String yaml =
                """
                version: 2
                kind: runnable
                name: http_requests
                rate: 2
                generator: {type: sequence, values: [1, 2.5, .inf, -.inf, -0.0, 1e3]}
                labels: {status: 200, ok: true, ratio: 0.5, empty: ""}
                """;

        Entry e = ScenarioLoader.load(yaml, "c.yaml").entries().get(0);

        assertThat(e.labels())
                .containsExactlyInAnyOrderEntriesOf(Map.of("status", "200", "ok", "true", "ratio", "0.5", "empty", ""));
        assertThat(e.rate()).isEqualTo(2.0);
        assertThat(((GeneratorSpec.Sequence) ((Signal.Metrics) e.signal()).generator()).values())
                .containsExactly(1.0, 2.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1000.0);
    }

    @Test
    void anUnknownGeneratorEncoderAndSinkTypeBecomeGenericSpecsForPlugins() {
        String yaml =
                """
                version: 2
                kind: runnable
                name: custom
                rate: 1
                generator: {type: random_walk, start: 5, step: 0.5, clamp: true, tags: [a, 1], nested: {k: v}}
                encoder: {type: carbon, prefix: sonda}
                sink: {type: nats, subject: metrics.>, big: 18446744073709551615}
                """;

        Entry e = ScenarioLoader.load(yaml, "g.yaml").entries().get(0);

        assertThat(((Signal.Metrics) e.signal()).generator())
                .isEqualTo(new GeneratorSpec.Generic(
                        "random_walk",
                        Map.of(
                                "start",
                                5L,
                                "step",
                                0.5,
                                "clamp",
                                true,
                                "tags",
                                List.of("a", 1L),
                                "nested",
                                Map.of("k", "v"))));
        assertThat(e.encoder()).isEqualTo(new EncoderSpec.Generic("carbon", Map.of("prefix", "sonda")));
        assertThat(e.sink())
                .isEqualTo(new SinkSpec.Generic(
                        "nats",
                        Map.of("subject", "metrics.>", "big", new java.math.BigInteger("18446744073709551615"))));
    }

    @Test
    void operationalAliasesTakeTheReferenceDefaults() {
        String yaml =
                """
                version: 2
                kind: runnable
                defaults: {rate: 1}
                scenarios:
                  - {signal_type: metrics, name: a, generator: {type: steady}}
                  - {signal_type: metrics, name: b, generator: {type: flap, enum: oper_state}}
                  - {signal_type: metrics, name: c, generator: {type: saturation}}
                  - {signal_type: metrics, name: d, generator: {type: leak}}
                  - {signal_type: metrics, name: e, generator: {type: degradation, noise_seed: 7}}
                  - {signal_type: metrics, name: f, generator: {type: spike_event}}
                  - {signal_type: metrics, name: g, generator: {type: step, step_size: 2}}
                  - {signal_type: metrics, name: h, generator: {type: uniform, min: 0, max: 1}}
                """;

        List<GeneratorSpec> generators = ScenarioLoader.load(yaml, "a.yaml").entries().stream()
                .map(e -> ((Signal.Metrics) e.signal()).generator())
                .toList();

        assertThat(generators)
                .containsExactly(
                        new GeneratorSpec.Steady(50, 10, Duration.ofSeconds(60), 1, null),
                        new GeneratorSpec.Flap(
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(5),
                                null,
                                null,
                                GeneratorSpec.FlapEnum.OPER_STATE),
                        new GeneratorSpec.Saturation(0, 100, Duration.ofMinutes(5)),
                        new GeneratorSpec.Leak(0, 100, Duration.ofMinutes(10)),
                        new GeneratorSpec.Degradation(0, 100, Duration.ofMinutes(5), 1, 7L),
                        new GeneratorSpec.SpikeEvent(0, 100, Duration.ofSeconds(10), Duration.ofSeconds(30)),
                        new GeneratorSpec.Step(0, 2, null),
                        new GeneratorSpec.Uniform(0, 1, null));
    }

    @Test
    void aComposableFileLoadsAsAPackDefinition() {
        String yaml =
                """
                version: 2
                kind: composable
                name: node_exporter_memory
                description: Memory gauge metrics (node_exporter-compatible)
                category: infrastructure
                shared_labels: {instance: "", job: node_exporter}
                metrics:
                  - name: node_memory_MemTotal_bytes
                    generator: {type: constant, value: 17179869184.0}
                  - name: node_memory_MemFree_bytes
                    labels: {kind: free}
                extra_ignored_key: 1
                """;

        ScenarioPlan plan = ScenarioLoader.load(yaml, "pack.yaml");

        assertThat(plan.kind()).isEqualTo(PlanKind.COMPOSABLE);
        assertThat(plan.entries()).isEmpty();
        assertThat(plan.pack())
                .isEqualTo(new dev.sonda.api.MetricPack(
                        "node_exporter_memory",
                        "Memory gauge metrics (node_exporter-compatible)",
                        "infrastructure",
                        Map.of("instance", "", "job", "node_exporter"),
                        List.of(
                                new dev.sonda.api.PackMetric(
                                        "node_memory_MemTotal_bytes",
                                        Map.of(),
                                        new GeneratorSpec.Constant(17179869184.0)),
                                new dev.sonda.api.PackMetric(
                                        "node_memory_MemFree_bytes", Map.of("kind", "free"), null)),
                        List.of(),
                        null));
    }

    @Test
    void aFileThatCannotBeReadIsASondaException() {
        assertThatThrownBy(() -> ScenarioLoader.load(java.nio.file.Path.of("/does/not/exist.yaml")))
                .isInstanceOf(dev.sonda.api.SondaException.class)
                .hasMessageStartingWith("failed to read scenario file /does/not/exist.yaml");
    }
}
