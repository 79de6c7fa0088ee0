package dev.sonda.engine.trace;

import dev.sonda.api.Distribution;
import dev.sonda.api.Offset;
import dev.sonda.api.Problems;
import dev.sonda.api.trace.Call;
import dev.sonda.api.trace.CircuitBreaker;
import dev.sonda.api.trace.Fault;
import dev.sonda.api.trace.Operation;
import dev.sonda.api.trace.Root;
import dev.sonda.api.trace.Service;
import dev.sonda.api.trace.SpanKind;
import dev.sonda.api.trace.TraceSpec;
import dev.sonda.engine.encode.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code traces:} block compiled once for an entry: services and operations numbered, calls and
 * roots resolved to operation numbers, fault windows resolved to nanoseconds of the entry's
 * timeline (percentages of its duration included) and scaled by the severity, and every status
 * message built. Immutable and thread-safe; each run makes its own {@link TraceGenerator} from it.
 */
public final class TraceModel {
    /** Nanoseconds per millisecond. */
    static final double NANOS_PER_MS = 1_000_000.0;

    final TraceSpec spec;
    final String[] services;
    final Labels[] resources;
    final Op[] ops;
    final int[] roots;
    final double[] rootCumulative;
    final FaultWindow[] faults;
    final double propagation;
    final int breakerFailures;
    final long breakerOpenNanos;
    final String[] dependencyFailed;
    final String[] breakerOpen;

    /** One operation, its calls resolved. */
    static final class Op {
        final int index;
        final int service;
        final String name;
        final SpanKind kind;
        final Distribution latency;
        final double errorRate;
        final long timeoutNanos;
        final String timeoutMessage;
        final int[] callee;
        final int[] count;
        final double[] probability;
        final boolean[] parallel;
        final Labels attributes;
        int[] faults = new int[0];

        Op(int index, int service, Operation o, int[] callee, Call[] calls) {
            this.index = index;
            this.service = service;
            this.name = o.name();
            this.kind = o.kind();
            this.latency = o.latency();
            this.errorRate = o.errorRate();
            this.timeoutNanos =
                    o.timeout() == null ? Long.MAX_VALUE : o.timeout().toNanos();
            this.timeoutMessage = o.timeout() == null
                    ? null
                    : "timeout after "
                            + dev.sonda.api.internal.num.FloatText.display(
                                    o.timeout().toNanos() / NANOS_PER_MS) + " ms";
            this.callee = callee;
            this.count = new int[calls.length];
            this.probability = new double[calls.length];
            this.parallel = new boolean[calls.length];
            for (int i = 0; i < calls.length; i++) {
                count[i] = calls[i].count();
                probability[i] = calls[i].probability();
                parallel[i] = calls[i].parallel();
            }
            this.attributes = Labels.of(o.attributes());
        }
    }

    /**
     * One fault, resolved: its window in nanoseconds of the entry's timeline and its effects scaled
     * by the severity.
     */
    static final class FaultWindow {
        final long from;
        final long to;
        final boolean ramp;
        final double errorRate; // NaN: unchanged
        final double factor;
        final String message;

        FaultWindow(long from, long to, boolean ramp, double errorRate, double factor, String message) {
            this.from = from;
            this.to = to;
            this.ramp = ramp;
            this.errorRate = errorRate;
            this.factor = factor;
            this.message = message;
        }

        /** The share of the effect at {@code t}: 0 outside the window, 1 inside, rising with a ramp. */
        double weight(long t) {
            if (t < from || t >= to) {
                return 0;
            }
            return ramp ? (double) (t - from) / (double) (to - from) : 1;
        }
    }

