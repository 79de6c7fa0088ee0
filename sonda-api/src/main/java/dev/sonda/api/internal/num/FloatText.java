package dev.sonda.api.internal.num;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Exact ASCII text of numbers and timestamps, byte for byte as the Rust reference implementation of
 * Sonda writes them.
 *
 * <p>The byte-writing methods put ASCII bytes into {@code dst} starting at {@code pos} and return
 * the position just past the last byte written. The caller guarantees that {@code dst} has at least
 * {@link #MAX_LENGTH} bytes of room from {@code pos} (fewer suffice for the bounded forms, see each
 * method); an {@link ArrayIndexOutOfBoundsException} is thrown otherwise, possibly after some bytes
 * were written. {@link #display(double, byte[], int)}, {@link #json(double, byte[], int)}, {@link
 * #jsonRounded(double, int, byte[], int)}, {@link #writeLong(long, byte[], int)} and {@link
 * #rfc3339Millis(long, byte[], int)} allocate nothing; {@link #fixed(double, int, byte[], int)}
 * allocates (through {@link BigDecimal}) only when {@code |v|} or {@code |v| × 10^precision} is
 * {@code 2^63} or more. The {@code String} overloads are conveniences for messages and tests.
 *
 * <p>All methods are static, stateless and thread-safe.
 */
public final class FloatText {

    /**
     * An upper bound of the number of bytes any byte-writing method of this class writes in one
     * call: {@code fixed(-Double.MAX_VALUE, 17)} (328 bytes) and {@code display(-Double.MIN_VALUE)}
     * (327 bytes) are the longest.
     */
    public static final int MAX_LENGTH = 400;

    /** {@code 10^i} for {@code i} in {@code [0, 18]}. */
    static final long[] POW10 = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L,
        10_000_000_000_000L,
        100_000_000_000_000L,
        1_000_000_000_000_000L,
        10_000_000_000_000_000L,
        100_000_000_000_000_000L,
        1_000_000_000_000_000_000L
    };

    /** The double literals {@code 1e0} to {@code 1e17}, all exact. */
    private static final double[] POW10_DOUBLE = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17
    };

    /** Largest precision accepted by the methods taking one. */
    private static final int MAX_PRECISION = 17;

    /** {@code 2^53}: doubles of smaller magnitude that are integral are exact longs. */
    private static final double TWO_POW_53 = 9007199254740992.0;

    /** Latest instant {@link #rfc3339Millis(long, byte[], int)} accepts: 9999-12-31T23:59:59.999Z. */
    private static final long MAX_RFC3339_MILLIS = 253_402_300_799_999L;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private static final byte[] DIGIT_PAIRS = digitPairs();

    /** Little-endian 8-byte view of a {@code byte[]}, for storing eight digits at once. */
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Grapheme-extending code points that are not combining marks (Unicode's
     * Other_Grapheme_Extend, as of Rust 1.95), which Rust's {@code {:?}} escapes; sorted.
     */
    private static final int[] OTHER_GRAPHEME_EXTEND = {
        0x9BE, 0x9D7, 0xB3E, 0xB57, 0xBBE, 0xBD7, 0xCC0, 0xCC2, 0xCC7, 0xCC8, 0xCCA, 0xCCB, 0xCD5, 0xCD6, 0xD3E, 0xD57,
        0xDCF, 0xDDF, 0x1B35, 0x1B3B, 0x1B3D, 0x1B43, 0x1B44, 0x1BAA, 0x1BF2, 0x1BF3, 0x302E, 0x302F, 0xA953, 0xA9C0,
        0xFF9E, 0xFF9F, 0x111C0, 0x11235, 0x1133E, 0x1134D, 0x11357, 0x114B0, 0x114BD, 0x115AF, 0x116B6, 0x11930,
        0x1193D, 0x16FF0, 0x16FF1, 0x1D165, 0x1D166, 0x1D16D, 0x1D16E, 0x1D16F, 0x1D170, 0x1D171, 0x1D172
    };

    private static final byte[] NAN = {'N', 'a', 'N'};
    private static final byte[] INF = {'i', 'n', 'f'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] LONG_MIN = {
        '-', '9', '2', '2', '3', '3', '7', '2', '0', '3', '6', '8', '5', '4', '7', '7', '5', '8', '0', '8'
    };

    private FloatText() {}

    // ------------------------------------------------------------------------------------------
    // Display: Rust `{}`
    // ------------------------------------------------------------------------------------------

    /**
     * Writes {@code v} as Rust {@code format!("{}", v)} does for an {@code f64} ({@code
     * core::fmt::float}), the form Sonda's {@code prometheus_text} and {@code influx_lp} encoders
     * use without {@code precision} and its messages use for numbers: the shortest round-trip
     * digits (see {@link ShortestDigits}; exact ties broken away from zero, as Rust does), always
     * positional, never an exponent, no trailing {@code .0} for integral values. Examples: {@code
     * 1.0 → 1}, {@code 0.5 → 0.5}, {@code 1e21 → 1000000000000000000000}, {@code 1e-7 →
     * 0.0000001}, {@code -0.0 → -0}, NaN {@code → NaN} (never signed), infinities {@code → inf} and
     * {@code -inf}.
     *
     * @param v any double
     * @param dst the destination, with room for {@link #MAX_LENGTH} bytes from {@code pos} (327 at
     *     most are written)
     * @param pos the index of the first byte to write
     * @return the index just past the last byte written
     */
    public static int display(double v, byte[] dst, int pos) {
        if (v != v) {
            return put(NAN, dst, pos);
        }
        if (Double.doubleToRawLongBits(v) < 0) {
            dst[pos++] = '-';
            v = -v;
        }
        if (v < TWO_POW_53) {
            long l = (long) v;
            if (l == v) {
                return writePositive(l, dst, pos);
            }
        } else if (v == Double.POSITIVE_INFINITY) {
            return put(INF, dst, pos);
        }
        long f = ShortestDigits.rawSignificand(v, ShortestDigits.TieBreak.AWAY_FROM_ZERO);
        int e = ShortestDigits.rawExponent(v);
        if (f % 100_000_000L == 0) { // short values such as 42.5 carry up to 16 trailing zeros
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
        int len = ShortestDigits.digitCount(f);
        if (e >= 0) {
            pos = writeDigits(f, len, dst, pos);
            return zeros(e, dst, pos);
        }
        int point = len + e; // digits before the decimal point
        if (point > 0) {
            return writeWithPoint(f, len, point, dst, pos);
        }
        dst[pos] = '0';
        dst[pos + 1] = '.';
        pos = zeros(-point, dst, pos + 2);
        return writeDigits(f, len, dst, pos);
    }

    /**
     * Returns {@code v} as Rust {@code format!("{}", v)}; see {@link #display(double, byte[], int)}.
     *
     * @param v any double
     * @return the text
     */
    public static String display(double v) {
        byte[] buf = new byte[MAX_LENGTH];
        return ascii(buf, display(v, buf, 0));
    }

    // ------------------------------------------------------------------------------------------
    // JSON: serde_json (zmij)
    // ------------------------------------------------------------------------------------------

    /**
     * Writes {@code v} as serde_json 1.0 serializes an {@code f64} (number formatting by the {@code
     * zmij} crate), the form of the {@code value} field of Sonda's {@code json_lines} encoder.
     * Non-finite values write the literal {@code null}. Otherwise, with the shortest round-trip
     * digits {@code d1d2…dL} (exact ties broken to even, as zmij does; see {@link ShortestDigits})
     * and the exponent {@code E} of {@code d1.d2… × 10^E}: for {@code -5 <= E <= 15} positional
     * notation, with {@code .0} after integral values ({@code 1.0}, {@code
     * 1000000000000000.0}, {@code 99.606}, {@code 0.00001}); otherwise scientific notation with an
     * always-signed exponent and no {@code .0} ({@code 1e+16}, {@code 1.2345678901234568e+16},
     * {@code 1e-6}, {@code 5e-324}). Zero is {@code 0.0}, negative zero {@code -0.0}.
     *
     * @param v any double
     * @param dst the destination, with room for 24 bytes from {@code pos}
     * @param pos the index of the first byte to write
     * @return the index just past the last byte written
     */
    public static int json(double v, byte[] dst, int pos) {
        if (v != v) {
            return put(NULL, dst, pos);
        }
        if (Double.doubleToRawLongBits(v) < 0) {
            if (v == Double.NEGATIVE_INFINITY) {
                return put(NULL, dst, pos);
            }
            dst[pos++] = '-';
            v = -v;
        }
        if (v < TWO_POW_53) {
            long l = (long) v;
            if (l == v) {
                pos = writePositive(l, dst, pos);
                dst[pos] = '.';
                dst[pos + 1] = '0';
                return pos + 2;
            }
        } else if (v == Double.POSITIVE_INFINITY) {
            return put(NULL, dst, pos);
        }
        long f = ShortestDigits.rawSignificand(v, ShortestDigits.TieBreak.EVEN);
        int e = ShortestDigits.rawExponent(v);
        if (f % 100_000_000L == 0) { // short values such as 42.5 carry up to 16 trailing zeros
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
        int len = ShortestDigits.digitCount(f);
        int sci = e + len - 1;
        if (sci >= -5 && sci <= 15) {
            if (e >= 0) {
                pos = writeDigits(f, len, dst, pos);
                pos = zeros(e, dst, pos);
                dst[pos] = '.';
                dst[pos + 1] = '0';
                return pos + 2;
            }
            if (sci >= 0) {
                return writeWithPoint(f, len, sci + 1, dst, pos);
            }
            dst[pos] = '0';
            dst[pos + 1] = '.';
            pos = zeros(-sci - 1, dst, pos + 2);
            return writeDigits(f, len, dst, pos);
        }
        if (len == 1) {
            dst[pos++] = (byte) ('0' + f);
        } else {
            pos = writeWithPoint(f, len, 1, dst, pos);
        }
        dst[pos++] = 'e';
        if (sci < 0) {
            dst[pos++] = '-';
            sci = -sci;
        } else {
            dst[pos++] = '+';
        }
        return writePositive(sci, dst, pos);
    }

    /**
     * Returns {@code v} as serde_json serializes an {@code f64}; see {@link #json(double, byte[],
     * int)}.
     *
     * @param v any double
     * @return the JSON text ({@code null} for non-finite values)
     */
    public static String json(double v) {
        byte[] buf = new byte[MAX_LENGTH];
        return ascii(buf, json(v, buf, 0));
    }

    /**
     * Writes {@code v} rounded as Sonda's {@code json_lines} encoder does with {@code precision:
     * n}: {@code json(roundHalfAwayFromZero(v * P) / P)} with {@code P} the exact double {@code
     * 10^n}, in double arithmetic (so a product that overflows gives {@code null}).
     *
     * @param v any double
     * @param precision decimals to keep, in {@code [0, 17]}
     * @param dst the destination, with room for 24 bytes from {@code pos}
     * @param pos the index of the first byte to write
     * @return the index just past the last byte written
     * @throws IllegalArgumentException if {@code precision} is outside {@code [0, 17]}
     */
    public static int jsonRounded(double v, int precision, byte[] dst, int pos) {
        double p = POW10_DOUBLE[checkPrecision(precision)];
        return json(roundHalfAwayFromZero(v * p) / p, dst, pos);
    }

    /**
     * Returns {@code v} rounded and written as by {@link #jsonRounded(double, int, byte[], int)}.
     *
     * @param v any double
     * @param precision decimals to keep, in {@code [0, 17]}
     * @return the JSON text
     * @throws IllegalArgumentException if {@code precision} is outside {@code [0, 17]}
     */
    public static String jsonRounded(double v, int precision) {
        byte[] buf = new byte[MAX_LENGTH];
        return ascii(buf, jsonRounded(v, precision, buf, 0));
    }

    // ------------------------------------------------------------------------------------------
    // Fixed: Rust `{:.n}`
    // ------------------------------------------------------------------------------------------

    /**
     * Writes {@code v} as Rust {@code format!("{:.n}", v)} does for an {@code f64}, the form of
     * Sonda's {@code prometheus_text} and {@code influx_lp} encoders with {@code precision: n}: the
     * exact binary value rounded to {@code n} decimals with ties to even, trailing zeros kept, never
     * an exponent, and no decimal point when {@code n} is 0. Negative values keep their sign even
     * when they round to zero ({@code -0.001} at 2 → {@code -0.00}, {@code -0.0} → {@code -0.00}).
     * NaN, infinities write {@code NaN}, {@code inf}, {@code -inf} whatever the precision. Examples:
     * {@code 0.125} at 2 → {@code 0.12}, {@code 1.005} at 2 → {@code 1.00} (its binary value is
     * below the tie), {@code 2.5} at 0 → {@code 2}, {@code 12345678901234567890.0} at 2 → {@code
     * 12345678901234567168.00}.
     *
     * @param v any double
     * @param precision decimals to write, in {@code [0, 17]}
     * @param dst the destination, with room for {@link #MAX_LENGTH} bytes from {@code pos} (328 at
     *     most are written, for {@code -Double.MAX_VALUE} at 17)
     * @param pos the index of the first byte to write
     * @return the index just past the last byte written
     * @throws IllegalArgumentException if {@code precision} is outside {@code [0, 17]}
     */
    public static int fixed(double v, int precision, byte[] dst, int pos) {
        checkPrecision(precision);
        if (v != v) {
            return put(NAN, dst, pos);
        }
        long bits = Double.doubleToRawLongBits(v);
        if (bits < 0) {
            dst[pos++] = '-';
        }
        int bq = (int) (bits >>> 52) & 0x7FF;
        long m = bits & ((1L << 52) - 1);
        if (bq == 0x7FF) {
            return put(INF, dst, pos);
        }
        int q; // |v| = m 2^q
        if (bq == 0) {
            q = -1074;
        } else {
            m |= 1L << 52;
            q = bq - 1075;
        }
        if (m == 0) {
            dst[pos++] = '0';
            return fraction(0, precision, dst, pos);
        }
        if (q >= 0) {
            if (q <= 10) { // m 2^q < 2^63
                pos = writePositive(m << q, dst, pos);
                return fraction(0, precision, dst, pos);
            }
            return fixedSlow(v, precision, dst, pos);
        }
        // r = round_half_even(m 10^n / 2^s), with the 110-bit product m 10^n in (hi, lo).
        long scale = POW10[precision];
        long lo = m * scale;
        long hi = Math.multiplyHigh(m, scale);
        int s = -q;
        long r;
        boolean roundBit;
        boolean sticky;
        if (s >= 112) { // m 10^n < 2^110, below half the divisor 2^s: rounds to zero
            r = 0;
            roundBit = false;
            sticky = true;
        } else {
            if (s < 64) {
                if ((hi >>> s) != 0) { // the quotient needs more than 64 bits
                    return fixedSlow(v, precision, dst, pos);
                }
                r = (lo >>> s) | (hi << (64 - s));
                roundBit = ((lo >>> (s - 1)) & 1) != 0;
                sticky = (lo & ((1L << (s - 1)) - 1)) != 0;
            } else {
                r = hi >>> (s - 64);
                if (s == 64) {
                    roundBit = lo < 0;
                    sticky = (lo & Long.MAX_VALUE) != 0;
                } else {
                    int b = s - 65; // index of the round bit in hi
                    roundBit = ((hi >>> b) & 1) != 0;
                    sticky = lo != 0 || (hi & ((1L << b) - 1)) != 0;
                }
            }
            if (r < 0) {
                return fixedSlow(v, precision, dst, pos);
            }
        }
        if (roundBit && (sticky || (r & 1) != 0)) {
            r++;
            if (r < 0) {
                return fixedSlow(v, precision, dst, pos);
            }
        }
        if (precision == 0) {
            return writePositive(r, dst, pos);
        }
        // At least one integral digit: r is written with leading zeros up to precision + 1 digits.
        int len = Math.max(r == 0 ? 1 : ShortestDigits.digitCount(r), precision + 1);
        return writeWithPoint(r, len, len - precision, dst, pos);
    }

    /**
     * Returns {@code v} as Rust {@code format!("{:.n}", v)}; see {@link #fixed(double, int, byte[],
     * int)}.
     *
     * @param v any double
     * @param precision decimals to write, in {@code [0, 17]}
     * @return the text
     * @throws IllegalArgumentException if {@code precision} is outside {@code [0, 17]}
     */
    public static String fixed(double v, int precision) {
        byte[] buf = new byte[MAX_LENGTH];
        return ascii(buf, fixed(v, precision, buf, 0));
    }

    /** Writes the fraction {@code frac} (below {@code 10^precision}) after a point, if any. */
    private static int fraction(long frac, int precision, byte[] dst, int pos) {
        if (precision == 0) {
            return pos;
        }
        dst[pos++] = '.';
        return writeDigits(frac, precision, dst, pos);
    }

    /** Exact decimal expansion through BigDecimal, for magnitudes the long path cannot hold. */
    private static int fixedSlow(double v, int precision, byte[] dst, int pos) {
        String text = new BigDecimal(Math.abs(v))
                .setScale(precision, RoundingMode.HALF_EVEN)
                .toPlainString();
        for (int i = 0; i < text.length(); i++) {
            dst[pos++] = (byte) text.charAt(i);
        }
        return pos;
    }

    // ------------------------------------------------------------------------------------------
    // Rounding, integers, timestamps, strings
    // ------------------------------------------------------------------------------------------

    /**
     * Rounds to the nearest integer, halfway cases away from zero, exactly as Rust's {@code
     * f64::round}: {@code 2.5 → 3}, {@code -2.5 → -3}, {@code 0.49999999999999994 → 0}, {@code -0.4
     * → -0.0}. NaN and infinities are returned unchanged. (Unlike {@link Math#round(double)}, which
     * rounds half up and returns a {@code long}.)
     *
     * @param x any double
     * @return the rounded value, with the sign of {@code x}
     */
    public static double roundHalfAwayFromZero(double x) {
        double t = Math.abs(x);
        double r = Math.floor(t);
        if (t - r >= 0.5) {
            r += 1;
        }
        return Math.copySign(r, x);
    }

    /**
     * Writes the decimal form of a signed long, as Rust {@code {}} on an integer: {@code -}
     * followed by the digits for negatives, no leading zeros, no grouping.
     *
     * @param v any long, including {@link Long#MIN_VALUE}
     * @param dst the destination, with room for 20 bytes from {@code pos}
     * @param pos the index of the first byte to write
     * @return the index just past the last byte written
     */
    public static int writeLong(long v, byte[] dst, int pos) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return put(LONG_MIN, dst, pos);
            }
            dst[pos++] = '-';
            v = -v;
        }
        return writePositive(v, dst, pos);
    }

    /**
     * Writes an instant as RFC 3339 UTC with milliseconds, {@code YYYY-MM-DDTHH:MM:SS.mmmZ}, as
     * Sonda's {@code format_rfc3339_millis} does (always 24 bytes; the civil date by Howard
     * Hinnant's {@code civil_from_days}). Example: {@code 1774008000000 → 2026-03-20T12:00:00.000Z}.
     * Pre-1970 instants are not supported: the encoders reject them (TimestampBeforeEpoch) before
     * formatting.
     *
     * @param epochMillis milliseconds since 1970-01-01T00:00:00Z, in {@code [0,
     *     253402300799999]} (up to 9999-12-31T23:59:59.999Z)
     * @param dst the destination, with room for 24 bytes from {@code pos}
     * @param pos the index of the first byte to write
     * @return {@code pos + 24}
     * @throws IllegalArgumentException if {@code epochMillis} is negative or after year 9999
     */
    public static int rfc3339Millis(long epochMillis, byte[] dst, int pos) {
        if (epochMillis < 0 || epochMillis > MAX_RFC3339_MILLIS) {
            throw new IllegalArgumentException("epoch milliseconds must be in [0, " + MAX_RFC3339_MILLIS
                    + "] for an RFC 3339 timestamp, got " + epochMillis);
        }
        int days = (int) (epochMillis / MILLIS_PER_DAY);
        int millisOfDay = (int) (epochMillis - days * MILLIS_PER_DAY);
        // civil_from_days, for days >= 0 (so the era is never negative).
        int z = days + 719_468;
        int era = z / 146_097;
        int doe = z - era * 146_097; // [0, 146096]
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
        int mp = (5 * doy + 2) / 153; // [0, 11], March-based
        int day = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
        int month = mp < 10 ? mp + 3 : mp - 9; // [1, 12]
        int year = yoe + era * 400 + (month <= 2 ? 1 : 0);

        int seconds = millisOfDay / 1000;
        int millis = millisOfDay - seconds * 1000;
        int minutes = seconds / 60;
        seconds -= minutes * 60;
        int hours = minutes / 60;
        minutes -= hours * 60;

        pair(year / 100, dst, pos);
        pair(year % 100, dst, pos + 2);
        dst[pos + 4] = '-';
        pair(month, dst, pos + 5);
        dst[pos + 7] = '-';
        pair(day, dst, pos + 8);
        dst[pos + 10] = 'T';
        pair(hours, dst, pos + 11);
        dst[pos + 13] = ':';
        pair(minutes, dst, pos + 14);
        dst[pos + 16] = ':';
        pair(seconds, dst, pos + 17);
        dst[pos + 19] = '.';
        dst[pos + 20] = (byte) ('0' + millis / 100);
        pair(millis % 100, dst, pos + 21);
        dst[pos + 23] = 'Z';
        return pos + 24;
    }

    /**
     * Returns an instant as RFC 3339 UTC with milliseconds; see {@link #rfc3339Millis(long, byte[],
     * int)}.
     *
     * @param epochMillis milliseconds since the epoch, in {@code [0, 253402300799999]}
     * @return the 24-character timestamp
     * @throws IllegalArgumentException if {@code epochMillis} is negative or after year 9999
     */
    public static String rfc3339Millis(long epochMillis) {
        byte[] buf = new byte[24];
        return ascii(buf, rfc3339Millis(epochMillis, buf, 0));
    }

    /**
     * Returns {@code s} as Rust {@code format!("{:?}", s)} writes a {@code str}, for error messages:
     * wrapped in double quotes; {@code "} and {@code \} escaped with a backslash; tab, line feed,
     * carriage return and NUL as {@code \t}, {@code \n}, {@code \r}, {@code \0}; other characters
     * Rust considers non-printable or grapheme-extending as {@code \}{@code u{hex}} (lowercase, no
     * padding, for example {@code \}{@code u{1}}, {@code \}{@code u{7f}}). Everything else,
     * including {@code '} and printable non-ASCII, is kept. Escaped are: control, format,
     * private-use, unassigned and surrogate characters, separators other than the space, and
     * grapheme extenders (combining marks and Other_Grapheme_Extend). Categories come from the
     * running JDK's Unicode tables; characters assigned after that Unicode version (Java 17 has
     * Unicode 13) are escaped here but printed raw by Rust.
     *
     * @param s any string, not null
     * @return the quoted, escaped text
     */
    public static String rustDebugString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (needsUnicodeEscape(cp)) {
                        out.append("\\u{").append(Integer.toHexString(cp)).append('}');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean needsUnicodeEscape(int cp) {
        if (cp >= 0x20 && cp < 0x7F) {
            return false;
        }
        if (Arrays.binarySearch(OTHER_GRAPHEME_EXTEND, cp) >= 0) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.SURROGATE:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
                return true;
            default:
                return false;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    private static int checkPrecision(int precision) {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("precision must be between 0 and 17, got " + precision);
        }
        return precision;
    }

    /** Writes the digits of a non-negative long, without leading zeros. */
    static int writePositive(long v, byte[] dst, int pos) {
        if (v < 10) {
            dst[pos] = (byte) ('0' + v);
            return pos + 1;
        }
        return writeDigits(v, ShortestDigits.digitCount(v), dst, pos);
    }

    /**
     * Writes the {@code len} digits of {@code v} (below {@code 10^len}, with leading zeros) with a
     * decimal point after the first {@code point} of them ({@code 0 < point < len}).
     */
    private static int writeWithPoint(long v, int len, int point, byte[] dst, int pos) {
        writeDigits(v, len, dst, pos + 1);
        for (int i = 0; i < point; i++) {
            dst[pos + i] = dst[pos + i + 1];
        }
        dst[pos + point] = '.';
        return pos + len + 1;
    }

    /**
     * Writes exactly {@code len} digits of the non-negative {@code v} (below {@code 10^len}),
     * padding with leading zeros. Divides only by constants; eight digits at a time.
     */
    static int writeDigits(long v, int len, byte[] dst, int pos) {
        int i = pos + len;
        while (i - pos >= 8) {
            long quotient = v / 100_000_000L;
            LONG_LE.set(dst, i - 8, eightDigits((int) (v - quotient * 100_000_000L)));
            v = quotient;
            i -= 8;
        }
        int w = (int) v; // below 10^7
        while (i - pos >= 2) {
            int quotient = w / 100;
            int r = w - quotient * 100;
            w = quotient;
            dst[--i] = DIGIT_PAIRS[(r << 1) + 1];
            dst[--i] = DIGIT_PAIRS[r << 1];
        }
        if (i > pos) {
            dst[--i] = (byte) ('0' + w);
        }
        return pos + len;
    }

    /**
     * Returns the 8 ASCII digits of {@code v} in {@code [0, 10^8)}, most significant in the lowest
     * byte (for a little-endian store), computed in parallel within one long.
     */
    static long eightDigits(int v) {
        int high = v / 10_000;
        long x = high | ((long) (v - high * 10_000) << 32); // two 4-digit lanes
        long hundreds = ((x * 10_486) >>> 20) & 0x0000_007F_0000_007FL; // lane / 100, for lanes < 10^4
        long y = hundreds | ((x - hundreds * 100) << 16); // four 2-digit lanes
        long tens = ((y * 103) >>> 10) & 0x000F_000F_000F_000FL; // lane / 10, for lanes < 100
        long z = tens | ((y - tens * 10) << 8); // eight 1-digit lanes
        return z + 0x3030_3030_3030_3030L;
    }

    /** Writes the two digits of {@code v} in {@code [0, 99]}. */
    private static void pair(int v, byte[] dst, int pos) {
        dst[pos] = DIGIT_PAIRS[v << 1];
        dst[pos + 1] = DIGIT_PAIRS[(v << 1) + 1];
    }

    private static int zeros(int count, byte[] dst, int pos) {
        int end = pos + count;
        for (int i = pos; i < end; i++) {
            dst[i] = '0';
        }
        return end;
    }

    private static int put(byte[] text, byte[] dst, int pos) {
        System.arraycopy(text, 0, dst, pos, text.length);
        return pos + text.length;
    }

    private static String ascii(byte[] buf, int end) {
        return new String(buf, 0, end, StandardCharsets.US_ASCII);
    }

    private static byte[] digitPairs() {
        byte[] pairs = new byte[200];
        for (int i = 0; i < 100; i++) {
            pairs[i << 1] = (byte) ('0' + i / 10);
            pairs[(i << 1) + 1] = (byte) ('0' + i % 10);
        }
        return pairs;
    }
}
