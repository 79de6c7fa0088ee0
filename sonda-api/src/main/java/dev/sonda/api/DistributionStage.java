package dev.sonda.api;

import java.util.List;
import java.util.Map;

/**
 * DSL stage of a {@code signal_type: histogram} or {@code summary} entry. Start one with {@link
 * Scenario#histogram(String)} or {@link Scenario#summary(String)}. Immutable.
 */
public final class DistributionStage extends EntryStage<DistributionStage> {
    private final SignalType type;

    DistributionStage(Map<Field, Object> state, SignalType type) {
        super(state);
        this.type = type;
    }

    @Override
    DistributionStage copy(Map<Field, Object> state) {
        return new DistributionStage(state, type);
    }

    @Override
    SignalType signalType() {
        return type;
    }

    @Override
    @SuppressWarnings("unchecked")
    Signal signal() {
        Distribution d = (Distribution) get(Field.BODY);
        if (d == null) {
            return null;
        }
        Map<String, Object> extra = (Map<String, Object>) get(Field.EXTRA);
        extra = extra == null ? Map.of() : extra;
        int obs = (Integer) extra.getOrDefault("observations_per_tick", Signal.DEFAULT_OBSERVATIONS_PER_TICK);
        double shift = (Double) extra.getOrDefault("mean_shift_per_sec", 0.0);
        Long seed = (Long) extra.get("seed");
        if (type == SignalType.HISTOGRAM) {
            return new Signal.Histogram(
                    d, (List<Double>) extra.getOrDefault("buckets", Signal.DEFAULT_BUCKETS), obs, shift, seed);
        }
        return new Signal.Summary(
                d, (List<Double>) extra.getOrDefault("quantiles", Signal.DEFAULT_QUANTILES), obs, shift, seed);
    }

    @SuppressWarnings("unchecked")
    private DistributionStage extra(String key, Object value) {
        Map<String, Object> extra = (Map<String, Object>) get(Field.EXTRA);
        Map<String, Object> next = new java.util.HashMap<>(extra == null ? Map.of() : extra);
        next.put(key, value);
        return with(Field.EXTRA, Map.copyOf(next));
    }

    /**
     * Sets the distribution observations are drawn from (YAML {@code distribution:}).
     *
     * @param distribution exponential, normal or uniform
     * @return the new stage
     */
    public DistributionStage distribution(Distribution distribution) {
        return with(Field.BODY, distribution);
    }

    /**
     * Sets the histogram bucket bounds (YAML {@code buckets}); ignored by summaries.
     *
     * @param bounds finite, above 0, strictly increasing
     * @return the new stage
     */
    public DistributionStage buckets(double... bounds) {
        return extra("buckets", java.util.Arrays.stream(bounds).boxed().toList());
    }

    /**
     * Sets the summary quantiles (YAML {@code quantiles}); ignored by histograms.
     *
     * @param quantiles in (0, 1), strictly increasing
     * @return the new stage
     */
    public DistributionStage quantiles(double... quantiles) {
        return extra("quantiles", java.util.Arrays.stream(quantiles).boxed().toList());
    }

    /**
     * Sets observations drawn per tick (YAML {@code observations_per_tick}, default 100).
     *
     * @param count at least 1
     * @return the new stage
     */
    public DistributionStage observationsPerTick(int count) {
        return extra("observations_per_tick", count);
    }

    /**
     * Sets the drift added to observations per second of run time (YAML {@code
     * mean_shift_per_sec}, default 0).
     *
     * @param shift drift per second
     * @return the new stage
     */
    public DistributionStage meanShiftPerSec(double shift) {
        return extra("mean_shift_per_sec", shift);
    }

    /**
     * Sets the observation seed (YAML {@code seed}, default 0).
     *
     * @param seed 64-bit seed
     * @return the new stage
     */
    public DistributionStage seed(long seed) {
        return extra("seed", seed);
    }
}
