package dev.sonda.engine.workload;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.engine.Clock;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunObserver;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SeriesBatch;
import dev.sonda.engine.sink.Sink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test support: runs a plan on the simulated clock and keeps every tick of every workload metric
 * as {@code tick -> "name{labels}" -> parts}, read through the public {@link SeriesBatch} view.
 */
final class Capture implements RunObserver {
    static final Instant START = Instant.ofEpochSecond(1_700_000_000L);

    /** Per tick (0, 1, ...), per series key, the exposition parts (value; buckets, sum, count; ...). */
    final List<Map<String, double[]>> ticks = new ArrayList<>();
    /** Per tick, per series key, the series' start time. */
    final List<Map<String, Long>> starts = new ArrayList<>();

    private final Hook hook;
    private Run run;
    private long lastEpoch = Long.MIN_VALUE;

    /** Called after each batch is recorded, on the run's thread. */
    interface Hook {
        void after(int tick, String metric, Run run);
    }

    private Capture(Hook hook) {
        this.hook = hook;
    }

    static Capture run(ScenarioPlan plan) throws InterruptedException {
        return run(plan, (i, m, r) -> {});
    }

    /** Runs {@code plan}; {@code hook} sees each batch after it is recorded. */
    static Capture run(ScenarioPlan plan, Hook hook) throws InterruptedException {
        Capture c = new Capture(hook);
        try (Run run = Sonda.start(
                plan,
                RunOptions.defaults()
                        .withClock(Clock.simulated(START))
                        .withSinkFactory((e, ctx) -> new Discard())
                        .withObserver(c))) {
            synchronized (c) {
                c.run = run;
                c.notifyAll();
            }
            run.join();
        }
        return c;
    }

    /** Takes every batch and keeps nothing: the observer sees the ticks. */
    static final class Discard implements Sink {
        @Override
        public void batch(SeriesBatch batch) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Override
    public void onSample(CompiledEntry entry, Series series, long epochNanos, double value) {}

    @Override
    public synchronized void onBatch(CompiledEntry entry, SeriesBatch batch) {
        if (batch.epochNanos() != lastEpoch) {
            lastEpoch = batch.epochNanos();
            ticks.add(new LinkedHashMap<>());
            starts.add(new LinkedHashMap<>());
        }
        Map<String, double[]> tick = ticks.get(ticks.size() - 1);
        for (int i = 0; i < batch.size(); i++) {
            double[] parts = new double[batch.parts()];
            for (int j = 0; j < parts.length; j++) {
                parts[j] = batch.partValue(i, j);
            }
            String key = key(batch, i);
            tick.put(key, parts);
            starts.get(starts.size() - 1).put(key, batch.startEpochNanos(i));
        }
        while (run == null) {
            try {
                wait(); // the run's thread got here before Sonda.start returned its Run
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        hook.after(ticks.size() - 1, batch.name(), run);
    }

    static String key(SeriesBatch b, int i) {
        Map<String, String> labels = new TreeMap<>();
        for (int k = 0; k < b.labelCount(); k++) {
            labels.put(b.labelName(k), b.labelValue(i, k));
        }
        return b.name() + labels;
    }

    /** The values of one metric at one tick, by series key. */
    Map<String, double[]> metric(int tick, String name) {
        Map<String, double[]> out = new LinkedHashMap<>();
        ticks.get(tick).forEach((k, v) -> {
            if (k.startsWith(name + "{")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
