package dev.sonda.api.internal.num;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.internal.num.ShortestDigits.Result;
import dev.sonda.api.internal.num.ShortestDigits.TieBreak;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FloatTextTest {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    // ------------------------------------------------------------------------------------------
    // display: Rust {}
    // ------------------------------------------------------------------------------------------

    @Test
    void printsIntegralValuesWithoutTrailingZero() {
        assertThat(FloatText.display(1.0)).isEqualTo("1");
        assertThat(FloatText.display(50.0)).isEqualTo("50");
        assertThat(FloatText.display(-3.0)).isEqualTo("-3");
        assertThat(FloatText.display(9007199254740991.0)).isEqualTo("9007199254740991");
        assertThat(FloatText.display(9007199254740992.0)).isEqualTo("9007199254740992");
    }

    @Test
    void printsLargeValuesPositionallyWithShortestDigits() {
        assertThat(FloatText.display(1e20)).isEqualTo("100000000000000000000");
        assertThat(FloatText.display(1e21)).isEqualTo("1000000000000000000000");
        assertThat(FloatText.display(1e16)).isEqualTo("10000000000000000");
        assertThat(FloatText.display(12345678901234567890.0)).isEqualTo("12345678901234567000");
        assertThat(FloatText.display(Double.MAX_VALUE)).isEqualTo("17976931348623157" + "0".repeat(292));
    }

    @Test
    void printsSmallValuesPositionally() {
        assertThat(FloatText.display(1e-7)).isEqualTo("0.0000001");
        assertThat(FloatText.display(1.5e-7)).isEqualTo("0.00000015");
        assertThat(FloatText.display(5e-324)).isEqualTo("0." + "0".repeat(323) + "5");
        assertThat(FloatText.display(-5e-324)).isEqualTo("-0." + "0".repeat(323) + "5");
    }

    @Test
    void printsFractionsWithShortestDigits() {
        assertThat(FloatText.display(0.5)).isEqualTo("0.5");
        assertThat(FloatText.display(123.456)).isEqualTo("123.456");
        assertThat(FloatText.display(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(FloatText.display(85.35533905932738)).isEqualTo("85.35533905932738");
        assertThat(FloatText.display(50.00000000000001)).isEqualTo("50.00000000000001");
        assertThat(FloatText.display(54.181138530706136)).isEqualTo("54.181138530706136");
        assertThat(FloatText.display(-0.25)).isEqualTo("-0.25");
    }

    @Test
    void printsZerosAndNonFiniteValuesLikeRust() {
        assertThat(FloatText.display(0.0)).isEqualTo("0");
        assertThat(FloatText.display(-0.0)).isEqualTo("-0");
        assertThat(FloatText.display(Double.NaN)).isEqualTo("NaN");
        assertThat(FloatText.display(Double.longBitsToDouble(0xfff8000000000000L)))
                .isEqualTo("NaN");
        assertThat(FloatText.display(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(FloatText.display(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void breaksDisplayTiesUpwardAsRustDoes() {
        assertThat(FloatText.display(1125899906842624.25)).isEqualTo("1125899906842624.3");
        assertThat(FloatText.display(1125899906842625.25)).isEqualTo("1125899906842625.3");
    }

    @Test
    void writesAtTheGivenPositionAndReturnsTheEnd() {
        byte[] buf = new byte[FloatText.MAX_LENGTH + 3];
        buf[0] = 'x';
        int end = FloatText.display(-2.5, buf, 1);

        assertThat(end).isEqualTo(5);
        assertThat(new String(buf, 0, end, StandardCharsets.US_ASCII)).isEqualTo("x-2.5");
    }

    @Test
    void neverWritesMoreThanMaxLength() {
        byte[] buf = new byte[FloatText.MAX_LENGTH];
        assertThat(FloatText.display(-Double.MIN_VALUE, buf, 0)).isLessThanOrEqualTo(FloatText.MAX_LENGTH);
        assertThat(FloatText.display(-Double.MAX_VALUE, buf, 0)).isLessThanOrEqualTo(FloatText.MAX_LENGTH);
        assertThat(FloatText.fixed(-Double.MAX_VALUE, 17, buf, 0)).isEqualTo(328);
        assertThat(FloatText.display(-Double.MIN_VALUE, buf, 0)).isEqualTo(327);
    }

    @Property(tries = 5000)
    void displayRoundTripsBitForBit(@ForAll("anyDouble") double v) {
        String text = FloatText.display(v);

        assertThat(text).doesNotContain("e", "E").doesNotEndWith(".0");
        if (Double.isNaN(v)) {
            assertThat(text).isEqualTo("NaN");
        } else if (Double.isFinite(v)) {
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).isEqualTo(Double.doubleToRawLongBits(v));
        }
    }

    @Property(tries = 5000)
    void displayPrintsTheShortestDigitsPositionally(@ForAll("anyDouble") double v) {
        if (!Double.isFinite(v) || v == 0) {
            return;
        }
        Result r = ShortestDigits.compute(v, TieBreak.AWAY_FROM_ZERO);
        String expected = (v < 0 ? "-" : "")
                + BigDecimal.valueOf(r.significand())
                        .scaleByPowerOfTen(r.exponent())
                        .toPlainString();

        assertThat(FloatText.display(v)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void displayPrintsShortDecimalsAsWritten(
            @ForAll @LongRange(min = 1, max = 999_999_999_999_999L) long digits,
            @ForAll @IntRange(min = 0, max = 20) int decimals) {
        BigDecimal written = BigDecimal.valueOf(digits, decimals);

        assertThat(FloatText.display(written.doubleValue()))
                .isEqualTo(written.stripTrailingZeros().toPlainString());
    }

    // ------------------------------------------------------------------------------------------
    // Rust reference vectors: {}, {:.0}, {:.2}, {:.17}
    // ------------------------------------------------------------------------------------------

    /** 3,400 doubles formatted by Rust 1.95 ({@code '-'} marks texts over 60 bytes, not stored). */
    @Test
    void matchesRustForEveryReferenceVector() throws IOException {
        int checked = 0;
        for (String[] row : ShortestDigitsTest.readTsv("/num/rust-fmt.tsv")) {
            double v = Double.longBitsToDouble(Long.parseUnsignedLong(row[0], 16));
            String[] actual = {
                FloatText.display(v), FloatText.fixed(v, 0), FloatText.fixed(v, 2), FloatText.fixed(v, 17)
            };
            for (int i = 0; i < actual.length; i++) {
                if (!row[2 + i].equals("-")) {
                    assertThat(actual[i]).as("column %d of %s", 2 + i, row[0]).isEqualTo(row[2 + i]);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(12_000);
    }

    // ------------------------------------------------------------------------------------------
    // json: serde_json / zmij
    // ------------------------------------------------------------------------------------------

    @Test
    void printsJsonIntegralsWithPointZero() {
        assertThat(FloatText.json(1.0)).isEqualTo("1.0");
        assertThat(FloatText.json(100.0)).isEqualTo("100.0");
        assertThat(FloatText.json(1e15)).isEqualTo("1000000000000000.0");
        assertThat(FloatText.json(9.061488e15)).isEqualTo("9061488000000000.0");
        assertThat(FloatText.json(-7.0)).isEqualTo("-7.0");
    }

    @Test
    void printsJsonFractionsInFixedNotationDownToOneE5() {
        assertThat(FloatText.json(123456789012345.6)).isEqualTo("123456789012345.6");
        assertThat(FloatText.json(99.606)).isEqualTo("99.606");
        assertThat(FloatText.json(0.5)).isEqualTo("0.5");
        assertThat(FloatText.json(1e-5)).isEqualTo("0.00001");
        assertThat(FloatText.json(2.5e-5)).isEqualTo("0.000025");
    }

    @Test
    void printsJsonInScientificNotationOutsideTheFixedRange() {
        assertThat(FloatText.json(1e16)).isEqualTo("1e+16");
        assertThat(FloatText.json(1.2345678901234568e16)).isEqualTo("1.2345678901234568e+16");
        assertThat(FloatText.json(1.2345678901234567e19)).isEqualTo("1.2345678901234567e+19");
        assertThat(FloatText.json(1e-6)).isEqualTo("1e-6");
        assertThat(FloatText.json(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(FloatText.json(5e-324)).isEqualTo("5e-324");
        assertThat(FloatText.json(-1e100)).isEqualTo("-1e+100");
        assertThat(FloatText.json(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    }

    @Test
    void switchesJsonNotationExactlyAtTheExponentBoundaries() {
        assertThat(FloatText.json(1e-5)).isEqualTo("0.00001");
        assertThat(FloatText.json(9.999999999999999e-6)).isEqualTo("9.999999999999999e-6");
        assertThat(FloatText.json(1e15)).isEqualTo("1000000000000000.0");
        assertThat(FloatText.json(9.999999999999998e15)).isEqualTo("9999999999999998.0");
        assertThat(FloatText.json(1e16)).isEqualTo("1e+16");
        assertThat(FloatText.json(1.5e15)).isEqualTo("1500000000000000.0");
    }

    @Test
    void printsJsonZerosAndNonFiniteValues() {
        assertThat(FloatText.json(0.0)).isEqualTo("0.0");
        assertThat(FloatText.json(-0.0)).isEqualTo("-0.0");
        assertThat(FloatText.json(Double.NaN)).isEqualTo("null");
        assertThat(FloatText.json(Double.POSITIVE_INFINITY)).isEqualTo("null");
        assertThat(FloatText.json(Double.NEGATIVE_INFINITY)).isEqualTo("null");
    }

    @Test
    void breaksJsonTiesToEvenAsZmijDoes() {
        assertThat(FloatText.json(1125899906842624.25)).isEqualTo("1125899906842624.2");
        assertThat(FloatText.json(1125899906842624.75)).isEqualTo("1125899906842624.8");
    }

    @Test
    void roundsJsonValuesHalfAwayFromZeroBeforePrinting() {
        assertThat(FloatText.jsonRounded(100.0, 2)).isEqualTo("100.0");
        assertThat(FloatText.jsonRounded(99.60573, 3)).isEqualTo("99.606");
        assertThat(FloatText.jsonRounded(99.60573, 0)).isEqualTo("100.0");
        assertThat(FloatText.jsonRounded(-2.5, 0)).isEqualTo("-3.0");
        assertThat(FloatText.jsonRounded(0.125, 2)).isEqualTo("0.13");
        assertThat(FloatText.jsonRounded(-0.001, 2)).isEqualTo("-0.0");
        assertThat(FloatText.jsonRounded(Double.NaN, 2)).isEqualTo("null");
        assertThat(FloatText.jsonRounded(1e300, 17)).isEqualTo("null");
        assertThatThrownBy(() -> FloatText.jsonRounded(1.0, 18)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FloatText.jsonRounded(1.0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 5000)
    void jsonMatchesTheZmijLayoutOfTheShortestDigits(@ForAll("anyDouble") double v) {
        String text = FloatText.json(v);
        if (!Double.isFinite(v)) {
            assertThat(text).isEqualTo("null");
            return;
        }
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).isEqualTo(Double.doubleToRawLongBits(v));
        if (v == 0) {
            return;
        }
        Result r = ShortestDigits.compute(v, TieBreak.EVEN);
        BigDecimal d = BigDecimal.valueOf(r.significand()).scaleByPowerOfTen(r.exponent());
        int e = r.scientificExponent();
        String expected;
        if (e >= -5 && e <= 15) {
            expected = d.toPlainString() + (r.exponent() >= 0 ? ".0" : "");
        } else {
            String digits = Long.toString(r.significand());
            expected = digits.charAt(0)
                    + (digits.length() > 1 ? "." + digits.substring(1) : "")
                    + "e"
                    + (e >= 0 ? "+" : "-")
                    + Math.abs(e);
        }
        assertThat(text).isEqualTo((v < 0 ? "-" : "") + expected);
    }

    // ------------------------------------------------------------------------------------------
    // fixed: Rust {:.n}
    // ------------------------------------------------------------------------------------------

    @Test
    void roundsFixedTheExactBinaryValueHalfToEven() {
        assertThat(FloatText.fixed(99.60573, 2)).isEqualTo("99.61");
        assertThat(FloatText.fixed(100.0, 2)).isEqualTo("100.00");
        assertThat(FloatText.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(FloatText.fixed(1.005, 2)).isEqualTo("1.00");
        assertThat(FloatText.fixed(2.5, 0)).isEqualTo("2");
        assertThat(FloatText.fixed(3.5, 0)).isEqualTo("4");
        assertThat(FloatText.fixed(0.375, 2)).isEqualTo("0.38");
        assertThat(FloatText.fixed(99.6, 0)).isEqualTo("100");
    }

    @Test
    void printsFixedLargeValuesWithExactDigits() {
        assertThat(FloatText.fixed(12345678901234567890.0, 2)).isEqualTo("12345678901234567168.00");
        assertThat(FloatText.fixed(1e21, 0)).isEqualTo("1000000000000000000000");
        assertThat(FloatText.fixed(2251799813685248.5, 17)).isEqualTo("2251799813685248.50000000000000000");
    }

    @Test
    void keepsTheSignOfNegativesThatRoundToZero() {
        assertThat(FloatText.fixed(-0.001, 2)).isEqualTo("-0.00");
        assertThat(FloatText.fixed(-0.0, 2)).isEqualTo("-0.00");
        assertThat(FloatText.fixed(-0.4, 0)).isEqualTo("-0");
        assertThat(FloatText.fixed(0.0, 0)).isEqualTo("0");
        assertThat(FloatText.fixed(-Double.MIN_VALUE, 17)).isEqualTo("-0.00000000000000000");
    }

    @Test
    void printsFixedNonFiniteValuesWithoutDecimals() {
        assertThat(FloatText.fixed(Double.NaN, 3)).isEqualTo("NaN");
        assertThat(FloatText.fixed(Double.POSITIVE_INFINITY, 17)).isEqualTo("inf");
        assertThat(FloatText.fixed(Double.NEGATIVE_INFINITY, 0)).isEqualTo("-inf");
    }

    @Test
    void rejectsPrecisionOutsideZeroToSeventeen() {
        assertThatThrownBy(() -> FloatText.fixed(1.0, 18))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("18");
        assertThatThrownBy(() -> FloatText.fixed(1.0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 3000)
    void fixedMatchesBigDecimalForAnyDoubleAndPrecision(
            @ForAll("anyDouble") double v, @ForAll @IntRange(min = 0, max = 17) int precision) {
        assertThat(FloatText.fixed(v, precision)).isEqualTo(referenceFixed(v, precision));
    }

    @Property(tries = 3000)
    void fixedMatchesBigDecimalForSampleLikeValues(
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double v, @ForAll @IntRange(min = 0, max = 17) int precision) {
        assertThat(FloatText.fixed(v, precision)).isEqualTo(referenceFixed(v, precision));
    }

    @Property(tries = 2000)
    void fixedMatchesBigDecimalOnExactTies(
            @ForAll @LongRange(min = 0, max = 1L << 40) long integral,
            @ForAll @IntRange(min = 1, max = 12) int fractionBits,
            @ForAll @IntRange(min = 0, max = 17) int precision) {
        double v = integral + 1.0 / (1L << fractionBits) * (integral % 2 == 0 ? 1 : 3);
        assertThat(FloatText.fixed(v, precision)).isEqualTo(referenceFixed(v, precision));
        assertThat(FloatText.fixed(-v, precision)).isEqualTo(referenceFixed(-v, precision));
    }

    // ------------------------------------------------------------------------------------------
    // roundHalfAwayFromZero, writeLong
    // ------------------------------------------------------------------------------------------

    @Test
    void roundsHalfAwayFromZeroLikeRustRound() {
        assertThat(FloatText.roundHalfAwayFromZero(2.5)).isEqualTo(3.0);
        assertThat(FloatText.roundHalfAwayFromZero(-2.5)).isEqualTo(-3.0);
        assertThat(FloatText.roundHalfAwayFromZero(0.49999999999999994)).isEqualTo(0.0);
        assertThat(FloatText.roundHalfAwayFromZero(2.4)).isEqualTo(2.0);
        assertThat(Double.doubleToRawLongBits(FloatText.roundHalfAwayFromZero(-0.4)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(FloatText.roundHalfAwayFromZero(4503599627370497.0)).isEqualTo(4503599627370497.0);
        assertThat(FloatText.roundHalfAwayFromZero(Double.NaN)).isNaN();
        assertThat(FloatText.roundHalfAwayFromZero(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void writesLongExtremes() {
        assertThat(writeLong(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(writeLong(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
        assertThat(writeLong(0)).isEqualTo("0");
        assertThat(writeLong(-1)).isEqualTo("-1");
        assertThat(writeLong(1774008000000L)).isEqualTo("1774008000000");
    }

    @Property(tries = 3000)
    void writesLongLikeLongToString(@ForAll long v) {
        assertThat(writeLong(v)).isEqualTo(Long.toString(v));
    }

    @Test
    void writesEveryFourDigitGroupInBothHalvesOfAnEightDigitBlock() {
        byte[] buf = new byte[8];
        for (int x = 0; x < 10_000; x++) {
            int other = (x * 7919) % 10_000;
            for (int v : new int[] {x * 10_000 + other, other * 10_000 + x}) {
                FloatText.writeDigits(v, 8, buf, 0);
                assertThat(new String(buf, StandardCharsets.US_ASCII)).isEqualTo(String.format("%08d", v));
            }
        }
    }

    @Property(tries = 3000)
    void writesZeroPaddedDigitsOfAnyLength(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v, @ForAll @IntRange(min = 0, max = 19) int extra) {
        String plain = Long.toString(v);
        int len = Math.min(19, plain.length() + extra);
        byte[] buf = new byte[21];
        int end = FloatText.writeDigits(v, len, buf, 1);

        assertThat(end).isEqualTo(1 + len);
        assertThat(new String(buf, 1, len, StandardCharsets.US_ASCII))
                .isEqualTo("0".repeat(len - plain.length()) + plain);
    }

    // ------------------------------------------------------------------------------------------
    // rfc3339Millis
    // ------------------------------------------------------------------------------------------

    @Test
    void formatsRfc3339MillisAnchors() {
        assertThat(FloatText.rfc3339Millis(1774008000000L)).isEqualTo("2026-03-20T12:00:00.000Z");
        assertThat(FloatText.rfc3339Millis(1700000000000L)).isEqualTo("2023-11-14T22:13:20.000Z");
        assertThat(FloatText.rfc3339Millis(1777000000000L)).isEqualTo("2026-04-24T03:06:40.000Z");
        assertThat(FloatText.rfc3339Millis(0L)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(FloatText.rfc3339Millis(951782400123L)).isEqualTo("2000-02-29T00:00:00.123Z");
        assertThat(FloatText.rfc3339Millis(253402300799999L)).isEqualTo("9999-12-31T23:59:59.999Z");
    }

    @Test
    void writesTwentyFourBytesAtThePosition() {
        byte[] buf = new byte[30];
        assertThat(FloatText.rfc3339Millis(1774008000001L, buf, 3)).isEqualTo(27);
        assertThat(new String(buf, 3, 24, StandardCharsets.US_ASCII)).isEqualTo("2026-03-20T12:00:00.001Z");
    }

    @Test
    void rejectsInstantsOutsideTheSupportedRange() {
        assertThatThrownBy(() -> FloatText.rfc3339Millis(-1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FloatText.rfc3339Millis(253402300800000L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 5000)
    void formatsRfc3339MillisLikeJavaTime(@ForAll @LongRange(min = 0, max = 253402300799999L) long ms) {
        assertThat(FloatText.rfc3339Millis(ms)).isEqualTo(MILLIS.format(Instant.ofEpochMilli(ms)));
    }

    // ------------------------------------------------------------------------------------------
    // rustDebugString
    // ------------------------------------------------------------------------------------------

    @Test
    void quotesStringsLikeRustDebug() {
        assertThat(FloatText.rustDebugString("2m")).isEqualTo("\"2m\"");
        assertThat(FloatText.rustDebugString("")).isEqualTo("\"\"");
        assertThat(FloatText.rustDebugString("it's")).isEqualTo("\"it's\"");
    }

    @Test
    void escapesLikeRustDebug() {
        // Expected text as printed by Rust 1.95 for the same string with {:?}.
        String input = "a\"b\\c\n\r\t\0\u0001\u007f\u0085\u00ad\u0300x\u0300\u200b\u2028\u00a0\ue000\uffff'é😀\u09be";
        String expected = "\"a\\\"b\\\\c\\n\\r\\t\\0\\u{1}\\u{7f}\\u{85}\\u{ad}\\u{300}x\\u{300}\\u{200b}\\u{2028}"
                + "\\u{a0}\\u{e000}\\u{ffff}'é😀\\u{9be}\"";

        assertThat(FloatText.rustDebugString(input)).isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Double> anyDouble() {
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble);
        Arbitrary<Double> samples = Arbitraries.doubles().between(-1000, 1000);
        Arbitrary<Double> nice = Arbitraries.longs()
                .between(-1_000_000_000L, 1_000_000_000L)
                .flatMap(k -> Arbitraries.integers().between(0, 12).map(j -> k / Math.pow(10, j)));
        Arbitrary<Double> special = Arbitraries.of(
                0.0,
                -0.0,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                Double.MIN_NORMAL,
                1e15,
                1e16,
                1e-5,
                9007199254740992.0);
        return Arbitraries.oneOf(List.of(bits, bits, bits, samples, nice, special));
    }

    /** Rust {:.n} by definition: the exact value rounded half to even, the sign of any negative kept. */
    private static String referenceFixed(double v, int precision) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String digits = new BigDecimal(Math.abs(v))
                .setScale(precision, RoundingMode.HALF_EVEN)
                .toPlainString();
        return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + digits;
    }

    private static String writeLong(long v) {
        byte[] buf = new byte[20];
        int end = FloatText.writeLong(v, buf, 0);
        return new String(buf, 0, end, StandardCharsets.US_ASCII);
    }
}
