package dev.sonda.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Start this entry when another one first crosses a threshold (YAML {@code after:}). Resolved at
 * compile time into a phase offset: the upstream's offset + its crossing time + {@code delay}.
 *
 * @param ref id of the upstream metrics entry, or {@code entryId.metric} for a pack metric
 * @param op the strict comparison
 * @param value the threshold
 * @param delay extra wait after the crossing, or null for none
 */
public record AfterClause(String ref, Comparison op, double value, Duration delay) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param ref id of the upstream metrics entry, or {@code entryId.metric} for a pack metric
     * @param op the strict comparison
     * @param value the threshold
     * @param delay extra wait after the crossing, or null for none
     * @throws NullPointerException if a required component is null
     */
    public AfterClause {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(op, "op");
    }
}
