package dev.sonda.engine.workload.internal;

import java.nio.charset.StandardCharsets;

/**
 * Not API. The running state of one metric in this process: two value buffers (the published
 * tick and the one being written), the random walk's positions or the summary's windows, and the
 * current label texts. Written only by the workload's tick; a buffer being read by a scrape is
 * never written (see {@link WorkloadEngine}).
 */
final class MetricState {
    CompiledMetric metric;
    final int localSize;
    final int shardIndex;
    final int shardCount;
    final double[][] buffers = new double[2][];
    double[] walk;
    double[] ring;
    int active;
    boolean started;
    /** Current label texts per space label (rotated labels carry their generation). */
    String[][] texts;
    /** The same, escaped for the exposition, in UTF-8. */
    byte[][][] escaped;
    /** The rotation interval index each label's texts were built for. */
    long[] textInterval;
    /** What a sink without a batch method prepared, per position and part; null until one asks. */
    Cache cache;

    /** A sink's prepared series, kept across ticks. */
    static final class Cache {
        final String name;
        final int parts;
        final Object[] prepared;
        final double[] born;

        Cache(String name, int parts, int positions) {
            this.name = name;
            this.parts = parts;
            this.prepared = new Object[positions * parts];
            this.born = new double[positions];
        }
    }

    MetricState(CompiledMetric metric, int shardIndex, int shardCount) {
        this.metric = metric;
        this.shardIndex = shardIndex;
        this.shardCount = shardCount;
        this.localSize = (int) share(metric.space.size, shardIndex, shardCount);
        Space space = metric.space;
        int d = space.names.length;
        texts = new String[d][];
        escaped = new byte[d][][];
        textInterval = new long[d];
        for (int k = 0; k < d; k++) {
            texts[k] = space.values[k];
            escaped[k] = escape(space.values[k]);
        }
    }

    /** Allocates the buffers on first use: the whole local space, so a growing count never reallocates. */
    void allocate() {
        if (buffers[0] == null) {
            long n = (long) localSize * metric.stride;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("metric '" + metric.name + "' needs " + n
                        + " values per buffer, more than one array holds: shard the workload");
            }
            buffers[0] = new double[(int) n];
            buffers[1] = new double[(int) n];
            if (metric.algorithm == CompiledMetric.WALK) {
                walk = new double[localSize];
            }
            if (metric.window > 0) {
                ring = new double[(int) Math.min(Integer.MAX_VALUE - 8, (long) localSize * metric.window)];
            }
        }
    }

    /** Live series count of this shard when the first {@code global} series of the space are live. */
    int localActive(long global) {
        return (int) Math.min(localSize, share(global, shardIndex, shardCount));
    }

    /** How many of the positions {@code 0..global-1} are {@code index} modulo {@code count}. */
    static long share(long global, int index, int count) {
        return global > index ? (global - index - 1) / count + 1 : 0;
    }

    static byte[][] escape(String[] values) {
        byte[][] out = new byte[values.length][];
        for (int v = 0; v < values.length; v++) {
            out[v] = Exposition.escapeLabel(values[v]).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
