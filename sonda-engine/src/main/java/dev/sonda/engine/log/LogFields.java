package dev.sonda.engine.log;

import dev.sonda.engine.encode.Labels;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code fields} of a log event: an immutable map of field name to value, sorted by the Unicode
 * code points of the names, as the reference's {@code BTreeMap<String, String>} (Sonda 1.20 {@code
 * model/log.rs}). Iterate with {@link #key(int)} / {@link #value(int)} for {@code 0 <= i <
 * size()}; that is the order the encoders write.
 *
 * <p>Names and values are any strings (never null). Fields are never merged with labels. Instances
 * are immutable and thread-safe; the template generator shares one sorted name array between all
 * the events of a template, so building the fields of an event allocates only its value array.
 */
public final class LogFields {
    private static final String[] NONE = new String[0];
    private static final LogFields EMPTY = new LogFields(NONE, NONE);

    private final String[] keys;
    private final String[] values;

    private LogFields(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * The empty field map.
     *
     * @return the shared empty instance
     */
    public static LogFields empty() {
        return EMPTY;
    }

    /**
     * Copies {@code map} into a sorted field map.
     *
     * @param map the fields, any iteration order; not retained
     * @return the fields sorted by name code points
     * @throws NullPointerException if {@code map}, a name or a value is null
     */
    public static LogFields of(Map<String, String> map) {
        int n = map.size();
        if (n == 0) {
            return EMPTY;
        }
        String[] ks = map.keySet().toArray(new String[0]);
        for (String k : ks) {
            Objects.requireNonNull(k, "field name");
        }
        Arrays.sort(ks, Labels.CODE_POINT_ORDER);
        String[] vs = new String[ks.length];
        for (int i = 0; i < ks.length; i++) {
            vs[i] = Objects.requireNonNull(map.get(ks[i]), () -> "value of field");
        }
        return new LogFields(ks, vs);
    }

    /**
     * Wraps arrays the caller guarantees sorted by code point, distinct and non-null, without
     * copying; neither array may be changed afterwards.
     */
    static LogFields ofSorted(String[] sortedKeys, String[] values) {
        return sortedKeys.length == 0 ? EMPTY : new LogFields(sortedKeys, values);
    }

    /**
     * The number of fields.
     *
     * @return 0 or more
     */
    public int size() {
        return keys.length;
    }

    /**
     * Whether there are no fields.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return keys.length == 0;
    }

    /**
     * The {@code i}-th name in code-point order.
     *
     * @param i index, {@code 0 <= i < size()}
     * @return the name
     * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
     */
    public String key(int i) {
        return keys[i];
    }

    /**
     * The value of the {@code i}-th name in code-point order.
     *
     * @param i index, {@code 0 <= i < size()}
     * @return the value
     * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
     */
    public String value(int i) {
        return values[i];
    }

    /**
     * The value of a field.
     *
     * @param key the field name
     * @return the value, or null when absent
     */
    public String get(String key) {
        int at = Arrays.binarySearch(keys, key, Labels.CODE_POINT_ORDER);
        return at >= 0 ? values[at] : null;
    }

    /**
     * A copy whose iteration order is this map's order.
     *
     * @return a new, modifiable {@link LinkedHashMap}
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }

    /**
     * Equal when both hold the same names with the same values.
     *
     * @param o the other object
     * @return true for an equal {@code LogFields}
     */
    @Override
    public boolean equals(Object o) {
        return this == o
                || (o instanceof LogFields other
                        && Arrays.equals(keys, other.keys)
                        && Arrays.equals(values, other.values));
    }

    /**
     * Hash of names and values, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    /**
     * Renders the fields for diagnostics, such as {@code {endpoint=/api, ip=10.0.0.1}}.
     *
     * @return the fields in order
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(keys[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}
