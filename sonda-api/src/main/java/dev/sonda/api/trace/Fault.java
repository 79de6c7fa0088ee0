package dev.sonda.api.trace;

import dev.sonda.api.Offset;
import dev.sonda.api.Problems;
import dev.sonda.api.internal.num.FloatText;
import java.util.Objects;

/**
 * A window of trouble in one service (an item of YAML {@code faults:}): between {@code from} and
 * {@code to} on the entry's timeline, the spans of {@code service} (of its {@code operation} only,
 * when set) that start in the window take {@code latency_factor} times their own time and fail on
 * their own with probability {@code error_rate} (the higher of it and the operation's), with {@code
 * message}. With {@code ramp}, both grow linearly across the window from nothing at {@code from} to
 * their full value at {@code to}. The trace's {@code severity} scales them: an error rate {@code
 * e} becomes {@code min(1, e·severity)}, a factor {@code f} becomes {@code 1 + (f − 1)·severity}.
 *
 * @param service the service, or {@code *} for every service
 * @param operation one operation of it, or null for all of them
 * @param from where the window opens (YAML {@code from:}, default {@code 0s})
 * @param to where it closes (YAML {@code to:}), or null for the end of the entry
 * @param errorRate chance of failing in the window, 0 to 1, or null to keep the operation's
 * @param latencyFactor multiplier of the spans' own time, above 0 (YAML {@code latency_factor:},
 *     default 1)
 * @param ramp whether the effects grow across the window (default false: full at once)
 * @param message the status message of the spans it fails (YAML {@code message:}), or null for
 *     {@code injected fault}
 */
public record Fault(
        String service,
        String operation,
        Offset from,
        Offset to,
        Double errorRate,
        double latencyFactor,
        boolean ramp,
        String message) {
    /** The {@code service} value that targets every service. */
    public static final String ALL_SERVICES = "*";

    /**
     * Creates the record.
     *
     * @param service the service or {@code *}
     * @param operation the operation, or null
     * @param from the window's start, null for {@link Offset#START}
     * @param to the window's end, or null
     * @param errorRate the error rate, or null
     * @param latencyFactor the latency multiplier
     * @param ramp whether the effects grow across the window
     * @param message the status message, or null
     * @throws NullPointerException if {@code service} is null
     */
    public Fault {
        Objects.requireNonNull(service, "service");
        from = from == null ? Offset.START : from;
    }

    /**
     * A fault of {@code service} over the whole entry that changes nothing yet; add effects with
     * the {@code with...} methods.
     *
     * @param service the service, or {@code *} for every service
     * @return the fault
     */
    public static Fault on(String service) {
        return new Fault(service, null, Offset.START, null, null, 1.0, false, null);
    }

    /**
     * This fault limited to one operation (YAML {@code operation:}).
     *
     * @param operation the operation
     * @return the new fault
     */
    public Fault onOperation(String operation) {
        return new Fault(service, operation, from, to, errorRate, latencyFactor, ramp, message);
    }

    /**
     * This fault in the window {@code [from, to)} (YAML {@code from:}, {@code to:}).
     *
     * @param from where it opens
     * @param to where it closes, or null for the end of the entry
     * @return the new fault
     */
    public Fault between(Offset from, Offset to) {
        return new Fault(service, operation, from, to, errorRate, latencyFactor, ramp, message);
    }

    /**
     * This fault failing spans with a probability (YAML {@code error_rate:}).
     *
     * @param errorRate 0 to 1
     * @return the new fault
     */
    public Fault withErrorRate(double errorRate) {
        return new Fault(service, operation, from, to, errorRate, latencyFactor, ramp, message);
    }

    /**
     * This fault multiplying the spans' own time (YAML {@code latency_factor:}).
     *
     * @param latencyFactor above 0
     * @return the new fault
     */
    public Fault withLatencyFactor(double latencyFactor) {
        return new Fault(service, operation, from, to, errorRate, latencyFactor, ramp, message);
    }

    /**
     * This fault growing across its window (YAML {@code ramp: true}).
     *
     * @return the new fault
     */
    public Fault ramping() {
        return new Fault(service, operation, from, to, errorRate, latencyFactor, true, message);
    }

    /**
     * This fault's status message (YAML {@code message:}).
     *
     * @param message the text spans it fails carry
     * @return the new fault
     */
    public Fault withMessage(String message) {
        return new Fault(service, operation, from, to, errorRate, latencyFactor, ramp, message);
    }

    /**
     * Adds this fault's own problems (the graph checks what it refers to).
     *
     * @param path where it sits, such as {@code scenarios[0].traces.faults[0]}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        from.validate(path + ".from", problems);
        if (to != null) {
            to.validate(path + ".to", problems);
            if (from.relative() == to.relative()) {
                boolean empty = from.relative()
                        ? from.percent() >= to.percent()
                        : from.time().compareTo(to.time()) >= 0;
                if (empty) {
                    problems.add(
                            path + ".to", "the window is empty: 'to' (" + to + ") must be after 'from' (" + from + ")");
                }
            }
        }
        if (errorRate != null && !(errorRate >= 0 && errorRate <= 1)) {
            problems.add(
                    path + ".error_rate", "error_rate must be between 0 and 1, got " + FloatText.display(errorRate));
        }
        if (!(latencyFactor > 0 && Double.isFinite(latencyFactor))) {
            problems.add(
                    path + ".latency_factor",
                    "latency_factor must be positive and finite, got " + FloatText.display(latencyFactor));
        }
    }
}
