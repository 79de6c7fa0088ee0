package dev.sonda.engine.generator;

import java.util.Objects;

/**
 * Adds deterministic uniform noise in {@code [-jitter, +jitter]} to an inner generator (Sonda 1.20
 * {@code generator/jitter.rs}, {@code JitterWrapper}).
 *
 * <p>{@code value(t) = inner(t) + noise}, {@code noise = ((unit(mix(seed ^ t ^ JITTER_MAGIC)) *
 * 2.0) * jitter) - jitter} with {@link #JITTER_MAGIC} decorrelating the noise from a {@code uniform}
 * generator of the same seed. Anchor: inner constant 100, jitter 5, seed 42, tick 0 gives
 * 102.70657953697628. Immutable and thread-safe when the inner generator is.
 */
public final class JitterGenerator implements ValueGenerator {
    /** XOR constant mixed into the seed: {@code 0xA0761D6478BD642F}. */
    public static final long JITTER_MAGIC = 0xA0761D6478BD642FL;

    private final ValueGenerator inner;
    private final double jitter;
    private final long seedMagic;

    /**
     * Wraps {@code inner}.
     *
     * @param inner the generator whose values are perturbed
     * @param jitter the noise half-range (YAML {@code jitter}); finite and at least 0 for the noise
     *     to stay in {@code [-jitter, +jitter]} (validated by the scenario compiler, not here)
     * @param seed the noise seed (YAML {@code jitter_seed}, default 0), read as unsigned
     * @throws NullPointerException if {@code inner} is null
     */
    public JitterGenerator(ValueGenerator inner, double jitter, long seed) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.jitter = jitter;
        this.seedMagic = seed ^ JITTER_MAGIC;
    }

    /**
     * The inner value plus noise at {@code tick}.
     *
     * @param tick the event counter, unsigned
     * @return {@code inner.value(tick) + noise(tick)}
     */
    @Override
    public double value(long tick) {
        double base = inner.value(tick);
        double noise = SplitMix64.unit(SplitMix64.mix(seedMagic ^ tick)) * 2.0 * jitter - jitter;
        return base + noise;
    }
}
