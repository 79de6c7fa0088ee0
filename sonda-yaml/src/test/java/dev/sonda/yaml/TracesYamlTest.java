package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Distribution;
import dev.sonda.api.Offset;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.EventType;
import dev.sonda.api.event.InfraEvent;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.CorrelatedLogs;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.RedMetrics;
import dev.sonda.api.trace.Service;
import dev.sonda.api.trace.SpanKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracesYamlTest {
    private static final String SHOP =
            """
            version: 2
            kind: runnable
            defaults: { duration: 2m }
            scenarios:
              - id: shop
                signal_type: traces
                name: shop
                rate: 10
                traces:
                  seed: 42
                  severity: 0.5
                  error_propagation: 0.8
                  circuit_breaker: { failures: 5, open_for: 10s }
                  services:
                    - name: api-gateway
                      attributes: { service.version: "2.1.0" }
                      operations:
                        - name: GET /checkout
                          latency: { type: normal, mean: 12, stddev: 3 }
                          timeout: 2s
                          attributes: { http.method: GET }
                          calls:
                            - { service: payments, count: 2, probability: 0.5, parallel: true }
                    - name: payments
                      operations:
                        - name: charge
                          kind: client
                          latency: { type: exponential, rate: 0.05 }
                          error_rate: 0.01
                  roots:
                    - { service: api-gateway, operation: GET /checkout, weight: 3 }
                  faults:
                    - { service: payments, from: 25%, to: 75%, error_rate: 0.4, latency_factor: 4, ramp: true, message: "card network timeout" }
                    - { service: "*", from: 90s, latency_factor: 2 }
                  logs: { sample: 0.1, sink: { type: file, path: logs.ndjson } }
                  metrics: { interval: 15s, encoder: { type: prometheus_text } }
              - signal_type: events
                name: deploys
                events:
                  - { at: 20%, type: deployment, service: payments, attributes: { version: 2.1.0 } }
                  - { at: 90s, type: alert, service: api-gateway, severity: critical, details: "p99 above 2 s" }
            """;

    @Test
    void aTracesAndAnEventsEntryLoadEqualToTheirDslTwins() {
        ScenarioPlan expected = Scenario.plan()
                .duration("2m")
                .add(Scenario.traces("shop")
                        .id("shop")
                        .rate(10)
                        .seed(42)
                        .severity(0.5)
                        .errorPropagation(0.8)
                        .circuitBreaker(5, Duration.ofSeconds(10))
                        .service(Service.of(
                                        "api-gateway",
                                        Operation.of("GET /checkout", 12, 3)
                                                .withTimeout(Duration.ofSeconds(2))
                                                .withAttributes(Map.of("http.method", "GET"))
                                                .withCalls(Call.to("payments")
                                                        .withCount(2)
                                                        .withProbability(0.5)
                                                        .inParallel()))
                                .withAttributes(Map.of("service.version", "2.1.0")))
                        .service(Service.of(
                                "payments",
                                Operation.of("charge", new Distribution.Exponential(0.05))
                                        .withKind(SpanKind.CLIENT)
                                        .withErrorRate(0.01)))
                        .root("api-gateway", "GET /checkout", 3)
                        .fault(Fault.on("payments")
                                .between(Offset.percent(25), Offset.percent(75))
                                .withErrorRate(0.4)
                                .withLatencyFactor(4)
                                .ramping()
                                .withMessage("card network timeout"))
                        .fault(Fault.on("*").between(Offset.parse("90s"), null).withLatencyFactor(2))
                        .logs(CorrelatedLogs.ALL.withSample(0.1).withSink(SinkSpec.file("logs.ndjson")))
                        .redMetrics(RedMetrics.every(Duration.ofSeconds(15)).withEncoder(EncoderSpec.prometheusText())))
                .add(Scenario.events("deploys")
                        .event(InfraEvent.of(Offset.percent(20), EventType.DEPLOYMENT, "payments")
                                .withAttributes(Map.of("version", "2.1.0")))
                        .event(InfraEvent.of(Offset.parse("90s"), EventType.ALERT, "api-gateway")
                                .withSeverity(EventSeverity.CRITICAL)
                                .withDetails("p99 above 2 s")))
                .build();

        ScenarioPlan loaded = ScenarioLoader.load(SHOP, "shop.yaml");

        assertThat(loaded).isEqualTo(expected);
        assertThat(ScenarioLoader.load(ScenarioWriter.write(loaded), "again.yaml"))
                .isEqualTo(expected);
    }

    @Test
    void aCallToAServiceThatDoesNotExistIsLocatedAndListsTheServices() {
        String yaml = SHOP.replace("{ service: payments, count: 2", "{ service: paymnets, count: 2");

        assertThatThrownBy(() -> ScenarioLoader.load(yaml, "shop.yaml"))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("shop.yaml:23:30: ")
                .hasMessageContaining("scenarios[0].traces.services[0].operations[0].calls[0].service: unknown service"
                        + " 'paymnets'; known: api-gateway, payments");
    }

    @Test
    void anUnknownKeyInAFaultIsRejectedWithADidYouMean() {
        String yaml = SHOP.replace("latency_factor: 4, ramp", "latency_facter: 4, ramp");

        assertThatThrownBy(() -> ScenarioLoader.load(yaml, "shop.yaml"))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("scenarios[0].traces.faults[0].latency_facter")
                .hasMessageContaining("latency_factor");
    }

    @Test
    void aTracesEntryWithoutItsBlockSaysWhatItNeeds() {
        String yaml = "version: 2\nkind: runnable\nscenarios:\n  - signal_type: traces\n    name: t\n    rate: 1\n";

        assertThatThrownBy(() -> ScenarioLoader.load(yaml, "t.yaml"))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("entry 0: signal_type 'traces' needs a 'traces:' block");
    }

    @Test
    void percentagesWithoutADurationAreRejectedAtTheEntrysDuration() {
        String yaml = SHOP.replace("defaults: { duration: 2m }\n", "");

        assertThatThrownBy(() -> ScenarioLoader.load(yaml, "shop.yaml"))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("scenarios[0].duration: entry 'shop': offsets written as a percentage need the"
                        + " entry's duration")
                .hasMessageContaining("scenarios[1].duration: entry 'deploys': offsets written as a percentage");
    }

    @Test
    void callsThatLoopBackAreACycleNamedByItsOperations() {
        String yaml = SHOP.replace(
                "error_rate: 0.01\n", "error_rate: 0.01\n              calls: [ { service: api-gateway } ]\n");

        assertThatThrownBy(() -> ScenarioLoader.load(yaml, "shop.yaml"))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("the calls form a cycle: api-gateway.GET /checkout -> payments.charge ->"
                        + " api-gateway.GET /checkout");
    }

    @Test
    void anEventAttributeMayNotTakeTheNameOfAField() {
        String yaml = SHOP.replace("attributes: { version: 2.1.0 }", "attributes: { severity: low }");

        assertThatThrownBy(() -> ScenarioLoader.load(yaml, "shop.yaml"))
                .isInstanceOf(ScenarioParseException.class)
                .hasMessageContaining("scenarios[1].events[0].attributes.severity: attribute 'severity' would"
                        + " overwrite the event's own field");
    }
}
