package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RustMathTest {

    @Test
    void roundsHalfAwayFromZeroUnlikeMathRound() {
        assertThat(RustMath.roundHalfAwayFromZero(2.5)).isEqualTo(3.0);
        assertThat(RustMath.roundHalfAwayFromZero(-2.5)).isEqualTo(-3.0);
        assertThat(Math.round(-2.5)).isEqualTo(-2L); // the difference
        assertThat(RustMath.roundHalfAwayFromZero(0.5)).isEqualTo(1.0);
        assertThat(RustMath.roundHalfAwayFromZero(0.49999999999999994)).isEqualTo(0.0);
        assertThat(RustMath.roundHalfAwayFromZero(1.4999)).isEqualTo(1.0);
        assertThat(RustMath.roundHalfAwayFromZero(4503599627370497.0)).isEqualTo(4503599627370497.0);
    }

    @Test
    void roundingKeepsSignsAndSpecialValues() {
        assertThat(Double.doubleToRawLongBits(RustMath.roundHalfAwayFromZero(-0.4)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(RustMath.roundHalfAwayFromZero(Double.NaN)).isNaN();
        assertThat(RustMath.roundHalfAwayFromZero(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(RustMath.roundHalfAwayFromZero(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void remEuclidIsNeverNegative() {
        assertThat(RustMath.remEuclid(-1.0, 3.0)).isEqualTo(2.0);
        assertThat(RustMath.remEuclid(7.5, 2.0)).isEqualTo(1.5);
        assertThat(RustMath.remEuclid(-7.5, 2.0)).isEqualTo(0.5);
        assertThat(RustMath.remEuclid(-7.5, -2.0)).isEqualTo(0.5);
        assertThat(RustMath.remEuclid(6.0, 3.0)).isEqualTo(0.0);
        assertThat(RustMath.remEuclid(1.0, 0.0)).isNaN();
    }

    @Test
    void castsToUnsignedByTruncatingAndSaturating() {
        assertThat(RustMath.toU64Saturating(Double.NaN)).isZero();
        assertThat(RustMath.toU64Saturating(-5.0)).isZero();
        assertThat(RustMath.toU64Saturating(0.9)).isZero();
        assertThat(RustMath.toU64Saturating(3.7)).isEqualTo(3L);
        assertThat(RustMath.toU64Saturating(0x1p63)).isEqualTo(Long.MIN_VALUE);
        assertThat(RustMath.toU64Saturating(0x1p64 - 2048)).isEqualTo(-2048L);
        assertThat(RustMath.toU64Saturating(0x1p64)).isEqualTo(-1L);
        assertThat(RustMath.toU64Saturating(1e30)).isEqualTo(-1L);
        assertThat(RustMath.toU64Saturating(Double.POSITIVE_INFINITY)).isEqualTo(-1L);
    }

    @Test
    void convertsUnsignedToDoubleWithTiesToEven() {
        assertThat(RustMath.u64ToDouble(7L)).isEqualTo(7.0);
        assertThat(RustMath.u64ToDouble(-1L)).isEqualTo(0x1p64);
        assertThat(RustMath.u64ToDouble(Long.MIN_VALUE)).isEqualTo(0x1p63);
        assertThat(RustMath.u64ToDouble(Long.MIN_VALUE | 1L)).isEqualTo(0x1p63);
        assertThat(RustMath.u64ToDouble(Long.MIN_VALUE | 0x600L)).isEqualTo(0x1p63 + 0x800);
    }
}
