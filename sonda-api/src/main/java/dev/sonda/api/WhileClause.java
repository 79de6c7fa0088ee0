package dev.sonda.api;

import java.util.Objects;

/**
 * Emit only while another entry's value satisfies a strict comparison (YAML {@code while:}).
 *
 * @param ref id of the upstream metrics entry
 * @param op the strict comparison
 * @param value the threshold, finite
 * @param scenarioName name of another running scenario body holding the upstream (server only),
 *     or null for a local ref
 * @param ifUnresolved behaviour while a cross-body upstream is absent, or null for {@link
 *     IfUnresolved#PENDING}
 */
public record WhileClause(String ref, Comparison op, double value, String scenarioName, IfUnresolved ifUnresolved) {

    /** Behaviour of a cross-body {@code while:} whose upstream is not running (YAML {@code if_unresolved}). */
    public enum IfUnresolved {
        /** {@code open}: emit as if the gate were open. */
        OPEN,
        /** {@code closed}: stay paused. */
        CLOSED,
        /** {@code pending}: wait, emitting nothing (the default). */
        PENDING
    }
    /**
     * Creates the record, checking and copying its components.
     *
     * @param ref id of the upstream metrics entry
     * @param op the strict comparison
     * @param value the threshold, finite
     * @param scenarioName name of another running scenario body holding the upstream (server only), or null for a local ref
     * @param ifUnresolved behaviour while a cross-body upstream is absent, or null for {@link IfUnresolved#PENDING}
     * @throws NullPointerException if a required component is null
     */
    public WhileClause {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(op, "op");
    }
}
