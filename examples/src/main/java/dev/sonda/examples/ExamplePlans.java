package dev.sonda.examples;

import dev.sonda.api.Distribution;
import dev.sonda.api.MetricType;
import dev.sonda.api.Offset;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.Severity;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.EventType;
import dev.sonda.api.event.InfraEvent;
import dev.sonda.api.generator.LogGeneratorSpec.LogTemplate;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.Service;
import dev.sonda.api.trace.SpanKind;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelProfile;
import dev.sonda.api.workload.Push;
import dev.sonda.api.workload.WorkloadMetric;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Each example file of {@code examples/}, written with the Java DSL. A test checks that every
 * method builds exactly the plan its file loads to, so the two forms can be read side by side.
 */
public final class ExamplePlans {
    private ExamplePlans() {}

    /**
     * {@code hello.yaml}: a CPU-like sine gauge, one sample per second for ten seconds.
     *
     * @return the plan
     */
    public static ScenarioPlan hello() {
        return Scenario.metrics("cpu_usage")
                .id("cpu")
                .rate(1)
                .duration("10s")
                .sine(40, 60, 50)
                .label("hostname", "t0-a1")
                .label("zone", "eu1")
                .buildPlan();
    }

    /**
     * {@code quick-start.yaml}: the documentation's minimal file, a constant for 30 seconds.
     *
     * @return the plan
     */
    public static ScenarioPlan quickStart() {
        return Scenario.plan()
                .rate(1)
                .duration("30s")
                .encoder(EncoderSpec.prometheusText())
                .sink(SinkSpec.stdout())
                .add(Scenario.metrics("demo_cpu").id("cpu").constant(42))
                .build();
    }

    /**
     * {@code multi-metric-correlation.yaml}: CPU and memory spikes three seconds apart, for testing
     * a compound alert.
     *
     * @return the plan
     */
    public static ScenarioPlan multiMetricCorrelation() {
        return Scenario.plan()
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
    }

    /**
     * {@code sequence-alert-test.yaml}: a repeating 16-tick pattern that crosses a 90% threshold
     * for five ticks (single-signal shorthand).
     *
     * @return the plan
     */
    public static ScenarioPlan sequenceAlertTest() {
        return Scenario.metrics("cpu_spike_test")
                .rate(1)
                .duration("80s")
                .sequence(10, 10, 10, 10, 10, 10, 10, 10, 95, 95, 95, 95, 95, 10, 10, 10)
                .labels(Map.of("instance", "server-01", "job", "node"))
                .encoder(EncoderSpec.prometheusText())
                .sink(SinkSpec.stdout())
                .buildPlan();
    }

    /**
     * {@code link-failover.yaml}: the primary link flaps down at 60 s, the backup saturates from
     * then on, and latency degrades once the backup passes 70% (offsets 1m and 152.308s).
     *
     * @return the plan
     */
    public static ScenarioPlan linkFailover() {
        return Scenario.plan()
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
    }

    /**
     * {@code log-template.yaml}: templated access logs as JSON lines, with gaps and bursts.
     *
     * @return the plan
     */
    public static ScenarioPlan logTemplate() {
        return Scenario.plan()
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
    }

    /**
     * {@code multi-scenario.yaml}: a metric on stdout and templated logs into a file, side by side.
     *
     * @return the plan
     */
    public static ScenarioPlan multiScenario() {
        return Scenario.plan()
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
    }

    /**
     * {@code csv-replay.yaml}: a Grafana CSV export replayed at its recorded cadence, one series
     * per column.
     *
     * @return the plan
     */
    public static ScenarioPlan csvReplay() {
        return Scenario.metrics("cpu_usage_percent")
                .id("replay")
                .rate(0.1)
                .duration("200s")
                .csvReplay("data/cpu-replay.csv", false)
                .buildPlan();
    }

