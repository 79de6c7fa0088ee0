package dev.sonda.api.internal.spec;

import dev.sonda.api.spi.SpecWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API. A {@link SpecWriter} into a {@link LinkedHashMap} of plain values (durations stay {@link
 * Duration}s; the YAML writer formats them), in the order written.
 */
public final class MapSpecWriter implements SpecWriter {
    private final Map<String, Object> out;
    private final boolean keepSecrets;

    /** Creates a writer into a new map that masks secrets ({@code ***}). */
    public MapSpecWriter() {
        this(new LinkedHashMap<>(), false);
    }

    /**
     * Creates a writer into a new map.
     *
     * @param keepSecrets true to write secrets themselves (saving a plan to run again), false to
     *     write {@code ***} in their place (display)
     */
    public MapSpecWriter(boolean keepSecrets) {
        this(new LinkedHashMap<>(), keepSecrets);
    }

    /**
     * Creates a writer into {@code out} that masks secrets.
     *
     * @param out the map written to
     */
    public MapSpecWriter(Map<String, Object> out) {
        this(out, false);
    }

    private MapSpecWriter(Map<String, Object> out, boolean keepSecrets) {
        this.out = out;
        this.keepSecrets = keepSecrets;
    }

    @Override
    public boolean keepsSecrets() {
        return keepSecrets;
    }

    /**
     * The map written so far.
     *
     * @return the live map
     */
    public Map<String, Object> map() {
        return out;
    }

    @Override
    public SpecWriter put(String key, Object value) {
        if (value != null) {
            check(key, value);
            out.put(key, value);
        }
        return this;
    }

    private static void check(String key, Object v) {
        if (v instanceof String
                || v instanceof Boolean
                || v instanceof Integer
                || v instanceof Long
                || v instanceof BigInteger
                || v instanceof Double
                || v instanceof Duration) {
            return;
        }
        if (v instanceof List<?> l) {
            l.forEach(x -> check(key, x));
            return;
        }
        if (v instanceof Map<?, ?> m) {
            m.values().forEach(x -> check(key, x));
            return;
        }
        throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " at key '" + key
                + "'; use a string, number, " + "boolean, Duration, list or map");
    }

    @Override
    public SpecWriter putUnsigned(String key, long bits) {
        out.put(key, bits >= 0 ? (Object) bits : new BigInteger(Long.toUnsignedString(bits)));
        return this;
    }

    @Override
    public SpecWriter block(String key) {
        Map<String, Object> nested = new LinkedHashMap<>();
        out.put(key, nested);
        return new MapSpecWriter(nested, keepSecrets);
    }
}
