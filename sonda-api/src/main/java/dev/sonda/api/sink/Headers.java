package dev.sonda.api.sink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Header-map helpers of the sink specs: adding one header, and masking credentials for display. */
final class Headers {
    private Headers() {}

    /** {@code headers} plus {@code name: value}, replacing a header of the same name (any case). */
    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                m.put(k, v);
            }
        });
        m.put(name, value);
        return m;
    }

    /** The headers sorted by name, the values of secret headers ({@link HttpAuth#isSecretHeader}) as {@code ***}. */
    static Map<String, String> masked(Map<String, String> headers) {
        Map<String, String> m = new TreeMap<>();
        headers.forEach((k, v) -> m.put(k, HttpAuth.isSecretHeader(k) ? HttpAuth.MASK : v));
        return m;
    }
}
