package dev.sonda.engine.workload.internal;

import java.nio.charset.StandardCharsets;

/**
 * Not API. One metric of one published tick: everything a reader needs, fixed when the tick was
 * published. The value buffer is not copied; the engine never writes it while a reader holds the
 * tick ({@link WorkloadEngine#acquire()}).
 */
final class MetricView {
    final CompiledMetric metric;
    final String name;
    final int active;
    final double[] values;
    final String[][] texts;
    final byte[][][] escaped;
    final String cycleText;
    final byte[] cycleEscaped;
    final long tick;
    final long epochNanos;
    final double rate;
    final int shardIndex;
    final int shardCount;
    final String[] staticValues;
    final byte[][] staticText;

    MetricView(MetricState state, String name, int side, long cycle, long tick, long epochNanos, CompiledWorkload w) {
        this.metric = state.metric;
        this.name = name;
        this.active = state.active;
        this.values = state.buffers[side];
        this.texts = state.texts;
        this.escaped = state.escaped;
        this.cycleText = cycle < 0 ? null : Long.toString(cycle);
        this.cycleEscaped = cycleText == null ? null : cycleText.getBytes(StandardCharsets.US_ASCII);
        this.tick = tick;
        this.epochNanos = epochNanos;
        this.rate = w.rate;
        this.shardIndex = state.shardIndex;
        this.shardCount = state.shardCount;
        this.staticValues = w.staticValues;
        this.staticText = w.staticText;
    }

    /** The product index of the series at local position {@code s}. */
    long productIndex(int s) {
        return metric.space.productIndex(shardIndex + s * shardCount);
    }

    /** The epoch nanoseconds of {@code bornTick}, from this tick's time and the rate. */
    long epochOf(double bornTick) {
        return epochNanos - Math.round((tick - bornTick) * 1e9 / rate);
    }
}
