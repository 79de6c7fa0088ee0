package dev.sonda.api;

/**
 * The reference's name rules (ASCII only): metric names {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, label
 * keys and entry ids {@code [a-zA-Z_][a-zA-Z0-9_]*}, as in the Prometheus data model.
 */
public final class Names {
    private Names() {}

    /**
     * Whether {@code name} is a valid metric name: {@code [a-zA-Z_:][a-zA-Z0-9_:]*}.
     *
     * @param name the candidate, may be null
     * @return true when valid
     */
    public static boolean isMetricName(String name) {
        return matches(name, true);
    }

    /**
     * Whether {@code key} is a valid label key or entry id: {@code [a-zA-Z_][a-zA-Z0-9_]*}.
     *
     * @param key the candidate, may be null
     * @return true when valid
     */
    public static boolean isLabelKey(String key) {
        return matches(key, false);
    }

    private static boolean matches(String s, boolean colon) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || c == '_'
                    || (colon && c == ':')
                    || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
