package dev.sonda.engine.internal;

import dev.sonda.api.Bursts;
import dev.sonda.api.CardinalitySpike;
import dev.sonda.api.DynamicLabel;
import dev.sonda.api.Gaps;
import dev.sonda.api.MetricType;
import dev.sonda.api.OnSinkError;
import dev.sonda.api.Signal;
import dev.sonda.api.internal.num.FloatText;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.EntryState;
import dev.sonda.engine.EntryStats;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.Encoders;
import dev.sonda.engine.encode.Labels;
import dev.sonda.engine.encode.MetricEncoder;
import dev.sonda.engine.generator.DistributionSampler;
import dev.sonda.engine.generator.Generators;
import dev.sonda.engine.generator.SplitMix64;
import dev.sonda.engine.generator.ValueGenerator;
import dev.sonda.engine.log.LogEncoder;
import dev.sonda.engine.log.LogEncoders;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.log.LogGenerator;
import dev.sonda.engine.log.LogGenerators;
import dev.sonda.engine.log.TemplateLogGenerator;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API. Runs one metrics entry: its schedule (gaps, bursts, duration), value generation,
 * encoding and delivery, and its counters. Called by one thread at a time.
 *
 * <p>The schedule is the one of the conformance contract: the entry keeps its own elapsed time
 * {@code t} and tick {@code i}; a gap (tail of each cycle) jumps {@code t} to the gap's end and
 * sets {@code i = floor(t·rate)}; a burst (head of each cycle) divides the interval by the
 * multiplier; events at {@code t < duration} are emitted, each stamped with its scheduled time
 * {@code anchor + t}. Time is kept in whole nanoseconds, anchored at the last rate change, so long
 * runs do not drift.
 */
public final class EntryRunner {
    private static final long NANOS = 1_000_000_000L;
    private static final int PUBLISH_EVERY = 1 << 16;

    /**
     * How template log generators index their pools: the reference's native binaries use all 64
     * bits of the hash ({@code usize} is 64-bit); its wasm32 build (the docs playground, which also
     * produced the conformance vectors) uses the low 32. {@code SONDA_USIZE_BITS=32} selects the
     * latter.
     */
    private static final TemplateLogGenerator.Indexing TEMPLATE_INDEXING =
            "32".equals(System.getenv("SONDA_USIZE_BITS"))
                    ? TemplateLogGenerator.Indexing.WASM32
                    : TemplateLogGenerator.Indexing.NATIVE;

    private final CompiledEntry entry;
    private final RunContext run;
    private final long startNanos;
    private final long durationNanos;
    private final double rate;
    private final long gapEvery;
    private final long gapFor;
    private final long burstEvery;
    private final long burstFor;
    private final double burstRate;
    private final List<DynamicLabel> dynamicLabels;
    private final List<CardinalitySpike> spikes;
    private final ByteBuf buf = new ByteBuf(512);

    private ValueGenerator generator;
    private DistributionSampler sampler;
    private LogGenerator logGenerator;
    private LogEncoder logEncoder;
    private Out[] seriesOut;
    private long[] bucketCounts;
    private double[] bounds;
    private double[] quantiles;
    private double[] sortBuf;
    private long obsCount;
    private double obsSum;
    private MetricEncoder encoder;
    private Out staticSeries;
    private Labels staticLabels;
    private Map<String, Out> seriesCache;
    private Sink sink;
    private long anchorEpochNanos;
    private boolean started;
    private boolean finished;

    private long t;
    private long segStart;
    private long segCount;
    private double segRate;
    private long tick;

    private long events;
    private long bytes;
    private long errors;
    private String lastError;
    private boolean inGap;
    private boolean inBurst;
    private long rateWindowStart;
    private long rateWindowEvents;
    private double currentRate;
    private long lastWarnNanos = Long.MIN_VALUE;
    private long errorsSinceWarn;

    private volatile EntryStats published;

