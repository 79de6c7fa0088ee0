package dev.sonda.yaml;

import static dev.sonda.yaml.PlanArbitraries.anyLong;
import static dev.sonda.yaml.PlanArbitraries.distribution;
import static dev.sonda.yaml.PlanArbitraries.duration;
import static dev.sonda.yaml.PlanArbitraries.labels;
import static dev.sonda.yaml.PlanArbitraries.sink;
import static dev.sonda.yaml.PlanArbitraries.text;

import dev.sonda.api.Offset;
import dev.sonda.api.SignalType;
import dev.sonda.api.encoder.EncoderSpec;
import dev.sonda.api.event.EventSeverity;
import dev.sonda.api.event.EventType;
import dev.sonda.api.event.InfraEvent;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.CircuitBreaker;
import dev.sonda.api.trace.CorrelatedLogs;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.RedMetrics;
import dev.sonda.api.trace.Root;
import dev.sonda.api.trace.Service;
import dev.sonda.api.trace.SpanKind;
import dev.sonda.api.trace.TraceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for the {@code traces:} block and the {@code events:} list, producing specs
 * the loader accepts: service and operation names unique, calls only to later services (no
 * cycles), references that resolve, windows that are not empty.
 */
final class TraceArbitraries {
    private TraceArbitraries() {}

    static Arbitrary<Double> unit() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1), Arbitraries.of(0.0, 1.0, 0.15));
    }

    /** An offset from 0 to 100% or a time (zero included); the next one is later. */
    static Arbitrary<Offset> offset() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 400).map(q -> Offset.percent(q / 4.0)),
                Arbitraries.doubles().between(0, 100).map(Offset::percent),
                Arbitraries.of(Offset.START, Offset.at(Duration.ZERO)),
                duration().map(Offset::at));
    }

    private static Arbitrary<Offset> after(Offset from) {
        if (from.relative()) {
            return Arbitraries.doubles()
                    .between(0, 100)
                    .filter(p -> p > from.percent())
                    .map(Offset::percent);
        }
        return duration().map(d -> Offset.at(from.time().plus(d)));
    }

    static Arbitrary<Operation> operation(String name, List<Service> later) {
        Arbitrary<Call> call = later.isEmpty()
                ? Arbitraries.just(null)
                : Combinators.combine(
                                Arbitraries.of(later),
                                Arbitraries.of(true, false),
                                Arbitraries.integers().between(1, 3),
                                unit(),
                                Arbitraries.of(true, false))
                        .as((s, named, count, p, parallel) -> new Call(
                                s.name(),
                                named
                                        ? s.operations()
                                                .get(s.operations().size() - 1)
                                                .name()
                                        : null,
                                count,
                                p,
                                parallel));
        return Combinators.combine(
                        Arbitraries.of(SpanKind.class),
                        distribution(),
                        unit(),
                        duration().injectNull(0.6),
                        later.isEmpty()
                                ? Arbitraries.just(List.<Call>of())
                                : call.list().ofMaxSize(2),
                        labels())
                .as((kind, latency, e, timeout, calls, attrs) ->
                        new Operation(name, kind, latency, e, timeout, calls, attrs));
    }

    /** Services {@code n-1 .. 0} built last to first, so each calls only services after it. */
    static Arbitrary<List<Service>> services() {
        return Arbitraries.integers().between(1, 3).flatMap(n -> services(n, new ArrayList<>()));
    }

    private static Arbitrary<List<Service>> services(int left, List<Service> later) {
        if (left == 0) {
            return Arbitraries.just(List.copyOf(later));
        }
        String name = "svc-" + left + (left % 2 == 0 ? " ünï \"q\"" : "");
        return Combinators.combine(
                        Arbitraries.integers().between(1, 2),
                        labels(),
                        operation("op a", later),
                        operation("op/b", later))
                .as((ops, attrs, a, b) -> new Service(name, ops == 1 ? List.of(a) : List.of(a, b), attrs))
                .flatMap(s -> {
                    List<Service> next = new ArrayList<>();
                    next.add(s);
                    next.addAll(later);
                    return services(left - 1, next);
                });
    }

    static Arbitrary<Fault> fault(List<Service> services) {
        Arbitrary<Fault> target = Arbitraries.oneOf(
                Arbitraries.just(Fault.on(Fault.ALL_SERVICES)),
                Arbitraries.of(services).map(s -> Fault.on(s.name())),
                Arbitraries.of(services).map(s -> Fault.on(s.name())
                        .onOperation(s.operations().get(0).name())));
        return Combinators.combine(
                        target,
                        offset().flatMap(from -> after(from).injectNull(0.3).map(to -> new Offset[] {from, to})),
                        unit().injectNull(0.3),
                        Arbitraries.doubles().between(0.01, 20),
                        Arbitraries.of(true, false),
                        text().injectNull(0.5))
                .as((f, window, e, factor, ramp, message) ->
                        new Fault(f.service(), f.operation(), window[0], window[1], e, factor, ramp, message));
    }

    static Arbitrary<TraceSpec> traces() {
        return services().flatMap(services -> Combinators.combine(
                        anyLong(),
                        Arbitraries.doubles().between(0, 5),
                        Arbitraries.of(services)
                                .flatMap(s -> Combinators.combine(
                                                Arbitraries.of(s.operations())
                                                        .map(Operation::name)
                                                        .injectNull(0.3),
                                                Arbitraries.doubles().between(0.1, 10))
                                        .as((op, w) -> new Root(s.name(), op, w)))
                                .list()
                                .ofMaxSize(2),
                        unit(),
                        Combinators.combine(Arbitraries.integers().between(1, 10), duration())
                                .as(CircuitBreaker::new)
                                .injectNull(0.5),
                        fault(services).list().ofMaxSize(3),
                        Combinators.combine(
                                        unit(),
                                        Arbitraries.of(
                                                        EncoderSpec.jsonLines(),
                                                        EncoderSpec.syslog(),
                                                        EncoderSpec.ndjson())
                                                .injectNull(0.5),
                                        sink().injectNull(0.5))
                                .as(CorrelatedLogs::new)
                                .injectNull(0.4),
                        Combinators.combine(
                                        duration().injectNull(0.3),
                                        Arbitraries.of(
                                                        EncoderSpec.prometheusText(),
                                                        EncoderSpec.influxLp(),
                                                        EncoderSpec.ndjson())
                                                .injectNull(0.5),
                                        sink().injectNull(0.5))
                                .as(RedMetrics::new)
                                .injectNull(0.4))
                .as((seed, severity, roots, propagation, breaker, faults, logs, metrics) ->
                        new TraceSpec(seed, severity, services, roots, propagation, breaker, faults, logs, metrics)));
    }

    static Arbitrary<List<InfraEvent>> events() {
        return Combinators.combine(
                        offset(),
                        Arbitraries.of(EventType.class),
                        text().filter(s -> !s.isEmpty()),
                        Arbitraries.of(EventSeverity.class),
                        text().injectNull(0.5),
                        labels().map(TraceArbitraries::withoutReserved))
                .as(InfraEvent::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3);
    }

    private static Map<String, String> withoutReserved(Map<String, String> m) {
        Map<String, String> out = new java.util.HashMap<>(m);
        out.keySet().removeAll(InfraEvent.RESERVED);
        return out;
    }

    /** Whether entries of this type take the arbitraries here. */
    static boolean handles(SignalType type) {
        return type == SignalType.TRACES || type == SignalType.EVENTS;
    }
}
