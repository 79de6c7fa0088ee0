package dev.sonda.engine.trace;

import dev.sonda.api.Distribution;
import java.util.Arrays;

/**
 * Makes one trace per request from a {@link TraceModel}. Deterministic: request {@code n} of a
 * model with seed {@code s} draws its numbers from splitmix64 seeded with {@code mix(s ^ mix(n))},
 * so its trace id, span ids, durations and outcomes depend only on {@code (s, n)}, its arrival time
 * and the circuit breakers' state (which follows the requests in order).
 *
 * <p>A span of operation {@code o} starting at {@code t}:
 *
 * <ol>
 *   <li>takes its own time: a draw of {@code o.latency} in milliseconds (at least 0.001), times the
 *       product of the factors of the faults active at {@code t}, rounded to whole microseconds;
 *   <li>fails on its own with the highest of {@code o.error_rate} and the active faults' rates (the
 *       fault's message, else {@code internal error}), and then makes no calls;
 *   <li>otherwise makes its calls after half its own time: in sequence, or a {@code parallel} call's
 *       {@code count} spans starting together; a call on an open circuit breaker fails at once with
 *       no callee span; a failed call fails this span with probability {@code error_propagation};
 *   <li>ends the other half of its own time after its last call, so every child lies inside it;
 *   <li>fails with {@code timeout after N ms} if it lasted longer than {@code o.timeout}.
 * </ol>
 *
 * <p>Spans are handed to the {@link Listener} as they end (children before parents); span objects
 * are reused once the listener gives them back with {@link #release}. Not thread-safe.
 */
public final class TraceGenerator {
    /** Where the generator's spans and circuit breaker changes go. */
    public interface Listener {
        /**
         * A finished span; it belongs to the listener until {@link TraceGenerator#release}.
         *
         * @param span the span
         */
        void span(Span span);

        /**
         * A circuit breaker opened or closed.
         *
         * @param epochNanos when: the end of the call that changed it
         * @param caller the calling service's index
         * @param callee the called service's index
         * @param opened true when it opened, false when it closed
         */
        void breaker(long epochNanos, int caller, int callee, boolean opened);
    }

    private final TraceModel m;
    private final Listener listener;
    private final long seed;
    private final Rng rng = new Rng();
    private final int services;
    private final int[] consecutive;
    private final long[] openUntil;
    private Span[] pool = new Span[64];
    private int pooled;
    private long seq;
    private long traceHigh;
    private long traceLow;
    private long epochBase;
    private long lastEnd;
    private boolean lastError;
    private int made;

    /**
     * Creates a generator.
     *
     * @param model the compiled graph
     * @param listener receives the spans and circuit breaker changes
     */
    public TraceGenerator(TraceModel model, Listener listener) {
        this.m = model;
        this.listener = listener;
        this.seed = model.spec.seed();
        this.services = model.services.length;
        this.consecutive = new int[services * services];
        this.openUntil = new long[services * services];
        Arrays.fill(openUntil, Long.MIN_VALUE);
    }

    /**
     * Makes the trace of request {@code n}.
     *
     * @param n the request's number, 0 for the first
     * @param t the request's arrival on the entry's timeline, nanoseconds since the entry started
     *     (fault windows are read on it)
     * @param epochNanos the arrival as a timestamp, nanoseconds since the epoch
     * @return the number of spans made
     */
    public int generate(long n, long t, long epochNanos) {
        rng.reseed(Rng.seedOf(seed, n));
        long hi;
        long lo;
        do {
            hi = rng.nextLong();
            lo = rng.nextLong();
        } while (hi == 0 && lo == 0);
        traceHigh = hi;
        traceLow = lo;
        epochBase = epochNanos - t;
        made = 0;
        span(root(), 0L, t);
        return made;
    }

    /**
     * Gives a span back for reuse.
     *
     * @param s a span this generator made, no longer used by the caller
     */
    public void release(Span s) {
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = s;
    }

    private int root() {
        double[] c = m.rootCumulative;
        if (c.length == 1) {
            return m.roots[0];
        }
        double u = rng.nextDouble();
        for (int i = 0; i < c.length - 1; i++) {
            if (u < c[i]) {
                return m.roots[i];
            }
        }
        return m.roots[c.length - 1];
    }

    private Span take() {
        return pooled == 0 ? new Span() : pool[--pooled];
    }

