package dev.sonda.engine.internal;

import dev.sonda.api.MetricType;
import dev.sonda.api.Signal;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.generator.DistributionSampler;
import java.util.Arrays;

/**
 * Not API. Histogram and summary samples (Sonda 1.20 {@code generator/histogram.rs}, {@code
 * summary.rs}): each tick draws its observations, then writes every part of the family with the
 * tick's timestamp — a histogram's cumulative buckets (integral bounds written without {@code .0}),
 * {@code +Inf}, {@code _sum} and {@code _count}; a summary's quantiles of this tick's observations
 * (nearest rank), {@code _sum} and {@code _count} over all ticks. The event counts when every part
 * was delivered; the first failed part ends the tick.
 */
final class DistributionEmitter extends Emitter {
    private final boolean histogram;
    private final DistributionSampler sampler;
    private final double[] bounds;
    private final double[] quantiles;
    private final long[] bucketCounts;
    private double[] sorted;
    private Out[] parts;
    private long count;
    private double sum;

    DistributionEmitter(CompiledEntry entry, RunContext run) {
        super(entry, run);
        if (entry.signal() instanceof Signal.Histogram h) {
            histogram = true;
            sampler = new DistributionSampler(
                    h.distribution(), h.observationsPerTick(), h.meanShiftPerSec(), seed(h.seed()), entry.rate());
            bounds = h.buckets().stream().mapToDouble(Double::doubleValue).toArray();
            bucketCounts = new long[bounds.length];
            quantiles = null;
        } else {
            Signal.Summary s = (Signal.Summary) entry.signal();
            histogram = false;
            sampler = new DistributionSampler(
                    s.distribution(), s.observationsPerTick(), s.meanShiftPerSec(), seed(s.seed()), entry.rate());
            quantiles = s.quantiles().stream().mapToDouble(Double::doubleValue).toArray();
            bounds = null;
            bucketCounts = null;
        }
    }

    @Override
    void start(Outlet out) {
        super.start(out);
        Labels base = Labels.of(entry.labels());
        String name = entry.name();
        if (histogram) {
            parts = new Out[bounds.length + 3];
            for (int j = 0; j < bounds.length; j++) {
                parts[j] = prepare(Series.bucket(name, base, bounds[j], le(bounds[j])));
            }
            parts[bounds.length] = prepare(Series.bucket(name, base, Double.POSITIVE_INFINITY, "+Inf"));
            parts[bounds.length + 1] = prepare(Series.sum(name, base, MetricType.HISTOGRAM));
            parts[bounds.length + 2] = prepare(Series.count(name, base, MetricType.HISTOGRAM));
        } else {
            parts = new Out[quantiles.length + 2];
            for (int j = 0; j < quantiles.length; j++) {
                parts[j] = prepare(Series.quantile(name, base, quantiles[j]));
            }
            parts[quantiles.length] = prepare(Series.sum(name, base, MetricType.SUMMARY));
            parts[quantiles.length + 1] = prepare(Series.count(name, base, MetricType.SUMMARY));
        }
    }

    /** {@code le} text: integral bounds without {@code .0} (saturating at i64), else Rust's {@code {}}. */
    private static String le(double b) {
        if (Double.isFinite(b) && b == Math.rint(b)) {
            return Long.toString((long) b);
        }
        return FloatText.display(b);
    }

    @Override
    boolean emit(long tick, long t, long abs, long epochNanos) {
        double[] obs = sampler.observe(tick);
        for (double v : obs) {
            count++;
            sum += v;
            if (histogram) {
                for (int j = 0; j < bounds.length; j++) {
                    if (v <= bounds[j]) {
                        bucketCounts[j]++;
                    }
                }
            }
        }
        return histogram ? emitHistogram(epochNanos) : emitSummary(obs, epochNanos);
    }

    private boolean emitHistogram(long ts) {
        int n = bounds.length;
        for (int j = 0; j < n; j++) {
            if (!deliver(parts[j], ts, (double) bucketCounts[j])) {
                return false;
            }
        }
        return deliver(parts[n], ts, (double) count)
                && deliver(parts[n + 1], ts, sum)
                && deliver(parts[n + 2], ts, (double) count);
    }

    private boolean emitSummary(double[] obs, long ts) {
        if (sorted == null || sorted.length != obs.length) {
            sorted = new double[obs.length];
        }
        System.arraycopy(obs, 0, sorted, 0, obs.length);
        Arrays.sort(sorted);
        int n = sorted.length;
        for (int j = 0; j < quantiles.length; j++) {
            long rank = (long) Math.ceil(quantiles[j] * n);
            int index = (int) Math.min(Math.max(rank - 1, 0), n - 1);
            if (!deliver(parts[j], ts, sorted[index])) {
                return false;
            }
        }
        int q = quantiles.length;
        return deliver(parts[q], ts, sum) && deliver(parts[q + 1], ts, (double) count);
    }

    /** The compiler states every seed when the run has a default seed; an unstated one is 0. */
    private static long seed(Long stated) {
        return stated == null ? 0L : stated;
    }
}
