package dev.sonda.kafka;

import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.sink.Sink;
import java.util.Map;

/**
 * A sink that runs an action before the n-th sample (1-based), on the writing thread, then
 * delegates: a broker outage or restart at a known line of a run.
 */
final class Tripwire implements Sink {
    private final Sink delegate;
    private final Map<Integer, Runnable> actions;
    private int samples;

    Tripwire(Sink delegate, Map<Integer, Runnable> actions) {
        this.delegate = delegate;
        this.actions = actions;
    }

    @Override
    public Object prepare(Series series) {
        return delegate.prepare(series);
    }

    @Override
    public void sample(Object series, long epochNanos, double value) {
        Runnable action = actions.get(++samples);
        if (action != null) {
            action.run();
        }
        delegate.sample(series, epochNanos, value);
    }

    @Override
    public void log(LogRecord record) {
        delegate.log(record);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public boolean lastWriteDelivered() {
        return delegate.lastWriteDelivered();
    }

    @Override
    public boolean reportsDelivery() {
        return delegate.reportsDelivery();
    }

    @Override
    public long bytes() {
        return delegate.bytes();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
