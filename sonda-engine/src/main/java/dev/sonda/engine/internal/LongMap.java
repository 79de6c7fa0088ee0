package dev.sonda.engine.internal;

import java.util.Arrays;

/**
 * Not API. An open-addressing hash map from {@code long} keys to objects, so a lookup on the hot
 * path allocates nothing (no boxing). Linear probing, power-of-two capacity, load factor 0.5. Not
 * thread-safe.
 *
 * @param <V> the value type
 */
final class LongMap<V> {
    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    LongMap() {
        keys = new long[16];
        values = new Object[16];
        mask = 15;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = index(key);
        while (true) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, V value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = index(key);
        while (values[i] != null) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    int size() {
        return size;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                int j = index(oldKeys[i]);
                while (values[j] != null) {
                    j = (j + 1) & mask;
                }
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
                size++;
            }
        }
        Arrays.fill(oldValues, null);
    }
}
