package dev.sonda.api;

import dev.sonda.api.trace.CircuitBreaker;
import dev.sonda.api.trace.CorrelatedLogs;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.RedMetrics;
import dev.sonda.api.trace.Root;
import dev.sonda.api.trace.Service;
import dev.sonda.api.trace.TraceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DSL stage of a {@code signal_type: traces} entry. Start one with {@link Scenario#traces(String)};
 * each method sets a key of the YAML {@code traces:} block. Immutable.
 *
 * <pre>{@code
 * TraceStage shop = Scenario.traces("shop").rate(20).duration("5m")
 *         .service(Service.of("api-gateway", Operation.of("GET /checkout", 12, 3)
 *                 .withCalls(Call.to("payments"))))
 *         .service(Service.of("payments", Operation.of("charge", 40, 10)))
 *         .fault(Fault.on("payments").between(Offset.percent(50), null).withErrorRate(0.3))
 *         .logs()
 *         .redMetrics(Duration.ofSeconds(10));
 * }</pre>
 */
public final class TraceStage extends EntryStage<TraceStage> {

    TraceStage(Map<Field, Object> state) {
        super(state);
    }

    @Override
    TraceStage copy(Map<Field, Object> state) {
        return new TraceStage(state);
    }

    @Override
    Signal signal() {
        TraceSpec t = (TraceSpec) get(Field.BODY);
        return t == null ? null : new Signal.Traces(t);
    }

    @Override
    SignalType signalType() {
        return SignalType.TRACES;
    }

    private TraceSpec spec() {
        TraceSpec t = (TraceSpec) get(Field.BODY);
        return t == null ? TraceSpec.of(List.of()) : t;
    }

    /**
     * Replaces the whole {@code traces:} block.
     *
     * @param traces the block
     * @return the new stage
     */
    public TraceStage traces(TraceSpec traces) {
        return with(Field.BODY, traces);
    }

    /**
     * Adds a service (an item of YAML {@code services:}).
     *
     * @param service the service
     * @return the new stage
     */
    public TraceStage service(Service service) {
        return traces(spec().withServices(plus(spec().services(), service)));
    }

    /**
     * Adds services in order (items of YAML {@code services:}).
     *
     * @param services the services
     * @return the new stage
     */
    public TraceStage services(List<Service> services) {
        TraceStage s = this;
        for (Service service : services) {
            s = s.service(service);
        }
        return s;
    }

    /**
     * Adds an entry point of requests (an item of YAML {@code roots:}).
     *
     * @param service the service
     * @param operation its operation, or null for its first
     * @param weight relative weight, above 0
     * @return the new stage
     */
    public TraceStage root(String service, String operation, double weight) {
        return traces(spec().withRoots(plus(spec().roots(), new Root(service, operation, weight))));
    }

    /**
     * Sets the seed (YAML {@code seed:}, default 0).
     *
     * @param seed 64-bit seed
     * @return the new stage
     */
    public TraceStage seed(long seed) {
        return traces(spec().withSeed(seed));
    }

    /**
     * Scales every fault (YAML {@code severity:}, default 1): see {@link Fault}.
     *
     * @param severity 0 and above
     * @return the new stage
     */
    public TraceStage severity(double severity) {
        return traces(spec().withSeverity(severity));
    }

    /**
     * Sets the chance that a failed call fails its caller (YAML {@code error_propagation:},
     * default {@value TraceSpec#DEFAULT_ERROR_PROPAGATION}).
     *
     * @param probability 0 to 1
     * @return the new stage
     */
    public TraceStage errorPropagation(double probability) {
        return traces(spec().withErrorPropagation(probability));
    }

    /**
     * Puts circuit breakers on every edge (YAML {@code circuit_breaker: {failures, open_for}}).
     *
     * @param failures failed calls in a row that open a breaker, at least 1
     * @param openFor how long it stays open
     * @return the new stage
     */
    public TraceStage circuitBreaker(int failures, Duration openFor) {
        return traces(spec().withCircuitBreaker(new CircuitBreaker(failures, openFor)));
    }

    /**
     * Adds a fault (an item of YAML {@code faults:}).
     *
     * @param fault the fault
     * @return the new stage
     */
    public TraceStage fault(Fault fault) {
        return traces(spec().withFaults(plus(spec().faults(), fault)));
    }

    /**
     * Writes one log line per span through the entry's sink (YAML {@code logs: {}}).
     *
     * @return the new stage
     */
    public TraceStage logs() {
        return logs(CorrelatedLogs.ALL);
    }

    /**
     * Writes the spans' log lines as configured (YAML {@code logs: {sample, encoder, sink}}).
     *
     * @param logs the block
     * @return the new stage
     */
    public TraceStage logs(CorrelatedLogs logs) {
        return traces(spec().withLogs(logs));
    }

    /**
     * Writes RED metrics every {@code interval} through the entry's sink (YAML {@code metrics:
     * {interval}}).
     *
     * @param interval positive
     * @return the new stage
     */
    public TraceStage redMetrics(Duration interval) {
        return redMetrics(RedMetrics.every(interval));
    }

    /**
     * Writes RED metrics as configured (YAML {@code metrics: {interval, encoder, sink}}).
     *
     * @param metrics the block
     * @return the new stage
     */
    public TraceStage redMetrics(RedMetrics metrics) {
        return traces(spec().withMetrics(metrics));
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(java.util.Objects.requireNonNull(item));
        return out;
    }
}
