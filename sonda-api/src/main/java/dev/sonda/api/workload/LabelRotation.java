package dev.sonda.api.workload;

import dev.sonda.api.Problems;
import dev.sonda.api.internal.num.FloatText;
import java.time.Duration;
import java.util.Objects;

/**
 * Rotates the values of one label (an item of YAML {@code churn.labels}), as pods are replaced by
 * a rolling deployment: every {@code every}, the next {@code ceil(fraction · n)} of the label's n
 * values (in order, wrapping round) each take a new generation, written {@code value-rN} (N the
 * value's generation, from 1; generation 0 is the plain value). Every series carrying a rotated
 * value is removed and a new one created.
 *
 * @param label the label name, in the label space of at least one metric
 * @param every the interval
 * @param fraction the share of the values rotated per interval, in (0, 1]
 */
public record LabelRotation(String label, Duration every, double fraction) {
    /**
     * Creates the record.
     *
     * @param label the label name
     * @param every the interval
     * @param fraction the share rotated per interval
     * @throws NullPointerException if {@code label} or {@code every} is null
     */
    public LabelRotation {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(every, "every");
    }

    /**
     * Adds every problem of the settings.
     *
     * @param path where the rotation sits, such as {@code workload.churn.labels[0]}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        Checks.positive(every, path, "every", problems);
        if (!(fraction > 0 && fraction <= 1)) {
            problems.add(path + ".fraction", "fraction must be in (0, 1], got " + FloatText.display(fraction));
        }
    }
}
