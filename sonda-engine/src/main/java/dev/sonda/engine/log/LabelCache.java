package dev.sonda.engine.log;

import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The encoded form of the most recent label set, keyed by identity: an entry's static labels are
 * one {@link Labels} instance for the whole run, so they are escaped once. Thread-safe: the cache
 * is one immutable pair behind a volatile reference.
 */
final class LabelCache {
    private final BiConsumer<Labels, ByteBuf> writer;
    private volatile Entry last;

    /** One label set and its encoded bytes. */
    private static final class Entry {
        final Labels labels;
        final byte[] bytes;

        Entry(Labels labels, byte[] bytes) {
            this.labels = labels;
            this.bytes = bytes;
        }
    }

    LabelCache(BiConsumer<Labels, ByteBuf> writer) {
        this.writer = writer;
    }

    /** Appends the encoded form of {@code labels}, from the cache when it is the last set seen. */
    void write(Labels labels, ByteBuf out) {
        Entry e = last;
        if (e != null && e.labels == labels) {
            out.put(e.bytes, 0, e.bytes.length);
            return;
        }
        int start = out.length();
        writer.accept(labels, out);
        last = new Entry(labels, Arrays.copyOfRange(out.array(), start, out.length()));
    }
}
