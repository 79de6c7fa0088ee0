package dev.sonda.api.trace;

import dev.sonda.api.Problems;
import dev.sonda.api.internal.num.FloatText;
import java.util.Objects;

/**
 * An entry point of requests (an item of YAML {@code roots:}): each root request, one per tick of
 * the entry's {@code rate}, goes to one root drawn by weight.
 *
 * @param service the service receiving the request
 * @param operation its operation, or null for its first
 * @param weight relative weight, above 0 (default 1)
 */
public record Root(String service, String operation, double weight) {
    /**
     * Creates the record.
     *
     * @param service the service
     * @param operation the operation, or null
     * @param weight relative weight
     * @throws NullPointerException if {@code service} is null
     */
    public Root {
        Objects.requireNonNull(service, "service");
    }

    /**
     * A root of weight 1.
     *
     * @param service the service
     * @param operation the operation, or null for its first
     * @return the root
     */
    public static Root of(String service, String operation) {
        return new Root(service, operation, 1.0);
    }

    /**
     * Adds this root's own problems.
     *
     * @param path where it sits, such as {@code scenarios[0].traces.roots[0]}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (!(weight > 0 && Double.isFinite(weight))) {
            problems.add(path + ".weight", "weight must be positive and finite, got " + FloatText.display(weight));
        }
    }
}
