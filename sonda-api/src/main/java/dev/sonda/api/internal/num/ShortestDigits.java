package dev.sonda.api.internal.num;

import java.math.BigInteger;

/**
 * Shortest round-trip decimal digits of a {@code double}, as Rust's {@code core::fmt} (for {@code
 * {}} on {@code f64}) and serde_json's number writer (the {@code zmij} crate) choose them.
 *
 * <p>For a finite, non-zero {@code v} the result is the decimal {@code d × 10^e} (with {@code d} a
 * positive integer without trailing zeros) that
 *
 * <ol>
 *   <li>rounds back to {@code v} under round-to-nearest-even parsing (the rounding interval of
 *       {@code v} is closed when the binary significand of {@code v} is even, open otherwise);
 *   <li>has the fewest significant digits among all such decimals;
 *   <li>among those, is the closest to the exact binary value of {@code v};
 *   <li>when two candidates are exactly equally close, is chosen by a {@link TieBreak}.
 * </ol>
 *
 * <p>Rules 1 to 3 are the ones of Ryu and Schubfach. For rule 4 the two references differ: Rust's
 * {@code core::fmt} (Grisu with a Dragon4 fallback) takes the candidate of larger magnitude ({@code
 * 1125899906842624.25} prints as {@code 1125899906842624.3}), whereas zmij (serde_json), Schubfach,
 * Ryu and JDK 19+ {@code Double.toString} take the one with an even last digit ({@code ...624.2}).
 * Exact ties only occur for magnitudes of about {@code 2^40} and above with a short binary fraction;
 * never for subnormals. The other difference from JDK 19+ concerns subnormals: the JDK never prints
 * fewer than two digits ({@code 4.9E-324}, {@code 9.9E-324}, {@code 4.9E-323}), Rust and zmij print
 * the shortest ({@code 5e-324}, {@code 1e-323}, {@code 5e-323}); this class follows Rust.
 *
 * <p>The implementation is Raffaello Giulietti's Schubfach algorithm ("The Schubfach way to render
 * doubles", 2020), with the changes above. It needs a table of 126-bit approximations of powers of
 * ten, computed once at class initialization with {@link BigInteger}. Computing digits allocates
 * nothing.
 */
public final class ShortestDigits {

    /** Bits of the stored significand field of a {@code double}. */
    private static final int T_BITS = 52;

    /** Exponent {@code q} of the least significant bit of subnormals and the smallest normals. */
    private static final int Q_MIN = -1074;

    /** Exponent {@code q} of the least significant bit of the largest finite doubles. */
    private static final int Q_MAX = 971;

    /** The implicit leading bit of normal significands, {@code 2^52}. */
    private static final long C_MIN = 1L << T_BITS;

    private static final long T_MASK = C_MIN - 1;

    /** Smallest and largest decimal exponent {@code k} used to index the table. */
    private static final int K_MIN = flog10pow2(Q_MIN);

    private static final int K_MAX = flog10pow2(Q_MAX);

    private static final long MASK_63 = (1L << 63) - 1;

    /**
     * For each {@code k} in {@code [K_MIN, K_MAX]}, the 126-bit {@code g = floor(10^-k 2^-r) + 1}
     * with {@code r = floor(log2(10^-k)) - 125}, split as {@code g = g1 2^63 + g0}: {@code
     * G[2(k-K_MIN)]} holds {@code g1}, {@code G[2(k-K_MIN)+1]} holds {@code g0}.
     */
    private static final long[] G = powersOfTenTable();

    private ShortestDigits() {}

    /** How to choose between two shortest candidates that are exactly equally close to the value. */
    public enum TieBreak {
        /**
         * The candidate of larger magnitude, as Rust's {@code core::fmt} does for {@code {}}, {@code
         * {:?}} and {@code {:e}} on {@code f64} (Sonda's {@code prometheus_text}, {@code influx_lp}
         * and messages).
         */
        AWAY_FROM_ZERO,
        /**
         * The candidate with an even last digit, as zmij (serde_json, Sonda's {@code json_lines}),
         * Schubfach, Ryu and JDK 19+ {@code Double.toString} do.
         */
        EVEN
    }

    /**
     * A reusable, mutable holder of one result of {@link #compute(double, TieBreak, Result)}: {@code |v| =
     * significand × 10^exponent}. Not thread-safe; give each thread (or each encoder) its own.
     */
    public static final class Result {
        private long significand;
        private int exponent;
        private int digitCount;

        /** Creates an empty holder (significand 0, exponent 0, digit count 0). */
        public Result() {}

        /**
         * Returns the shortest significant digits as a positive integer without trailing zeros, in
         * {@code [1, 10^17)}.
         *
         * @return the digits of the last computed value
         */
        public long significand() {
            return significand;
        }