    /**
     * {@code otlp-grpc.yaml}: a gauge, a counter and a histogram exported as OTLP over gRPC, 20 data
     * points per export, with a {@code service.name} resource attribute.
     *
     * @return the plan
     */
    public static ScenarioPlan otlpGrpc() {
        return Scenario.plan()
                .rate(1)
                .duration("5m")
                .label("job", "checkout")
                .sink(SinkSpec.otlpGrpc("http://localhost:4317", "metrics")
                        .withBatchSize(20)
                        .withResourceAttributes(Map.of("service.name", "checkout")))
                .add(Scenario.metrics("cpu_usage").sine(40, 60, 50).label("host", "web-1"))
                .add(Scenario.metrics("http_requests_total")
                        .metricType(MetricType.COUNTER)
                        .step(5))
                .add(Scenario.histogram("http_request_duration_seconds")
                        .distribution(new Distribution.Exponential(10.0))
                        .buckets(0.01, 0.05, 0.1, 0.5, 1)
                        .observationsPerTick(50)
                        .seed(42))
                .build();
    }

    /**
     * {@code otlp-logs.yaml}: templated access logs exported as OTLP log records over gRPC.
     *
     * @return the plan
     */
    public static ScenarioPlan otlpLogs() {
        return Scenario.logs("access_logs")
                .rate(5)
                .duration("1m")
                .template(
                        List.of(new LogTemplate(
                                "GET {path} from {ip} returned {status}",
                                Map.of(
                                        "path", List.of("/api/v1/cart", "/api/v1/checkout"),
                                        "ip", List.of("10.0.0.1", "10.0.0.2"),
                                        "status", List.of("200", "500")))),
                        Map.of(Severity.INFO, 0.9, Severity.ERROR, 0.1),
                        7)
                .label("env", "prod")
                .sink(SinkSpec.otlpGrpc("http://localhost:4317", "logs")
                        .withResourceAttributes(Map.of("service.name", "checkout")))
                .buildPlan();
    }

