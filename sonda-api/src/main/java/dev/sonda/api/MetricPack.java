package dev.sonda.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A reusable set of metrics with shared labels (the body of a {@code kind: composable} file), such
 * as the metrics node_exporter emits for one CPU. Entries use it with {@code pack:}.
 *
 * @param name pack name, used in auto-generated entry ids
 * @param description what the pack models
 * @param category free-form category, such as {@code network}
 * @param sharedLabels labels of every metric; empty-string values are placeholders, still emitted
 * @param metrics the metrics, in order
 * @param tags catalog tags
 * @param scenarioName catalog name overriding {@code name} for lookups, or null
 */
public record MetricPack(
        String name,
        String description,
        String category,
        Map<String, String> sharedLabels,
        List<PackMetric> metrics,
        List<String> tags,
        String scenarioName) {
    /**
     * Creates the record, checking and copying its components.
     *
     * @param name pack name, used in auto-generated entry ids
     * @param description what the pack models
     * @param category free-form category, such as {@code network}
     * @param sharedLabels labels of every metric; empty-string values are placeholders, still emitted
     * @param metrics the metrics, in order
     * @param tags catalog tags
     * @param scenarioName catalog name overriding {@code name} for lookups, or null
     * @throws NullPointerException if a required component is null
     */
    public MetricPack {
        Objects.requireNonNull(name, "name");
        sharedLabels = sharedLabels == null ? Map.of() : Map.copyOf(sharedLabels);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
