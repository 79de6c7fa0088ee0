package dev.sonda.remotewrite;

import dev.sonda.api.MetricType;
import dev.sonda.api.Scenario;
import dev.sonda.api.ScenarioPlan;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.api.spi.SpecKind;
import dev.sonda.api.spi.SpecRegistry;
import dev.sonda.engine.Clock;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.RunStats;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkProvider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real-receiver tests' data: an hour of a sine, a counter and a histogram at one sample per
 * second on the simulated clock, starting 70 minutes before now (so every sample lies in the past
 * and inside Prometheus' one-hour append window), pushed through the real remote_write sink. A
 * recording wrapper notes every sample the engine hands the sink, so the read-back can be compared
 * sample by sample.
 */
final class HourOfData {
    /** One sample as handed to the sink: epoch milliseconds and the value's bits. */
    record Point(long ms, long bits) {
        double value() {
            return Double.longBitsToDouble(bits);
        }
    }

    final String run;
    final Instant start;
    /** Series key ({@link #key}) to its samples in hand-over order. */
    final Map<String, List<Point>> sent = new ConcurrentHashMap<>();

    final List<String> diagnostics = new CopyOnWriteArrayList<>();
    RunStats stats;

    HourOfData(String run) {
        this.run = run;
        this.start = Instant.now().minus(70, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    }

    ScenarioPlan plan(SinkSpec sink) {
        return Scenario.plan()
                .rate(1)
                .duration("1h")
                .sink(sink)
                .label("run", run)
                .add(Scenario.metrics("rw_it_sine").sine(50, 600, 100).label("kind", "sine"))
                .add(Scenario.metrics("rw_it_requests_total")
                        .sawtooth(0, 1000, 900)
                        .metricType(MetricType.COUNTER)
                        .label("kind", "counter"))
                .add(Scenario.histogram("rw_it_latency_seconds")
                        .distribution(new dev.sonda.api.Distribution.Exponential(5))
                        .buckets(0.05, 0.1, 0.25, 0.5, 1)
                        .observationsPerTick(7)
                        .seed(42)
                        .label("kind", "histogram"))
                .build();
    }

    /** Runs the plan on the simulated clock through the registry's remote_write provider. */
    RunStats push(SinkSpec sink) throws InterruptedException {
        SinkProvider provider = SpecRegistry.defaults()
                .find(SpecKind.SINK, "remote_write", SinkProvider.class)
                .orElseThrow();
        RunOptions options = RunOptions.defaults()
                .withClock(Clock.simulated(start))
                .withDiagnostics(diagnostics::add)
                .withSinkFactory((entry, context) -> new Recording(provider.create(entry.sink(), context)));
        stats = Sonda.start(plan(sink), options).join();
        return stats;
    }

    int sampleCount() {
        return sent.values().stream().mapToInt(List::size).sum();
    }

    /** {@code name{k="v",...}} with labels sorted, as both sides of a comparison render a series. */
    static String key(String name, Map<String, String> labels) {
        StringBuilder sb = new StringBuilder(name).append('{');
        new TreeMap<>(labels)
                .forEach((k, v) -> sb.append(k).append("=\"").append(v).append("\","));
        return sb.append('}').toString();
    }

    private final class Recording implements Sink {
        private final Sink inner;

        Recording(Sink inner) {
            this.inner = inner;
        }

        private record Prepared(List<Point> points, Object inner) {}

        @Override
        public Object prepare(Series series) {
            List<Point> points = sent.computeIfAbsent(
                    key(series.name(), series.labels().toMap()), k -> new CopyOnWriteArrayList<>());
            return new Prepared(points, inner.prepare(series));
        }

        @Override
        public void sample(Object series, long epochNanos, double value) {
            Prepared p = (Prepared) series;
            p.points.add(new Point(Math.floorDiv(epochNanos, 1_000_000L), Double.doubleToRawLongBits(value)));
            inner.sample(p.inner, epochNanos, value);
        }

        @Override
        public void log(LogRecord record) {
            inner.log(record);
        }

        @Override
        public void flush() {
            inner.flush();
        }

        @Override
        public boolean lastWriteDelivered() {
            return inner.lastWriteDelivered();
        }

        @Override
        public long bytes() {
            return inner.bytes();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** Copies of the sent samples, per series, sorted by time (the order a receiver returns). */
    Map<String, List<Point>> expected() {
        Map<String, List<Point>> m = new TreeMap<>();
        sent.forEach((k, v) -> {
            List<Point> sorted = new ArrayList<>(v);
            sorted.sort(java.util.Comparator.comparingLong(Point::ms));
            m.put(k, sorted);
        });
        return m;
    }
}
