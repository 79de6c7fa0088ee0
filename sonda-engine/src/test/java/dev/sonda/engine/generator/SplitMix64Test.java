package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void mixMatchesTheReferenceAnchors() {
        assertThat(SplitMix64.mix(0)).isEqualTo(Long.parseUnsignedLong("16294208416658607535"));
        assertThat(SplitMix64.mix(1)).isEqualTo(Long.parseUnsignedLong("10451216379200822465"));
        assertThat(SplitMix64.mix(42)).isEqualTo(Long.parseUnsignedLong("13679457532755275413"));
        assertThat(SplitMix64.mix(42)).isEqualTo(0xbdd732262feb6e95L);
    }

    @Test
    void unitMapsZeroToZeroAndTheTopHashesToExactlyOne() {
        assertThat(SplitMix64.unit(0L)).isEqualTo(0.0);
        assertThat(SplitMix64.unit(-1L)).isEqualTo(1.0); // 2^64 - 1
        assertThat(SplitMix64.unit(-1024L)).isEqualTo(1.0); // 2^64 - 1024: tie, rounds to even 2^64
        assertThat(SplitMix64.unit(-1025L)).isLessThan(1.0);
    }

    @Test
    void unitReadsTheHashAsUnsigned() {
        assertThat(SplitMix64.unit(Long.MIN_VALUE)).isEqualTo(0.5);
        assertThat(SplitMix64.unit(1L << 62)).isEqualTo(0.25);
    }

    @Test
    void uniform01KeepsTheTop53BitsOfTheHash() {
        double expected = (double) (0xbdd732262feb6e95L >>> 11) / 9007199254740992.0;
        assertThat(SplitMix64.uniform01(42)).isEqualTo(expected);
        assertThat(SplitMix64.uniform01(42)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
}