        /**
         * Returns the decimal exponent {@code e} such that the magnitude of the value equals {@code
         * significand() × 10^e} (as a decimal), in {@code [-324, 308]}.
         *
         * @return the exponent of the last significant digit
         */
        public int exponent() {
            return exponent;
        }

        /**
         * Returns the number of decimal digits of {@link #significand()}, in {@code [1, 17]}.
         *
         * @return the digit count
         */
        public int digitCount() {
            return digitCount;
        }

        /**
         * Returns the exponent of the leading digit: the {@code E} of {@code d1.d2… × 10^E}, which
         * is {@code exponent() + digitCount() - 1}.
         *
         * @return the scientific exponent, in {@code [-324, 308]}
         */
        public int scientificExponent() {
            return exponent + digitCount - 1;
        }

        /**
         * Returns the digits in Rust's {@code {:e}} form, for example {@code 5e-324}, {@code
         * 1.2345e3}; for tests and messages.
         *
         * @return the scientific form of the last computed magnitude (no sign)
         */
        @Override
        public String toString() {
            String digits = Long.toString(significand);
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return mantissa + "e" + scientificExponent();
        }
    }

    /**
     * Computes the shortest digits of {@code |v|} into {@code into}, allocating nothing.
     *
     * @param v a finite, non-zero double; the sign is ignored
     * @param tie how to break an exact tie between two shortest candidates
     * @param into the holder to overwrite
     * @return {@code into}, for chaining
     * @throws IllegalArgumentException if {@code v} is zero, NaN or infinite
     */
    public static Result compute(double v, TieBreak tie, Result into) {
        long f = rawSignificand(v, tie);
        int e = rawExponent(v);
        if (f % 100_000_000L == 0) {
            f /= 100_000_000L;
            e += 8;
        }
        if (f % 10_000L == 0) {
            f /= 10_000L;
            e += 4;
        }
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        into.significand = f;
        into.exponent = e;
        into.digitCount = digitCount(f);
        return into;
    }

    /**
     * Computes the shortest digits of {@code |v|} into a new holder.
     *
     * @param v a finite, non-zero double; the sign is ignored
     * @param tie how to break an exact tie between two shortest candidates
     * @return a new holder with the result
     * @throws IllegalArgumentException if {@code v} is zero, NaN or infinite
     */
    public static Result compute(double v, TieBreak tie) {
        return compute(v, tie, new Result());
    }

    /**
     * Returns the shortest digits of {@code |v|} as an integer that may still carry trailing zeros;
     * together with {@link #rawExponent(double)}, {@code |v|} is represented by {@code
     * rawSignificand(v, tie) × 10^rawExponent(v)}. This pair is the cheapest form (no zero stripping);
     * {@link #compute(double, TieBreak, Result)} gives the normalized one.
     *
     * @param v a finite, non-zero double; the sign is ignored
     * @param tie how to break an exact tie between two shortest candidates
     * @return the digits, a positive integer below {@code 10^18}
     * @throws IllegalArgumentException if {@code v} is zero, NaN or infinite
     */
    public static long rawSignificand(double v, TieBreak tie) {
        long bits = Double.doubleToRawLongBits(v);
        int bq = (int) (bits >>> T_BITS) & 0x7FF;
        long t = bits & T_MASK;
        if (bq == 0x7FF || (bq == 0 && t == 0)) {
            throw notFiniteNonZero(v);
        }
        if (bq == 0) {
            return toDecimal(Q_MIN, t, tie == TieBreak.EVEN);
        }
        int q = bq + (Q_MIN - 1);
        long c = C_MIN | t;
        if (-T_BITS <= q && q < 0) {
            long f = c >> -q;
            if (f << -q == c) {
                return f;
            }
        }
        return toDecimal(q, c, tie == TieBreak.EVEN);
    }

    /**
     * Returns the decimal exponent that goes with {@link #rawSignificand(double, TieBreak)} for the same
     * {@code v}. Cheap: it only inspects the bits of {@code v}.
     *
     * @param v a finite, non-zero double; the sign is ignored
     * @return the exponent, in {@code [-324, 292]}
     * @throws IllegalArgumentException if {@code v} is zero, NaN or infinite
     */
    public static int rawExponent(double v) {
        long bits = Double.doubleToRawLongBits(v);
        int bq = (int) (bits >>> T_BITS) & 0x7FF;
        long t = bits & T_MASK;
        if (bq == 0x7FF || (bq == 0 && t == 0)) {
            throw notFiniteNonZero(v);
        }
        if (bq == 0) {
            return flog10pow2(Q_MIN);
        }
        int q = bq + (Q_MIN - 1);
        if (-T_BITS <= q && q < 0) {
            long c = C_MIN | t;
            if (((c >> -q) << -q) == c) {
                return 0;
            }
        }
        return t != 0 || q == Q_MIN ? flog10pow2(q) : flog10threeQuartersPow2(q);
    }