    private TraceModel(TraceSpec spec, Duration duration, String path, Problems problems) {
        this.spec = spec;
        List<Service> svc = spec.services();
        int n = svc.size();
        services = new String[n];
        resources = new Labels[n];
        Map<String, Integer> serviceIndex = new HashMap<>();
        Map<String, Integer> opIndex = new HashMap<>();
        List<Operation> flat = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Service s = svc.get(i);
            services[i] = s.name();
            resources[i] = Labels.of(s.attributes());
            serviceIndex.put(s.name(), i);
            for (Operation o : s.operations()) {
                opIndex.put(key(s.name(), o.name()), flat.size());
                flat.add(o);
                owner.add(i);
            }
        }
        ops = new Op[flat.size()];
        for (int i = 0; i < ops.length; i++) {
            Operation o = flat.get(i);
            Call[] calls = o.calls().toArray(new Call[0]);
            int[] callee = new int[calls.length];
            for (int c = 0; c < calls.length; c++) {
                callee[c] = resolve(spec, opIndex, calls[c].service(), calls[c].operation());
            }
            ops[i] = new Op(i, owner.get(i), o, callee, calls);
        }
        List<Root> rs = spec.effectiveRoots();
        roots = new int[rs.size()];
        rootCumulative = new double[rs.size()];
        double total = 0;
        for (int i = 0; i < rs.size(); i++) {
            roots[i] = resolve(spec, opIndex, rs.get(i).service(), rs.get(i).operation());
            total += rs.get(i).weight();
            rootCumulative[i] = total;
        }
        for (int i = 0; i < rootCumulative.length; i++) {
            rootCumulative[i] /= total;
        }
        double severity = spec.severity();
        faults = new FaultWindow[spec.faults().size()];
        List<List<Integer>> byOp = new ArrayList<>();
        for (int i = 0; i < ops.length; i++) {
            byOp.add(new ArrayList<>());
        }
        for (int i = 0; i < faults.length; i++) {
            Fault f = spec.faults().get(i);
            String at = path + ".faults[" + i + "]";
            long from = resolve(f.from(), duration, at + ".from", problems);
            long to = f.to() == null
                    ? duration == null ? Long.MAX_VALUE : duration.toNanos()
                    : resolve(f.to(), duration, at + ".to", problems);
            if (to <= from && (f.from().relative() != (f.to() != null && f.to().relative()))) {
                problems.add(
                        at + ".to",
                        "the window is empty: 'to' (" + (f.to() == null ? "the end" : f.to())
                                + ") is not after 'from' (" + f.from() + ") for this entry's duration");
            }
            if (f.ramp() && to == Long.MAX_VALUE) {
                problems.add(at + ".ramp", "a ramping fault needs an end: set 'to:' or give the entry a duration");
            }
            double e = f.errorRate() == null ? Double.NaN : Math.min(1.0, f.errorRate() * severity);
            double factor = 1 + (f.latencyFactor() - 1) * severity;
            faults[i] = new FaultWindow(
                    from,
                    to,
                    f.ramp(),
                    e,
                    Math.max(factor, 1e-6),
                    f.message() == null ? "injected fault" : f.message());
            for (int o = 0; o < ops.length; o++) {
                boolean service =
                        f.service().equals(Fault.ALL_SERVICES) || services[ops[o].service].equals(f.service());
                boolean op = f.operation() == null || ops[o].name.equals(f.operation());
                if (service && op) {
                    byOp.get(o).add(i);
                }
            }
        }
        for (int o = 0; o < ops.length; o++) {
            ops[o].faults = byOp.get(o).stream().mapToInt(Integer::intValue).toArray();
        }
        propagation = spec.errorPropagation();
        CircuitBreaker cb = spec.circuitBreaker();
        breakerFailures = cb == null ? 0 : cb.failures();
        breakerOpenNanos = cb == null ? 0 : cb.openFor().toNanos();
        dependencyFailed = new String[n];
        breakerOpen = new String[n];
        for (int i = 0; i < n; i++) {
            dependencyFailed[i] = "dependency failed: " + services[i];
            breakerOpen[i] = "circuit breaker open: " + services[i];
        }
    }

    private static String key(String service, String operation) {
        return service + '\u0000' + operation;
    }

    private static int resolve(TraceSpec spec, Map<String, Integer> opIndex, String service, String operation) {
        Service s = spec.service(service);
        return opIndex.get(key(service, s.operation(operation).name()));
    }

    private static long resolve(Offset o, Duration duration, String at, Problems problems) {
        if (o.relative() && duration == null) {
            problems.add(at, "offset " + o + " is a share of the entry's duration, but the entry has no duration");
            return 0;
        }
        return o.resolve(duration).toNanos();
    }

    /**
     * Compiles a validated {@code traces:} block.
     *
     * @param spec the block, valid ({@link TraceSpec#validate})
     * @param duration the entry's duration, or null when it runs until stopped
     * @param path where the block sits, such as {@code scenarios[0].traces}, for problems
     * @param problems receives what only the duration reveals: a window that is empty once its
     *     offsets are resolved, a percentage without a duration, a ramp without an end
     * @return the model (not usable when problems were added)
     */
    public static TraceModel compile(TraceSpec spec, Duration duration, String path, Problems problems) {
        return new TraceModel(spec, duration, path, problems);
    }

    /**
     * The block this model was compiled from.
     *
     * @return the spec
     */
    public TraceSpec spec() {
        return spec;
    }

    /**
     * The services' names, in the order of the block.
     *
     * @return a copy
     */
    public List<String> serviceNames() {
        return List.of(services);
    }
}
