package dev.sonda.engine.internal;

import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.RunObserver;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.EncodedSeries;
import dev.sonda.engine.encode.MetricEncoder;

/**
 * Not API. Emits one signal kind for one entry: what a tick produces and how it goes to the
 * {@link Outlet}. The schedule ({@link Schedule}) decides when; the outlet delivers. Called by one
 * thread at a time.
 */
abstract class Emitter {
    /** The Prometheus stale marker: a NaN with these bits (Sonda 1.20 {@code STALE_NAN}). */
    static final double STALE_NAN = Double.longBitsToDouble(0x7ff0000000000002L);

    final CompiledEntry entry;
    final RunContext run;
    /** The run's observer, or null; read once, as it is fixed for the run. */
    final RunObserver observer;

    Outlet out;

    Emitter(CompiledEntry entry, RunContext run) {
        this.entry = entry;
        this.run = run;
        this.observer = run.observer();
    }

    /** Prepares the series known before the first tick; the outlet's sink is open. */
    void start(Outlet out) {
        this.out = out;
    }

    /**
     * Emits the tick.
     *
     * @param tick the tick index
     * @param t nanoseconds since the entry started (gap, burst and spike cycles)
     * @param abs the run clock's monotonic time of the tick (gates)
     * @param epochNanos the tick's timestamp
     * @return whether the event counts (every part delivered)
     */
    abstract boolean emit(long tick, long t, long abs, long epochNanos);

    /** Runs the close-emit of a gated metrics entry (snap_to / stale markers); default none. */
    void closeEmit() {}

    /**
     * Writes what only the entry's end completes (a traces entry's last metrics interval, events
     * due by the end); called after {@link #closeEmit()} when the entry finishes or is stopped,
     * before its sinks close. Default none.
     */
    void end() {}

    /** Whether a paused entry holds a value ({@code held}) rather than pausing; default no. */
    boolean holds() {
        return false;
    }

    /** A series prepared for the sink, and encoded for the listener when there is one. */
    static final class Out {
        final Series series;
        final Object prepared;
        final EncodedSeries encoded;

        Out(Series series, Object prepared, EncodedSeries encoded) {
            this.series = series;
            this.prepared = prepared;
            this.encoded = encoded;
        }
    }

    Out prepare(Series series) {
        MetricEncoder enc = entry.runtime().metricEncoder();
        EncodedSeries encoded =
                run.listener() == null || enc == null ? null : enc.series(series.name(), series.labels());
        return new Out(series, out.prepare(series), encoded);
    }

    /** Delivers one sample and tells the listener; false when the sink failed under warn. */
    boolean deliver(Out s, long epochNanos, double value) {
        if (!out.sample(s.prepared, epochNanos, value)) {
            return false;
        }
        if (observer != null) {
            observer.onSample(entry, s.series, epochNanos, value);
        }
        if (s.encoded != null) {
            ByteBuf buf = listenerBuffer();
            buf.clear();
            entry.runtime().metricEncoder().encode(s.encoded, value, epochNanos, buf);
            run.listener().onSample(entry, s.encoded, value, epochNanos, buf);
        }
        return true;
    }

    private ByteBuf listenerBuf;

    ByteBuf listenerBuffer() {
        if (listenerBuf == null) {
            listenerBuf = new ByteBuf(256);
        }
        return listenerBuf;
    }
}
