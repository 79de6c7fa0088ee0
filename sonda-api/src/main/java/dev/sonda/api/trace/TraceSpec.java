package dev.sonda.api.trace;

import dev.sonda.api.Problems;
import dev.sonda.api.internal.num.FloatText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The YAML {@code traces:} block of a {@code signal_type: traces} entry: the service graph, where
 * requests enter it, how failures spread, the faults that shape an incident, and the logs and RED
 * metrics generated from the same spans.
 *
 * <p>Every tick of the entry's {@code rate} is one root request: a trace whose root span belongs
 * to a {@link Root} drawn by weight and whose other spans follow the calls of each operation. Trace
 * ids are 16 random bytes, span ids 8 (W3C Trace Context, never all zero), drawn from {@code seed}
 * and the request's number, so a trace does not depend on the ones before it (except through
 * circuit breakers, which remember calls in request order).
 *
 * <p>When a call fails, the caller's span fails too with probability {@code error_propagation}
 * ({@code dependency failed: <callee>}); otherwise the caller handles it and succeeds.
 *
 * @param seed 64-bit seed, unsigned (default 0)
 * @param severity scale of every fault's effect, 0 and above (default 1): see {@link Fault}
 * @param services the services, at least one, names unique
 * @param roots where requests enter; empty for every operation of the first service, equally
 *     weighted
 * @param errorPropagation chance that a failed call fails its caller, 0 to 1 (YAML {@code
 *     error_propagation:}, default {@value #DEFAULT_ERROR_PROPAGATION})
 * @param circuitBreaker circuit breakers on every edge, or null for none
 * @param faults windows of trouble, in any order; where several cover a span, latency factors
 *     multiply and the highest error rate wins (with its message)
 * @param logs the log lines of the spans, or null for none
 * @param metrics the RED metrics of the spans, or null for none
 */
public record TraceSpec(
        long seed,
        double severity,
        List<Service> services,
        List<Root> roots,
        double errorPropagation,
        CircuitBreaker circuitBreaker,
        List<Fault> faults,
        CorrelatedLogs logs,
        RedMetrics metrics) {

    /** Default {@code error_propagation}: half of the failed calls fail their caller. */
    public static final double DEFAULT_ERROR_PROPAGATION = 0.5;

    /** The most spans one trace may have, counting every call as made. */
    public static final int MAX_SPANS_PER_TRACE = 10_000;

    /**
     * Creates the record, copying the lists.
     *
     * @param seed the seed
     * @param severity the fault scale
     * @param services the services
     * @param roots the roots, null for none
     * @param errorPropagation chance that a failed call fails its caller
     * @param circuitBreaker circuit breakers, or null
     * @param faults the faults, null for none
     * @param logs the log lines, or null
     * @param metrics the RED metrics, or null
     * @throws NullPointerException if {@code services} is null
     */
    public TraceSpec {
        services = List.copyOf(services);
        roots = roots == null ? List.of() : List.copyOf(roots);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /**
     * A graph with these services and every default: seed 0, severity 1, the first service's
     * operations as roots, {@value #DEFAULT_ERROR_PROPAGATION} error propagation, no circuit
     * breakers, no faults, no logs, no metrics.
     *
     * @param services the services
     * @return the spec
     */
    public static TraceSpec of(List<Service> services) {
        return new TraceSpec(0, 1.0, services, List.of(), DEFAULT_ERROR_PROPAGATION, null, List.of(), null, null);
    }

    /**
     * This block with another value of one key.
     *
     * @param seed the seed (YAML {@code seed:})
     * @return the new block
     */
    public TraceSpec withSeed(long seed) {
        return new TraceSpec(seed, severity, services, roots, errorPropagation, circuitBreaker, faults, logs, metrics);
    }

    /**
     * This block with another value of one key.
     *
     * @param severity the fault scale (YAML {@code severity:})
     * @return the new block
     */
    public TraceSpec withSeverity(double severity) {
        return new TraceSpec(seed, severity, services, roots, errorPropagation, circuitBreaker, faults, logs, metrics);
    }

    /**
     * This block with another value of one key.
     *
     * @param services the services (YAML {@code services:})
     * @return the new block
     */
    public TraceSpec withServices(List<Service> services) {
        return new TraceSpec(seed, severity, services, roots, errorPropagation, circuitBreaker, faults, logs, metrics);
    }

    /**
     * This block with another value of one key.
     *
     * @param roots the roots (YAML {@code roots:})
     * @return the new block
     */
    public TraceSpec withRoots(List<Root> roots) {
        return new TraceSpec(seed, severity, services, roots, errorPropagation, circuitBreaker, faults, logs, metrics);
    }

    /**
     * This block with another value of one key.
     *
     * @param errorPropagation the chance that a failed call fails its caller (YAML {@code error_propagation:})
     * @return the new block
     */
    public TraceSpec withErrorPropagation(double errorPropagation) {
        return new TraceSpec(seed, severity, services, roots, errorPropagation, circuitBreaker, faults, logs, metrics);
    }

    /**
     * This block with another value of one key.
     *
     * @param circuitBreaker the circuit breakers (YAML {@code circuit_breaker:}), or null
     * @return the new block
     */
    public TraceSpec withCircuitBreaker(CircuitBreaker circuitBreaker) {
        return new TraceSpec(seed, severity, services, roots, errorPropagation, circuitBreaker, faults, logs, metrics);
    }

    /**
     * This block with another value of one key.
     *
     * @param faults the faults (YAML {@code faults:})
     * @return the new block
     */
    public TraceSpec withFaults(List<Fault> faults) {
        return new TraceSpec(seed, severity, services, roots, errorPropagation, circuitBreaker, faults, logs, metrics);
    }

    /**
     * This block with another value of one key.
     *
     * @param logs the log lines (YAML {@code logs:}), or null
     * @return the new block
     */
    public TraceSpec withLogs(CorrelatedLogs logs) {
        return new TraceSpec(seed, severity, services, roots, errorPropagation, circuitBreaker, faults, logs, metrics);
    }

    /**
     * This block with another value of one key.
     *
     * @param metrics the RED metrics (YAML {@code metrics:}), or null
     * @return the new block
     */
    public TraceSpec withMetrics(RedMetrics metrics) {
        return new TraceSpec(seed, severity, services, roots, errorPropagation, circuitBreaker, faults, logs, metrics);
    }

    /**
     * The service with this name.
     *
     * @param name the name
     * @return the service, or null
     */
    public Service service(String name) {
        for (Service s : services) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The roots requests enter by: {@link #roots()}, or every operation of the first service with
     * weight 1 when it is empty.
     *
     * @return the roots, non-empty for a graph with a service
     */
    public List<Root> effectiveRoots() {
        if (!roots.isEmpty() || services.isEmpty()) {
            return roots;
        }
        Service first = services.get(0);
        return first.operations().stream()
                .map(o -> Root.of(first.name(), o.name()))
                .toList();
    }

    /**
     * Whether a fault window is written as a share of the entry's duration, which then needs one.
     *
     * @return true when any {@code from} or {@code to} is a percentage
     */
    public boolean usesRelativeOffsets() {
        return faults.stream().anyMatch(f -> f.from().relative() || (f.to() != null && f.to().relative()));
    }

    /**
     * Adds every problem of the block: each part's own, then references (calls, roots and faults
     * naming services and operations that exist), call cycles, and traces above {@value
     * #MAX_SPANS_PER_TRACE} spans.
     *
     * @param path where the block sits, such as {@code scenarios[0].traces}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (!(severity >= 0 && Double.isFinite(severity))) {
            problems.add(
                    path + ".severity", "severity must be 0 or above and finite, got " + FloatText.display(severity));
        }
        if (!(errorPropagation >= 0 && errorPropagation <= 1)) {
            problems.add(
                    path + ".error_propagation",
                    "error_propagation must be between 0 and 1, got " + FloatText.display(errorPropagation));
        }
        if (services.isEmpty()) {
            problems.add(path + ".services", "a traces entry needs at least one service");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            Service s = services.get(i);
            s.validate(path + ".services[" + i + "]", problems);
            if (index.putIfAbsent(s.name(), i) != null) {
                problems.add(path + ".services[" + i + "].name", "two services are named '" + s.name() + "'");
            }
        }
        boolean refsOk = true;
        for (int i = 0; i < services.size(); i++) {
            List<Operation> ops = services.get(i).operations();
            for (int j = 0; j < ops.size(); j++) {
                List<Call> calls = ops.get(j).calls();
                for (int k = 0; k < calls.size(); k++) {
                    Call c = calls.get(k);
                    String at = path + ".services[" + i + "].operations[" + j + "].calls[" + k + "]";
                    refsOk &= checkRef(c.service(), c.operation(), at, problems);
                }
            }
        }
        for (int i = 0; i < roots.size(); i++) {
            roots.get(i).validate(path + ".roots[" + i + "]", problems);
            refsOk &= checkRef(roots.get(i).service(), roots.get(i).operation(), path + ".roots[" + i + "]", problems);
        }
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            String at = path + ".faults[" + i + "]";
            f.validate(at, problems);
            if (!f.service().equals(Fault.ALL_SERVICES)) {
                checkRef(f.service(), f.operation(), at, problems);
            } else if (f.operation() != null) {
                problems.add(at + ".operation", "a fault on every service ('*') cannot name an operation");
            }
        }
        if (circuitBreaker != null) {
            circuitBreaker.validate(path + ".circuit_breaker", problems);
        }
        if (logs != null) {
            logs.validate(path + ".logs", problems);
        }
        if (metrics != null) {
            metrics.validate(path + ".metrics", problems);
        }
        if (refsOk && !services.isEmpty()) {
            checkShape(path, problems);
        }
    }

    private boolean checkRef(String service, String operation, String at, Problems problems) {
        Service s = service(service);
        if (s == null) {
            problems.add(
                    at + ".service",
                    "unknown service '" + service + "'; known: "
                            + String.join(
                                    ", ", services.stream().map(Service::name).toList()));
            return false;
        }
        if (s.operation(operation) == null) {
            problems.add(
                    at + ".operation",
                    "service '" + service + "' has no operation '" + operation + "'; it has: "
                            + String.join(
                                    ", ",
                                    s.operations().stream().map(Operation::name).toList()));
            return false;
        }
        return true;
    }

    /** Finds call cycles and counts the most spans a trace can have, from every operation. */
    private void checkShape(String path, Problems problems) {
        Map<String, Long> spans = new HashMap<>();
        for (Service s : services) {
            for (Operation o : s.operations()) {
                List<String> stack = new ArrayList<>();
                long n = count(s, o, spans, new HashMap<>(), stack);
                if (n < 0) {
                    problems.add(
                            path + ".services",
                            "the calls form a cycle: " + String.join(" -> ", stack)
                                    + "; a request would never end, so remove one of these calls");
                    return;
                }
                if (n > MAX_SPANS_PER_TRACE) {
                    problems.add(
                            path + ".services",
                            "a request to " + s.name() + "." + o.name() + " makes up to " + n + " spans, more than "
                                    + MAX_SPANS_PER_TRACE + "; lower the calls' count");
                    return;
                }
            }
        }
    }

    /** Spans of one request to {@code o}, every call made; -1 on a cycle (the stack then shows it). */
    private long count(Service s, Operation o, Map<String, Long> done, Map<String, Boolean> open, List<String> stack) {
        String key = s.name() + '\u0000' + o.name();
        Long known = done.get(key);
        if (known != null) {
            return known;
        }
        stack.add(s.name() + "." + o.name());
        if (open.put(key, Boolean.TRUE) != null) {
            return -1;
        }
        long total = 1;
        for (Call c : o.calls()) {
            Service callee = Objects.requireNonNull(service(c.service()));
            long n = count(callee, callee.operation(c.operation()), done, open, stack);
            if (n < 0) {
                return -1;
            }
            total = Math.min((long) MAX_SPANS_PER_TRACE + 1, total + n * c.count());
        }
        open.remove(key);
        stack.remove(stack.size() - 1);
        done.put(key, total);
        return total;
    }
}
