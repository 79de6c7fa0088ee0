package dev.sonda.engine.workload.internal;

import dev.sonda.api.MetricType;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SeriesBatch;
import dev.sonda.engine.encode.Labels;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Not API. A {@link SeriesBatch} over one metric of a published tick: labels decoded from the
 * product index on demand, values read from the buffer. {@link #prepared} keeps what a sink's
 * {@code prepare} returned in the metric's state, one array slot per position and part, rebuilt
 * for a position when a new series takes it.
 */
final class BatchView implements SeriesBatch {
    private final MetricView view;
    private final CompiledMetric metric;
    private final MetricState state;
    private final String name;

    BatchView(MetricView view, String prefix, MetricState state) {
        this.view = view;
        this.metric = view.metric;
        this.state = state;
        this.name = prefix.isEmpty() ? view.name : prefix + view.name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MetricType type() {
        return metric.type;
    }

    @Override
    public String help() {
        return metric.help;
    }

    @Override
    public long epochNanos() {
        return view.epochNanos;
    }

    @Override
    public int size() {
        return view.active;
    }

    @Override
    public int labelCount() {
        return metric.plan.length;
    }

    @Override
    public String labelName(int k) {
        return metric.labelNames[k];
    }

    @Override
    public String labelValue(int series, int k) {
        int item = metric.plan[k];
        if (item == CompiledMetric.CYCLE) {
            return view.cycleText;
        }
        if (item < 0) {
            return view.staticValues[-1 - item];
        }
        return view.texts[item][metric.space.valueIndex(view.productIndex(series), item)];
    }

    @Override
    public long startEpochNanos(int series) {
        return view.epochOf(view.values[series * metric.stride + metric.bornSlot]);
    }

    @Override
    public double value(int series) {
        return view.values[series * metric.stride];
    }

    @Override
    public int bucketCount() {
        return metric.bounds.length;
    }

    @Override
    public double bucketBound(int b) {
        return metric.bounds[b];
    }

    @Override
    public long bucket(int series, int b) {
        return (long) view.values[series * metric.stride + b];
    }

    @Override
    public double sum(int series) {
        return view.values[series * metric.stride + metric.sumSlot];
    }

    @Override
    public long count(int series) {
        return (long) view.values[series * metric.stride + metric.countSlot];
    }

    @Override
    public int quantileCount() {
        return metric.quantiles.length;
    }

    @Override
    public double quantile(int q) {
        return metric.quantiles[q];
    }

    @Override
    public double quantileValue(int series, int q) {
        return view.values[series * metric.stride + q];
    }

    @Override
    public int parts() {
        return switch (metric.type) {
            case HISTOGRAM -> metric.bounds.length + 3;
            case SUMMARY -> metric.quantiles.length + 2;
            default -> 1;
        };
    }

    @Override
    public double partValue(int series, int part) {
        int o = series * metric.stride;
        double[] v = view.values;
        switch (metric.type) {
            case HISTOGRAM -> {
                int buckets = metric.bounds.length + 1;
                if (part < buckets) {
                    double cum = 0;
                    for (int b = 0; b <= part; b++) {
                        cum += v[o + b];
                    }
                    return cum;
                }
                return part == buckets ? v[o + metric.sumSlot] : v[o + metric.countSlot];
            }
            case SUMMARY -> {
                int q = metric.quantiles.length;
                return part < q ? v[o + part] : part == q ? v[o + metric.sumSlot] : v[o + metric.countSlot];
            }
            default -> {
                return v[o];
            }
        }
    }

    @Override
    public Object prepared(int series, int part, Function<Series, Object> prepare) {
        int parts = parts();
        MetricState.Cache c = state.cache;
        if (c == null || !c.name.equals(name) || c.parts != parts) {
            c = new MetricState.Cache(name, parts, state.localSize);
            state.cache = c;
        }
        double born = view.values[series * metric.stride + metric.bornSlot];
        int at = series * parts;
        if (c.prepared[at] == null || c.born[series] != born) {
            Labels labels = Labels.of(labels(series));
            for (int j = 0; j < parts; j++) {
                c.prepared[at + j] = prepare.apply(part(labels, j));
            }
            c.born[series] = born;
        }
        return c.prepared[at + part];
    }

    private Map<String, String> labels(int series) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < labelCount(); k++) {
            m.put(labelName(k), labelValue(series, k));
        }
        return m;
    }

    private Series part(Labels labels, int j) {
        switch (metric.type) {
            case HISTOGRAM -> {
                int n = metric.bounds.length;
                if (j <= n) {
                    double bound = j < n ? metric.bounds[j] : Double.POSITIVE_INFINITY;
                    return Series.bucket(
                            name,
                            labels,
                            bound,
                            new String(metric.leText[j], java.nio.charset.StandardCharsets.US_ASCII));
                }
                return j == n + 1
                        ? Series.sum(name, labels, MetricType.HISTOGRAM)
                        : Series.count(name, labels, MetricType.HISTOGRAM);
            }
            case SUMMARY -> {
                int q = metric.quantiles.length;
                if (j < q) {
                    return Series.quantile(name, labels, metric.quantiles[j]);
                }
                return j == q
                        ? Series.sum(name, labels, MetricType.SUMMARY)
                        : Series.count(name, labels, MetricType.SUMMARY);
            }
            default -> {
                return Series.of(name, labels, metric.type);
            }
        }
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(metric.labelNames) + " x" + view.active;
    }
}
