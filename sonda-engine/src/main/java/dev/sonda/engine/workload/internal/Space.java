package dev.sonda.engine.workload.internal;

import dev.sonda.api.workload.LabelDim;
import dev.sonda.api.workload.LabelProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * Not API. The label space of one metric as tables: each label's values once, and the series
 * kept. A series is a position {@code 0 <= g < size()}; its combination is the product index
 * {@link #productIndex(int)} (the position itself, or a table entry under {@code hash} sampling),
 * and its value of label {@code k} is {@code (p / radix[k]) % sizes[k]}: the first label varies
 * slowest (odometer order, Mockingbird's {@code itertools.product}). Memory: the label values,
 * plus 4 bytes per kept series under {@code hash} sampling only. Immutable, thread-safe.
 */
public final class Space {
    /** The most series one metric may keep in one process. */
    public static final long MAX_SERIES = Integer.MAX_VALUE - 8;

    /** The largest product {@code hash} sampling hashes through. */
    public static final long MAX_HASHED = 200_000_000L;

    final String[] names;
    final String[][] values;
    final int[] sizes;
    final long[] radix;
    final long product;
    final int size;
    final int[] selection;

    private Space(String[] names, String[][] values, long product, int size, int[] selection) {
        this.names = names;
        this.values = values;
        this.sizes = new int[names.length];
        this.radix = new long[names.length];
        long r = 1;
        for (int k = names.length - 1; k >= 0; k--) {
            sizes[k] = values[k].length;
            radix[k] = r;
            r *= Math.max(1, sizes[k]);
        }
        this.product = product;
        this.size = size;
        this.selection = selection;
    }

    /**
     * Expands {@code labels} and applies the cap.
     *
     * @param labels the merged labels, in product order
     * @param cap the most series kept, or null
     * @param sampling which ones the cap keeps
     * @return the space
     * @throws IllegalArgumentException if a label value cannot be formatted, or the space is too
     *     large to keep (more than {@link #MAX_SERIES} series, or over {@link #MAX_HASHED}
     *     combinations to hash)
     */
    public static Space of(List<LabelDim> labels, Long cap, LabelProfile.Sampling sampling) {
        int d = labels.size();
        String[] names = new String[d];
        String[][] values = new String[d][];
        for (int k = 0; k < d; k++) {
            LabelDim dim = labels.get(k);
            names[k] = dim.name();
            long n = dim.size();
            if (n > MAX_SERIES) {
                throw new IllegalArgumentException(
                        "label '" + dim.name() + "' has " + n + " values; at most " + MAX_SERIES + " fit in a space");
            }
            values[k] = new String[(int) n];
            for (int v = 0; v < n; v++) {
                values[k][v] = dim.value(v);
            }
        }
        long product = LabelProfile.productSize(labels);
        long kept = cap == null ? product : Math.min(product, cap);
        if (kept > MAX_SERIES) {
            throw new IllegalArgumentException(
                    "the label space has " + (product == Long.MAX_VALUE ? "more than 2^63" : product)
                            + " series; one process keeps at most " + MAX_SERIES
                            + " per metric: set series_cap, or split the workload with shard");
        }
        int[] selection = null;
        if (cap != null && product > cap && sampling == LabelProfile.Sampling.HASH) {
            if (product > MAX_HASHED) {
                throw new IllegalArgumentException(
                        "sampling: hash reads every one of the " + product + " combinations; at most " + MAX_HASHED
                                + " are allowed: use sampling: first, or fewer values");
            }
            selection = smallestHashes(names, values, product, (int) kept);
        }
        return new Space(names, values, product, (int) kept, selection);
    }

    /**
     * The number of series kept.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * The number of labels.
     *
     * @return the label count
     */
    public int labelCount() {
        return names.length;
    }

    /**
     * The product index of the series at a position.
     *
     * @param position from 0 to {@link #size()} - 1
     * @return the combination's index in the full product
     */
    public long productIndex(int position) {
        return selection == null ? position : selection[position];
    }

    /**
     * The value index of label {@code k} in combination {@code p}.
     *
     * @param p a product index
     * @param k the label
     * @return the value index
     */
    public int valueIndex(long p, int k) {
        return (int) ((p / radix[k]) % sizes[k]);
    }

    /**
     * Whether two spaces hold the same series, in the same positions.
     *
     * @param o the other space
     * @return true when equal
     */
    public boolean sameAs(Space o) {
        return Arrays.equals(names, o.names)
                && Arrays.deepEquals(values, o.values)
                && size == o.size
                && Arrays.equals(selection, o.selection);
    }

    /**
     * The {@code cap} combinations with the smallest MD5 of their key, in ascending hash order,
     * ties in product order (Mockingbird {@code cardinality.py}): the key is {@code name=value}
     * pairs sorted by name (code point order) joined by {@code ,}, in UTF-8; the 16-byte digest is
     * read as an unsigned big-endian 128-bit integer. A max-heap of {@code cap} entries keeps the
     * smallest while every combination is hashed once, so memory stays proportional to the cap.
     */
    private static int[] smallestHashes(String[] names, String[][] values, long product, int cap) {
        int d = names.length;
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        byte[][][] parts = new byte[d][][];
        int longest = 0;
        for (int j = 0; j < d; j++) {
            int k = order[j];
            parts[j] = new byte[values[k].length][];
            int max = 0;
            for (int v = 0; v < values[k].length; v++) {
                parts[j][v] = ((j == 0 ? "" : ",") + names[k] + "=" + values[k][v]).getBytes(StandardCharsets.UTF_8);
                max = Math.max(max, parts[j][v].length);
            }
            longest += max;
        }
        long[] radix = new long[d];
        long r = 1;
        for (int k = d - 1; k >= 0; k--) {
            radix[k] = r;
            r *= values[k].length;
        }
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
        byte[] key = new byte[longest];
        byte[] digest = new byte[16];
        Heap heap = new Heap(cap);
        for (long p = 0; p < product; p++) {
            int len = 0;
            for (int j = 0; j < d; j++) {
                int k = order[j];
                byte[] part = parts[j][(int) ((p / radix[k]) % values[k].length)];
                System.arraycopy(part, 0, key, len, part.length);
                len += part.length;
            }
            md5.update(key, 0, len);
            try {
                md5.digest(digest, 0, 16);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
            heap.offer(bigEndian(digest, 0), bigEndian(digest, 8), (int) p);
        }
        return heap.ascending();
    }

    private static long bigEndian(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    /** A bounded max-heap of (hi, lo, index), compared unsigned then by index. */
    private static final class Heap {
        final long[] hi;
        final long[] lo;
        final int[] idx;
        int n;

        Heap(int cap) {
            hi = new long[cap];
            lo = new long[cap];
            idx = new int[cap];
        }

        int cmp(long h1, long l1, int i1, int j) {
            int c = Long.compareUnsigned(h1, hi[j]);
            if (c == 0) {
                c = Long.compareUnsigned(l1, lo[j]);
            }
            return c != 0 ? c : Integer.compare(i1, idx[j]);
        }

        void offer(long h, long l, int i) {
            if (n < hi.length) {
                int c = n++;
                while (c > 0) {
                    int parent = (c - 1) >>> 1;
                    if (cmp(h, l, i, parent) <= 0) {
                        break;
                    }
                    set(c, parent);
                    c = parent;
                }
                put(c, h, l, i);
                return;
            }
            if (cmp(h, l, i, 0) >= 0) {
                return;
            }
            siftDown(0, h, l, i);
        }

        private void siftDown(int c, long h, long l, int i) {
            while (true) {
                int child = 2 * c + 1;
                if (child >= n) {
                    break;
                }
                if (child + 1 < n && cmp(hi[child + 1], lo[child + 1], idx[child + 1], child) > 0) {
                    child++;
                }
                if (cmp(h, l, i, child) >= 0) {
                    break;
                }
                set(c, child);
                c = child;
            }
            put(c, h, l, i);
        }

        private void set(int to, int from) {
            hi[to] = hi[from];
            lo[to] = lo[from];
            idx[to] = idx[from];
        }

        private void put(int at, long h, long l, int i) {
            hi[at] = h;
            lo[at] = l;
            idx[at] = i;
        }

        /** Empties the heap, largest first, into an ascending array. */
        int[] ascending() {
            int[] out = new int[n];
            while (n > 0) {
                out[n - 1] = idx[0];
                n--;
                if (n > 0) {
                    siftDown(0, hi[n], lo[n], idx[n]);
                }
            }
            return out;
        }
    }
}
