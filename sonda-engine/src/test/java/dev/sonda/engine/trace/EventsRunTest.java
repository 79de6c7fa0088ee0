package dev.sonda.engine.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonda.api.Offset;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.EventType;
import dev.sonda.api.event.InfraEvent;
import dev.sonda.engine.data.EventData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsRunTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void eventsAreStampedAtTheirOffsetsInTimeOrderWhateverTheFileOrder() {
        ScenarioPlan plan = Scenario.events("infra")
                .duration("40s")
                .event(InfraEvent.of(Offset.percent(100), EventType.ALERT, "db").withSeverity(EventSeverity.CRITICAL))
                .event("25%", EventType.SCALE, "api")
                .event(InfraEvent.of(Offset.parse("2.5s"), EventType.DEPLOYMENT, "api")
                        .withAttributes(Map.of("version", "2.1.0")))
                .buildPlan();

        List<EventData> events = Capture.run(plan).events;

        long start = Capture.startNanos();
        assertThat(events)
                .extracting(EventData::epochNanos)
                .containsExactly(start + 2_500_000_000L, start + 10 * SECOND, start + 40 * SECOND);
        assertThat(events.get(0).details()).isEqualTo("Deploying new version to api (version 2.1.0)");
        assertThat(events.get(0).attributes().get("version")).isEqualTo("2.1.0");
        assertThat(events.get(2).severity()).isEqualTo(EventSeverity.CRITICAL);
    }

    @Test
    void anEventsEntryStartedByAfterCountsItsOffsetsFromItsOwnStart() {
        ScenarioPlan plan = Scenario.plan()
                .add(Scenario.metrics("load").id("load").rate(1).duration("60s").sequence(0, 0, 0, 100))
                .add(Scenario.events("deploys")
                        .duration("30s")
                        .after("load", ">", 50)
                        .event("2s", EventType.DEPLOYMENT, "payments"))
                .build();

        List<EventData> events = Capture.run(plan).events;

        assertThat(events).singleElement().satisfies(e -> assertThat(e.epochNanos())
                .isEqualTo(Capture.startNanos() + 5 * SECOND));
    }
}
