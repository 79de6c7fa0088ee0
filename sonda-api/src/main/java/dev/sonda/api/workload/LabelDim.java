package dev.sonda.api.workload;

import dev.sonda.api.Names;
import dev.sonda.api.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One label of a label space and its values: a list (YAML {@code values: [a, b]}) or an integer
 * range (YAML {@code range: [1, 3]} with an optional {@code fmt}). Exactly one of the two is set.
 *
 * @param name the label name ({@code [a-zA-Z_][a-zA-Z0-9_]*}, not starting with {@code __})
 * @param values the values in order, or an empty list when {@code range} is set
 * @param range the range, or null when {@code values} is set
 */
public record LabelDim(String name, List<String> values, LabelRange range) {
    /**
     * Creates the record, copying {@code values}.
     *
     * @param name the label name
     * @param values the values, or null/empty when {@code range} is set
     * @param range the range, or null
     * @throws NullPointerException if {@code name} is null
     */
    public LabelDim {
        Objects.requireNonNull(name, "name");
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * A label with listed values.
     *
     * @param name the label name
     * @param values the values, in the order of the product
     * @return the label
     */
    public static LabelDim values(String name, String... values) {
        return new LabelDim(name, List.of(values), null);
    }

    /**
     * A label whose values are the integers {@code start..end} (both included) written with {@code
     * fmt}.
     *
     * @param name the label name
     * @param start the first integer
     * @param end the last integer
     * @param fmt printf- or brace-style format such as {@code i-%02d}, or null for decimal
     * @return the label
     */
    public static LabelDim range(String name, long start, long end, String fmt) {
        return new LabelDim(name, List.of(), new LabelRange(start, end, fmt));
    }

    /**
     * The number of values.
     *
     * @return the size of the list or of the range
     */
    public long size() {
        return range != null ? range.size() : values.size();
    }

    /**
     * The value at {@code index}.
     *
     * @param index from 0 to {@link #size()} - 1
     * @return the value's text
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public String value(long index) {
        if (range != null) {
            Objects.checkIndex(index, range.size());
            return LabelFormat.format(range.fmt(), range.start() + index);
        }
        return values.get(Math.toIntExact(index));
    }

    /**
     * Adds every problem of this label: its name, no values or both kinds, duplicate listed values
     * and the range's own rules.
     *
     * @param path where the label sits, such as {@code workload.profiles.low.labels.region}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        if (!Names.isLabelKey(name) || name.startsWith("__")) {
            problems.add(
                    path,
                    "invalid label name \"" + name + "\": must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __");
        }
        if (range != null && !values.isEmpty()) {
            problems.add(path, "label '" + name + "' has both values and range: keep one");
        } else if (range == null && values.isEmpty()) {
            problems.add(path + ".values", "label '" + name + "' has no values: give values: [...] or range: [a, b]");
        }
        if (range != null) {
            range.validate(path, problems);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                problems.add(
                        path + ".values[" + i + "]",
                        "label '" + name + "' lists the value \"" + values.get(i) + "\" twice; each value makes"
                                + " series of its own, so list it once");
            }
        }
    }
}
