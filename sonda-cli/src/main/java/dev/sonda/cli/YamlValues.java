package dev.sonda.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command-line value read as YAML reads a value: {@code 2} a number, {@code true} a boolean, {@code [1, 2]} a list. */
final class YamlValues {
    private YamlValues() {}

    /**
     * Reads {@code text} as one YAML value.
     *
     * @return a {@code Long} or {@code BigInteger}, {@code Double}, {@code Boolean}, {@code String}, {@code
     *     List} or {@code Map}; the text itself when it is not one YAML value
     */
    static Object parse(String text) {
        try {
            Object v = new ObjectMapper(new YAMLFactory()).readValue(text, Object.class);
            return v == null ? text : normalize(v);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
            return out;
        }
        return v;
    }
}
