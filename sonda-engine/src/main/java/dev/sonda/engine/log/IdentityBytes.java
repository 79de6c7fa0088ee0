package dev.sonda.engine.log;

import dev.sonda.engine.encode.ByteBuf;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * Not API. Remembers the encoded bytes of recently seen objects by identity (a direct-mapped table
 * of 256 slots), so a log encoder writes a message or a field set it has written before with one
 * copy: the template generator hands out the same message and field objects for the same
 * combination of pool values. Thread-safe: a slot holds an immutable entry and a lost race only
 * costs an encoding.
 *
 * @param <T> the object type
 */
final class IdentityBytes<T> {
    private static final int SLOTS = 256;

    private final BiConsumer<T, ByteBuf> writer;
    private final Entry[] slots = new Entry[SLOTS];

    private static final class Entry {
        final Object key;
        final byte[] bytes;

        Entry(Object key, byte[] bytes) {
            this.key = key;
            this.bytes = bytes;
        }
    }

    IdentityBytes(BiConsumer<T, ByteBuf> writer) {
        this.writer = writer;
    }

    void write(T value, ByteBuf out) {
        int slot = System.identityHashCode(value) & (SLOTS - 1);
        Entry e = slots[slot];
        if (e != null && e.key == value) {
            out.put(e.bytes, 0, e.bytes.length);
            return;
        }
        int start = out.length();
        writer.accept(value, out);
        slots[slot] = new Entry(value, Arrays.copyOfRange(out.array(), start, out.length()));
    }
}
