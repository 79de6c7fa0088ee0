package dev.sonda.engine.workload.internal;

import dev.sonda.api.Distribution;
import dev.sonda.engine.generator.DistributionSampler;
import java.util.Arrays;

/**
 * Not API. Generates one metric's tick for a range of local positions: reads the published
 * buffer, writes the other. A pure function of the tick's context and each series' product index,
 * so chunks may run on any threads in any order with the same result. Allocates nothing.
 */
final class Kernel {
    private static final Distribution.Normal STANDARD_NORMAL = new Distribution.Normal(0, 1);

    /** What one metric's tick shares across its series; read-only while chunks run. */
    static final class Tick {
        MetricState state;
        long tick;
        double multiplier;
        boolean first;
        int previousActive;
        boolean everySeriesChanged;
        /** Per-series value of the tick (sine, sawtooth, constant, generator) or the Poisson mean. */
        double shared;

        double[] front;
        double[] back;
        /** Rotated labels this tick: space label, previous and current interval, slice size, values. */
        int rotations;

        int[] rotLabel = new int[4];
        long[] rotFrom = new long[4];
        long[] rotTo = new long[4];
        long[] rotSlice = new long[4];
        long[] rotValues = new long[4];

        void clearRotations() {
            rotations = 0;
        }

        void addRotation(int label, long from, long to, long slice, long values) {
            if (rotations == rotLabel.length) {
                int n = rotations * 2;
                rotLabel = Arrays.copyOf(rotLabel, n);
                rotFrom = Arrays.copyOf(rotFrom, n);
                rotTo = Arrays.copyOf(rotTo, n);
                rotSlice = Arrays.copyOf(rotSlice, n);
                rotValues = Arrays.copyOf(rotValues, n);
            }
            rotLabel[rotations] = label;
            rotFrom[rotations] = from;
            rotTo[rotations] = to;
            rotSlice[rotations] = slice;
            rotValues[rotations] = values;
            rotations++;
        }
    }

    private Kernel() {}

    /**
     * The generation of value {@code v} of a label after {@code n} rotation intervals, each
     * rotating the next {@code slice} of its {@code values} values, wrapping round.
     */
    static long generation(long v, long n, long slice, long values) {
        long covered = n * slice;
        return covered > v ? (covered - 1 - v) / values + 1 : 0;
    }

