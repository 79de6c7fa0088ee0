package dev.sonda.api.workload;

import dev.sonda.api.Problems;

/**
 * One share of a workload split across processes (YAML {@code shard: "i/n"}; {@code sonda run
 * --shard i/n}; {@code SONDA_SHARD=i/n}): shard {@code i} of {@code n} generates the series whose
 * place in their metric's label space is {@code i} modulo {@code n}. The shares are disjoint and
 * together exactly the unsharded workload, values included, since a series' values depend on its
 * place and not on the shard that generates it.
 *
 * @param index this shard, from 0 to {@code count - 1}
 * @param count the number of shards, at least 1
 */
public record Shard(int index, int count) {

    /** The whole workload: shard 0 of 1. */
    public static final Shard WHOLE = new Shard(0, 1);

    /**
     * Parses {@code i/n}.
     *
     * @param text such as {@code 2/4}
     * @return the shard
     * @throws IllegalArgumentException if the text is not two integers with {@code 0 <= i < n}
     */
    public static Shard parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        try {
            if (slash > 0) {
                Shard s = new Shard(
                        Integer.parseInt(text.substring(0, slash).trim()),
                        Integer.parseInt(text.substring(slash + 1).trim()));
                if (s.count >= 1 && s.index >= 0 && s.index < s.count) {
                    return s;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("shard must be i/n with 0 <= i < n, such as 0/4, got '" + text + "'");
    }

    /**
     * Adds every problem of the settings.
     *
     * @param path where the shard sits, such as {@code workload.shard}
     * @param problems the collector
     */
    public void validate(String path, Problems problems) {
        if (count < 1 || index < 0 || index >= count) {
            problems.add(path, "shard must be i/n with 0 <= i < n, got " + this);
        }
    }

    /**
     * The YAML form.
     *
     * @return {@code i/n}
     */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
