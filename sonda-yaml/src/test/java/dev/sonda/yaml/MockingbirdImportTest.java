package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Entry;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Signal;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.api.workload.Algorithm;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.Push;
import dev.sonda.api.workload.ScheduledSpike;
import dev.sonda.api.workload.Workload;
import dev.sonda.api.workload.WorkloadMetric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MockingbirdImportTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = MockingbirdImportTest.class.getResourceAsStream("/mockingbird/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static LoadResult load(String text, Map<String, String> env) {
        return ScenarioLoader.loadWithWarnings(text, "mb.yaml", env::get, SpecRegistry.defaults());
    }

    private static Workload workload(ScenarioPlan plan) {
        return ((Signal.Workload) plan.entries().get(0).signal()).workload();
    }

    private static final Map<String, String> RESOURCE =
            Map.of("service.name", "synthetic-metrics-generator", "deployment.environment", "dev");

    @Test
    void theReadmesExampleConfigLoadsAsAWorkloadWithMockingbirdsDefaults() throws IOException {
        LoadResult r = load(resource("readme-example.yaml"), Map.of());

        ScenarioPlan expected = Scenario.plan()
                .description("Imported from a Mockingbird configuration")
                .add(Scenario.workload("mockingbird")
                        .rate(1)
                        .seed(42)
                        .control(new Endpoint("0.0.0.0", 8081, null, false))
                        .scrape(new Endpoint("0.0.0.0", 8000, "prom_", false))
                        .push(Push.every(Duration.ofSeconds(10), "otel_"))
                        .profile(LabelProfile.of("low")
                                .values("region", "us-east-1", "eu-west-1")
                                .range("instance", 1, 3, "i-%02d")
                                .seriesCap(1000))
                        .metric(WorkloadMetric.counter("requests_total", "low")
                                .poisson(5, 0.2)
                                .help("Generated counter metric: requests_total"))
                        .sink(new SinkSpec.OtlpGrpc(
                                "http://localhost:4317", "metrics", null, null, null, RESOURCE, Map.of(), null))
                        .onSinkError(dev.sonda.api.OnSinkError.WARN))
                .build();
        assertThat(r.plan()).isEqualTo(expected);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void theBaselineConfigMapsEveryAlgorithmAndItsObjectivesBecomeQuantiles() throws IOException {
        LoadResult r = load(resource("baseline.yaml"), Map.of());
        Workload w = workload(r.plan());

        assertThat(w.metrics())
                .extracting(WorkloadMetric::name)
                .containsExactly("requests_total", "cpu_usage", "req_latency_seconds", "payload_size_bytes");
        assertThat(w.metrics().get(1).algorithm()).isEqualTo(new Algorithm.RandomWalk(0.4, 0.02));
        assertThat(w.metrics().get(1).clamp()).isEqualTo(new WorkloadMetric.Clamp(0, 1));
        assertThat(w.metrics().get(2).algorithm()).isEqualTo(new Algorithm.LogNormal(-2, 0.9));
        assertThat(w.metrics().get(2).buckets()).containsExactly(0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6);
        assertThat(w.metrics().get(3).quantiles()).containsExactly(0.5, 0.9, 0.99);
        assertThat(w.labelsOf(w.metrics().get(0)))
                .extracting(d -> d.name())
                .containsExactly("region", "instance", "endpoint");
        assertThat(r.warnings())
                .extracting(LocatedProblem::toString)
                .singleElement()
                .asString()
                .contains("global.log_format")
                .contains("not imported");
        SinkSpec.OtlpGrpc sink = (SinkSpec.OtlpGrpc) r.plan().entries().get(0).sink();
        assertThat(sink.resourceAttributes()).isEqualTo(RESOURCE);
    }

    @Test
    void valuesAreCoercedAsPydanticDoes() {
        String text =
                """
                global: { tick_interval_s: "2", seed: 7.0, control_api_port: " 9000 " }
                exporters:
                  prometheus: { enabled: yes, port: 9100.0 }
                  otel: { enabled: off }
                profiles: { none: {} }
                metrics:
                  - { name: up, type: gauge, profile: none, algorithm: constant, start: "1.5" }
                """;
        ScenarioPlan plan = load(text, Map.of()).plan();
        Entry e = plan.entries().get(0);
        Workload w = workload(plan);

        assertThat(e.rate()).isEqualTo(0.5);
        assertThat(w.seed()).isEqualTo(7);
        assertThat(w.control().port()).isEqualTo(9000);
        assertThat(w.scrape().port()).isEqualTo(9100);
        assertThat(w.push()).isEqualTo(Push.NONE);
        assertThat(w.metrics().get(0).algorithm()).isEqualTo(new Algorithm.Constant(1.5));
        assertThat(w.labelsOf(w.metrics().get(0))).isEmpty();
    }

    @Test
    void anExplicitZeroStaysZeroWhereMockingbirdWouldTakeTheDefault() {
        String text =
                """
                profiles: { p: { labels: { a: { values: [x] } } } }
                metrics:
                  - { name: flat_total, type: counter, profile: p, algorithm: constant, base_rate: 0 }
                  - { name: never, type: gauge, profile: p, algorithm: bernoulli, p: 0 }
                  - { name: still, type: gauge, profile: p, algorithm: random_walk, step: 0 }
                """;
        Workload w = workload(load(text, Map.of()).plan());

        assertThat(w.metrics())
                .extracting(WorkloadMetric::algorithm)
                .containsExactly(new Algorithm.Constant(0), new Algorithm.Bernoulli(0), new Algorithm.RandomWalk(0, 0));
    }

    @Test
    void unknownAlgorithmsFallBackAsMockingbirdsGeneratorsDo() {
        String text =
                """
                profiles: { p: {} }
                metrics:
                  - { name: a_total, type: counter, profile: p, algorithm: zipf, base_rate: 3 }
                  - { name: b, type: gauge, profile: p, algorithm: brownian }
                  - { name: c, type: summary, profile: p, algorithm: mixture, mu: 1, sigma: 2 }
                  - { name: d, type: histogram, profile: p, algorithm: mixture,
                      components: [{ type: lognormal, weight: 9, mu: -3, sigma: 0.6 }, { type: weird, weight: 1 }] }
                """;
        Workload w = workload(load(text, Map.of()).plan());

        assertThat(w.metrics())
                .extracting(WorkloadMetric::algorithm)
                .containsExactly(
                        new Algorithm.Poisson(3, 0, 0),
                        new Algorithm.RandomWalk(0, 0.1),
                        new Algorithm.LogNormal(1, 2),
                        new Algorithm.Mixture(List.of(
                                new Algorithm.Mixture.Component(9, new Algorithm.LogNormal(-3, 0.6)),
                                new Algorithm.Mixture.Component(1, new Algorithm.LogNormal(0, 1)))));
    }

    @Test
    void defectsMockingbirdAcceptsAreErrorsWithTheirPositions() {
        String text =
                """
                profiles:
                  p:
                    labels:
                      a: { range: [1, 2, 3] }
                    series_cap: -5
                metrics:
                  - { name: c, type: gauge, profile: p, algorithm: random_walk, clamp: [0, 1, 2] }
                  - { name: d, type: gauge, profile: missing, algorithm: sine }
                """;
        assertThatThrownBy(() -> load(text, Map.of()))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("mb.yaml:4:19: profiles.p.labels.a.range: range must be [start, end]")
                .hasMessageContaining("mb.yaml:5:17: profiles.p.series_cap: series_cap must be at least 0")
                .hasMessageContaining("metrics[0].clamp: clamp must be [min, max]")
                .hasMessageContaining("metrics[1].profile: metric 'd' refers to the profile 'missing'");
    }

    @Test
    void aFileWithoutMetricsIsAnErrorInsteadOfARunThatGeneratesNothing() {
        assertThatThrownBy(() -> load("profiles: { p: {} }\n", Map.of()))
                .hasMessageContaining("a Mockingbird file needs a metrics: list");
    }

    @Test
    void onStartSpikesAreScheduledAtTheStartAndHttpIsHonoured() {
        String text =
                """
                exporters:
                  otel: { endpoint: "collector:4318", protocol: http, headers: { authorization: "Bearer x" } }
                profiles: { p: {} }
                metrics: [{ name: cpu, type: gauge, profile: p, algorithm: sine }]
                runtime:
                  on_start: [{ action: spike, metric: cpu, multiplier: 4, duration_s: 30 }]
                  failure_modes: { drop: 0.1 }
                """;
        LoadResult r = load(text, Map.of("OTEL_ENDPOINT", "otel.local:4318"));
        Workload w = workload(r.plan());

        assertThat(w.spikes()).containsExactly(new ScheduledSpike("cpu", 4, Duration.ZERO, Duration.ofSeconds(30)));
        SinkSpec.OtlpHttp sink = (SinkSpec.OtlpHttp) r.plan().entries().get(0).sink();
        assertThat(sink.endpoint()).isEqualTo("http://otel.local:4318");
        assertThat(sink.headers()).containsEntry("authorization", "Bearer x");
        assertThat(r.warnings()).extracting(LocatedProblem::toString).anyMatch(s -> s.contains("failure_modes"));
    }

    @Test
    void unknownKeysAreWarningsAsMockingbirdIgnoresThem() {
        String text =
                """
                profiles: { p: {} }
                metrics: [{ name: g, type: gauge, profile: p, algorithm: sine, amplitude: 3 }]
                """;
        assertThat(load(text, Map.of()).warnings())
                .extracting(LocatedProblem::toString)
                .singleElement()
                .asString()
                .contains("metrics[0].amplitude")
                .contains("Mockingbird ignores the key 'amplitude'");
    }

    @Test
    void anImportedFileWritesAsAV2FileThatReadsBackToTheSamePlan() throws IOException {
        // The OTLP sinks' provider lives in sonda-otlp; without it, the push is off.
        String text = resource("baseline.yaml").replace("  otel:\n    enabled: true", "  otel:\n    enabled: false");
        ScenarioPlan imported = load(text, Map.of()).plan();
        assertThat(imported.entries().get(0).sink()).isNull();
        String v2 = ScenarioWriter.write(imported);

        assertThat(v2).startsWith("version: 2\nkind: runnable\n").contains("signal_type: workload");
        assertThat(ScenarioLoader.load(v2, "converted.yaml")).isEqualTo(imported);
    }

    @Test
    void aV2FileIsNeverTakenForAMockingbirdOne() {
        Map<String, Object> notMb = new LinkedHashMap<>();
        notMb.put("version", 2);
        assertThat(MockingbirdReader.recognises(YamlTree.parse(
                        EnvInterpolation.apply("version: 2\nmetrics: []\n", k -> null, 1 << 20),
                        new Diagnostics(),
                        LoadLimits.defaults())))
                .isFalse();
    }
}