    /**
     * {@code remote-write.yaml}: a CPU sine and a request counter pushed over Prometheus remote
     * write into a local VictoriaMetrics ({@code http://127.0.0.1:8428/api/v1/write}), 100 samples
     * per request or every 2 seconds, retried three times.
     *
     * @return the plan
     */
    public static ScenarioPlan remoteWrite() {
        return Scenario.plan()
                .rate(1)
                .duration("5m")
                .label("job", "sonda")
                .label("instance", "demo")
                .sink(SinkSpec.remoteWrite("http://127.0.0.1:8428/api/v1/write")
                        .withBatchSize(100)
                        .withMaxBufferAge(Duration.ofSeconds(2))
                        .withRetry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1))))
                .add(Scenario.metrics("node_cpu_usage_percent").id("cpu").sine(30, 120, 50))
                .add(Scenario.metrics("http_requests_total")
                        .id("requests")
                        .metricType(MetricType.COUNTER)
                        .step(0, 5))
                .build();
    }

    /**
     * {@code kafka.yaml}: a sine gauge and templated logs into two Kafka topics, one record per
     * flush keyed by the metric's name, and one record per log line keyed by a label.
     *
     * @return the plan
     */
    public static ScenarioPlan kafka() {
        return Scenario.plan()
                .add(Scenario.metrics("cpu_usage")
                        .rate(10)
                        .duration("60s")
                        .sine(50, 60, 50)
                        .label("host", "web-01")
                        .encoder(EncoderSpec.prometheusText())
                        .sink(SinkSpec.kafka("localhost:9092", "sonda-metrics")
                                .withMaxBufferAge(Duration.ofSeconds(1))
                                .withKey("{name}")
                                .withAcks(SinkSpec.Kafka.Acks.ALL)))
                .add(Scenario.logs("app_logs")
                        .rate(5)
                        .duration("60s")
                        .template(
                                List.of(new LogTemplate(
                                        "GET {endpoint} returned {status}",
                                        Map.of(
                                                "endpoint", List.of("/api/v1/orders", "/api/v1/users"),
                                                "status", List.of("200", "503")))),
                                Map.of(Severity.INFO, 0.9, Severity.ERROR, 0.1),
                                7)
                        .label("service", "checkout")
                        .encoder(EncoderSpec.jsonLines())
                        .sink(SinkSpec.kafka("localhost:9092", "sonda-logs")
                                .withRecordPer(SinkSpec.Kafka.RecordPer.LINE)
                                .withKey("{labels.service}")
                                .withCompression(SinkSpec.Kafka.Compression.ZSTD)))
                .build();
    }

    /**
     * {@code traces-checkout.yaml}: a checkout through four services, a payments deploy at 30% that
     * breaks it until the rollback at 70%, with log lines and RED metrics from the same spans.
     *
     * @return the plan
     */
    public static ScenarioPlan tracesCheckout() {
        return Scenario.plan()
                .scenarioName("checkout-deploy")
                .duration("2m")
                .add(Scenario.traces("checkout")
                        .id("checkout")
                        .rate(10)
                        .seed(7)
                        .errorPropagation(0.9)
                        .service(Service.of(
                                "web",
                                Operation.of("POST /checkout", 5, 1)
                                        .withTimeout(Duration.ofSeconds(1))
                                        .withCalls(Call.to("cart"), Call.to("payments", "charge"))))
                        .service(Service.of(
                                "cart",
                                Operation.of("load", 3, 0.5)
                                        .withCalls(Call.to("db").withCount(2))))
                        .service(Service.of(
                                "payments",
                                Operation.of("charge", new Distribution.Exponential(0.025))
                                        .withKind(SpanKind.CLIENT)
                                        .withAttributes(Map.of("peer.service", "card-network"))))
                        .service(Service.of(
                                "db",
                                Operation.of("query", new Distribution.Uniform(1, 4))
                                        .withKind(SpanKind.CLIENT)))
                        .fault(Fault.on("payments")
                                .between(Offset.percent(32), Offset.percent(70))
                                .withErrorRate(0.6)
                                .withLatencyFactor(3)
                                .withMessage("card network timeout"))
                        .logs()
                        .redMetrics(Duration.ofSeconds(10)))
                .add(Scenario.events("deploys")
                        .id("deploys")
                        .event(InfraEvent.of(Offset.percent(30), EventType.DEPLOYMENT, "payments")
                                .withAttributes(Map.of("version", "4.2.0")))
                        .event(InfraEvent.of(Offset.percent(70), EventType.DEPLOYMENT, "payments")
                                .withSeverity(EventSeverity.WARNING)
                                .withDetails("Rolling back payments to 4.1.3")
                                .withAttributes(Map.of("version", "4.1.3"))))
                .build();
    }

    /**
     * {@code workload-100k.yaml}: a 100,000-series label space (4 regions, 250 hosts, 100
     * endpoints) with a Poisson request counter and a bounded random-walk CPU gauge on every series,
     * pulled on :9464, pushed over OTLP every 10 s, controlled on :9465.
     *
     * @return the plan
     */
    public static ScenarioPlan workload100k() {
        return Scenario.workload("fleet")
                .rate(1)
                .seed(42)
                .profile(LabelProfile.of("fleet")
                        .values("region", "us-east-1", "us-west-2", "eu-west-1", "ap-south-1")
                        .range("host", 1, 250, "host-%03d")
                        .range("endpoint", 1, 100, "/api/r%02d"))
                .metric(WorkloadMetric.counter("http_requests_total", "fleet")
                        .poisson(20, 0.3)
                        .help("Requests served, Poisson arrivals with a daily cycle."))
                .metric(WorkloadMetric.gauge("cpu_usage", "fleet")
                        .randomWalk(0.5, 0.02)
                        .clamp(0, 1)
                        .help("CPU share, a bounded random walk."))
                .scrape(Endpoint.port(9464).withPrefix("prom_"))
                .control(Endpoint.port(9465))
                .push(Push.every(Duration.ofSeconds(10), "otel_"))
                .sink(SinkSpec.otlpGrpc("http://localhost:4317", "metrics")
                        .withResourceAttributes(Map.of("service.name", "fleet-workload")))
                .buildPlan();
    }
}
