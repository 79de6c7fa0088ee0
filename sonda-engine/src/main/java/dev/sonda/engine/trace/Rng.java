package dev.sonda.engine.trace;

import dev.sonda.engine.generator.SplitMix64;

/**
 * The generator's random numbers: splitmix64 as a stateful sequence (state advanced by the
 * golden-ratio increment, each output the splitmix64 finalizer of the state), reseeded per
 * request so that a request's trace depends only on the seed and its number. Not thread-safe.
 */
final class Rng {
    private static final double TWO_POW_M53 = 0x1.0p-53;
    private long state;
    private double spare = Double.NaN;

    void reseed(long seed) {
        state = seed;
        spare = Double.NaN;
    }

    /** The next output: {@link SplitMix64#mix} of the state, which then advances by the increment. */
    long nextLong() {
        long z = state;
        state = z + 0x9E3779B97F4A7C15L;
        return SplitMix64.mix(z);
    }

    /** A non-zero 64-bit id. */
    long nextId() {
        long v;
        do {
            v = nextLong();
        } while (v == 0);
        return v;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * TWO_POW_M53;
    }

    /** Standard normal by Box-Muller, the second value kept for the next call. */
    double nextGaussian() {
        if (!Double.isNaN(spare)) {
            double s = spare;
            spare = Double.NaN;
            return s;
        }
        double u1 = 1.0 - nextDouble(); // (0, 1]
        double u2 = nextDouble();
        double r = Math.sqrt(-2.0 * Math.log(u1));
        double a = 2.0 * Math.PI * u2;
        spare = r * Math.sin(a);
        return r * Math.cos(a);
    }

    static long seedOf(long seed, long request) {
        return SplitMix64.mix(seed ^ SplitMix64.mix(request));
    }
}
