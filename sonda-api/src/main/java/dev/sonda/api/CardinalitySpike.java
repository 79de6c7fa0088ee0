package dev.sonda.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A time-windowed cardinality explosion (an item of YAML {@code cardinality_spikes:}): during the
 * first {@code forDuration} of every {@code every} cycle, label {@code label} takes {@code
 * cardinality} distinct values.
 *
 * @param label the label key, {@code [a-zA-Z_][a-zA-Z0-9_]*}
 * @param every cycle length
 * @param forDuration active window at the head of each cycle (YAML {@code for})
 * @param cardinality distinct values while active, at least 1
 * @param strategy how values are made (default {@link Strategy#COUNTER})
 * @param prefix value prefix, or null for {@code "<label>_"}
 * @param seed seed of the {@link Strategy#RANDOM} strategy, unsigned (YAML {@code seed}), or null when
 *     not stated: then the run's default seed ({@code CompileOptions.withDefaultSeed}), else 0
 */
public record CardinalitySpike(
        String label,
        Duration every,
        Duration forDuration,
        long cardinality,
        Strategy strategy,
        String prefix,
        Long seed) {

    /** How spike label values are made. */
    public enum Strategy {
        /** {@code counter}: {@code prefix + (tick mod cardinality)}. */
        COUNTER,
        /** {@code random}: {@code prefix + hex16(splitmix64(seed ^ (tick mod cardinality)))}. */
        RANDOM
    }
    /**
     * Creates the record, checking and copying its components.
     *
     * @param label the label key, {@code [a-zA-Z_][a-zA-Z0-9_]*}
     * @param every cycle length
     * @param forDuration active window at the head of each cycle (YAML {@code for})
     * @param cardinality distinct values while active, at least 1
     * @param strategy how values are made (default {@link Strategy#COUNTER})
     * @param prefix value prefix, or null for {@code "<label>_"}
     * @param seed seed of the {@link Strategy#RANDOM} strategy, unsigned, or null when not stated
     * @throws NullPointerException if a required component is null
     */
    public CardinalitySpike {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(forDuration, "forDuration");
        strategy = strategy == null ? Strategy.COUNTER : strategy;
    }

    /**
     * Adds the reference's cardinality spike problems.
     *
     * @param path where this item sits, such as {@code scenarios[0].cardinality_spikes[1]}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (!Names.isLabelKey(label)) {
            problems.add(
                    path + ".label",
                    "invalid cardinality_spikes label \"" + label + "\": must match [a-zA-Z_][a-zA-Z0-9_]*");
        }
        Windows.check("cardinality_spikes", every, forDuration, path, problems);
        if (cardinality == 0) {
            problems.add(path + ".cardinality", "cardinality_spikes.cardinality must be greater than zero");
        }
    }
}
