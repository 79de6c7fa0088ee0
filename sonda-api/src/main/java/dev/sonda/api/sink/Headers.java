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

    /**
     * Problems for secrets that read as {@code ***}: the mask a display writes in their place,
     * never a real secret. Output of a dry run or a listing, run again, would otherwise send it.
     */
    static void checkNotMasked(
            Map<String, String> headers, HttpAuth auth, String path, dev.sonda.api.Problems problems) {
        String fix = ", the mask written in place of a secret for display: write the secret itself here, best as a"
                + " ${VAR} reference to the environment";
        if (auth instanceof HttpAuth.Basic b && b.password().equals(HttpAuth.MASK)) {
            problems.add(path + ".basic_auth.password", "basic_auth.password is '***'" + fix);
        }
        if (auth instanceof HttpAuth.Bearer t && t.token().equals(HttpAuth.MASK)) {
            problems.add(path + ".bearer_token", "bearer_token is '***'" + fix);
        }
        new TreeMap<>(headers).forEach((k, v) -> {
            if (HttpAuth.isSecretHeader(k) && v.equals(HttpAuth.MASK)) {
                problems.add(path + ".headers." + k, "headers." + k + " is '***'" + fix);
            }
        });
    }

    /**
     * A problem for a URL whose user information reads {@code ***}: a displayed URL, not the one
     * written.
     */
    static void checkUrlNotMasked(String url, String path, dev.sonda.api.Problems problems) {
        if (url != null && url.contains("://" + HttpAuth.MASK + "@")) {
            problems.add(
                    path,
                    "the user information of '" + url + "' is '***', the mask written in place of credentials for"
                            + " display: write the URL with its credentials, best as ${VAR} references to the"
                            + " environment");
        }
    }

    /**
     * Properties of a plug-in spec with the values of secret-looking keys as {@code ***}, nested
     * maps included, sorted by key.
     */
    static Map<String, Object> maskedProperties(Map<String, Object> properties) {
        Map<String, Object> m = new TreeMap<>();
        properties.forEach((k, v) -> m.put(
                k,
                HttpAuth.isSecretHeader(k) && v != null
                        ? HttpAuth.MASK
                        : v instanceof Map<?, ?> nested ? maskedProperties(stringKeyed(nested)) : v));
        return m;
    }

    private static Map<String, Object> stringKeyed(Map<?, ?> map) {
        Map<String, Object> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }

    /** The headers sorted by name, the values of secret headers ({@link HttpAuth#isSecretHeader}) as {@code ***}. */
    static Map<String, String> masked(Map<String, String> headers) {
        Map<String, String> m = new TreeMap<>();
        headers.forEach((k, v) -> m.put(k, HttpAuth.isSecretHeader(k) ? HttpAuth.MASK : v));
        return m;
    }
}
