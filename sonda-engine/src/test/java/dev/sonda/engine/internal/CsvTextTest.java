package dev.sonda.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTextTest {

    @Test
    void linesSplitOnLineFeedAndStripOneCarriageReturnBeforeIt() {
        assertThat(CsvText.lines("a\r\nb\rc\n\nd")).containsExactly("a", "b\rc", "", "d");
        assertThat(CsvText.lines("a\n")).containsExactly("a");
        assertThat(CsvText.lines("a\r")).containsExactly("a\r");
        assertThat(CsvText.lines("")).isEmpty();
        assertThat(CsvText.lines("\n")).containsExactly("");
    }

    @Test
    void trimStripsUnicodeWhiteSpaceButNotInformationSeparators() {
        assertThat(CsvText.trim("\u3000\u00a0 x \u2028\u0085")).isEqualTo("x");
        assertThat(CsvText.trim("\u001fx\u001c")).isEqualTo("\u001fx\u001c");
        assertThat(CsvText.trim("\u200bx"))
                .as("zero width space is not White_Space")
                .isEqualTo("\u200bx");
    }

    @Test
    void theFloatGrammarIsRusts() {
        for (String ok : new String[] {"1", "+1.5", "-.5", "5.", "1e3", "1E-3", "inf", "-Infinity", "NaN", "nan"}) {
            assertThat(CsvText.isFloat(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {"", ".", "-", " 1", "1 ", "0x10", "1_000", "1d", "1f", "e5", "1e", "infinit"}) {
            assertThat(CsvText.isFloat(bad)).as(bad).isFalse();
        }
        assertThat(CsvText.parseFloat("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(CsvText.parseFloat("1e3")).isEqualTo(1000.0);
        assertThat(CsvText.parseFloat("x")).isNull();
    }

    @Test
    void theQuoteAwareSplitterFollowsTheReference() {
        assertThat(CsvText.splitQuoted("a,\"b,c\",d\"e\"f,\"g\"\"h\",")).containsExactly("a", "b,c", "def", "g\"h", "");
        assertThat(CsvText.splitQuoted("\"unterminated, still one")).containsExactly("unterminated, still one");
        assertThat(CsvText.splitQuoted("")).containsExactly("");
    }

    @Test
    void aHeaderIsALineWithANonNumericFieldAfterTheFirst() {
        assertThat(CsvText.isHeaderLine("timestamp,value")).isTrue();
        assertThat(CsvText.isHeaderLine("abc,1,2")).isFalse();
        assertThat(CsvText.isHeaderLine("1, 2 ,nan")).isFalse();
        assertThat(CsvText.isHeaderLine("x")).isTrue();
        assertThat(CsvText.isHeaderLine("1")).isFalse();
        assertThat(CsvText.isHeaderLine("")).isTrue();
    }
}
