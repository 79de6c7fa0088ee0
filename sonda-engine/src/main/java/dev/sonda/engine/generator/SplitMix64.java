package dev.sonda.engine.generator;

/**
 * The splitmix64 finalizer and the unit mappings built on it (Sonda 1.20 {@code util.rs}, {@code
 * generator/uniform.rs}, {@code generator/jitter.rs}, {@code generator/histogram.rs}).
 *
 * <p>All values are unsigned 64-bit integers carried in a {@code long}; arithmetic wraps modulo
 * 2<sup>64</sup> as in the reference. splitmix64 is used as a one-shot hash of (seed, tick), never
 * as a stateful generator, so every caller is a pure function of its inputs. Thread-safe.
 */
public final class SplitMix64 {
    /** 2<sup>64</sup>, the divisor of {@link #unit(long)} ({@code u64::MAX as f64} rounds to it). */
    private static final double TWO_POW_64 = 18446744073709551616.0;

    /** 2<sup>53</sup>, the divisor of {@link #uniform01(long)}. */
    private static final double TWO_POW_53 = 9007199254740992.0;

    private SplitMix64() {}

    /**
     * The splitmix64 finalizer: {@code z += 0x9E3779B97F4A7C15; z = (z ^ (z >>> 30)) *
     * 0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; return z ^ (z >>> 31)}, all
     * modulo 2<sup>64</sup>.
     *
     * <p>Anchors: {@code mix(0) = 16294208416658607535}, {@code mix(42) = 0xbdd732262feb6e95}
     * (unsigned).
     *
     * @param z the input, read as unsigned
     * @return the hash, to be read as unsigned
     */
    public static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Maps a hash to {@code [0, 1]}: the unsigned value converted to double with round-to-nearest-even
     * (Rust's {@code as f64}), divided by 2<sup>64</sup>. Both ends are reachable: hashes of
     * 2<sup>64</sup> − 1024 and above round to exactly 1.0.
     *
     * @param h the hash, read as unsigned
     * @return a value in {@code [0.0, 1.0]}, closed
     */
    public static double unit(long h) {
        return RustMath.u64ToDouble(h) / TWO_POW_64;
    }

    /**
     * Maps a seed to {@code [0, 1)} with 53 random bits: {@code (mix(x) >>> 11) / 2^53}; used by the
     * histogram and summary generators.
     *
     * @param x the seed, read as unsigned
     * @return a value in {@code [0.0, 1.0)}
     */
    public static double uniform01(long x) {
        return (double) (mix(x) >>> 11) / TWO_POW_53;
    }
}
