package dev.sonda.yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for enum-like fields: the accepted YAML words and what each stands for. */
final class Variants {
    private Variants() {}

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
