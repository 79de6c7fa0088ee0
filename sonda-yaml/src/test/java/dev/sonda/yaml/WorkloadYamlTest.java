package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.generator.GeneratorSpec;
import dev.sonda.api.workload.Algorithm;
import dev.sonda.api.workload.Churn;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.LabelRotation;
import dev.sonda.api.workload.Push;
import dev.sonda.api.workload.SeriesCount;
import dev.sonda.api.workload.WorkloadMetric;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadYamlTest {
    static final String FULL =
            """
            version: 2
            kind: runnable
            scenarios:
              - signal_type: workload
                name: shop
                rate: 1
                duration: 10m
                labels: { env: staging }
                workload:
                  seed: 42
                  threads: 2
                  shard: "1/4"
                  profiles:
                    low:
                      labels:
                        region: { values: [us-east-1, eu-west-1] }
                        instance: { range: [1, 3], fmt: "i-%02d" }
                      series_cap: 1000
                      sampling: hash
                  metrics:
                    - name: requests_total
                      type: counter
                      profile: low
                      algorithm: poisson
                      base_rate: 5
                      diurnal_amp: 0.2
                      labels:
                        endpoint: { values: [/, /login] }
                      reset_every: 1h
                    - name: cpu_usage
                      type: gauge
                      profile: low
                      algorithm: random_walk
                      start: 0.4
                      step: 0.02
                      clamp: [0, 1]
                    - name: queue_depth
                      type: gauge
                      profile: low
                      algorithm: sawtooth
                      min: 0
                      max: 1000
                      period: 10m
                    - name: link
                      type: gauge
                      profile: low
                      algorithm: generator
                      generator: { type: flap, up_duration: 60s, down_duration: 30s }
                    - name: latency_seconds
                      type: histogram
                      profile: low
                      algorithm: mixture
                      components:
                        - { type: lognormal, weight: 0.9, mu: -3, sigma: 0.6 }
                        - { type: exponential, weight: 0.1, rate: 2 }
                      buckets: [0.01, 0.1, 1]
                    - name: size_bytes
                      type: summary
                      profile: low
                      algorithm: exponential
                      rate: 0.001
                      quantiles: [0.5, 0.99]
                      window: 5m
                  churn:
                    series_every: 10m
                    labels: [{ label: instance, every: 5m, fraction: 0.5 }]
                    series_count: { mode: double_halve, start: 3, every: 1m }
                  spikes: [{ metric: cpu_usage, multiplier: 3, at: 2m, for: 30s }]
                  scrape: { port: 8000, prefix: prom_, timestamps: true }
                  control: { port: 8081, bind_address: 127.0.0.1 }
                  push: { every: 10s, prefix: otel_ }
                sink: { type: stdout }
            """;

    static ScenarioPlan twin() {
        return Scenario.plan()
                .add(Scenario.workload("shop")
                        .rate(1)
                        .duration("10m")
                        .label("env", "staging")
                        .seed(42)
                        .threads(2)
                        .shard(1, 4)
                        .profile(LabelProfile.of("low")
                                .values("region", "us-east-1", "eu-west-1")
                                .range("instance", 1, 3, "i-%02d")
                                .seriesCap(1000)
                                .sampling(LabelProfile.Sampling.HASH))
                        .metric(WorkloadMetric.counter("requests_total", "low")
                                .poisson(5, 0.2)
                                .label("endpoint", "/", "/login")
                                .resetEvery(Duration.ofHours(1)))
                        .metric(WorkloadMetric.gauge("cpu_usage", "low")
                                .randomWalk(0.4, 0.02)
                                .clamp(0, 1))
                        .metric(WorkloadMetric.gauge("queue_depth", "low").sawtooth(0, 1000, Duration.ofMinutes(10)))
                        .metric(WorkloadMetric.gauge("link", "low")
                                .generator(new GeneratorSpec.Flap(
                                        Duration.ofSeconds(60), Duration.ofSeconds(30), null, null, null)))
                        .metric(WorkloadMetric.histogram("latency_seconds", "low")
                                .mixture(
                                        new Algorithm.Mixture.Component(0.9, new Algorithm.LogNormal(-3, 0.6)),
                                        new Algorithm.Mixture.Component(0.1, new Algorithm.Exponential(2)))
                                .buckets(0.01, 0.1, 1))
                        .metric(WorkloadMetric.summary("size_bytes", "low")
                                .exponential(0.001)
                                .quantiles(0.5, 0.99)
                                .window(Duration.ofMinutes(5)))
                        .churn(new Churn(
                                Duration.ofMinutes(10),
                                null,
                                null,
                                List.of(new LabelRotation("instance", Duration.ofMinutes(5), 0.5)),
                                new SeriesCount.DoubleHalve(3, Duration.ofMinutes(1))))
                        .spike("cpu_usage", 3, Duration.ofMinutes(2), Duration.ofSeconds(30))
                        .scrape(Endpoint.port(8000).withPrefix("prom_").withTimestamps(true))
                        .control(Endpoint.port(8081).withBindAddress("127.0.0.1"))
                        .push(Push.every(Duration.ofSeconds(10), "otel_"))
                        .sink(new dev.sonda.api.sink.SinkSpec.Stdout()))
                .build();
    }

    @Test
    void aWorkloadFileLoadsToTheSamePlanAsItsDslTwin() {
        assertThat(ScenarioLoader.load(FULL, "w.yaml")).isEqualTo(twin());
    }

    @Test
    void aWrittenWorkloadReadsBackToAnEqualPlan() {
        String text = ScenarioWriter.write(twin());
        assertThat(ScenarioLoader.load(text, "again.yaml")).isEqualTo(twin());
    }

    @Test
    void aSingleWorkloadFileNeedsNoScenariosList() {
        String flat =
                """
                version: 2
                kind: runnable
                name: w
                rate: 1
                workload:
                  profiles: { p: { labels: { a: { values: [x] } } } }
                  metrics: [{ name: g, type: gauge, profile: p, algorithm: constant, value: 1 }]
                """;
        ScenarioPlan plan = ScenarioLoader.load(flat, "flat.yaml");
        assertThat(plan.entries().get(0).signal()).isInstanceOf(dev.sonda.api.Signal.Workload.class);
    }

    @Test
    void mistakesAreReportedWithTheirPositionAndADidYouMean() {
        String bad =
                """
                version: 2
                kind: runnable
                scenarios:
                  - signal_type: workload
                    name: w
                    rate: 1
                    workload:
                      profiles:
                        p:
                          labels:
                            a: { range: [1, 2, 3] }
                      metrics:
                        - name: c
                          type: counter
                          profile: p
                          algorithm: poisson
                          base_rat: 5
                        - name: g
                          type: gauge
                          profile: q
                          algorithm: walk
                """;
        assertThatThrownBy(() -> ScenarioLoader.load(bad, "bad.yaml"))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("bad.yaml:11:25: scenarios[0].workload.profiles.p.labels.a.range")
                .hasMessageContaining("range must be [start, end]")
                .hasMessageContaining("bad.yaml:17:11")
                .hasMessageNotContaining("at least one metric")
                .hasMessageContaining("did you mean 'base_rate'")
                .hasMessageContaining("scenarios[0].workload.metrics[1].algorithm");
    }
}
