package dev.sonda.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitterGeneratorTest {

    @Test
    void matchesTheReferenceRegressionAnchor() {
        assertThat(new JitterGenerator(new ConstantGenerator(100), 5, 42).value(0))
                .isEqualTo(102.70657953697628);
    }

    @Test
    void matchesTheSeedZeroAnchors() {
        JitterGenerator g = new JitterGenerator(new ConstantGenerator(0), 1, 0);
        assertThat(g.value(0)).isEqualTo(-0.4719593460949538);
        assertThat(g.value(1)).isEqualTo(-0.22163354221476916);
        assertThat(g.value(2)).isEqualTo(-0.49625782323755474);
    }

    @Test
    void usesTheDocumentedMagicConstant() {
        assertThat(JitterGenerator.JITTER_MAGIC).isEqualTo(0xA0761D6478BD642FL);
    }

    @Test
    void aZeroHalfRangeReturnsTheInnerValueExactly() {
        JitterGenerator g = new JitterGenerator(new ConstantGenerator(42), 0, 99);
        for (int t = 0; t < 100; t++) {
            assertThat(g.value(t)).isEqualTo(42.0);
        }
    }

    @Test
    void noiseDiffersFromAUniformGeneratorOfTheSameSeed() {
        JitterGenerator jitter = new JitterGenerator(new ConstantGenerator(0), 0.5, 42);
        UniformGenerator uniform = new UniformGenerator(-0.5, 0.5, 42);
        assertThat(jitter.value(0)).isNotEqualTo(uniform.value(0));
    }
}
