package dev.sonda.engine.workload.internal;

import dev.sonda.api.Problems;
import dev.sonda.api.workload.Endpoint;
import dev.sonda.api.workload.LabelRotation;
import dev.sonda.api.workload.SeriesCount;
import dev.sonda.api.workload.Workload;
import dev.sonda.engine.Clock;
import dev.sonda.engine.data.SeriesBatch;
import dev.sonda.engine.workload.ExpositionFormat;
import dev.sonda.engine.workload.LogLevel;
import dev.sonda.engine.workload.WorkloadHandle;
import dev.sonda.engine.workload.WorkloadStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Not API. Runs one workload entry: generates each tick of every metric into primitive buffers,
 * in parallel chunks, and publishes it; serves the published tick to scrapes, pushes and
 * observers; applies spikes, churn and reloads.
 *
 * <p>Publication: each metric has two buffers (sides). A tick reads the published side and writes
 * the other under that side's write lock, then publishes it with one volatile write. A reader (a
 * scrape) takes the read lock of the side it reads ({@link #acquire()}), so a tick never writes a
 * buffer that is being read: a scrape slower than a tick delays the tick after next, it never sees
 * half a tick. Generation and publication run on the entry's scheduler thread; every other method
 * is thread-safe.
 */
public final class WorkloadEngine implements WorkloadHandle {
    private static final int CHUNK = 16_384;
    private static final long OVERRUN_LOG_EVERY_NANOS = 60_000_000_000L;

    private final Clock clock;
    private final Consumer<String> diagnostics;
    private final ReentrantReadWriteLock[] sides = {new ReentrantReadWriteLock(), new ReentrantReadWriteLock()};
    private final ConcurrentLinkedQueue<Object[]> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, Spike> spikes = new HashMap<>();
    private final SelfStats stats = new SelfStats();

    private volatile CompiledWorkload workload;
    private volatile CompiledWorkload pending;
    private volatile Published published;
    private volatile LogLevel level = LogLevel.INFO;
    private volatile long ticks;
    private volatile long firstTickEpoch = Long.MIN_VALUE;

    private MetricState[] states;
    private Kernel.Tick[] contexts;
    private ForkJoinPool pool;
    private long[][] chunkCounts = new long[0][];
    private double[][] scratch = new double[0][];
    private int front = 1;
    private boolean started;
    private long lastTick = -1;
    private long lastSeriesCycle;
    private long lastMetricCycle;
    private long countInterval;
    private long countValue = -1;
    private boolean countUp = true;
    private long lastOverrunLog = Long.MIN_VALUE;

    private record Spike(double multiplier, long start, long end, Duration duration) {}

    /**
     * Creates the engine; nothing is allocated per series until the first tick.
     *
     * @param workload the compiled workload
     * @param clock the run's clock (status times, spikes)
     * @param diagnostics where log lines go
     */
    public WorkloadEngine(CompiledWorkload workload, Clock clock, Consumer<String> diagnostics) {
        this.workload = workload;
        this.clock = clock;
        this.diagnostics = diagnostics;
    }

    // ---- the tick -------------------------------------------------------------------------------

    /**
     * Generates and publishes one tick. Called by the entry's scheduler thread, ticks in order.
     *
     * @param tick the tick index, from 0 at the workload's start
     * @param epochNanos the tick's timestamp
     */
    public void tick(long tick, long epochNanos) {
        long began = System.nanoTime();
        CompiledWorkload next = pending;
        if (next != null) {
            pending = null;
            swap(next);
        }
        CompiledWorkload w = workload;
        if (states == null) {
            init(w);
        }
        int back = 1 - front;
        Lock lock = sides[back].writeLock();
        lock.lock();
        long seriesCycle = w.seriesEveryTicks > 0 ? tick / w.seriesEveryTicks : -1;
        long metricCycle = w.metricEveryTicks > 0 ? tick / w.metricEveryTicks : -1;
        try {
            boolean everyChanged = started && (seriesCycle != lastSeriesCycle || metricCycle != lastMetricCycle);
            long live = liveCount(w, tick);
            double[] multipliers = multipliers(w, tick, epochNanos);
            MetricView[] views = new MetricView[states.length];
            for (int i = 0; i < states.length; i++) {
                MetricState st = states[i];
                CompiledMetric m = st.metric;
                st.allocate();
                Kernel.Tick t = contexts[i];
                t.state = st;
                t.tick = tick;
                t.multiplier = multipliers[i];
                t.first = !st.started;
                t.previousActive = st.active;
                t.everySeriesChanged = everyChanged;
                t.shared = shared(m, tick, epochNanos);
                t.front = st.buffers[front];
                t.back = st.buffers[back];
                t.clearRotations();
                rotations(w, st, t, tick);
                int now = st.localActive(live);
                long[] c = generate(t, now);
                long removed = c[1] + (st.started ? Math.max(0, st.active - now) : 0);
                st.active = now;
                st.started = true;
                views[i] = new MetricView(st, m.nameAt(metricCycle), back, seriesCycle, tick, epochNanos, w);
                stats.metric(m.name, now, now, c[0], removed);
            }
            published = new Published(tick, epochNanos, back, views);
            front = back;
        } finally {
            lock.unlock();
        }
        started = true;
        lastTick = tick;
        lastSeriesCycle = seriesCycle;
        lastMetricCycle = metricCycle;
        if (firstTickEpoch == Long.MIN_VALUE) {
            firstTickEpoch = epochNanos;
        }
        ticks = tick + 1;
        double seconds = (System.nanoTime() - began) / 1e9;
        stats.tick(seconds, epochNanos / 1e9);
        if (seconds > 1 / w.rate && !clock.isSimulated()) {
            long now = clock.nanoTime();
            if (lastOverrunLog == Long.MIN_VALUE || now - lastOverrunLog >= OVERRUN_LOG_EVERY_NANOS) {
                lastOverrunLog = now;
                log(
                        LogLevel.WARNING,
                        "tick " + tick + " took " + seconds + " s, longer than the interval " + (1 / w.rate)
                                + " s; generate fewer series, add threads or shards, or lower the rate");
            }
        }
    }

    private void init(CompiledWorkload w) {
        states = new MetricState[w.metrics.length];
        contexts = new Kernel.Tick[w.metrics.length];
        for (int i = 0; i < states.length; i++) {
            states[i] = new MetricState(w.metrics[i], w.shard.index(), w.shard.count());
            contexts[i] = new Kernel.Tick();
        }
    }

    /** Applies a reload: metrics defined the same way keep their state, others start over. */
    private void swap(CompiledWorkload next) {
        CompiledWorkload old = workload;
        workload = next;
        if (states == null) {
            return;
        }
        Map<String, MetricState> byName = new HashMap<>();
        for (MetricState st : states) {
            byName.put(st.metric.name, st);
        }
        MetricState[] fresh = new MetricState[next.metrics.length];
        Kernel.Tick[] ctx = new Kernel.Tick[next.metrics.length];
        for (int i = 0; i < fresh.length; i++) {
            CompiledMetric m = next.metrics[i];
            MetricState st = byName.get(m.name);
            if (st != null && m.sameSeriesAs(st.metric) && sameChurn(old, next)) {
                byName.remove(m.name);
                st.metric = m;
            } else {
                st = new MetricState(m, next.shard.index(), next.shard.count());
            }
            fresh[i] = st;
            ctx[i] = new Kernel.Tick();
        }
        for (MetricState gone : byName.values()) {
            stats.removedMetric(gone.metric.name, gone.active);
        }
        states = fresh;
        contexts = ctx;
        log(LogLevel.INFO, "reloaded: " + next.metrics.length + " metrics");
    }

    private static boolean sameChurn(CompiledWorkload a, CompiledWorkload b) {
        return a.seriesEveryTicks == b.seriesEveryTicks
                && a.metricEveryTicks == b.metricEveryTicks
                && java.util.Objects.equals(a.cycleLabel, b.cycleLabel)
                && Arrays.equals(a.rotations, b.rotations)
                && java.util.Objects.equals(a.count, b.count);
    }

    /** The value every series of a metric shares at a tick: a shape of time, or the Poisson mean. */
    private static double shared(CompiledMetric m, long tick, long epochNanos) {
        return switch (m.algorithm) {
            case CompiledMetric.POISSON -> {
                double lambda = m.p1;
                if (m.p2 != 0) {
                    double day = Math.floorMod(epochNanos, 86_400_000_000_000L) / 86_400e9;
                    lambda *= 1 + m.p2 * StrictMath.sin(2 * Math.PI * (day + m.p3));
                }
                yield Math.max(0, lambda);
            }
            case CompiledMetric.SINE -> m.sine.value(
                    Math.floorMod(Math.floorDiv(epochNanos, 1_000_000L), m.periodMillis));
            case CompiledMetric.SAWTOOTH -> m.sawtooth.value(
                    Math.floorMod(Math.floorDiv(epochNanos, 1_000_000L), m.periodMillis));
            case CompiledMetric.CONSTANT -> m.p1;
            case CompiledMetric.GENERATOR -> m.generator.value(tick);
            default -> 0;
        };
    }

    /** Label rotations of this tick; rebuilds the texts of rotated labels. */
    private static void rotations(CompiledWorkload w, MetricState st, Kernel.Tick t, long tick) {
        CompiledMetric m = st.metric;
        for (int k = 0; k < m.rotationOf.length; k++) {
            int r = m.rotationOf[k];
            if (r < 0) {
                continue;
            }
            LabelRotation rot = w.rotations[r];
            long values = m.space.sizes[k];
            long slice = Math.max(1, (long) Math.ceil(rot.fraction() * values - 1e-9));
            long n = tick / w.rotationTicks[r];
            long was = st.textInterval[k];
            if (n == was) {
                continue;
            }
            if (st.started) {
                t.addRotation(k, was, n, slice, values);
            }
            String[] base = m.space.values[k];
            String[] texts = base.clone();
            for (int v = 0; v < texts.length; v++) {
                long g = Kernel.generation(v, n, slice, values);
                if (g > 0) {
                    texts[v] = base[v] + "-r" + g;
                }
            }
            st.texts = st.texts.clone();
            st.escaped = st.escaped.clone();
            st.texts[k] = texts;
            st.escaped[k] = MetricState.escape(texts);
            st.textInterval[k] = n;
        }
    }

    /** The live series count of every metric at a tick (churn {@code series_count}), unbounded without one. */
    private long liveCount(CompiledWorkload w, long tick) {
        SeriesCount c = w.count;
        if (c == null) {
            return Long.MAX_VALUE;
        }
        long n = tick / w.countTicks;
        if (c instanceof SeriesCount.DoubleHalve d) {
            return n % 2 == 1 ? d.start() * 2 : d.start();
        }
        if (c instanceof SeriesCount.Spike s) {
            return n % 2 == 1 ? (long) Math.floor(s.base() * s.multiplier()) : s.base();
        }
        SeriesCount.Gradual g = (SeriesCount.Gradual) c;
        if (countValue < 0 || n < countInterval) {
            countValue = g.min();
            countUp = true;
            countInterval = 0;
        }
        while (countInterval < n) {
            countInterval++;
            if (countUp) {
                countValue += g.step();
                if (countValue >= g.max()) {
                    countValue = g.max();
                    countUp = false;
                }
            } else {
                countValue -= g.step();
                if (countValue < g.min()) {
                    countValue = g.min();
                    countUp = true;
                }
            }
        }
        return countValue;
    }

    /** Starts requested and scheduled spikes, ends expired ones; each metric's factor for this tick. */
    private double[] multipliers(CompiledWorkload w, long tick, long epochNanos) {
        double[] out = new double[states.length];
        Arrays.fill(out, 1.0);
        synchronized (spikes) {
            for (int i = 0; i < w.spikes.length; i++) {
                long at = w.spikeAtTick[i];
                if (at <= tick && (lastTick < at || !started)) {
                    start(w.spikes[i].metric(), w.spikes[i].multiplier(), w.spikes[i].duration(), epochNanos);
                }
            }
            Object[] r;
            while ((r = requests.poll()) != null) {
                start((String) r[0], (Double) r[1], (Duration) r[2], epochNanos);
            }
            for (int i = 0; i < states.length; i++) {
                String name = states[i].metric.name;
                Spike s = spikes.get(name);
                if (s == null) {
                    continue;
                }
                if (epochNanos >= s.start && epochNanos < s.end) {
                    out[i] = s.multiplier;
                } else if (epochNanos >= s.end) {
                    spikes.remove(name);
                    log(LogLevel.INFO, "spike of " + name + " ended");
                }
            }
        }
        return out;
    }

    private void start(String metric, double multiplier, Duration duration, long epochNanos) {
        spikes.put(metric, new Spike(multiplier, epochNanos, epochNanos + duration.toNanos(), duration));
        log(LogLevel.INFO, "spike of " + metric + ": x" + multiplier + " for " + duration.toMillis() / 1000.0 + " s");
    }

    /** Runs the kernel over {@code [0, n)} in chunks, on the pool when there is more than one. */
    private long[] generate(Kernel.Tick t, int n) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        int window = t.state.metric.window;
        if (chunkCounts.length < Math.max(1, chunks)) {
            chunkCounts = new long[Math.max(1, chunks)][2];
        }
        if (window > 0 && (scratch.length < chunks || (chunks > 0 && scratch[0].length < window))) {
            scratch = new double[Math.max(1, chunks)][window];
        }
        for (int c = 0; c < chunks; c++) {
            chunkCounts[c][0] = 0;
            chunkCounts[c][1] = 0;
        }
        int threads = workload.threads;
        if (chunks <= 1 || threads <= 1) {
            for (int c = 0; c < chunks; c++) {
                Kernel.run(t, c * CHUNK, Math.min(n, (c + 1) * CHUNK), window > 0 ? scratch[c] : null, chunkCounts[c]);
            }
        } else {
            if (pool == null) {
                pool = new ForkJoinPool(threads);
            }
            double[][] sc = scratch;
            long[][] cc = chunkCounts;
            pool.submit(() -> IntStream.range(0, chunks)
                            .parallel()
                            .forEach(c -> Kernel.run(
                                    t, c * CHUNK, Math.min(n, (c + 1) * CHUNK), window > 0 ? sc[c] : null, cc[c])))
                    .join();
        }
        long created = 0;
        long replaced = 0;
        for (int c = 0; c < chunks; c++) {
            created += chunkCounts[c][0];
            replaced += chunkCounts[c][1];
        }
        return new long[] {created, replaced};
    }

    // ---- readers --------------------------------------------------------------------------------

    /**
     * The latest published tick, its side read-locked until {@link #release}; null before the
     * first tick (nothing to release then).
     *
     * @return the tick, or null
     */
    Published acquire() {
        while (true) {
            Published p = published;
            if (p == null) {
                return null;
            }
            Lock l = sides[p.side()].readLock();
            l.lock();
            Published now = published;
            if (now.side() == p.side()) {
                return now;
            }
            l.unlock();
        }
    }

    void release(Published p) {
        if (p != null) {
            sides[p.side()].readLock().unlock();
        }
    }

    /**
     * The tick just published, for the scheduler thread that published it (no lock needed: only
     * that thread writes).
     *
     * @return the tick, or null before the first
     */
    public Published latest() {
        return published;
    }

    /**
     * Whether the entry's sink gets this tick.
     *
     * @param tick the tick
     * @return true every {@code push.every}
     */
    public boolean pushDue(long tick) {
        long every = workload.pushTicks;
        return every > 0 && tick % every == 0;
    }

    /**
     * The latest tick's metrics as batches, with the push prefix (or none), for the scheduler
     * thread.
     *
     * @param pushed whether the names carry the push prefix
     * @return one batch per metric; empty before the first tick
     */
    public List<SeriesBatch> batches(boolean pushed) {
        Published p = published;
        if (p == null) {
            return List.of();
        }
        String prefix = pushed ? workload.pushPrefix : "";
        SeriesBatch[] out = new SeriesBatch[p.views().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new BatchView(p.views()[i], prefix, states[i]);
        }
        return Arrays.asList(out);
    }

    /**
     * Notes a push in the queue-depth self-metric ({@code gen_export_queue_depth}) of {@code
     * exporter}; a failed metric is counted by {@link #pushFailed}.
     *
     * @param exporter the sink type
     * @param depth 1 while pushing, 0 after
     */
    public void pushing(String exporter, int depth) {
        stats.queueDepth(exporter, depth);
    }

    /**
     * Counts a failed push of one metric.
     *
     * @param exporter the sink type
     * @param metric the metric's name
     */
    public void pushFailed(String exporter, String metric) {
        stats.error(exporter, metric);
    }

    /** Stops the generation threads. The last tick stays readable. */
    public void close() {
        ForkJoinPool p = pool;
        if (p != null) {
            p.shutdown();
            try {
                p.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- the handle -----------------------------------------------------------------------------

    @Override
    public String name() {
        return workload.name;
    }

    @Override
    public List<String> metrics() {
        return Arrays.stream(workload.metrics).map(m -> m.name).toList();
    }

    @Override
    public void spike(String metric, double multiplier, Duration duration) {
        if (!metrics().contains(metric)) {
            throw new IllegalArgumentException("Metric '" + metric + "' not found. Available metrics: "
                    + metrics().stream().map(n -> "'" + n + "'").toList());
        }
        if (!Double.isFinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number, got " + multiplier);
        }
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration must be greater than zero, got " + duration);
        }
        requests.add(new Object[] {metric, multiplier, duration});
    }

    @Override
    public WorkloadStatus status() {
        CompiledWorkload w = workload;
        Map<String, WorkloadStatus.ActiveSpike> active = new LinkedHashMap<>();
        Published p = published;
        // A simulated run may emit ticks ahead of its clock: "now" is never before the latest tick.
        long now = Math.max(clock.epochNanos(), p == null ? Long.MIN_VALUE : p.epochNanos());
        synchronized (spikes) {
            spikes.forEach((k, s) -> active.put(
                    k,
                    new WorkloadStatus.ActiveSpike(
                            s.multiplier, Duration.ofNanos(Math.max(0, s.end - now)), s.duration)));
        }
        for (Object[] r : requests) {
            active.put((String) r[0], new WorkloadStatus.ActiveSpike((Double) r[1], (Duration) r[2], (Duration) r[2]));
        }
        long total = 0;
        if (p != null) {
            for (MetricView v : p.views()) {
                total += v.active;
            }
        }
        long first = firstTickEpoch;
        Duration uptime = first == Long.MIN_VALUE ? Duration.ZERO : Duration.ofNanos(Math.max(0, now - first));
        return new WorkloadStatus(
                w.name,
                uptime,
                ticks,
                metrics(),
                total,
                active,
                Duration.ofNanos(Math.round(1e9 / w.rate)),
                w.seed,
                w.shard.toString());
    }

    @Override
    public Endpoint scrape() {
        return workload.scrape;
    }

    @Override
    public Endpoint control() {
        return workload.control;
    }

    @Override
    public void writeExposition(OutputStream out, ExpositionFormat format, String prefix, boolean timestamps)
            throws IOException {
        Published p = acquire();
        try {
            new Exposition(out, format, prefix == null ? "" : prefix, timestamps).write(p, stats.snapshot());
        } catch (IOException | RuntimeException e) {
            exportFailed("prometheus");
            throw e;
        } finally {
            release(p);
        }
    }

    @Override
    public void reload(Workload next) {
        Problems problems = new Problems();
        CompiledWorkload current = workload;
        Workload kept =
                next.withShard(current.source.shard()).scrape(current.scrape).control(current.control);
        kept.validate("workload", problems);
        problems.throwIfAny();
        pending = current.recompiler.compile(kept);
    }

    @Override
    public void logLevel(LogLevel level) {
        this.level = java.util.Objects.requireNonNull(level, "level");
    }

    @Override
    public LogLevel logLevel() {
        return level;
    }

    @Override
    public void exportFailed(String exporter) {
        for (CompiledMetric m : workload.metrics) {
            stats.error(exporter, m.name);
        }
    }

    private void log(LogLevel at, String message) {
        if (at.compareTo(level) >= 0) {
            diagnostics.accept("sonda: workload '" + workload.name + "': " + message);
        }
    }
}
