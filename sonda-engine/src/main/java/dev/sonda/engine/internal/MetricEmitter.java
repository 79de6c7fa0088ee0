package dev.sonda.engine.internal;

import dev.sonda.api.DelayClause;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.generator.ValueGenerator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Not API. Gauge and counter samples: the generator's value of the tick for the tick's label set
 * ({@link LabelSpace}), published to {@code while:} downstreams, then delivered. A gated entry
 * remembers the series it emitted since its gate last closed, so the close can write each one
 * {@code delay.close.snap_to}, or a stale marker to sinks whose receivers understand them (remote
 * write), stamped 1 ms after the last sample (Sonda 1.20 close-emit).
 */
final class MetricEmitter extends Emitter {
    private final ValueGenerator generator;
    private final LabelSpace labels;
    private final Double closeValue;
    private final boolean snap;
    private GateSource source;
    private Out fixed;
    private LongMap<Out> byKey;
    private Map<String, Out> bySlowKey;
    private Set<Out> sinceClose;
    private long lastTs = Long.MIN_VALUE;

    MetricEmitter(CompiledEntry entry, RunContext run, boolean gated) {
        super(entry, run);
        this.generator = entry.runtime().generator();
        this.labels = new LabelSpace(Labels.of(entry.labels()), entry.dynamicLabels(), entry.cardinalitySpikes());
        DelayClause d = entry.delay();
        Double snapTo = d == null ? null : d.snapTo();
        boolean stale = d == null || d.staleMarker() == null || d.staleMarker();
        this.snap = snapTo != null;
        this.closeValue = !gated
                ? null
                : snapTo != null
                        ? snapTo
                        : stale && entry.runtime().sinkProvider().writesStaleMarkers() ? (Double) STALE_NAN : null;
    }

    /** The bus this entry publishes its values on, for {@code while:} downstreams. */
    void publishTo(GateSource source) {
        this.source = source;
    }

    @Override
    void start(Outlet out) {
        super.start(out);
        if (labels.varies()) {
            if (labels.exact()) {
                byKey = new LongMap<>();
            } else {
                bySlowKey = new HashMap<>();
            }
        } else {
            fixed = prepare(Series.of(entry.name(), labels.base(), entry.metricType()));
        }
        if (closeValue != null) {
            sinceClose = new LinkedHashSet<>();
        }
    }

    @Override
    boolean emit(long tick, long t, long abs, long epochNanos) {
        double value = generator.value(tick);
        if (source != null) {
            source.publish(value, abs);
        }
        Out s = fixed != null ? fixed : series(tick, t);
        if (!deliver(s, epochNanos, value)) {
            return false;
        }
        if (sinceClose != null) {
            sinceClose.add(s);
            lastTs = epochNanos;
        }
        return true;
    }

    private Out series(long tick, long t) {
        if (byKey != null) {
            long key = labels.key(tick, t);
            Out s = byKey.get(key);
            if (s == null) {
                s = prepare(Series.of(entry.name(), labels.labels(tick, t), entry.metricType()));
                byKey.put(key, s);
            }
            return s;
        }
        return bySlowKey.computeIfAbsent(
                labels.slowKey(tick, t),
                k -> prepare(Series.of(entry.name(), labels.labels(tick, t), entry.metricType())));
    }

    @Override
    void closeEmit() {
        if (closeValue == null || sinceClose == null || sinceClose.isEmpty() || out == null || !out.isOpen()) {
            return;
        }
        long ts = lastTs + 1_000_000L;
        for (Out s : sinceClose) {
            if (!deliver(s, ts, closeValue)) {
                break;
            }
        }
        sinceClose.clear();
        out.flush();
    }

    @Override
    boolean holds() {
        return snap && lastTs != Long.MIN_VALUE;
    }
}
