package dev.sonda.api;

import dev.sonda.api.generator.GeneratorSpec;
import java.util.Map;
import java.util.Objects;

/**
 * One metric of a {@link MetricPack} (an item of the pack's {@code metrics:} list).
 *
 * @param name metric name
 * @param labels labels of this metric, over the pack's shared labels
 * @param generator value generator, or null for {@code constant 0.0}
 */
public record PackMetric(String name, Map<String, String> labels, GeneratorSpec generator) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param name metric name
     * @param labels labels of this metric, over the pack's shared labels
     * @param generator value generator, or null for {@code constant 0.0}
     * @throws NullPointerException if a required component is null
     */
    public PackMetric {
        Objects.requireNonNull(name, "name");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
