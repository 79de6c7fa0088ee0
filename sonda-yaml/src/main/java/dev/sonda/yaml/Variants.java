package dev.sonda.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** serde's wording of expected names, and small helpers for enum-like fields. */
final class Variants {
    private Variants() {}

    /** {@code `a`}, {@code `a` or `b`}, or {@code one of `a`, `b`, `c`}, as serde words it. */
    static String oneOf(List<String> names) {
        if (names.isEmpty()) {
            return "nothing";
        }
        if (names.size() == 1) {
            return "`" + names.get(0) + "`";
        }
        if (names.size() == 2) {
            return "`" + names.get(0) + "` or `" + names.get(1) + "`";
        }
        return "one of " + names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    /** An ordered map from YAML spelling to value. */
    @SafeVarargs
    static <E> Map<String, E> of(Map.Entry<String, E>... entries) {
        Map<String, E> m = new LinkedHashMap<>();
        for (Map.Entry<String, E> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    /** Every constant of an enum by its YAML spelling, in declaration order. */
    static <E extends Enum<E>> Map<String, E> byName(Class<E> type, java.util.function.Function<E, String> name) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            m.put(name.apply(e), e);
        }
        return m;
    }
}
