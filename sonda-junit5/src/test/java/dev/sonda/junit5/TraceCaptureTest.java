package dev.sonda.junit5;

import static dev.sonda.junit5.TraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Offset;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.event.EventType;
import dev.sonda.api.incident.IncidentOptions;
import dev.sonda.api.incident.IncidentPattern;
import dev.sonda.api.incident.Incidents;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCaptureTest {

    static ScenarioPlan cascade() {
        return Incidents.plan(IncidentPattern.CASCADE, IncidentOptions.defaults());
    }

    /**
     * A chain {@code a -> b -> (c twice, then d three times in parallel)} at 10 requests/s for
     * 20 s; c fails from 50% on and every failure propagates; a deployment of c at 40%.
     */
    static ScenarioPlan chainWithServices() {
        return Scenario.plan()
                .duration("20s")
                .add(Scenario.traces("chain")
                        .rate(10)
                        .errorPropagation(1)
                        .service(Service.of("a", Operation.of("in", 2, 0.5).withCalls(Call.to("b"))))
                        .service(Service.of(
                                "b",
                                Operation.of("mid", 3, 0.5)
                                        .withCalls(
                                                Call.to("c").withCount(2),
                                                Call.to("d").withCount(3).inParallel())))
                        .service(Service.of("c", Operation.of("leaf", 1, 0.2)))
                        .service(Service.of("d", Operation.of("slow", 20, 1)))
                        .fault(Fault.on("c").between(Offset.percent(50), null).withErrorRate(1)))
                .add(Scenario.events("deploys").event("40%", EventType.DEPLOYMENT, "c"))
                .build();
    }

    @Test
    @SondaScenario(plan = "cascade")
    void theCascadesErrorSpansStartAfterTheDeployEvent(Captured captured) {
        Event deploy = captured.events().stream()
                .filter(e -> e.type().equals("deployment"))
                .findFirst()
                .orElseThrow();

        assertThat(deploy.service()).isEqualTo("payment-service");
        assertThat(deploy.attributes()).containsEntry("version", "3.0.0");
        assertThat(captured.spans())
                .haveResolvableParents()
                .haveChildrenInsideTheirParents()
                .errorsStartAfter(deploy);
        // in the last third about half of the requests fail at the gateway
        Instant late = captured.start().plus(Duration.ofSeconds(60));
        assertThat(captured.spans().startingFrom(late)).hasErrorRatio("api-gateway", 0.5, 0.15);
        assertThat(captured.spans()
                        .startingBefore(deploy.timestamp())
                        .errorRatioByService()
                        .values())
                .containsOnly(0.0);
        Trace slowest = captured.spans().traces().stream()
                .max(Comparator.comparing(Trace::duration))
                .orElseThrow();
        assertThat(slowest).hasCriticalPathThrough("payment-service");
    }

    @Test
    void theCriticalPathHoldsTheCallsInSequenceAndTheSlowestOfTheParallelOnes() {
        Captured captured = Captured.simulate(chainWithServices());
        Trace first = captured.spans().traces().get(0);

        assertThat(first.spans()).hasSize(1 + 1 + 2 + 3);
        assertThat(first).hasCriticalPath("a", "b", "c", "c", "d").hasCriticalPathThrough("d");
        assertThat(first.children(first.root())).extracting(Span::service).containsExactly("b");
    }

    @Test
    void errorRatiosAreCountedPerServiceAndFailuresPropagate() {
        Captured captured = Captured.simulate(chainWithServices());
        Instant half = captured.start().plus(Duration.ofSeconds(10));

        Spans late = captured.spans().startingFrom(half);
        assertThat(late).hasErrorRatio("c", 1, 0).hasErrorRatio("a", 1, 0).hasErrorRatio("d", 0, 0);
        assertThat(late.traces()).allSatisfy(t -> assertThat(t).failed());
        assertThat(captured.spans().startingBefore(half).errors()).isEmpty();
        assertThat(captured.spans().ofService("a").first().line()).startsWith("{\"timestamp\":\"2026-01-01T00:00:00");
    }

    @Test
    void anAssertionThatFailsNamesTheSpanAtFault() {
        Captured captured = Captured.simulate(chainWithServices());
        Event early = new Event(
                "e",
                captured.start().plus(Duration.ofSeconds(15)),
                "deployment",
                "c",
                "info",
                "x",
                java.util.Map.of(),
                "{}");

        assertThatThrownBy(() -> assertThat(captured.spans()).errorsStartAfter(early))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to have no failed span before the deployment event of c at 2026-01-01T00:00:15Z")
                .hasMessageContaining("started before it, the first:\n  {\"timestamp\":\"2026-01-01T00:00:10");
        assertThatThrownBy(() -> assertThat(captured.spans()).hasErrorRatio("c", 0.1, 0.05))
                .hasMessageContaining("to have an error ratio of 0.1 ± 0.05 for service 'c'")
                .hasMessageContaining("it is 0.5 (200 of 400)");
        assertThatThrownBy(() -> assertThat(captured.spans()).hasErrorRatio("zz", 0, 0))
                .hasMessageContaining("there are none; services: [a, b, c, d]");
        assertThatThrownBy(() -> assertThat(captured.spans().traces().get(0)).hasCriticalPath("a", "c"))
                .hasMessageContaining("to have the critical path a -> c")
                .hasMessageContaining("but it is a -> b -> c -> c -> d");
    }

    @Test
    void eventsAreCapturedWithTheirLines() {
        List<Event> events = Captured.simulate(chainWithServices()).events();

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:08Z"));
            assertThat(e.line())
                    .isEqualTo("{\"timestamp\":\"2026-01-01T00:00:08.000000+00:00\",\"type\":\"deployment\","
                            + "\"service\":\"c\",\"details\":\"Deploying new version to c\",\"severity\":\"info\"}");
        });
    }
}
