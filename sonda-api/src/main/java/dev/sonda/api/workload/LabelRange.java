package dev.sonda.api.workload;

import dev.sonda.api.Problems;

/**
 * An integer range of label values (YAML {@code range: [start, end]} with an optional {@code
 * fmt}): the integers {@code start, start + 1, ..., end}, both ends included, each written with
 * {@code fmt}.
 *
 * <p>{@code fmt} is printf-style ({@code i-%02d}, {@code %x}, {@code %%} for a percent sign) when it
 * contains {@code %}, else brace-style ({@code user_{}}, {@code {:05d}}), as Mockingbird accepts
 * both; null writes the integer in decimal. A width is a minimum: {@code %02d} of 100 is {@code
 * 100}.
 *
 * @param start the first integer
 * @param end the last integer, at least {@code start}
 * @param fmt how each integer is written, or null for decimal
 */
public record LabelRange(long start, long end, String fmt) {

    /**
     * The number of values.
     *
     * @return {@code end - start + 1}, or 0 when {@code end < start}
     */
    public long size() {
        return end < start ? 0 : end - start + 1;
    }

    /**
     * Adds every problem of this range: an empty range, or a {@code fmt} without a placeholder
     * (every value would be the same text).
     *
     * @param path where the range sits, such as {@code workload.profiles.low.labels.instance}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        if (end < start) {
            problems.add(
                    path + ".range",
                    "range [" + start + ", " + end + "] is empty: the end must be at least the start"
                            + " (both ends are included)");
        }
        if (fmt == null) {
            return;
        }
        try {
            if (!LabelFormat.hasPlaceholder(fmt)) {
                problems.add(
                        path + ".fmt",
                        "fmt '" + fmt + "' has no placeholder, so every value of the range would be the same"
                                + " text; write one such as 'i-%02d' or 'user_{}'");
            }
        } catch (IllegalArgumentException e) {
            problems.add(path + ".fmt", e.getMessage());
        }
    }
}
