package dev.sonda.api.trace;

import dev.sonda.api.Problems;
import dev.sonda.api.internal.num.FloatText;
import java.util.Objects;

/**
 * One outgoing call of an operation (an item of YAML {@code calls:}): every span of the calling
 * operation makes {@code count} calls to {@code service}'s {@code operation}, each with probability
 * {@code probability}, one after the other or, when {@code parallel}, all at once.
 *
 * @param service the called service's name
 * @param operation the called operation's name, or null for the service's first operation
 * @param count calls per span of the caller (fan-out), 1 to {@value #MAX_COUNT}; default 1
 * @param probability chance that each call happens, 0 to 1; default 1
 * @param parallel whether the {@code count} calls start together (default false: in sequence)
 */
public record Call(String service, String operation, int count, double probability, boolean parallel) {
    /** The largest fan-out of one call. */
    public static final int MAX_COUNT = 100;

    /**
     * Creates the record.
     *
     * @param service the called service's name
     * @param operation the called operation's name, or null
     * @param count calls per span of the caller
     * @param probability chance that each call happens
     * @param parallel whether the calls start together
     * @throws NullPointerException if {@code service} is null
     */
    public Call {
        Objects.requireNonNull(service, "service");
    }

    /**
     * One call to the first operation of {@code service} (YAML {@code {service: NAME}}).
     *
     * @param service the called service
     * @return the call
     */
    public static Call to(String service) {
        return new Call(service, null, 1, 1.0, false);
    }

    /**
     * One call to {@code service}'s {@code operation} (YAML {@code {service, operation}}).
     *
     * @param service the called service
     * @param operation the called operation
     * @return the call
     */
    public static Call to(String service, String operation) {
        return new Call(service, operation, 1, 1.0, false);
    }

    /**
     * This call made {@code count} times per span (YAML {@code count:}).
     *
     * @param count 1 to {@value #MAX_COUNT}
     * @return the new call
     */
    public Call withCount(int count) {
        return new Call(service, operation, count, probability, parallel);
    }

    /**
     * This call made with a probability (YAML {@code probability:}).
     *
     * @param probability 0 to 1
     * @return the new call
     */
    public Call withProbability(double probability) {
        return new Call(service, operation, count, probability, parallel);
    }

    /**
     * This call's {@code count} calls started together (YAML {@code parallel: true}).
     *
     * @return the new call
     */
    public Call inParallel() {
        return new Call(service, operation, count, probability, true);
    }

    /**
     * Adds this call's own problems (the graph checks the references).
     *
     * @param path where the call sits, such as {@code ...operations[0].calls[1]}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (count < 1 || count > MAX_COUNT) {
            problems.add(path + ".count", "count must be between 1 and " + MAX_COUNT + ", got " + count);
        }
        if (!(probability >= 0 && probability <= 1)) {
            problems.add(
                    path + ".probability",
                    "probability must be between 0 and 1, got " + FloatText.display(probability));
        }
    }
}
