package dev.sonda.engine.internal;

import dev.sonda.api.OnSinkError;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkException;

/**
 * Not API. The delivery side of one entry: its sink, the {@code on_sink_error} policy, the error
 * counters and the reference's rate-limited warning line (Sonda 1.20 {@code core_loop.rs}: the
 * first error, then at most one line per 60 s of the run's clock). Under {@code warn} a failed
 * write returns false and the run goes on; under {@code fail} it ends the entry. Called by one
 * thread at a time.
 */
final class Outlet {
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final CompiledEntry entry;
    private final RunContext run;
    private Sink sink;
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

    boolean isOpen() {
        return sink != null;
    }

    /** The sink's prepared form of a series (once per series). */
    Object prepare(Series series) {
        return sink.prepare(series);
    }

    /** Delivers one sample; false after a sink error under {@code warn}. */
    boolean sample(Object prepared, long epochNanos, double value) {
        try {
            sink.sample(prepared, epochNanos, value);
            return true;
        } catch (SinkException e) {
            error(e);
            return false;
        }
    }

    /** Delivers one log record; false after a sink error under {@code warn}. */
    boolean log(LogRecord record) {
        try {
            sink.log(record);
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
        try {
            sink.flush();
        } catch (SinkException e) {
            error(e);
        }
    }

    /**
     * Flushes and closes the sink. Under {@code fail} a failure is recorded as the entry's failure;
     * under {@code warn} it is counted and reported on one diagnostics line.
     */
    void close() {
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

    long bytes() {
        Sink s = sink;
        return s == null ? bytes : s.bytes();
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