    private static boolean rotated(Tick t, Space space, long p) {
        for (int r = 0; r < t.rotations; r++) {
            long v = space.valueIndex(p, t.rotLabel[r]);
            if (generation(v, t.rotTo[r], t.rotSlice[r], t.rotValues[r])
                    != generation(v, t.rotFrom[r], t.rotSlice[r], t.rotValues[r])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Generates positions {@code from..to-1}.
     *
     * @param t the tick's context
     * @param from the first position
     * @param to past the last position
     * @param scratch a summary's sort buffer (its window's length), or null
     * @param counts adds series created at [0] and series replaced (removed) at [1]
     */
    static void run(Tick t, int from, int to, double[] scratch, long[] counts) {
        MetricState st = t.state;
        CompiledMetric m = st.metric;
        Space space = m.space;
        int stride = m.stride;
        double[] front = t.front;
        double[] back = t.back;
        long created = 0;
        long replaced = 0;
        int live = t.first ? 0 : Math.min(t.previousActive, to);
        if (from < live) {
            System.arraycopy(front, from * stride, back, from * stride, (live - from) * stride);
        }
        for (int s = from; s < to; s++) {
            long p = space.productIndex(st.shardIndex + s * st.shardCount);
            boolean wasLive = s < live;
            boolean changed = wasLive && (t.everySeriesChanged || (t.rotations > 0 && rotated(t, space, p)));
            boolean fresh = !wasLive || changed;
            if (fresh) {
                created++;
                if (changed) {
                    replaced++;
                }
            }
            long seriesKey = Draws.seriesKey(m.key, p);
            long tickKey = Draws.tickKey(seriesKey, t.tick);
            int o = s * stride;
            switch (m.type) {
                case COUNTER -> counter(t, m, back, o, fresh, seriesKey, tickKey);
                case GAUGE -> {
                    back[o] = gauge(t, st, m, s, fresh, tickKey);
                    if (fresh) {
                        back[o + 1] = t.tick;
                    }
                }
                case HISTOGRAM -> histogram(t, m, back, o, fresh, tickKey);
                default -> summary(t, st, m, back, s, o, fresh, tickKey, scratch);
            }
        }
        counts[0] += created;
        counts[1] += replaced;
    }

    private static void counter(
            Tick t, CompiledMetric m, double[] back, int o, boolean fresh, long seriesKey, long tickKey) {
        double total;
        double born;
        if (fresh) {
            total = 0;
            born = t.tick;
        } else {
            total = t.front[o];
            born = t.front[o + 1];
            if (m.resetTicks > 0 && (t.tick + Long.remainderUnsigned(seriesKey, m.resetTicks)) % m.resetTicks == 0) {
                total = 0;
                born = t.tick;
            }
        }
        double inc = m.algorithm == CompiledMetric.POISSON ? Draws.poisson(t.shared, tickKey, 0) : m.p1;
        inc *= t.multiplier;
        back[o] = inc > 0 ? total + inc : total;
        back[o + 1] = born;
    }

    private static double gauge(Tick t, MetricState st, CompiledMetric m, int s, boolean fresh, long tickKey) {
        double v;
        switch (m.algorithm) {
            case CompiledMetric.WALK -> {
                double x = fresh ? m.p1 : st.walk[s];
                x += m.p2 * DistributionSampler.draw(STANDARD_NORMAL, Draws.key(tickKey, 0), 0);
                x = clamp(m, x);
                st.walk[s] = x;
                return x * t.multiplier;
            }
            case CompiledMetric.BERNOULLI -> v = Draws.unit(Draws.key(tickKey, 0)) < m.p1 ? 1.0 : 0.0;
            default -> v = t.shared;
        }
        return clamp(m, v) * t.multiplier;
    }

    private static double clamp(CompiledMetric m, double v) {
        return m.clamped ? Math.min(Math.max(v, m.clampMin), m.clampMax) : v;
    }

    private static double observe(CompiledMetric m, long tickKey, int i) {
        int c = 0;
        if (m.algorithm == CompiledMetric.MIXTURE) {
            double u = Draws.unit(Draws.key(tickKey, 2 * i));
            double[] cum = m.cumulativeWeights;
            while (c < cum.length - 1 && cum[c] <= u) {
                c++;
            }
        }
        double x = DistributionSampler.draw(m.components[c], Draws.key(tickKey, 2 * i + 1), 0);
        return m.logOf[c] ? StrictMath.exp(x) : x;
    }

    private static void histogram(Tick t, CompiledMetric m, double[] back, int o, boolean fresh, long tickKey) {
        if (fresh) {
            Arrays.fill(back, o, o + m.stride, 0.0);
            back[o + m.bornSlot] = t.tick;
        }
        double[] bounds = m.bounds;
        for (int i = 0; i < m.observations; i++) {
            double x = observe(m, tickKey, i) * t.multiplier;
            int b = Arrays.binarySearch(bounds, x);
            if (b < 0) {
                b = -b - 1;
            }
            back[o + b] += 1;
            back[o + m.sumSlot] += x;
            back[o + m.countSlot] += 1;
        }
    }

    private static void summary(
            Tick t,
            MetricState st,
            CompiledMetric m,
            double[] back,
            int s,
            int o,
            boolean fresh,
            long tickKey,
            double[] scratch) {
        if (fresh) {
            back[o + m.sumSlot] = 0;
            back[o + m.countSlot] = 0;
            back[o + m.bornSlot] = t.tick;
        }
        long before = (t.tick - (long) back[o + m.bornSlot]) * m.observations;
        int w = m.window;
        long base = (long) s * w;
        for (int i = 0; i < m.observations; i++) {
            double x = observe(m, tickKey, i) * t.multiplier;
            st.ring[(int) (base + (before + i) % w)] = x;
            back[o + m.sumSlot] += x;
            back[o + m.countSlot] += 1;
        }
        int valid = (int) Math.min(before + m.observations, w);
        System.arraycopy(st.ring, (int) base, scratch, 0, valid);
        Arrays.sort(scratch, 0, valid);
        double[] q = m.quantiles;
        for (int j = 0; j < q.length; j++) {
            int rank = (int) Math.ceil(q[j] * valid);
            back[o + j] = scratch[Math.max(0, Math.min(valid, rank) - 1)];
        }
    }
}