    private void span(int opIndex, long parent, long start) {
        TraceModel.Op op = m.ops[opIndex];
        Span s = take();
        made++;
        s.seq = seq++;
        s.traceHigh = traceHigh;
        s.traceLow = traceLow;
        s.id = rng.nextId();
        s.parent = parent;
        s.serviceIndex = op.service;
        s.opIndex = opIndex;
        s.service = m.services[op.service];
        s.operation = op.name;
        s.kind = op.kind;
        s.attributes = op.attributes;
        s.resource = m.resources[op.service];

        double factor = 1;
        double errorRate = op.errorRate;
        String errorMessage = "internal error";
        for (int f : op.faults) {
            TraceModel.FaultWindow w = m.faults[f];
            double weight = w.weight(start);
            if (weight > 0) {
                factor *= 1 + (w.factor - 1) * weight;
                if (!Double.isNaN(w.errorRate)) {
                    double e = w.errorRate * weight;
                    if (e > errorRate) {
                        errorRate = e;
                        errorMessage = w.message;
                    }
                }
            }
        }
        double ms = Math.max(0.001, draw(op.latency)) * factor;
        long selfMicros = Math.max(1L, Math.round(ms * 1000.0));
        long self = selfMicros * 1000L;
        long pre = (selfMicros / 2) * 1000L;
        boolean failed = errorRate > 0 && rng.nextDouble() < errorRate;
        String message = failed ? errorMessage : null;
        long cursor = start + pre;
        if (!failed) {
            for (int c = 0; c < op.callee.length; c++) {
                int callee = op.callee[c];
                int calleeService = m.ops[callee].service;
                boolean parallel = op.parallel[c];
                long groupEnd = cursor;
                for (int k = 0; k < op.count[c]; k++) {
                    double p = op.probability[c];
                    if (p < 1 && rng.nextDouble() >= p) {
                        continue;
                    }
                    long callStart = cursor;
                    long callEnd;
                    boolean callFailed;
                    boolean shortCircuit = false;
                    int edge = op.service * services + calleeService;
                    if (m.breakerFailures > 0 && openUntil[edge] != Long.MIN_VALUE && callStart < openUntil[edge]) {
                        callFailed = true;
                        callEnd = callStart;
                        shortCircuit = true;
                    } else {
                        span(callee, s.id, callStart);
                        callEnd = lastEnd;
                        callFailed = lastError;
                        if (m.breakerFailures > 0) {
                            breaker(edge, op.service, calleeService, callFailed, callEnd);
                        }
                    }
                    if (parallel) {
                        groupEnd = Math.max(groupEnd, callEnd);
                    } else {
                        cursor = callEnd;
                    }
                    if (callFailed && !failed && m.propagation > 0 && rng.nextDouble() < m.propagation) {
                        failed = true;
                        message = shortCircuit ? m.breakerOpen[calleeService] : m.dependencyFailed[calleeService];
                    }
                }
                if (parallel) {
                    cursor = groupEnd;
                }
            }
        }
        long end = cursor + (self - pre);
        if (!failed && end - start > op.timeoutNanos) {
            failed = true;
            message = op.timeoutMessage;
        }
        s.start = start + epochBase;
        s.end = end + epochBase;
        s.error = failed;
        s.message = message;
        s.slowed = factor >= 2;
        lastEnd = end;
        lastError = failed;
        listener.span(s);
    }

    private void breaker(int edge, int caller, int callee, boolean failed, long callEnd) {
        if (openUntil[edge] != Long.MIN_VALUE) {
            // the breaker's open time is over: this call is its trial
            if (failed) {
                openUntil[edge] = callEnd + m.breakerOpenNanos;
            } else {
                openUntil[edge] = Long.MIN_VALUE;
                consecutive[edge] = 0;
                listener.breaker(callEnd + epochBase, caller, callee, false);
            }
            return;
        }
        if (!failed) {
            consecutive[edge] = 0;
        } else if (++consecutive[edge] >= m.breakerFailures) {
            consecutive[edge] = 0;
            openUntil[edge] = callEnd + m.breakerOpenNanos;
            listener.breaker(callEnd + epochBase, caller, callee, true);
        }
    }

    private double draw(Distribution d) {
        if (d instanceof Distribution.Normal n) {
            return n.mean() + n.stddev() * rng.nextGaussian();
        }
        if (d instanceof Distribution.Exponential e) {
            return -Math.log(1.0 - rng.nextDouble()) / e.rate();
        }
        Distribution.Uniform u = (Distribution.Uniform) d;
        return u.min() + rng.nextDouble() * (u.max() - u.min());
    }
}