    private Gate gate;
    private GateSource source;
    private int rank;
    private boolean paused;
    private boolean pending = true;
    private long pausedSince;
    private Double snapTo;
    private java.util.Set<Out> sinceClose;
    private long lastTs = Long.MIN_VALUE;

    /**
     * Prepares a runner; nothing is opened until the entry starts.
     *
     * @param entry the compiled entry
     * @param run the run's shared context
     * @param runStartNanos the clock's monotonic time at the run's start
     */
    public EntryRunner(CompiledEntry entry, RunContext run, long runStartNanos) {
        this.entry = entry;
        this.run = run;
        this.startNanos = runStartNanos + entry.phaseOffset().toNanos();
        this.durationNanos =
                entry.duration() == null ? Long.MAX_VALUE : entry.duration().toNanos();
        this.rate = entry.rate();
        Gaps gaps = entry.gaps();
        this.gapEvery = gaps == null ? 0 : gaps.every().toNanos();
        this.gapFor = gaps == null ? 0 : gaps.forDuration().toNanos();
        Bursts bursts = entry.bursts();
        this.burstEvery = bursts == null ? 0 : bursts.every().toNanos();
        this.burstFor = bursts == null ? 0 : bursts.forDuration().toNanos();
        this.burstRate = bursts == null ? rate : rate * bursts.multiplier();
        this.dynamicLabels = entry.dynamicLabels();
        this.spikes = entry.cardinalitySpikes();
        this.segRate = rate;
        publish(EntryState.PENDING);
    }

    /**
     * The compiled entry.
     *
     * @return the entry
     */
    public CompiledEntry entry() {
        return entry;
    }

    /**
     * Monotonic clock time of the next emission (or of the start, before it), or {@link
     * Long#MAX_VALUE} when finished.
     *
     * @return the next due time
     */
    public long nextDue() {
        if (finished) {
            return Long.MAX_VALUE;
        }
        long end = endNanos();
        return Math.min(paused ? resumeAt() : startNanos + t, end);
    }

    /**
     * When the entry ends at the latest: the end of its duration, or earlier when its {@code while:}
     * upstream ended; {@link Long#MAX_VALUE} when neither is set.
     */
    private long endNanos() {
        long end = durationNanos == Long.MAX_VALUE ? Long.MAX_VALUE : startNanos + durationNanos;
        return gate == null ? end : Math.min(end, gate.goneAt());
    }

    /**
     * Whether the entry is done.
     *
     * @return true when finished
     */
    public boolean finished() {
        return finished;
    }

    /**
     * The latest published counters.
     *
     * @return the snapshot
     */
    public EntryStats stats() {
        return published;
    }

