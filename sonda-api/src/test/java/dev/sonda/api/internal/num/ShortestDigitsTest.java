package dev.sonda.api.internal.num;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.internal.num.ShortestDigits.Result;
import dev.sonda.api.internal.num.ShortestDigits.TieBreak;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ShortestDigitsTest {

    // ------------------------------------------------------------------------------------------
    // Anchors
    // ------------------------------------------------------------------------------------------

    @Test
    void picksOneDigitForTheSmallestSubnormalAsRustDoes() {
        Result r = ShortestDigits.compute(Double.MIN_VALUE, TieBreak.AWAY_FROM_ZERO);

        assertThat(r.significand()).isEqualTo(5);
        assertThat(r.exponent()).isEqualTo(-324);
        assertThat(r.digitCount()).isEqualTo(1);
        assertThat(r.scientificExponent()).isEqualTo(-324);
        assertThat(r).hasToString("5e-324");
    }

    @Test
    void picksTheShortestForSubnormalsWhereTheJdkPrintsTwoDigits() {
        // JDK 19+: 9.9E-324, 4.9E-323, 9.9E-323; Rust: 1e-323, 5e-323, 1e-322.
        assertThat(sci(Double.longBitsToDouble(2))).isEqualTo("1e-323");
        assertThat(sci(Double.longBitsToDouble(10))).isEqualTo("5e-323");
        assertThat(sci(Double.longBitsToDouble(20))).isEqualTo("1e-322");
        assertThat(sci(Double.longBitsToDouble(3))).isEqualTo("1.5e-323");
    }

    @Test
    void printsOneE23AsOneDigitUnlikeJdk17() {
        assertThat(sci(1e23)).isEqualTo("1e23");
    }

    @Test
    void printsTheLargestSafeIntegerNeighbourAsItsDouble() {
        assertThat(sci(9007199254740993.0)).isEqualTo("9.007199254740992e15");
    }

    @Test
    void printsBoundaryValues() {
        assertThat(sci(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e308");
        assertThat(sci(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014e-308");
        assertThat(sci(0.1 + 0.2)).isEqualTo("3.0000000000000004e-1");
        assertThat(sci(-0.5)).isEqualTo("5e-1");
        assertThat(sci(50.0)).isEqualTo("5e1");
        assertThat(sci(54.181138530706136)).isEqualTo("5.4181138530706136e1");
    }

    @Test
    void breaksExactTiesAwayFromZeroForRustAndToEvenForZmij() {
        // 2^50 + 0.25 lies exactly between ...624.2 and ...624.3, both shortest.
        assertThat(sci(1125899906842624.25)).isEqualTo("1.1258999068426243e15");
        assertThat(ShortestDigits.compute(1125899906842624.25, TieBreak.EVEN)).hasToString("1.1258999068426242e15");
        // ...624.75: the even candidate is the upper one, so both rules agree.
        assertThat(sci(1125899906842624.75)).isEqualTo("1.1258999068426248e15");
        assertThat(ShortestDigits.compute(1125899906842624.75, TieBreak.EVEN)).hasToString("1.1258999068426248e15");
    }

    @Test
    void rawPairEqualsTheNormalizedResult() {
        for (double v : new double[] {0.5, 50, 1e-7, 1e23, 54.181138530706136, Double.MIN_VALUE, 3.0}) {
            Result r = ShortestDigits.compute(v, TieBreak.AWAY_FROM_ZERO);
            BigDecimal raw = BigDecimal.valueOf(ShortestDigits.rawSignificand(v, TieBreak.AWAY_FROM_ZERO))
                    .scaleByPowerOfTen(ShortestDigits.rawExponent(v));
            assertThat(raw.compareTo(BigDecimal.valueOf(r.significand()).scaleByPowerOfTen(r.exponent())))
                    .isZero();
        }
    }

    @Test
    void reusesTheCallersHolder() {
        Result holder = new Result();

        assertThat(ShortestDigits.compute(2.5, TieBreak.EVEN, holder)).isSameAs(holder);
        assertThat(holder.significand()).isEqualTo(25);
        assertThat(holder.exponent()).isEqualTo(-1);
    }

    @Test
    void rejectsZeroNanAndInfinity() {
        for (double v : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> ShortestDigits.rawSignificand(v, TieBreak.EVEN))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ShortestDigits.rawExponent(v)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void usesExactFloorLogarithms() {
        for (int e = -2000; e <= 2000; e++) {
            assertThat(ShortestDigits.flog10pow2(e)).as("floor(log10(2^%d))", e).isEqualTo(floorLog10(pow2(e)));
            assertThat(ShortestDigits.flog10threeQuartersPow2(e))
                    .as("floor(log10(3/4 2^%d))", e)
                    .isEqualTo(floorLog10(pow2(e).multiply(new BigDecimal("0.75"))));
        }
        for (int e = -400; e <= 400; e++) {
            // 10^|e| is not a power of two for e != 0, so ceil(log2(10^|e|)) is its bit length.
            int bits = BigInteger.TEN.pow(Math.abs(e)).bitLength();
            int expected = e >= 0 ? bits - 1 : -bits;
            assertThat(ShortestDigits.flog2pow10(e)).as("floor(log2(10^%d))", e).isEqualTo(expected);
        }
    }

    @Test
    void countsDigits() {
        long p = 1;
        for (int n = 1; n <= 19; n++) {
            assertThat(ShortestDigits.digitCount(p)).isEqualTo(n);
            if (n > 1) {
                assertThat(ShortestDigits.digitCount(p - 1)).isEqualTo(n - 1);
            }
            if (n < 19) {
                p *= 10;
            }
        }
        assertThat(ShortestDigits.digitCount(Long.MAX_VALUE)).isEqualTo(19);
    }

    // ------------------------------------------------------------------------------------------
    // Reference vectors
    // ------------------------------------------------------------------------------------------

    /**
     * 20,000 doubles with JDK 25's {@code Double.toString} (Schubfach, ties to even), generated once
     * by a throwaway program: random bit patterns, powers of two and ten and their neighbours, exact
     * ties, short decimals, subnormals.
     */
    @Test
    void matchesJdk25SchubfachForEveryNormalDouble() throws IOException {
        List<String[]> rows = readTsv("/num/jdk25-tostring.tsv");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(20_000);
        int normals = 0;
        int ties = 0;
        for (String[] row : rows) {
            double v = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
            if (Math.abs(v) < Double.MIN_NORMAL) {
                continue; // JDK 19+ prints at least two digits there; Rust the shortest.
            }
            normals++;
            BigDecimal jdk = new BigDecimal(row[1]).abs().stripTrailingZeros();
            assertThat(decimal(ShortestDigits.compute(v, TieBreak.EVEN)))
                    .as("ties to even of %s (%s)", row[1], row[0])
                    .isEqualTo(jdk);
            BigDecimal rust = decimal(ShortestDigits.compute(v, TieBreak.AWAY_FROM_ZERO));
            if (!rust.equals(jdk)) {
                // Only an exact tie may differ, and then Rust takes the upper candidate.
                ties++;
                BigDecimal exact = new BigDecimal(Math.abs(v));
                assertThat(rust.subtract(exact)).as("tie of %s", row[1]).isEqualTo(exact.subtract(jdk));
                assertThat(rust).isGreaterThan(jdk);
            }
        }
        assertThat(normals).isGreaterThan(19_000);
        assertThat(ties).as("exact ties in the vectors").isGreaterThan(50);
    }

    /** Rust 1.95 {@code {:e}} of 3,400 doubles (ties, subnormals, short decimals, random bits). */
    @Test
    void matchesRustLowerExpForEveryReferenceVector() throws IOException {
        int checked = 0;
        for (String[] row : readTsv("/num/rust-fmt.tsv")) {
            double v = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
            if (v == 0 || !Double.isFinite(v)) {
                continue;
            }
            String expected = row[1].startsWith("-") ? row[1].substring(1) : row[1];
            assertThat(sci(v)).as(row[0]).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isGreaterThan(3000);
    }

    @Test
    void agreesWithAnExactSearchForTheSmallestSubnormals() {
        for (long t = 1; t <= 5000; t++) {
            double v = Double.longBitsToDouble(t);
            assertThat(decimal(ShortestDigits.compute(v, TieBreak.AWAY_FROM_ZERO)))
                    .as("subnormal %d", t)
                    .isEqualTo(bruteForceShortest(v));
        }
    }

    // ------------------------------------------------------------------------------------------
    // Properties checked independently of the implementation
    // ------------------------------------------------------------------------------------------

    @Property(tries = 5000)
    void roundTripsEveryFiniteDouble(@ForAll("finiteNonZero") double v) {
        for (TieBreak tie : TieBreak.values()) {
            BigDecimal d = decimal(ShortestDigits.compute(v, tie));
            assertThat(Double.doubleToLongBits(d.doubleValue())).isEqualTo(Double.doubleToLongBits(Math.abs(v)));
        }
    }

    @Property(tries = 5000)
    void noShorterDecimalRoundTrips(@ForAll("finiteNonZero") double v) {
        double a = Math.abs(v);
        Result r = ShortestDigits.compute(a, TieBreak.AWAY_FROM_ZERO);
        Assume.that(r.digitCount() > 1);
        // Any decimal with one digit fewer that lies near v is floor or ceiling at 10^(e+1).
        long down = r.significand() / 10;
        for (long candidate : new long[] {down, down + 1}) {
            if (candidate == 0) {
                continue;
            }
            double parsed = BigDecimal.valueOf(candidate)
                    .scaleByPowerOfTen(r.exponent() + 1)
                    .doubleValue();
            assertThat(parsed)
                    .as("%de%d must not round-trip", candidate, r.exponent() + 1)
                    .isNotEqualTo(a);
        }
    }

    @Property(tries = 5000)
    void picksTheClosestShortestCandidate(@ForAll("finiteNonZero") double v) {
        double a = Math.abs(v);
        BigDecimal exact = new BigDecimal(a);
        for (TieBreak tie : TieBreak.values()) {
            Result r = ShortestDigits.compute(a, tie);
            BigDecimal chosen = decimal(r);
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(r.exponent());
            for (BigDecimal other : new BigDecimal[] {chosen.subtract(unit), chosen.add(unit)}) {
                if (other.signum() <= 0 || other.doubleValue() != a) {
                    continue; // not a round-tripping candidate of the same length
                }
                int cmp = chosen.subtract(exact)
                        .abs()
                        .compareTo(other.subtract(exact).abs());
                assertThat(cmp)
                        .as("%s is closer to %s than %s", other, exact, chosen)
                        .isLessThanOrEqualTo(0);
                if (cmp == 0) {
                    if (tie == TieBreak.AWAY_FROM_ZERO) {
                        assertThat(chosen).isGreaterThan(other);
                    } else {
                        assertThat(r.significand() % 2).isZero();
                    }
                }
            }
        }
    }

    @Property(tries = 3000)
    void breaksExactTiesAsDocumented(
            @ForAll @LongRange(min = 1L << 40, max = (1L << 52) - 1) long integral,
            @ForAll @IntRange(min = 1, max = 9) int fractionBits,
            @ForAll @LongRange(min = 0, max = 255) long oddSeed) {
        long odd = (2 * (oddSeed % (1L << (fractionBits - 1)))) + 1;
        double v = integral + (double) odd / (1L << fractionBits);
        Assume.that(v != Math.rint(v));
        BigDecimal exact = new BigDecimal(v);
        BigDecimal even = decimal(ShortestDigits.compute(v, TieBreak.EVEN));
        BigDecimal away = decimal(ShortestDigits.compute(v, TieBreak.AWAY_FROM_ZERO));
        if (!even.equals(away)) {
            assertThat(away.subtract(exact)).isEqualTo(exact.subtract(even));
            assertThat(ShortestDigits.compute(v, TieBreak.EVEN).significand() % 2)
                    .isZero();
        }
    }

    @Property(tries = 3000)
    void printsShortDecimalsAsWritten(
            @ForAll @LongRange(min = 1, max = 999_999_999_999_999L) long digits,
            @ForAll @IntRange(min = -30, max = 30) int exponent) {
        BigDecimal written =
                BigDecimal.valueOf(digits).scaleByPowerOfTen(exponent).stripTrailingZeros();
        double v = written.doubleValue();

        assertThat(decimal(ShortestDigits.compute(v, TieBreak.AWAY_FROM_ZERO))).isEqualTo(written);
    }

    @Provide
    Arbitrary<Double> finiteNonZero() {
        Arbitrary<Double> bits =
                Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> Double.isFinite(d) && d != 0);
        Arbitrary<Double> subnormals =
                Arbitraries.longs().between(1, (1L << 52) - 1).map(Double::longBitsToDouble);
        Arbitrary<Double> samples = Arbitraries.doubles().between(-1000, 1000).filter(d -> d != 0);
        Arbitrary<Double> nice = Arbitraries.longs()
                .between(1, 1_000_000_000L)
                .flatMap(k -> Arbitraries.integers().between(0, 12).map(j -> k / Math.pow(10, j)));
        // Weighted by repetition: mostly uniform bit patterns.
        return Arbitraries.oneOf(List.of(bits, bits, bits, bits, subnormals, samples, nice, nice));
    }

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    private static String sci(double v) {
        return ShortestDigits.compute(v, TieBreak.AWAY_FROM_ZERO).toString();
    }

    private static BigDecimal decimal(Result r) {
        return BigDecimal.valueOf(r.significand())
                .scaleByPowerOfTen(r.exponent())
                .stripTrailingZeros();
    }

    /** The shortest, then closest (ties up) decimal that parses back to {@code v}, by search. */
    private static BigDecimal bruteForceShortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == v;
            boolean upOk = up.doubleValue() == v;
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                return (cmp < 0 ? down : up).stripTrailingZeros();
            }
            if (downOk || upOk) {
                return (downOk ? down : up).stripTrailingZeros();
            }
        }
        throw new AssertionError("no decimal of at most 17 digits round-trips " + v);
    }

    private static BigDecimal pow2(int e) {
        // 2^-n = 5^n 10^-n
        return e >= 0
                ? new BigDecimal(BigInteger.ONE.shiftLeft(e))
                : new BigDecimal(BigInteger.valueOf(5).pow(-e), -e);
    }

    private static int floorLog10(BigDecimal x) {
        // x = unscaled × 10^-scale; floor(log10(x)) = precision - scale - 1 for x > 0.
        return x.precision() - x.scale() - 1;
    }

    static List<String[]> readTsv(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ShortestDigitsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows;
    }
}
