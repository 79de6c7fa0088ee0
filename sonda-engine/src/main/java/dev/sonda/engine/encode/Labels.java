package dev.sonda.engine.encode;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An immutable set of labels (key → value), sorted by the Unicode code points of the keys.
 *
 * <p>This is the reference's {@code Labels} ({@code BTreeMap<String, String>}): keys are ordered
 * byte-wise on their UTF-8 form, which equals code-point order. That is <em>not</em> {@link
 * String#compareTo}, which compares UTF-16 units and puts a supplementary character (encoded with
 * surrogates U+D800–U+DFFF) before U+E000–U+FFFF; see {@link #compareCodePoints(String,
 * String)}. Iteration ({@link #key(int)} / {@link #value(int)} for {@code 0 <= i < size()}, or
 * {@link #iterator()}) follows that order, which is the order every encoder writes.
 *
 * <p>Keys are <b>not validated here</b>: the caller (the scenario compiler / runner) checks them
 * against {@code [a-zA-Z_][a-zA-Z0-9_]*} before building a set. Values are any string. Neither may
 * be null.
 *
 * <p>Two parallel arrays inside; instances share them freely since they are never mutated.
 */
public final class Labels implements Iterable<Map.Entry<String, String>> {
    private static final String[] NONE = new String[0];
    private static final Labels EMPTY = new Labels(NONE, NONE);

    /** Orders strings by Unicode code point; see {@link #compareCodePoints(String, String)}. */
    public static final Comparator<String> CODE_POINT_ORDER = Labels::compareCodePoints;

    private final String[] keys;
    private final String[] values;
    private int hash;

    private Labels(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * Returns the empty label set.
     *
     * @return the shared empty set
     */
    public static Labels empty() {
        return EMPTY;
    }

    /**
     * Copies {@code map} into a sorted label set. Keys are not validated (see the class comment).
     *
     * @param map the labels; any iteration order; not retained
     * @return the label set, sorted by key code points
     * @throws NullPointerException if {@code map}, a key or a value is null
     */
    public static Labels of(Map<String, String> map) {
        int n = map.size();
        if (n == 0) {
            return EMPTY;
        }
        String[] ks = new String[n];
        int count = 0;
        for (String k : map.keySet()) {
            ks[count++] = Objects.requireNonNull(k, "label key");
        }
        Arrays.sort(ks, 0, count, CODE_POINT_ORDER);
        String[] vs = new String[count];
        int m = 0;
        for (int j = 0; j < count; j++) {
            String k = ks[j];
            if (m > 0 && ks[m - 1].equals(k)) {
                continue; // only possible for identity-based maps
            }
            String v = map.get(k);
            if (v == null) {
                throw new NullPointerException("value of label " + k);
            }
            ks[m] = k;
            vs[m] = v;
            m++;
        }
        return m == n ? new Labels(ks, vs) : new Labels(Arrays.copyOf(ks, m), Arrays.copyOf(vs, m));
    }

    /**
     * Returns a set with {@code key} mapped to {@code value}, replacing an existing value for that
     * key (last write wins). This set is unchanged. The key is not validated.
     *
     * @param key label key
     * @param value label value
     * @return the new set ({@code this} if the mapping is already present)
     * @throws NullPointerException if {@code key} or {@code value} is null
     */
    public Labels with(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        int at = indexOf(key);
        if (at >= 0) {
            if (values[at].equals(value)) {
                return this;
            }
            String[] vs = values.clone();
            vs[at] = value;
            return new Labels(keys, vs);
        }
        int ins = -at - 1;
        int n = keys.length;
        String[] ks = new String[n + 1];
        String[] vs = new String[n + 1];
        System.arraycopy(keys, 0, ks, 0, ins);
        System.arraycopy(values, 0, vs, 0, ins);
        ks[ins] = key;
        vs[ins] = value;
        System.arraycopy(keys, ins, ks, ins + 1, n - ins);
        System.arraycopy(values, ins, vs, ins + 1, n - ins);
        return new Labels(ks, vs);
    }

    /**
     * Returns the number of labels.
     *
     * @return the number of labels, 0 or more
     */
    public int size() {
        return keys.length;
    }

    /**
     * Returns whether there are no labels.
     *
     * @return true for the empty set
     */
    public boolean isEmpty() {
        return keys.length == 0;
    }

    /**
     * Returns the {@code i}-th key in code-point order.
     *
     * @param i index, {@code 0 <= i < size()}
     * @return the key
     * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
     */
    public String key(int i) {
        return keys[i];
    }

    /**
     * Returns the value of the {@code i}-th key in code-point order.
     *
     * @param i index, {@code 0 <= i < size()}
     * @return the value
     * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
     */
    public String value(int i) {
        return values[i];
    }

    /**
     * Returns the value for {@code key}.
     *
     * @param key label key
     * @return the value, or null when absent
     */
    public String get(String key) {
        int at = indexOf(key);
        return at >= 0 ? values[at] : null;
    }

    /**
     * Returns a copy as an insertion-ordered map whose iteration order is this set's order.
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
     * Iterates the labels in code-point order of the keys.
     *
     * @return an iterator of immutable entries; {@code remove} is unsupported
     */
    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < keys.length;
            }

            @Override
            public Map.Entry<String, String> next() {
                if (next >= keys.length) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
            }
        };
    }

    /**
     * Compares two strings by Unicode code point, the order of Rust's {@code str} and of UTF-8
     * bytes. A string that is a prefix of another sorts first. Unpaired surrogates (impossible in
     * the reference) get a consistent total order.
     *
     * @param a first string
     * @param b second string
     * @return negative, zero or positive as {@code a} sorts before, equal to or after {@code b}
     */
    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE) {
                    // Move surrogates (supplementary code points) above U+E000..U+FFFF.
                    x = fixUp(x);
                    y = fixUp(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static char fixUp(char c) {
        return (char) (c >= 0xE000 ? c - 0x800 : c + 0x2000);
    }

    private int indexOf(String key) {
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareCodePoints(keys[mid], key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /**
     * Two label sets are equal when they hold the same keys with the same values.
     *
     * @param o the other object
     * @return true when {@code o} is an equal {@code Labels}
     */
    @Override
    public boolean equals(Object o) {
        return this == o
                || (o instanceof Labels other
                        && Arrays.equals(keys, other.keys)
                        && Arrays.equals(values, other.values));
    }

    /**
     * Hash of the keys and values, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
            hash = h;
        }
        return h;
    }

    /**
     * Renders the set for diagnostics, such as {@code {host=a, zone=eu1}}.
     *
     * @return the labels in order
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
