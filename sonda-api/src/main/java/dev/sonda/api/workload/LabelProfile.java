package dev.sonda.api.workload;

import dev.sonda.api.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named label space shared by many metrics (an item of YAML {@code profiles:}): its labels, whose
 * Cartesian product in odometer order (the first label varies slowest) gives the series, and an
 * optional cap on how many of them each metric keeps.
 *
 * <p>Immutable; the {@code with...} methods and {@link #values}/{@link #range} return copies, so a
 * profile reads like its YAML:
 *
 * <pre>{@code
 * LabelProfile low = LabelProfile.of("low")
 *         .values("region", "us-east-1", "eu-west-1")
 *         .range("instance", 1, 3, "i-%02d")
 *         .seriesCap(1000);
 * }</pre>
 *
 * @param name the profile's name, referred to by {@link WorkloadMetric#profile()}
 * @param labels the labels in product order; empty for one series with no labels
 * @param seriesCap the most series a metric of this profile keeps (YAML {@code series_cap}), at
 *     least 1, or null for all of them
 * @param sampling which series the cap keeps (YAML {@code sampling}); {@link Sampling#FIRST} when
 *     null
 */
public record LabelProfile(String name, List<LabelDim> labels, Long seriesCap, Sampling sampling) {

    /** Which series a {@code series_cap} keeps. */
    public enum Sampling {
        /** {@code first}: the first {@code series_cap} combinations in product order. */
        FIRST("first"),
        /**
         * {@code hash}: the {@code series_cap} combinations with the smallest MD5 of their key
         * ({@code name=value} pairs sorted by name, joined by {@code ,}), in that order; the same
         * selection on every run and for every metric (Mockingbird {@code sampling_strategy:
         * hash}).
         */
        HASH("hash");

        private final String yamlName;

        Sampling(String yamlName) {
            this.yamlName = yamlName;
        }

        /**
         * The YAML spelling.
         *
         * @return {@code first} or {@code hash}
         */
        public String yamlName() {
            return yamlName;
        }
    }

    /**
     * Creates the record, copying {@code labels}.
     *
     * @param name the profile's name
     * @param labels the labels
     * @param seriesCap the cap, or null
     * @param sampling the sampling, or null for {@link Sampling#FIRST}
     * @throws NullPointerException if {@code name} is null
     */
    public LabelProfile {
        Objects.requireNonNull(name, "name");
        labels = labels == null ? List.of() : List.copyOf(labels);
        sampling = sampling == null ? Sampling.FIRST : sampling;
    }

    /**
     * An empty profile (one series with no labels until labels are added).
     *
     * @param name the profile's name
     * @return the profile
     */
    public static LabelProfile of(String name) {
        return new LabelProfile(name, List.of(), null, null);
    }

    /**
     * This profile with one more label of listed values (YAML {@code labels: {name: {values:
     * [...]}}}).
     *
     * @param label the label name
     * @param values its values
     * @return the new profile
     */
    public LabelProfile values(String label, String... values) {
        return withLabel(LabelDim.values(label, values));
    }

    /**
     * This profile with one more label of range values (YAML {@code labels: {name: {range: [start,
     * end], fmt: ...}}}).
     *
     * @param label the label name
     * @param start the first integer
     * @param end the last integer, included
     * @param fmt the format such as {@code i-%02d}, or null for decimal
     * @return the new profile
     */
    public LabelProfile range(String label, long start, long end, String fmt) {
        return withLabel(LabelDim.range(label, start, end, fmt));
    }

    /**
     * This profile with one more label.
     *
     * @param label the label
     * @return the new profile
     */
    public LabelProfile withLabel(LabelDim label) {
        List<LabelDim> next = new ArrayList<>(labels);
        next.add(label);
        return new LabelProfile(name, next, seriesCap, sampling);
    }

    /**
     * This profile with a cap (YAML {@code series_cap}).
     *
     * @param cap the most series a metric keeps, at least 1
     * @return the new profile
     */
    public LabelProfile seriesCap(long cap) {
        return new LabelProfile(name, labels, cap, sampling);
    }

    /**
     * This profile with a sampling strategy (YAML {@code sampling}).
     *
     * @param sampling first or hash
     * @return the new profile
     */
    public LabelProfile sampling(Sampling sampling) {
        return new LabelProfile(name, labels, seriesCap, sampling);
    }

    /**
     * The size of the full product, before any cap.
     *
     * @return the product of the label sizes (1 without labels), or {@link Long#MAX_VALUE} when it
     *     overflows
     */
    public long productSize() {
        return productSize(labels);
    }

    /**
     * The size of the product of {@code labels}.
     *
     * @param labels the labels
     * @return the product of their sizes (1 when empty), or {@link Long#MAX_VALUE} on overflow
     */
    public static long productSize(List<LabelDim> labels) {
        long n = 1;
        for (LabelDim d : labels) {
            long s = d.size();
            if (s != 0 && n > Long.MAX_VALUE / s) {
                return Long.MAX_VALUE;
            }
            n *= s;
        }
        return n;
    }

    /**
     * Adds every problem of this profile: its labels' rules, duplicate label names and a cap below
     * 1.
     *
     * @param path where the profile sits, such as {@code workload.profiles.low}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        Set<String> names = new HashSet<>();
        for (LabelDim d : labels) {
            String at = path + ".labels." + d.name();
            d.validate(at, problems);
            if (!names.add(d.name())) {
                problems.add(at, "profile '" + name + "' has the label '" + d.name() + "' twice");
            }
        }
        if (seriesCap != null && seriesCap < 1) {
            problems.add(
                    path + ".series_cap",
                    "series_cap must be at least 1, got " + seriesCap + "; leave it out to keep every series");
        }
    }
}