    /**
     * Emits every event due at or before {@code deadline} (monotonic clock time), then returns.
     * Opens the sink on the first call. On completion (duration reached or a failure under {@code
     * fail}) the sink is flushed and closed.
     *
     * @param deadline the latest due time to emit
     */
    public void runUntil(long deadline) {
        if (finished) {
            return;
        }
        if (!started && !start()) {
            return;
        }
        RunContext run = this.run;
        long limit = deadline - startNanos;
        int sincePublish = 0;
        try {
            while (true) {
                if (t >= durationNanos) {
                    if (durationNanos > limit && !run.stopRequested()) {
                        break; // finishes when the clock reaches the end of the duration
                    }
                    finish();
                    return;
                }
                if (gapEvery != 0) {
                    long cyc = t % gapEvery;
                    if (cyc >= gapEvery - gapFor) {
                        inGap = true;
                        t += gapEvery - cyc;
                        tick = (long) Math.floor((double) t * rate / NANOS);
                        segStart = t;
                        segCount = 0;
                        continue;
                    }
                    inGap = false;
                }
                if (gate != null) {
                    long abs = startNanos + t;
                    if (paused) {
                        long resume = resumeAt();
                        long end = endNanos();
                        if (end <= resume) {
                            if (end > deadline && !run.stopRequested()) {
                                break;
                            }
                            finish();
                            return;
                        }
                        if (resume > deadline || run.stopRequested()) {
                            break;
                        }
                        paused = false;
                        pending = false;
                        t = resume - startNanos;
                        segStart = t;
                        segCount = 0;
                        segRate = rate;
                        publish(EntryState.RUNNING);
                        continue;
                    }
                    if (abs >= gate.goneAt()) {
                        finish();
                        return;
                    }
                    if (abs >= gate.closeAt()) {
                        pause(abs);
                        continue;
                    }
                }
                if (t > limit || run.stopRequested() || run.shouldYield()) {
                    break;
                }
                emit();
                boolean burst = burstEvery != 0 && t % burstEvery < burstFor;
                inBurst = burst;
                double r = burst ? burstRate : rate;
                if (r != segRate) {
                    segRate = r;
                    segStart = t;
                    segCount = 0;
                }
                segCount++;
                t = segStart + Math.round(segCount * 1e9 / segRate);
                tick++;
                if (++sincePublish == PUBLISH_EVERY) {
                    sincePublish = 0;
                    publish(EntryState.RUNNING);
                }
            }
        } catch (EntryFailure f) {
            fail(f.getCause() != null ? f.getCause() : f);
            return;
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        updateRate();
        publish(paused ? pausedState() : EntryState.RUNNING);
    }

    private EntryState pausedState() {
        return snapTo != null && lastTs != Long.MIN_VALUE ? EntryState.HELD : EntryState.PAUSED;
    }

    /** When a paused entry may resume: at once if the gate was already open when it started. */
    private long resumeAt() {
        long openAt = gate.openAt();
        if (openAt == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        if (pending && gate.openedAtOrBefore(pausedSince)) {
            return pausedSince;
        }
        return Math.max(openAt, pausedSince);
    }

    private void pause(long at) {
        paused = true;
        pausedSince = at;
        currentRate = 0;
        closeEmit();
        publish(pausedState());
    }

    /**
     * Writes {@code delay.close.snap_to} once per series emitted since the last close, stamped 1 ms
     * after the last sample, then flushes (Sonda 1.20 close-emit; metrics only).
     */
    private void closeEmit() {
        if (snapTo == null || sinceClose == null || sinceClose.isEmpty() || sink == null) {
            return;
        }
        long ts = lastTs + 1_000_000L;
        for (Out s : sinceClose) {
            try {
                sink.sample(s.sinkForm, ts, snapTo);
            } catch (SinkException e) {
                sinkError(e);
                break;
            }
        }
        sinceClose.clear();
        try {
            sink.flush();
        } catch (SinkException e) {
            sinkError(e);
        }
    }

    /**
     * Makes this entry a {@code while:} downstream of another.
     *
     * @param gate its gate
     * @param rank its depth in the while graph (upstreams run first on equal due times)
     * @param snapTo the {@code delay.close.snap_to} value, or null
     */
    public void gateOn(Gate gate, int rank, Double snapTo) {
        this.gate = gate;
        this.rank = rank;
        this.paused = true;
        this.pausedSince = startNanos;
        this.snapTo = snapTo;
        if (snapTo != null) {
            this.sinceClose = new java.util.LinkedHashSet<>();
        }
    }

    /**
     * The gate bus this entry publishes its values on (created on first use).
     *
     * @return the source
     */
    public GateSource gateSource() {
        if (source == null) {
            source = new GateSource();
        }
        return source;
    }

    /**
     * Depth in the while graph: 0 for entries that are not gated.
     *
     * @return the rank
     */
    public int rank() {
        return rank;
    }

    private boolean start() {
        started = true;
        try {
            staticLabels = Labels.of(entry.labels());
            Signal signal = entry.source().signal();
            if (signal instanceof Signal.Logs l) {
                logGenerator = LogGenerators.create(
                        l.generator(), "scenarios[" + entry.index() + "].log_generator", TEMPLATE_INDEXING);
                logEncoder = LogEncoders.create(entry.encoder());
            } else {
                encoder = Encoders.metricEncoder(entry.encoder());
            }
            if (signal instanceof Signal.Metrics m) {
                generator = Generators.create(
                        m.generator(),
                        rate,
                        entry.source().jitter(),
                        entry.source().jitterSeed(),
                        entry.duration(),
                        "scenarios[" + entry.index() + "].generator");
            }
            anchorEpochNanos = StartTime.parse(entry.source().startTime())
                    .anchor(run.anchorEpochNanos() + entry.phaseOffset().toNanos());
            sink = run.openSink(
                    entry,
                    new SinkContext(
                            entry.name(),
                            entry.labels(),
                            run.clock(),
                            run.diagnostics(),
                            encoder,
                            logEncoder,
                            Delivery.NONE));
            if (signal instanceof Signal.Logs) {
                // no metric series
            } else if (signal instanceof Signal.Metrics) {
                staticSeries = out(Series.of(entry.name(), staticLabels, metricType()));
                if (!dynamicLabels.isEmpty() || !spikes.isEmpty()) {
                    seriesCache = new HashMap<>();
                }
            } else if (signal instanceof Signal.Histogram h) {
                prepareHistogram(h);
            } else if (signal instanceof Signal.Summary sm) {
                prepareSummary(sm);
            } else {
                throw new IllegalStateException(
                        "signal type " + entry.signalType().yamlName() + " cannot run yet");
            }
        } catch (RuntimeException e) {
            fail(e);
            return false;
        }
        rateWindowStart = run.clock().nanoTime();
        publish(EntryState.RUNNING);
        return true;
    }

    private MetricType metricType() {
        MetricType t = entry.source().metricType();
        return t == null ? MetricType.GAUGE : t;
    }

    private void emit() {
        long ts = anchorEpochNanos + t;
        if (logGenerator != null) {
            emitLog(ts);
        } else if (generator != null) {
            double value = generator.value(tick);
            if (source != null) {
                source.publish(value, startNanos + t);
            }
            Out series = seriesCache == null ? staticSeries : dynamicSeries();
            if (write(series, value, ts)) {
                events++;
                if (sinceClose != null) {
                    sinceClose.add(series);
                    lastTs = ts;
                }
            }
        } else if (bucketCounts != null) {
            emitHistogram(ts);
        } else {
            emitSummary(ts);
        }
    }

    private void emitLog(long ts) {
        Labels labels = staticLabels;
        if (!dynamicLabels.isEmpty() || !spikes.isEmpty()) {
            labels = currentLabels(null);
        }
        LogEvent event = logGenerator.generate(tick, ts, labels);
        try {
            sink.log(event);
        } catch (SinkException e) {
            sinkError(e);
            return;
        }
        events++;
        if (run.listener() != null) {
            buf.clear();
            logEncoder.encode(event, buf);
            run.listener().onLog(entry, event, buf);
        }
    }

    /** Encodes and writes one sample; on a sink error applies the policy and returns false. */
    private boolean write(Out series, double value, long ts) {
        try {
            sink.sample(series.sinkForm, ts, value);
        } catch (SinkException e) {
            sinkError(e);
            return false;
        }
        if (series.encoded != null) {
            buf.clear();
            encoder.encode(series.encoded, value, ts, buf);
            run.listener().onSample(entry, series.encoded, value, ts, buf);
        }
        return true;
    }

    /** A series prepared for the sink (and, with a listener, encoded for it). */
    private static final class Out {
        final Series series;
        final Object sinkForm;
        final EncodedSeries encoded;

        Out(Series series, Object sinkForm, EncodedSeries encoded) {
            this.series = series;
            this.sinkForm = sinkForm;
            this.encoded = encoded;
        }
    }

    private Out out(Series series) {
        return new Out(
                series,
                sink.prepare(series),
                run.listener() == null ? null : encoder.series(series.name(), series.labels()));
    }

    private void prepareHistogram(Signal.Histogram h) {
        sampler =
                new DistributionSampler(h.distribution(), h.observationsPerTick(), h.meanShiftPerSec(), h.seed(), rate);
        bounds = h.buckets().stream().mapToDouble(Double::doubleValue).toArray();
        bucketCounts = new long[bounds.length];
        seriesOut = new Out[bounds.length + 3];
        for (int j = 0; j < bounds.length; j++) {
            seriesOut[j] = out(Series.bucket(entry.name(), staticLabels, bounds[j], le(bounds[j])));
        }
        seriesOut[bounds.length] = out(Series.bucket(entry.name(), staticLabels, Double.POSITIVE_INFINITY, "+Inf"));
        seriesOut[bounds.length + 1] = out(Series.sum(entry.name(), staticLabels, MetricType.HISTOGRAM));
        seriesOut[bounds.length + 2] = out(Series.count(entry.name(), staticLabels, MetricType.HISTOGRAM));
    }

    private void prepareSummary(Signal.Summary sm) {
        sampler = new DistributionSampler(
                sm.distribution(), sm.observationsPerTick(), sm.meanShiftPerSec(), sm.seed(), rate);
        quantiles = sm.quantiles().stream().mapToDouble(Double::doubleValue).toArray();
        seriesOut = new Out[quantiles.length + 2];
        for (int j = 0; j < quantiles.length; j++) {
            seriesOut[j] = out(Series.quantile(entry.name(), staticLabels, quantiles[j]));
        }
        seriesOut[quantiles.length] = out(Series.sum(entry.name(), staticLabels, MetricType.SUMMARY));
        seriesOut[quantiles.length + 1] = out(Series.count(entry.name(), staticLabels, MetricType.SUMMARY));
    }

    /** {@code le} text: integral bounds without {@code .0} (saturating at i64), else Rust's {@code {}}. */
    private static String le(double b) {
        if (Double.isFinite(b) && b == Math.rint(b)) {
            return Long.toString((long) b);
        }
        return FloatText.display(b);
    }

    private void emitHistogram(long ts) {
        double[] obs = sampler.observe(tick);
        for (double v : obs) {
            obsCount++;
            obsSum += v;
            for (int j = 0; j < bounds.length; j++) {
                if (v <= bounds[j]) {
                    bucketCounts[j]++;
                }
            }
        }
        int n = bounds.length;
        for (int j = 0; j < n; j++) {
            if (!write(seriesOut[j], (double) bucketCounts[j], ts)) {
                return;
            }
        }
        if (write(seriesOut[n], (double) obsCount, ts)
                && write(seriesOut[n + 1], obsSum, ts)
                && write(seriesOut[n + 2], (double) obsCount, ts)) {
            events++;
        }
    }

    private void emitSummary(long ts) {
        double[] obs = sampler.observe(tick);
        for (double v : obs) {
            obsCount++;
            obsSum += v;
        }
        if (sortBuf == null) {
            sortBuf = new double[obs.length];
        }
        double[] sorted = sortBuf;
        System.arraycopy(obs, 0, sorted, 0, obs.length);
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        for (int j = 0; j < quantiles.length; j++) {
            long rank = (long) Math.ceil(quantiles[j] * n);
            int index = (int) Math.min(Math.max(rank - 1, 0), n - 1);
            if (!write(seriesOut[j], sorted[index], ts)) {
                return;
            }
        }
        int q = quantiles.length;
        if (write(seriesOut[q], obsSum, ts) && write(seriesOut[q + 1], (double) obsCount, ts)) {
            events++;
        }
    }

    private Out dynamicSeries() {
        StringBuilder key = new StringBuilder();
        final Labels resolved = currentLabels(key);
        return seriesCache.computeIfAbsent(key.toString(), k -> out(Series.of(entry.name(), resolved, metricType())));
    }

    /**
     * The static labels with this tick's dynamic and spike labels over them (spike over dynamic);
     * appends a cache key of the varying values to {@code key} when it is not null.
     */
    private Labels currentLabels(StringBuilder key) {
        if (key == null) {
            key = new StringBuilder();
        }
        Labels labels = staticLabels;
        for (DynamicLabel d : dynamicLabels) {
            String v = d.values().isEmpty()
                    ? (d.prefix() != null ? d.prefix() : d.key() + "_") + Long.remainderUnsigned(tick, d.cardinality())
                    : d.values()
                            .get((int) Long.remainderUnsigned(tick, d.values().size()));
            labels = labels.with(d.key(), v);
            key.append(v).append('\u0000');
        }
        for (CardinalitySpike s : spikes) {
            long every = s.every().toNanos();
            if (t % every < s.forDuration().toNanos()) {
                long k = Long.remainderUnsigned(tick, s.cardinality());
                String prefix = s.prefix() != null ? s.prefix() : s.label() + "_";
                String v = s.strategy() == CardinalitySpike.Strategy.COUNTER
                        ? prefix + Long.toUnsignedString(k)
                        : prefix + hex16(SplitMix64.mix(s.seed() ^ k));
                labels = labels.with(s.label(), v);
                key.append(s.label()).append('=').append(v);
            }
            key.append('\u0000');
        }
        return labels;
    }

    private static String hex16(long v) {
        String h = Long.toHexString(v);
        return "0".repeat(16 - h.length()) + h;
    }

    private void sinkError(SinkException e) {
        errors++;
        lastError = e.getMessage();
        if (entry.onSinkError() == OnSinkError.FAIL) {
            throw new EntryFailure(e);
        }
        errorsSinceWarn++;
        long now = System.nanoTime();
        if (lastWarnNanos == Long.MIN_VALUE || now - lastWarnNanos >= 60 * NANOS) {
            run.diagnostics()
                    .accept("sonda: scenario '" + entry.name() + "': " + errorsSinceWarn
                            + " sink errors in last 60s (last: " + e.getMessage() + ")");
            lastWarnNanos = now;
            errorsSinceWarn = 0;
        }
    }

    private void updateRate() {
        long now = run.clock().nanoTime();
        long window = now - rateWindowStart;
        if (window >= NANOS) {
            currentRate = (events - rateWindowEvents) * 1e9 / window;
            rateWindowStart = now;
            rateWindowEvents = events;
        }
    }

    /** Finishes the entry normally: its duration elapsed. Flushes and closes the sink. */
    private void finish() {
        finished = true;
        closeEmit();
        if (source != null) {
            source.gone(startNanos + Math.min(t, durationNanos));
        }
        closeSink();
        publish(EntryState.FINISHED);
    }

    /**
     * Stops the entry where it is (the run was stopped): flushes and closes the sink, so nothing
     * generated is lost.
     */
    public void stop() {
        if (finished) {
            return;
        }
        finished = true;
        if (started) {
            closeEmit();
            closeSink();
        }
        if (source != null) {
            source.gone(run.clock().nanoTime());
        }
        publish(EntryState.FINISHED);
    }

    private void closeSink() {
        if (sink == null) {
            return;
        }
        try {
            sink.close();
        } catch (SinkException e) {
            errors++;
            lastError = e.getMessage();
            if (entry.onSinkError() == OnSinkError.FAIL) {
                run.fail(entry, e);
            } else {
                run.diagnostics()
                        .accept("sonda: scenario '" + entry.name() + "': flush failed at shutdown: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            run.fail(entry, e);
        } finally {
            bytes = sink.bytes();
            sink = null;
        }
    }

    private void fail(Throwable e) {
        finished = true;
        if (source != null) {
            source.gone(startNanos + t);
        }
        closeSink();
        run.fail(entry, e);
        publish(EntryState.FINISHED);
    }

    private void publish(EntryState state) {
        Sink s = sink;
        if (s != null) {
            bytes = s.bytes();
        }
        published = new EntryStats(
                entry.index(), entry.name(), state, events, bytes, errors, currentRate, inGap, inBurst, lastError);
    }

    /** Carries a sink failure under {@code on_sink_error: fail} out of the emission loop. */
    private static final class EntryFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EntryFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