    /**
     * Schubfach proper, for {@code v = c 2^q}: returns the shortest digits {@code d} such that
     * {@code d 10^k} rounds to {@code v}, with {@code k} as computed by {@link #rawExponent}.
     */
    private static long toDecimal(int q, long c, boolean tiesToEven) {
        // The rounding interval R of v, scaled by 4 to keep its bounds integral:
        // cb = 4c, cbl = 4c - 2 (or 4c - 1 below a power of two), cbr = 4c + 2.
        int out = (int) c & 1; // 1 when the interval is open (odd significand)
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        int index = (k - K_MIN) << 1;
        long g1 = G[index];
        long g0 = G[index + 1];

        // vb, vbl, vbr: 4 v 10^-k and the interval bounds, rounded to odd.
        long vb = roundToOdd(g1, g0, cb << h);
        long vbl = roundToOdd(g1, g0, cbl << h);
        long vbr = roundToOdd(g1, g0, cbr << h);

        long s = vb >> 2;
        // One digit fewer: u' = floor(v/10^(k+1)) 10^(k+1) and w' = u' + 10^(k+1). The interval is
        // narrower than 10^(k+1), so at most one of them lies in it, and then it is the only
        // (hence the shortest and the closest) candidate.
        long sp10 = 10 * (s / 10);
        long tp10 = sp10 + 10;
        boolean upin = vbl + out <= sp10 << 2;
        boolean wpin = (tp10 << 2) + out <= vbr;
        if (upin != wpin) {
            return upin ? sp10 : tp10;
        }
        // Full length: u = s 10^k, w = t 10^k; at least one lies in the interval.
        long t = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (t << 2) + out <= vbr;
        if (uin != win) {
            return uin ? s : t;
        }
        // Both lie in the interval: the closer one. vb is rounded to odd, so cmp is 0 only for an
        // exact tie.
        long cmp = vb - ((s + t) << 1);
        return cmp < 0 || (cmp == 0 && tiesToEven && (s & 1) == 0) ? s : t;
    }

    /**
     * Returns {@code g cp / 2^127} for {@code g = g1 2^63 + g0}, rounded to odd (the least
     * significant bit is set when the quotient is not exact).
     */
    private static long roundToOdd(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (((z & MASK_63) + MASK_63) >>> 63);
    }

    private static IllegalArgumentException notFiniteNonZero(double v) {
        return new IllegalArgumentException("expected a finite, non-zero double, got " + v);
    }

    /** Returns {@code floor(e log10(2))}, exact for {@code |e| <= 5456721}. */
    static int flog10pow2(int e) {
        return (int) ((e * 661_971_961_083L) >> 41);
    }

    /** Returns {@code floor(e log10(2) + log10(3/4))}, exact for {@code |e| <= 2_500_000}. */
    static int flog10threeQuartersPow2(int e) {
        return (int) ((e * 661_971_961_083L - 274_743_187_321L) >> 41);
    }

    /** Returns {@code floor(e log2(10))}, exact for {@code |e| <= 1233}. */
    static int flog2pow10(int e) {
        return (int) ((e * 913_124_641_741L) >> 38);
    }

    /**
     * Returns the number of decimal digits of {@code f}.
     *
     * @param f a positive long
     * @return the digit count, in {@code [1, 19]}
     */
    static int digitCount(long f) {
        int n = ((64 - Long.numberOfLeadingZeros(f)) * 1233) >>> 12;
        return f < FloatText.POW10[n] ? n : n + 1;
    }

    private static long[] powersOfTenTable() {
        long[] table = new long[(K_MAX - K_MIN + 1) << 1];
        BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        // 10^0 .. 10^max(-K_MIN, K_MAX), each from the one before: one multiplication per power
        // instead of a pow() per entry, which costs start-up time (this runs interpreted, once)
        BigInteger[] pow10 = new BigInteger[Math.max(-K_MIN, K_MAX) + 1];
        pow10[0] = BigInteger.ONE;
        for (int i = 1; i < pow10.length; i++) {
            pow10[i] = pow10[i - 1].multiply(BigInteger.TEN);
        }
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e = -k;
            int r = flog2pow10(e) - 125;
            BigInteger g;
            if (e >= 0) {
                BigInteger p = pow10[e];
                g = r >= 0 ? p.shiftRight(r) : p.shiftLeft(-r);
            } else {
                g = BigInteger.ONE.shiftLeft(-r).divide(pow10[-e]);
            }
            g = g.add(BigInteger.ONE);
            int index = (k - K_MIN) << 1;
            table[index] = g.shiftRight(63).longValueExact();
            table[index + 1] = g.and(mask63).longValueExact();
        }
        return table;
    }
}
