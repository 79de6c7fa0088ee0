package dev.sonda.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The limits' documented defaults, copies and ranges (docs/security.md, "Hostile input"). */
class LoadLimitsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(LoadLimits.defaults())
                .isEqualTo(new LoadLimits(
                        4 * 1024 * 1024, 64, 1000, 100_000, 1_000_000, 32 * 1024 * 1024, 64 * 1024, 1000, 10_000));
    }

    @Test
    void eachCopyChangesOnlyItsLimit() {
        LoadLimits d = LoadLimits.defaults();

        assertThat(d.withMaxDocumentBytes(1))
                .isEqualTo(new LoadLimits(
                        1,
                        d.maxDepth(),
                        d.maxAliases(),
                        d.maxAliasedNodes(),
                        d.maxNodes(),
                        d.maxExpandedChars(),
                        d.maxScalarLength(),
                        d.maxNumberLength(),
                        d.maxEntries()));
        assertThat(d.withMaxDepth(2).maxDepth()).isEqualTo(2);
        assertThat(d.withMaxAliases(3).maxAliases()).isEqualTo(3);
        assertThat(d.withMaxAliasedNodes(4).maxAliasedNodes()).isEqualTo(4);
        assertThat(d.withMaxNodes(5).maxNodes()).isEqualTo(5);
        assertThat(d.withMaxExpandedChars(6).maxExpandedChars()).isEqualTo(6);
        assertThat(d.withMaxScalarLength(7).maxScalarLength()).isEqualTo(7);
        assertThat(d.withMaxNumberLength(8).maxNumberLength()).isEqualTo(8);
        assertThat(d.withMaxEntries(9).maxEntries()).isEqualTo(9);
        assertThat(d.withMaxEntries(9).withMaxEntries(d.maxEntries())).isEqualTo(d);
    }

    @Test
    void aLimitOutOfItsRangeIsRefusedByName() {
        LoadLimits d = LoadLimits.defaults();

        assertThatThrownBy(() -> d.withMaxDocumentBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LoadLimits.maxDocumentBytes must be between 1 and 1073741824, got 0");
        assertThatThrownBy(() -> d.withMaxDepth(1001))
                .hasMessage("LoadLimits.maxDepth must be between 1 and 1000, got 1001");
        assertThatThrownBy(() -> d.withMaxAliases(-1)).hasMessage("LoadLimits.maxAliases must be at least 0, got -1");
        assertThatThrownBy(() -> d.withMaxEntries(0)).hasMessage("LoadLimits.maxEntries must be at least 1, got 0");
        assertThat(d.withMaxAliases(0).maxAliases()).isZero();
    }

    @Test
    void noAliasesAtAllCanBeRequired() {
        ScenarioParseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                ScenarioParseException.class,
                () -> ScenarioLoader.load(
                        "a: &a 1\nb: *a\n",
                        "t.yaml",
                        name -> null,
                        LoadLimits.defaults().withMaxAliases(0)));

        assertThat(e.located()).singleElement().satisfies(p -> {
            assertThat(p.problem().message())
                    .startsWith("alias *a is alias number 1 of the document, which exceeds"
                            + " the limit of 0 aliases (LoadLimits.maxAliases)");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(4);
        });
    }
}
