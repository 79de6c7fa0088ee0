package dev.sonda.engine.encode;

import java.util.Objects;

/**
 * A series prepared by one {@link MetricEncoder}: the constant bytes of its records, computed
 * once from the metric name and labels.
 *
 * <p>A record is written as {@code head}, the formatted value, {@code middle}, the formatted
 * timestamp, and whatever constant tail the encoder adds itself; an encoder may leave {@code
 * middle} empty. Plug-in encoders may use the two arrays as they see fit. The arrays are not copied
 * and must not be modified after construction. Immutable and thread-safe otherwise.
 */
public final class EncodedSeries {
    private final MetricEncoder encoder;
    private final String name;
    private final Labels labels;
    final byte[] head;
    final byte[] middle;

    /**
     * Creates a prepared series.
     *
     * @param encoder the encoder that prepared it and the only one that may encode it
     * @param name metric name
     * @param labels label set
     * @param head constant bytes written before the value (not copied)
     * @param middle constant bytes written after the value (not copied), possibly empty
     * @throws NullPointerException if an argument is null
     */
    public EncodedSeries(MetricEncoder encoder, String name, Labels labels, byte[] head, byte[] middle) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.name = Objects.requireNonNull(name, "name");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.head = Objects.requireNonNull(head, "head");
        this.middle = Objects.requireNonNull(middle, "middle");
    }

    /**
     * Returns the encoder that prepared this series.
     *
     * @return the owning encoder
     */
    public MetricEncoder encoder() {
        return encoder;
    }

    /**
     * Returns the metric name.
     *
     * @return the name as given to {@link MetricEncoder#series(String, Labels)}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the label set.
     *
     * @return the labels as given to {@link MetricEncoder#series(String, Labels)}
     */
    public Labels labels() {
        return labels;
    }

    /**
     * Returns the constant bytes written before the value.
     *
     * @return the backing array (not a copy); do not modify
     */
    public byte[] head() {
        return head;
    }

    /**
     * Returns the constant bytes written after the value.
     *
     * @return the backing array (not a copy); do not modify
     */
    public byte[] middle() {
        return middle;
    }

    /**
     * Checks that {@code expected} prepared this series; encoders call it first in {@link
     * MetricEncoder#encode}.
     *
     * @param expected the encoder about to use it
     * @throws IllegalArgumentException if another encoder prepared it
     */
    public void checkOwner(MetricEncoder expected) {
        if (encoder != expected) {
            throw new IllegalArgumentException("series " + name + " was prepared by another encoder: " + encoder);
        }
    }

    /**
     * Renders the series for diagnostics.
     *
     * @return name and labels
     */
    @Override
    public String toString() {
        return name + labels;
    }
}
