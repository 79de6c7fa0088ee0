package dev.sonda.engine.generator;

import dev.sonda.api.Distribution;

/**
 * Observations for histogram and summary entries, exactly as Sonda 1.20 draws them ({@code
 * generator/histogram.rs}, {@code generator/summary.rs}): per tick, {@code observationsPerTick}
 * values, observation {@code i} of the {@code c}-th observed tick seeded with {@code ((seed ·
 * 0x517CC1B727220A95 + c) · 0x6C62272E07BB0142) + i} (wrapping), shifted by {@code
 * meanShiftPerSec · tick / rate}. The random stream advances once per observed tick, not per tick
 * index, so a gap shifts the mean but not the stream. Not thread-safe: one sampler per entry.
 */
public final class DistributionSampler {
    private static final long SEED_MUL = 0x517CC1B727220A95L;
    private static final long TICK_MUL = 0x6C62272E07BB0142L;
    private static final double ONE_MINUS_EPS = 1.0 - 0x1p-52;
    private static final double EPS = 0x1p-52;

    private final Distribution distribution;
    private final int observationsPerTick;
    private final double meanShiftPerSec;
    private final long seed;
    private final double rate;
    private final double[] last;
    private long tickCounter;

    /**
     * Creates a sampler.
     *
     * @param distribution exponential, normal or uniform
     * @param observationsPerTick observations per tick, at least 1
     * @param meanShiftPerSec drift per second of run time
     * @param seed 64-bit seed, unsigned
     * @param rate the entry's rate in events per second, above 0
     */
    public DistributionSampler(
            Distribution distribution, int observationsPerTick, double meanShiftPerSec, long seed, double rate) {
        this.distribution = distribution;
        this.observationsPerTick = observationsPerTick;
        this.meanShiftPerSec = meanShiftPerSec;
        this.seed = seed;
        this.rate = rate;
        this.last = new double[observationsPerTick];
    }

    /**
     * Draws the observations of one tick into an internal array and returns it. The array is
     * reused by the next call.
     *
     * @param tick the entry's tick index (for the mean shift)
     * @return the observations, in draw order
     */
    public double[] observe(long tick) {
        double shift = meanShiftPerSec * ((double) tick / rate);
        long base = (seed * SEED_MUL + tickCounter) * TICK_MUL;
        for (int i = 0; i < observationsPerTick; i++) {
            last[i] = sample(base + i, shift);
        }
        tickCounter++;
        return last;
    }

    private double sample(long r, double shift) {
        return draw(distribution, r, shift);
    }

    /**
     * One observation of {@code distribution} from the 64-bit key {@code r}, by the formulas of
     * this class (Sonda 1.20 {@code histogram.rs}): exponential {@code -ln(1 - u) / rate}, normal
     * by Box-Muller from {@code u(r)} and {@code u(mix(r + 1))}, uniform {@code min + u · (max -
     * min)}, u the SplitMix64 unit of the key. A pure function, safe from any thread; the workload
     * engine draws its lognormal, exponential and random-walk steps through it.
     *
     * @param distribution the distribution
     * @param r the key of the draw
     * @param shift added to the mean (0 for none)
     * @return the observation
     */
    public static double draw(Distribution distribution, long r, double shift) {
        if (distribution instanceof Distribution.Exponential e) {
            double uc = Math.min(SplitMix64.uniform01(r), ONE_MINUS_EPS);
            return (-StrictMath.log(1.0 - uc)) / e.rate() + shift;
        }
        if (distribution instanceof Distribution.Normal n) {
            double u1 = Math.max(SplitMix64.uniform01(r), EPS);
            double u2 = SplitMix64.uniform01(SplitMix64.mix(r + 1));
            double z = Math.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
            return (n.mean() + shift) + n.stddev() * z;
        }
        Distribution.Uniform u = (Distribution.Uniform) distribution;
        return (u.min() + SplitMix64.uniform01(r) * (u.max() - u.min())) + shift;
    }
}
