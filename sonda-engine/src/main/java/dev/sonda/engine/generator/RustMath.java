package dev.sonda.engine.generator;

/**
 * Rust numeric operations that Java does not provide with the same semantics (the reference,
 * Sonda 1.20, relies on Rust's {@code f64::round}, {@code f64::rem_euclid} and {@code as} casts).
 * Thread-safe, allocation-free.
 */
public final class RustMath {
    private static final double TWO_POW_63 = 0x1p63;
    private static final double TWO_POW_64 = 0x1p64;

    private RustMath() {}

    /**
     * Rust's {@code f64::round}: rounds half away from zero ({@code 2.5 → 3}, {@code -2.5 → -3},
     * {@code 0.49999999999999994 → 0}), unlike {@link Math#round(double)}. NaN, infinities and signed
     * zeros are returned unchanged; the sign of the input is kept ({@code -0.4 → -0.0}).
     *
     * @param x the value
     * @return {@code x} rounded to an integral value, half away from zero
     */
    public static double roundHalfAwayFromZero(double x) {
        double t = Math.abs(x);
        double r = Math.floor(t);
        if (t - r >= 0.5) {
            r += 1.0;
        }
        return Math.copySign(r, x);
    }

    /**
     * Rust's {@code f64::rem_euclid}: {@code r = a % b} (C {@code fmod}, the same as Java's {@code
     * %}), then {@code r + |b|} when {@code r < 0}. The result is in {@code [0, |b|)} for finite
     * operands with {@code b != 0} (it can round up to {@code |b|} when {@code r} is a tiny negative
     * number), and NaN when {@code b} is 0 or an operand is NaN.
     *
     * @param a the dividend
     * @param b the divisor
     * @return the non-negative remainder
     */
    public static double remEuclid(double a, double b) {
        double r = a % b;
        return r < 0.0 ? r + Math.abs(b) : r;
    }

    /**
     * Rust's {@code x as u64} (also {@code as usize} on 64-bit targets): truncates toward zero and
     * saturates. NaN and values below 1 give 0; values of 2<sup>64</sup> and above give
     * 2<sup>64</sup> − 1 ({@code -1L} when read as signed).
     *
     * @param x the value
     * @return the unsigned 64-bit result carried in a {@code long}
     */
    public static long toU64Saturating(double x) {
        if (!(x > 0.0)) {
            return 0L; // NaN, zero and negatives
        }
        if (x < TWO_POW_63) {
            return (long) x;
        }
        if (x < TWO_POW_64) {
            return (long) (x - TWO_POW_63) | Long.MIN_VALUE; // x - 2^63 is exact here
        }
        return -1L;
    }

    /**
     * Rust's {@code u as f64} for an unsigned 64-bit {@code u}: the nearest double, ties to even.
     * Equal to {@code (double) u} for {@code u} below 2<sup>63</sup>.
     *
     * @param u the value, read as unsigned
     * @return the nearest double, in {@code [0, 2^64]}
     */
    public static double u64ToDouble(long u) {
        return u >= 0 ? (double) u : ((double) ((u >>> 1) | (u & 1L))) * 2.0;
    }
}
