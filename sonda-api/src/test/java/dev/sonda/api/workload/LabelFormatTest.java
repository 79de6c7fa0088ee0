package dev.sonda.api.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.Problems;
import org.junit.jupiter.api.Test;

class LabelFormatTest {

    @Test
    void printfStyleFormatsAsPythonsPercentOperator() {
        // Expected texts: Python 3.11, "fmt" % value
        assertThat(LabelFormat.format("i-%02d", 1)).isEqualTo("i-01");
        assertThat(LabelFormat.format("i-%02d", 100)).isEqualTo("i-100");
        assertThat(LabelFormat.format("user_%05d", 17271)).isEqualTo("user_17271");
        assertThat(LabelFormat.format("%x", 255)).isEqualTo("ff");
        assertThat(LabelFormat.format("%X-%%", 255)).isEqualTo("FF-%");
        assertThat(LabelFormat.format("%-4d|", 7)).isEqualTo("7   |");
        assertThat(LabelFormat.format("%5d", -42)).isEqualTo("  -42");
        assertThat(LabelFormat.format("%05d", -42)).isEqualTo("-0042");
        assertThat(LabelFormat.format("n%s", 3)).isEqualTo("n3");
    }

    @Test
    void braceStyleFormatsAsPythonsStrFormat() {
        // Expected texts: Python 3.11, "fmt".format(value)
        assertThat(LabelFormat.format("user_{}", 9)).isEqualTo("user_9");
        assertThat(LabelFormat.format("{:03d}", 7)).isEqualTo("007");
        assertThat(LabelFormat.format("{0:x}", 255)).isEqualTo("ff");
        assertThat(LabelFormat.format("{{{}}}", 1)).isEqualTo("{1}");
        assertThat(LabelFormat.format(null, 12)).isEqualTo("12");
    }

    @Test
    void aFormatWithoutPlaceholderIsAProblemBecauseEveryValueWouldRepeat() {
        Problems p = new Problems();
        new LabelRange(1, 3, "same").validate("profiles.p.labels.a", p);
        assertThat(p.list()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("profiles.p.labels.a.fmt");
            assertThat(problem.message()).contains("no placeholder");
        });
    }

    @Test
    void anUnknownConversionSaysWhichOnesExist() {
        assertThatThrownBy(() -> LabelFormat.format("%q", 1)).hasMessageContaining("use d, x, X, o or s");
    }

    @Test
    void rangesIncludeBothEnds() {
        LabelDim d = LabelDim.range("instance", 1, 100, "i-%02d");
        assertThat(d.size()).isEqualTo(100);
        assertThat(d.value(99)).isEqualTo("i-100");
    }
}
