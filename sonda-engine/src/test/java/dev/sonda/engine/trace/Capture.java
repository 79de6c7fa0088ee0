package dev.sonda.engine.trace;

import dev.sonda.api.ScenarioPlan;
import dev.sonda.engine.Clock;
import dev.sonda.engine.Run;
import dev.sonda.engine.RunOptions;
import dev.sonda.engine.Sonda;
import dev.sonda.engine.data.EventData;
import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SpanData;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.log.LogEvent;
import dev.sonda.engine.sink.Sink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every typed record a simulated run delivered, through one sink that stands for all of them. */
final class Capture implements Sink {
    static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

    record Sample(Series series, long epochNanos, double value) {
        String label(String key) {
            return series.labels().get(key);
        }
    }

    final List<SpanData> spans = Collections.synchronizedList(new ArrayList<>());
    final List<LogEvent> logs = Collections.synchronizedList(new ArrayList<>());
    final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    final List<EventData> events = Collections.synchronizedList(new ArrayList<>());

    static Capture run(ScenarioPlan plan) {
        Capture c = new Capture();
        RunOptions options =
                RunOptions.defaults().withClock(Clock.simulated(START)).withSinkFactory((e, ctx) -> c);
        try (Run run = Sonda.start(plan, options)) {
            run.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return c;
    }

    static long startNanos() {
        return START.getEpochSecond() * 1_000_000_000L;
    }

    @Override
    public void sample(Object series, long epochNanos, double value) {
        samples.add(new Sample((Series) series, epochNanos, value));
    }

    @Override
    public void log(LogRecord record) {
        logs.add(LogEvent.copyOf(record));
    }

    @Override
    public void span(SpanRecord span) {
        spans.add(SpanData.copyOf(span));
    }

    @Override
    public void event(EventRecord event) {
        events.add(EventData.copyOf(event));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
