package dev.sonda.engine.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {
    private static final String SMILE = new String(Character.toChars(0x1F600)); // U+1F600, surrogates D83D DE00
    private static final String PRIVATE_USE = "\uE000";

    @Test
    void aSupplementaryPlaneKeySortsAfterUE000ByCodePointUnlikeStringCompareTo() {
        assertThat(SMILE.compareTo(PRIVATE_USE)).as("UTF-16 order differs").isNegative();

        Labels labels = Labels.of(Map.of(SMILE, "smile", PRIVATE_USE, "private", "z", "zed", "\uFFFF", "max"));

        assertThat(keys(labels)).containsExactly("z", PRIVATE_USE, "\uFFFF", SMILE);
        assertThat(Labels.compareCodePoints(PRIVATE_USE, SMILE)).isNegative();
        assertThat(Labels.compareCodePoints(SMILE, "\uFFFF")).isPositive();
    }

    @Test
    void keysAreOrderedByCodePointWithPrefixesFirst() {
        Labels labels = Labels.of(Map.of("ab", "1", "a", "2", "B", "3", "_", "4", "a_b", "5"));

        assertThat(keys(labels)).containsExactly("B", "_", "a", "a_b", "ab");
        assertThat(labels.value(0)).isEqualTo("3");
        assertThat(labels.value(2)).isEqualTo("2");
    }

    @Test
    void emptyMapGivesTheSharedEmptySet() {
        assertThat(Labels.of(Map.of())).isSameAs(Labels.empty());
        assertThat(Labels.empty().size()).isZero();
        assertThat(Labels.empty().isEmpty()).isTrue();
        assertThat(Labels.empty().iterator().hasNext()).isFalse();
        assertThat(Labels.empty()).hasToString("{}");
    }

    @Test
    void withAddsAKeyInOrderAndLeavesTheOriginalUnchanged() {
        Labels base = Labels.of(Map.of("a", "1", "c", "3"));

        Labels added = base.with("b", "2");

        assertThat(keys(added)).containsExactly("a", "b", "c");
        assertThat(keys(base)).containsExactly("a", "c");
        assertThat(base.with("0", "x").key(0)).isEqualTo("0");
        assertThat(base.with("z", "x").key(2)).isEqualTo("z");
        assertThat(Labels.empty().with("k", "v").toMap()).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void withOverridesAnExistingKeyLastWriteWins() {
        Labels base = Labels.of(Map.of("a", "1", "c", "3"));

        Labels replaced = base.with("c", "33");

        assertThat(replaced.get("c")).isEqualTo("33");
        assertThat(replaced.size()).isEqualTo(2);
        assertThat(base.get("c")).isEqualTo("3");
        assertThat(base.with("a", "1")).isSameAs(base);
    }

    @Test
    void getFindsValuesAndReturnsNullForMissingKeys() {
        Labels labels = Labels.of(Map.of("host", "a", "zone", "eu1", SMILE, "s"));

        assertThat(labels.get("zone")).isEqualTo("eu1");
        assertThat(labels.get(SMILE)).isEqualTo("s");
        assertThat(labels.get("nope")).isNull();
    }

    @Test
    void equalSetsHaveEqualHashCodesWhateverTheMapOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("b", "2");
        one.put("a", "1");
        Map<String, String> two = new HashMap<>();
        two.put("a", "1");
        two.put("b", "2");

        assertThat(Labels.of(one)).isEqualTo(Labels.of(two)).hasSameHashCodeAs(Labels.of(two));
        assertThat(Labels.of(one)).isNotEqualTo(Labels.of(Map.of("a", "1", "b", "3")));
        assertThat(Labels.of(one)).isEqualTo(Labels.of(Map.of("a", "1")).with("b", "2"));
    }

    @Test
    void iterationToMapAndToStringFollowTheSortedOrder() {
        Labels labels = Labels.of(Map.of("zone", "eu1", "host", "a"));

        List<String> seen = new ArrayList<>();
        labels.forEach(e -> seen.add(e.getKey() + "=" + e.getValue()));

        assertThat(seen).containsExactly("host=a", "zone=eu1");
        assertThat(labels.toMap().keySet()).containsExactly("host", "zone");
        assertThat(labels).hasToString("{host=a, zone=eu1}");
    }

    @Test
    void nullKeysAndValuesAreRejected() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");

        assertThatThrownBy(() -> Labels.of(nullValue)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Labels.of(nullKey)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Labels.empty().with("k", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keysAreNotValidatedHere() {
        Labels labels = Labels.of(Map.of("not a valid key!", "v", "", "empty"));

        assertThat(keys(labels)).containsExactly("", "not a valid key!");
    }

    private static List<String> keys(Labels labels) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            keys.add(labels.key(i));
        }
        return keys;
    }
}
