package dev.sonda.api;

import dev.sonda.api.event.EventType;
import dev.sonda.api.event.InfraEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DSL stage of a {@code signal_type: events} entry. Start one with {@link Scenario#events(String)}.
 * Immutable.
 *
 * <pre>{@code
 * EventStage deploys = Scenario.events("deploys").duration("10m")
 *         .event(InfraEvent.of(Offset.parse("2m"), EventType.DEPLOYMENT, "payments")
 *                 .withAttributes(Map.of("version", "2.1.0")));
 * }</pre>
 */
public final class EventStage extends EntryStage<EventStage> {

    EventStage(Map<Field, Object> state) {
        super(state);
    }

    @Override
    EventStage copy(Map<Field, Object> state) {
        return new EventStage(state);
    }

    @Override
    @SuppressWarnings("unchecked")
    Signal signal() {
        List<InfraEvent> events = (List<InfraEvent>) get(Field.BODY);
        return events == null ? null : new Signal.Events(events);
    }

    @Override
    SignalType signalType() {
        return SignalType.EVENTS;
    }

    /**
     * Adds an event (an item of YAML {@code events:}).
     *
     * @param event the event
     * @return the new stage
     */
    @SuppressWarnings("unchecked")
    public EventStage event(InfraEvent event) {
        List<InfraEvent> events = (List<InfraEvent>) get(Field.BODY);
        List<InfraEvent> next = new ArrayList<>(events == null ? List.of() : events);
        next.add(java.util.Objects.requireNonNull(event, "event"));
        return with(Field.BODY, List.copyOf(next));
    }

    /**
     * Adds an {@code info} event without details or attributes (YAML {@code {at, type, service}}).
     *
     * @param at when, such as {@code 30s} or {@code 25%}
     * @param type what happened
     * @param service the service
     * @return the new stage
     * @throws IllegalArgumentException if {@code at} is neither a duration nor a percentage
     */
    public EventStage event(String at, EventType type, String service) {
        return event(InfraEvent.of(Offset.parse(at), type, service));
    }
}
