package dev.sonda.engine.data;

import dev.sonda.api.MetricType;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.engine.encode.Labels;
import java.util.Objects;

/**
 * The identity of one time series: its name, its labels sorted by key, and where it sits in its
 * metric family. Immutable and thread-safe; a run creates one per series and reuses it for every
 * sample, so sinks can prepare whatever they need once per series ({@code Sink.prepare}).
 *
 * <p>A gauge or counter entry has one series per label set ({@link Role#VALUE}). A histogram entry
 * {@code http_latency} has, per label set, one {@link Role#BUCKET} series {@code
 * http_latency_bucket} per bound (label {@code le}), then {@code le="+Inf"}, then {@link Role#SUM}
 * {@code http_latency_sum} and {@link Role#COUNT} {@code http_latency_count}; a summary has one
 * {@link Role#QUANTILE} series {@code name} per quantile (label {@code quantile}), then sum and
 * count. This is the Prometheus exposition layout (text format 0.0.4); sinks of other protocols
 * (OTLP) regroup the parts of one family by {@link #family()}, {@link #familyLabels()} and the
 * timestamp: the parts of one observation always arrive together, in that order.
 */
public final class Series {
    /** The part of its metric family a series is. */
    public enum Role {
        /** A gauge, counter or untyped value. */
        VALUE,
        /** A histogram bucket: the cumulative count of observations at or below {@link #bound()}. */
        BUCKET,
        /** The sum of all observations of a histogram or summary. */
        SUM,
        /** The count of all observations of a histogram or summary. */
        COUNT,
        /** A summary quantile: the {@link #bound()} quantile of the observations. */
        QUANTILE
    }

    private final String name;
    private final Labels labels;
    private final String family;
    private final Labels familyLabels;
    private final MetricType type;
    private final Role role;
    private final double bound;
    private final int hash;

    private Series(
            String name, Labels labels, String family, Labels familyLabels, MetricType type, Role role, double bound) {
        this.name = Objects.requireNonNull(name, "name");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.family = family;
        this.familyLabels = familyLabels;
        this.type = Objects.requireNonNull(type, "type");
        this.role = role;
        this.bound = bound;
        this.hash = name.hashCode() * 31 + labels.hashCode();
    }

    /**
     * A gauge, counter or untyped series.
     *
     * @param name the metric name
     * @param labels the labels
     * @param type the metric type: {@link MetricType#GAUGE}, {@link MetricType#COUNTER} or {@link
     *     MetricType#UNTYPED}
     * @return the series
     */
    public static Series of(String name, Labels labels, MetricType type) {
        return new Series(name, labels, name, labels, type, Role.VALUE, Double.NaN);
    }

    /**
     * A histogram bucket series {@code family_bucket} with label {@code le}.
     *
     * @param family the histogram's name
     * @param labels the family's labels (without {@code le})
     * @param bound the upper bound, {@link Double#POSITIVE_INFINITY} for {@code +Inf}
     * @param le the bound's text as written in the {@code le} label
     * @return the series
     */
    public static Series bucket(String family, Labels labels, double bound, String le) {
        return new Series(
                family + "_bucket", labels.with("le", le), family, labels, MetricType.HISTOGRAM, Role.BUCKET, bound);
    }

    /**
     * A summary quantile series {@code family} with label {@code quantile}.
     *
     * @param family the summary's name
     * @param labels the family's labels (without {@code quantile})
     * @param quantile the quantile, 0 to 1
     * @return the series
     */
    public static Series quantile(String family, Labels labels, double quantile) {
        return new Series(
                family,
                labels.with("quantile", FloatText.display(quantile)),
                family,
                labels,
                MetricType.SUMMARY,
                Role.QUANTILE,
                quantile);
    }

    /**
     * The {@code _sum} series of a histogram or summary.
     *
     * @param family the family's name
     * @param labels the family's labels
     * @param type {@link MetricType#HISTOGRAM} or {@link MetricType#SUMMARY}
     * @return the series
     */
    public static Series sum(String family, Labels labels, MetricType type) {
        return new Series(family + "_sum", labels, family, labels, type, Role.SUM, Double.NaN);
    }

    /**
     * The {@code _count} series of a histogram or summary.
     *
     * @param family the family's name
     * @param labels the family's labels
     * @param type {@link MetricType#HISTOGRAM} or {@link MetricType#SUMMARY}
     * @return the series
     */
    public static Series count(String family, Labels labels, MetricType type) {
        return new Series(family + "_count", labels, family, labels, type, Role.COUNT, Double.NaN);
    }

    /**
     * The series name as written on the wire, such as {@code http_latency_bucket}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The series' labels, {@code le} or {@code quantile} included, sorted by key code points.
     *
     * @return the labels
     */
    public Labels labels() {
        return labels;
    }

    /**
     * The metric family's name: the entry's name, without {@code _bucket}, {@code _sum} or {@code
     * _count}.
     *
     * @return the family name
     */
    public String family() {
        return family;
    }

    /**
     * The family's labels, without {@code le} or {@code quantile}.
     *
     * @return the labels
     */
    public Labels familyLabels() {
        return familyLabels;
    }

    /**
     * The family's metric type.
     *
     * @return the type
     */
    public MetricType type() {
        return type;
    }

    /**
     * The part of the family this series is.
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * The bucket's upper bound ({@link Role#BUCKET}) or the quantile ({@link Role#QUANTILE});
     * NaN otherwise.
     *
     * @return the bound
     */
    public double bound() {
        return bound;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s
                && s.hash == hash
                && s.name.equals(name)
                && s.labels.equals(labels)
                && s.type == type;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return name + labels;
    }
}
