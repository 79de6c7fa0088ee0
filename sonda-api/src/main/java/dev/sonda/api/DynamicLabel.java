package dev.sonda.api;

import java.util.List;
import java.util.Objects;

/**
 * A label whose value changes every tick (an item of YAML {@code dynamic_labels:}): either a
 * counter {@code prefix + (tick mod cardinality)} or a cycle through {@code values}.
 *
 * @param key the label key, {@code [a-zA-Z_][a-zA-Z0-9_]*}
 * @param prefix counter prefix, or null for {@code "<key>_"}; ignored with {@code values}
 * @param cardinality counter modulus, at least 1; ignored with {@code values}
 * @param values values to cycle through, or empty for the counter form
 */
public record DynamicLabel(String key, String prefix, long cardinality, List<String> values) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param key the label key, {@code [a-zA-Z_][a-zA-Z0-9_]*}
     * @param prefix counter prefix, or null for {@code "<key>_"}; ignored with {@code values}
     * @param cardinality counter modulus, at least 1; ignored with {@code values}
     * @param values values to cycle through, or empty for the counter form
     * @throws NullPointerException if a required component is null
     */
    public DynamicLabel {
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }

    /**
     * Adds the reference's dynamic label problems.
     *
     * @param path where this item sits, such as {@code scenarios[0].dynamic_labels[0]}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (!Names.isLabelKey(key)) {
            problems.add(
                    path + ".key", "invalid dynamic_labels key \"" + key + "\": must match [a-zA-Z_][a-zA-Z0-9_]*");
        }
        if (values.isEmpty() && cardinality == 0) {
            problems.add(
                    path + ".cardinality", "dynamic_labels[key=\"" + key + "\"].cardinality must be greater than zero");
        }
    }
}
