package dev.sonda.api.trace;

import dev.sonda.api.Distribution;
import dev.sonda.api.DurationText;
import dev.sonda.api.Problems;
import dev.sonda.api.internal.num.FloatText;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation of a service (an item of YAML {@code operations:}): every span of it has this name,
 * kind and attributes, takes its own time from {@code latency} and makes its {@code calls}.
 *
 * <p>A span's duration is its own time plus the time of the calls it makes: half of its own time
 * passes before the first call, the other half after the last, so every child span lies inside
 * its parent's time window. Draws below 0.001 ms are raised to 0.001 ms (1 µs, the resolution of
 * span times).
 *
 * @param name the operation's name, non-empty; the span's name is {@code service.name}
 * @param kind the span kind (YAML {@code kind:}, default {@link SpanKind#SERVER})
 * @param latency the operation's own time per span, in milliseconds (YAML {@code latency:}, a
 *     {@code distribution:} block: exponential, normal or uniform)
 * @param errorRate chance that a span fails on its own, 0 to 1 (YAML {@code error_rate:}, default
 *     0); a span that fails on its own makes none of its calls
 * @param timeout a span that lasts longer fails with {@code timeout after N ms} (YAML {@code
 *     timeout:}), or null for none
 * @param calls the calls every span makes, in order (YAML {@code calls:})
 * @param attributes attributes of every span of this operation (YAML {@code attributes:}), such as
 *     {@code http.method: GET}
 */
public record Operation(
        String name,
        SpanKind kind,
        Distribution latency,
        double errorRate,
        Duration timeout,
        List<Call> calls,
        Map<String, String> attributes) {

    /**
     * Creates the record, copying the collections.
     *
     * @param name the operation's name
     * @param kind the span kind, null for {@link SpanKind#SERVER}
     * @param latency own time per span, milliseconds
     * @param errorRate chance of failing on its own
     * @param timeout the timeout, or null
     * @param calls the calls, null for none
     * @param attributes span attributes, null for none
     * @throws NullPointerException if {@code name} or {@code latency} is null
     */
    public Operation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(latency, "latency");
        kind = kind == null ? SpanKind.SERVER : kind;
        calls = calls == null ? List.of() : List.copyOf(calls);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * A server operation with the given own time, no errors, no timeout and no calls.
     *
     * @param name the operation's name
     * @param latencyMs own time per span in milliseconds
     * @return the operation
     */
    public static Operation of(String name, Distribution latencyMs) {
        return new Operation(name, SpanKind.SERVER, latencyMs, 0.0, null, List.of(), Map.of());
    }

    /**
     * A server operation whose own time is normally distributed (YAML {@code latency: {type:
     * normal, mean, stddev}}).
     *
     * @param name the operation's name
     * @param meanMs mean own time in milliseconds
     * @param stddevMs standard deviation in milliseconds, above 0
     * @return the operation
     */
    public static Operation of(String name, double meanMs, double stddevMs) {
        return of(name, new Distribution.Normal(meanMs, stddevMs));
    }

    /**
     * This operation with another span kind (YAML {@code kind:}).
     *
     * @param kind the kind
     * @return the new operation
     */
    public Operation withKind(SpanKind kind) {
        return new Operation(name, kind, latency, errorRate, timeout, calls, attributes);
    }

    /**
     * This operation failing on its own with a probability (YAML {@code error_rate:}).
     *
     * @param errorRate 0 to 1
     * @return the new operation
     */
    public Operation withErrorRate(double errorRate) {
        return new Operation(name, kind, latency, errorRate, timeout, calls, attributes);
    }

    /**
     * This operation with a timeout (YAML {@code timeout:}).
     *
     * @param timeout positive
     * @return the new operation
     */
    public Operation withTimeout(Duration timeout) {
        return new Operation(name, kind, latency, errorRate, timeout, calls, attributes);
    }

    /**
     * This operation making these calls, in order (YAML {@code calls:}).
     *
     * @param calls the calls
     * @return the new operation
     */
    public Operation withCalls(Call... calls) {
        return new Operation(name, kind, latency, errorRate, timeout, Arrays.asList(calls), attributes);
    }

    /**
     * This operation with span attributes (YAML {@code attributes:}).
     *
     * @param attributes names to values
     * @return the new operation
     */
    public Operation withAttributes(Map<String, String> attributes) {
        return new Operation(name, kind, latency, errorRate, timeout, calls, attributes);
    }

    /**
     * Adds this operation's own problems (the graph checks what its calls refer to).
     *
     * @param path where the operation sits, such as {@code scenarios[0].traces.services[1].operations[0]}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (name.isEmpty()) {
            problems.add(path + ".name", "operation name must not be empty");
        }
        latency.validate(path + ".latency", problems);
        if (!(errorRate >= 0 && errorRate <= 1)) {
            problems.add(
                    path + ".error_rate", "error_rate must be between 0 and 1, got " + FloatText.display(errorRate));
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            problems.add(path + ".timeout", "timeout must be greater than zero, got " + DurationText.format(timeout));
        }
        for (int i = 0; i < calls.size(); i++) {
            calls.get(i).validate(path + ".calls[" + i + "]", problems);
        }
        attributes.keySet().stream().sorted().forEach(k -> {
            if (k.isEmpty()) {
                problems.add(path + ".attributes", "attribute names must not be empty");
            }
        });
    }
}
