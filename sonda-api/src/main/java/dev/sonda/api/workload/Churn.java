package dev.sonda.api.workload;

import dev.sonda.api.Names;
import dev.sonda.api.Problems;
import java.time.Duration;
import java.util.List;

/**
 * Series churn (YAML {@code churn:}), the knobs of avalanche: whole series replaced on one
 * interval, metric names on another, label values rotated on their own, and the live series count
 * changing over time. Every interval is counted in ticks from the workload's start, so the
 * series created and removed are exact; the self-metrics {@code gen_series_created_total} and
 * {@code gen_series_removed_total} count them.
 *
 * @param seriesEvery every series is replaced by a new one this often (avalanche {@code
 *     --series-interval}): the label {@code cycleLabel} carries the cycle number, or null for
 *     never
 * @param cycleLabel the label that carries the series cycle (YAML {@code cycle_label}); {@code
 *     cycle_id} when null; present only when {@code seriesEvery} is set
 * @param metricEvery every metric name changes this often (avalanche {@code --metric-interval}):
 *     {@code name_cN}, N the cycle (a counter ending in {@code _total} becomes {@code
 *     stem_cN_total}), or null for never
 * @param labels label value rotations
 * @param seriesCount the live series count over time, or null for the whole space
 */
public record Churn(
        Duration seriesEvery,
        String cycleLabel,
        Duration metricEvery,
        List<LabelRotation> labels,
        SeriesCount seriesCount) {

    /** The default series-cycle label. */
    public static final String DEFAULT_CYCLE_LABEL = "cycle_id";

    /**
     * Creates the record, copying {@code labels}.
     *
     * @param seriesEvery the series interval, or null
     * @param cycleLabel the cycle label, or null for {@code cycle_id}
     * @param metricEvery the metric-name interval, or null
     * @param labels the rotations
     * @param seriesCount the series count, or null
     */
    public Churn {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** No churn. */
    public static final Churn NONE = new Churn(null, null, null, List.of(), null);

    /**
     * The effective cycle label.
     *
     * @return {@link #cycleLabel()}, or {@code cycle_id}
     */
    public String effectiveCycleLabel() {
        return cycleLabel == null ? DEFAULT_CYCLE_LABEL : cycleLabel;
    }

    /**
     * Adds every problem of the settings.
     *
     * @param path where the block sits, such as {@code workload.churn}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        positive(seriesEvery, path + ".series_every", problems);
        positive(metricEvery, path + ".metric_every", problems);
        if (cycleLabel != null && (!Names.isLabelKey(cycleLabel) || cycleLabel.startsWith("__"))) {
            problems.add(
                    path + ".cycle_label",
                    "invalid label name \"" + cycleLabel + "\": must match [a-zA-Z_][a-zA-Z0-9_]*");
        }
        for (int i = 0; i < labels.size(); i++) {
            labels.get(i).validate(path + ".labels[" + i + "]", problems);
        }
        if (seriesCount != null) {
            seriesCount.validate(path + ".series_count", problems);
        }
    }

    private static void positive(Duration d, String path, Problems problems) {
        if (d != null && (d.isZero() || d.isNegative())) {
            problems.add(path, "the interval must be greater than zero");
        }
    }
}
