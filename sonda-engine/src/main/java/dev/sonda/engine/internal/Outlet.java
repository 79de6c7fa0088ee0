package dev.sonda.engine.internal;

import dev.sonda.api.OnSinkError;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkException;

/**
 * Not API. The delivery side of one entry: its sink, the {@code on_sink_error} policy, the error
 * counters and the reference's rate-limited warning line (Sonda 1.20 {@code core_loop.rs}: the
 * first error, then at most one line per 60 s of the run's clock). Under {@code warn} a failed
 * write returns false and the run goes on; under {@code fail} it ends the entry. A traces entry may
 * have up to two more sinks, for its log lines and its RED metrics ({@link #openLogs}, {@link
 * #openMetrics}); samples and log records go there when they are open, and everything else to the
 * entry's sink. Flush, close, byte and error counts cover every sink. Called by one thread at a
 * time.
 */
final class Outlet {
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final CompiledEntry entry;
    private final RunContext run;
    private Sink sink;
    private Sink logSink;
    private Sink metricSink;
    private long bytes;
    private long errors;
    private String lastError;
    private long lastWarnNanos = Long.MIN_VALUE;
    private long errorsSinceWarn;

    Outlet(CompiledEntry entry, RunContext run) {
        this.entry = entry;
        this.run = run;
    }

    void open(Sink sink) {
        this.sink = sink;
    }

    /** Sends log records to a sink of their own (a traces entry's {@code logs.sink}). */
    void openLogs(Sink sink) {
        this.logSink = sink;
    }

    /** Sends samples to a sink of their own (a traces entry's {@code metrics.sink}). */
    void openMetrics(Sink sink) {
        this.metricSink = sink;
    }

    boolean isOpen() {
        return sink != null;
    }

    /** The sink's prepared form of a series (once per series). */
    Object prepare(Series series) {
        return (metricSink != null ? metricSink : sink).prepare(series);
    }

    /** Delivers one sample; false after a sink error under {@code warn}. */
    boolean sample(Object prepared, long epochNanos, double value) {
        try {
            (metricSink != null ? metricSink : sink).sample(prepared, epochNanos, value);
            return true;
        } catch (SinkException e) {
            error(e);
            return false;
        }
    }

    /** Delivers one log record; false after a sink error under {@code warn}. */
    boolean log(LogRecord record) {
        try {
            (logSink != null ? logSink : sink).log(record);
            return true;
        } catch (SinkException e) {
            error(e);
            return false;
        }
    }

    /** Delivers one span; false after a sink error under {@code warn}. */
    boolean span(SpanRecord span) {
        try {
            sink.span(span);
            return true;
        } catch (SinkException e) {
            error(e);
            return false;
        }
    }

    /** Delivers one infrastructure event; false after a sink error under {@code warn}. */
    boolean event(EventRecord event) {
        try {
            sink.event(event);
            return true;
        } catch (SinkException e) {
            error(e);
            return false;
        }
    }

    /** Flushes; a failure follows the policy like a write's. */
    void flush() {
        if (sink == null) {
            return;
        }
        for (Sink s : new Sink[] {sink, logSink, metricSink}) {
            if (s == null) {
                continue;
            }
            try {
                s.flush();
            } catch (SinkException e) {
                error(e);
            }
        }
    }

    /**
     * Flushes and closes the sink. Under {@code fail} a failure is recorded as the entry's failure;
     * under {@code warn} it is counted and reported on one diagnostics line.
     */
    void close() {
        if (logSink != null) {
            Sink s = logSink;
            logSink = null;
            closeOne(s);
        }
        if (metricSink != null) {
            Sink s = metricSink;
            metricSink = null;
            closeOne(s);
        }
        if (sink == null) {
            return;
        }
        closeOne(sink);
        sink = null;
    }

    private void closeOne(Sink sink) {
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
            bytes += sink.bytes();
        }
    }

    long bytes() {
        long total = bytes;
        for (Sink s : new Sink[] {sink, logSink, metricSink}) {
            if (s != null) {
                total += s.bytes();
            }
        }
        return total;
    }

    long errors() {
        return errors;
    }

    String lastError() {
        return lastError;
    }

    private void error(SinkException e) {
        errors++;
        lastError = e.getMessage();
        if (entry.onSinkError() == OnSinkError.FAIL) {
            throw new EntryFailure(e);
        }
        errorsSinceWarn++;
        long now = run.clock().nanoTime();
        if (lastWarnNanos == Long.MIN_VALUE || now - lastWarnNanos >= WARN_EVERY_NANOS) {
            run.diagnostics()
                    .accept("sonda: scenario '" + entry.name() + "': " + errorsSinceWarn
                            + " sink errors in last 60s (last: " + e.getMessage() + ")");
            lastWarnNanos = now;
            errorsSinceWarn = 0;
        }
    }

    /** Carries a sink failure under {@code on_sink_error: fail} out of the emission loop. */
    static final class EntryFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EntryFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
