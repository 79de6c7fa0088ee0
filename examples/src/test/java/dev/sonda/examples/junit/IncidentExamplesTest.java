package dev.sonda.examples.junit;

import static dev.sonda.junit5.TraceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.incident.IncidentOptions;
import dev.sonda.api.incident.IncidentPattern;
import dev.sonda.api.incident.Incidents;
import dev.sonda.junit5.Captured;
import dev.sonda.junit5.Event;
import dev.sonda.junit5.SondaScenario;
import org.junit.jupiter.api.Test;

/**
 * An incident from the built-in library (the {@code @cascade} of {@code sonda run} and {@code sonda
 * fixtures}): a deployment of the payment service, after which its spans fail and the failures
 * climb to the gateway. The test reads the captured deploy event and checks that no span failed
 * before it.
 */
class IncidentExamplesTest {

    static ScenarioPlan cascade() {
        return Incidents.plan(IncidentPattern.CASCADE, IncidentOptions.defaults());
    }

    @Test
    @SondaScenario(plan = "cascade")
    void theCascadesErrorSpansStartAfterTheDeployEvent(Captured captured) {
        Event deploy = captured.events().stream()
                .filter(e -> e.type().equals("deployment"))
                .findFirst()
                .orElseThrow();

        assertThat(deploy.service()).isEqualTo("payment-service");
        assertThat(captured.spans()).haveResolvableParents().errorsStartAfter(deploy);
        assertThat(captured.spans()
                        .startingBefore(deploy.timestamp())
                        .errorRatioByService()
                        .values())
                .containsOnly(0.0);
    }
}
