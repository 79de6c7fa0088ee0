package dev.sonda.engine.workload.internal;

import dev.sonda.engine.generator.SplitMix64;

/**
 * Not API. The random numbers of a workload: keys and the samplers that are not in {@link
 * dev.sonda.engine.generator.DistributionSampler}. Every draw is a pure function of a 64-bit key,
 * so a series' values depend only on the metric's seed and name, the series' product index and
 * the tick: the same under any number of threads, shards or restarts.
 *
 * <p>Keys: {@code metric = mix(seed + fnv1a64(name))}; {@code series = mix(metric ^ p · K1)};
 * {@code tick = mix(series + tick · K2)}; draw {@code i} of a tick uses the SplitMix64 stream
 * from the tick key ({@link #key(long, int)}).
 */
public final class Draws {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long K1 = 0xD1B54A32D192ED03L;
    private static final long K2 = 0xAEF17502108EF2D9L;

    private Draws() {}

    /**
     * The key of a metric.
     *
     * @param seed the metric's (or the workload's) seed
     * @param name the metric's name
     * @return the key
     */
    public static long metricKey(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return SplitMix64.mix(seed + h);
    }

    /**
     * The key of a series.
     *
     * @param metricKey the metric's key
     * @param productIndex the series' combination
     * @return the key
     */
    public static long seriesKey(long metricKey, long productIndex) {
        return SplitMix64.mix(metricKey ^ (productIndex * K1));
    }

    /**
     * The key of a series' tick.
     *
     * @param seriesKey the series' key
     * @param tick the tick
     * @return the key
     */
    public static long tickKey(long seriesKey, long tick) {
        return SplitMix64.mix(seriesKey + tick * K2);
    }

    /**
     * The key of draw {@code i} of a tick: SplitMix64's state after {@code i} steps.
     *
     * @param tickKey the tick's key
     * @param i the draw
     * @return the key, to feed {@link #unit(long)} or {@code DistributionSampler.draw}
     */
    public static long key(long tickKey, int i) {
        return tickKey + i * GOLDEN;
    }

    /**
     * A uniform number in [0, 1) from a key: the top 53 bits of SplitMix64's output ({@link
     * SplitMix64#uniform01}).
     *
     * @param key the key
     * @return the number
     */
    public static double unit(long key) {
        return SplitMix64.uniform01(key);
    }

    /**
     * A Poisson draw of mean {@code lambda}, numpy's algorithms: below 10 the product of uniforms
     * (Knuth), else Hörmann's transformed rejection (PTRS, 1993). Draws uniforms from {@code
     * key(tickKey, first)}, {@code key(tickKey, first + 1)}, ...
     *
     * @param lambda the mean, at least 0 (0 or less gives 0)
     * @param tickKey the tick's key
     * @param first the first draw index to use
     * @return the count
     */
    public static long poisson(double lambda, long tickKey, int first) {
        if (!(lambda > 0)) {
            return 0;
        }
        int i = first;
        if (lambda < 10) {
            double limit = StrictMath.exp(-lambda);
            double prod = 1.0;
            long x = 0;
            while (true) {
                prod *= unit(key(tickKey, i++));
                if (prod > limit) {
                    x++;
                } else {
                    return x;
                }
            }
        }
        double slam = Math.sqrt(lambda);
        double loglam = StrictMath.log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = unit(key(tickKey, i++)) - 0.5;
            double v = unit(key(tickKey, i++));
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double lhs = StrictMath.log(v) + StrictMath.log(invalpha) - StrictMath.log(a / (us * us) + b);
            double rhs = -lambda + k * loglam - logGamma(k + 1);
            if (lhs <= rhs) {
                return k;
            }
        }
    }

    private static final double[] STIRLING = {
        8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
        8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
        1.796443723688307e-01, -1.39243221690590e+00
    };

    /** log Γ(x) for x ≥ 1 by the Stirling series, shifted up to 7 (numpy's {@code random_loggam}). */
    static double logGamma(double x) {
        if (x == 1.0 || x == 2.0) {
            return 0.0;
        }
        int n = x < 7.0 ? (int) (7 - x) : 0;
        double x0 = x + n;
        double x2 = (1.0 / x0) * (1.0 / x0);
        double gl0 = STIRLING[9];
        for (int k = 8; k >= 0; k--) {
            gl0 = gl0 * x2 + STIRLING[k];
        }
        double gl = gl0 / x0 + 0.5 * 1.8378770664093453 + (x0 - 0.5) * StrictMath.log(x0) - x0;
        for (int k = 1; k <= n; k++) {
            gl -= StrictMath.log(x0 - 1.0);
            x0 -= 1.0;
        }
        return gl;
    }
}
