package dev.sonda.engine.internal;

import dev.sonda.api.OnSinkError;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.LogRecord;
import dev.sonda.engine.data.Series;
import dev.sonda.engine.data.SeriesBatch;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Not API. The delivery side of one entry: its sink, the {@code on_sink_error} policy, the error
 * counters and the reference's rate-limited warning line (Sonda 1.20 {@code core_loop.rs}: the
 * first error, then at most one line per 60 s of the run's clock). Under {@code warn} a failed
 * write returns false and the run goes on; under {@code fail} it ends the entry. A traces entry may
 * have up to two more sinks, for its log lines and its RED metrics ({@link #openLogs}, {@link
 * #openMetrics}); samples and log records go there when they are open, and everything else to the
 * entry's sink. Flush, close, byte and error counts cover every sink. Called by one thread at a
 * time.
 *
 * <p>It also accounts for every record (one sample, log record, span or event) handed to a sink:
 * {@link #records()} counts them, and the entry's {@link DeliveryCounter} sums what the sinks
 * report as delivered and dropped. A sink that does not report ({@link Sink#reportsDelivery()}
 * false) is counted here: a call that returns delivered its record, one that throws dropped it.
 * When the sinks are closed, records they never reported are counted dropped ("not confirmed by the
 * sink"), so once an entry has finished {@code records == delivered + dropped} always holds.
 */
final class Outlet {
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;
    private static final VarHandle RECORDS;

    static {
        try {
            RECORDS = MethodHandles.lookup().findVarHandle(Outlet.class, "records", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CompiledEntry entry;
    private final RunContext run;
    private final DeliveryCounter delivery = new DeliveryCounter();
    /**
     * Records handed so far as last published: written by the entry's thread with release stores,
     * read by stats with acquire loads. Published at once for a sink that reports delivery (it may
     * confirm from another thread straight away), else with the chunk of confirmations and at each
     * {@link #publishCounts()}: a release store per record cost a tenth of a constant entry's
     * events/s.
     */
    @SuppressWarnings("unused") // accessed through RECORDS
    private long records;
    /** Records handed so far; the entry's thread alone reads and writes it. */
    private long handedCount;

    private long countedDelivered;
    private Sink sink;
    private Sink logSink;
    private Sink metricSink;
    private boolean counting;
    private boolean logCounting;
    private boolean metricCounting;
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
        this.counting = !sink.reportsDelivery();
    }

    /** Sends log records to a sink of their own (a traces entry's {@code logs.sink}). */
    void openLogs(Sink sink) {
        this.logSink = sink;
        this.logCounting = !sink.reportsDelivery();
    }

    /** Sends samples to a sink of their own (a traces entry's {@code metrics.sink}). */
    void openMetrics(Sink sink) {
        this.metricSink = sink;
        this.metricCounting = !sink.reportsDelivery();
    }

    /** Where the entry's sinks report delivery; passed in their {@code SinkContext}. */
    Delivery delivery() {
        return delivery;
    }

    /**
     * Records handed to the sinks so far; safe from any thread.
     *
     * @return the count
     */
    long records() {
        return (long) RECORDS.getAcquire(this);
    }

    /**
     * Records the sinks reported delivered (or, for a sink that does not report, whose call
     * returned); safe from any thread.
     *
     * @return the count
     */
    long delivered() {
        return delivery.delivered();
    }

    /**
     * Records dropped; safe from any thread.
     *
     * @return the count
     */
    long dropped() {
        return delivery.dropped();
    }

    /**
     * Why records were last dropped, or null.
     *
     * @return the reason
     */
    String dropReason() {
        return delivery.lastReason();
    }

    /** One record handed to a sink, published at once when that sink reports delivery itself. */
    private void handed(boolean counted) {
        handedCount++;
        if (!counted) {
            RECORDS.setRelease(this, handedCount);
        }
    }

    /**
     * Makes the record and delivery counts of non-reporting sinks visible to {@link #records()}
     * and {@link #delivered()}; the entry calls it whenever it publishes its stats.
     */
    void publishCounts() {
        reportCounted();
    }

    /**
     * A sink's call returned. For a non-reporting sink ({@code count}) its {@code n} records are
     * delivered, reported in chunks of at least 1024.
     *
     * @return true, what the delivering method returns
     */
    private boolean delivered(boolean count, long n) {
        if (count) {
            countedDelivered += n;
            if (countedDelivered >= 1024) {
                reportCounted();
            }
        }
        return true;
    }

    /**
     * A sink's call threw. For a non-reporting sink ({@code count}) its {@code n} records are
     * dropped; then the error follows the policy ({@link #error}).
     *
     * @return false, what the delivering method returns under {@code warn}
     */
    private boolean failed(boolean count, long n, SinkException e) {
        if (count) {
            reportCounted();
            delivery.dropped(n, e.getMessage());
        }
        error(e);
        return false;
    }

    private void reportCounted() {
        // records first: a reader that sees the new delivered count then sees these records too
        RECORDS.setRelease(this, handedCount);
        if (countedDelivered > 0) {
            long n = countedDelivered;
            countedDelivered = 0;
            delivery.delivered(n);
        }
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
        boolean own = metricSink != null;
        boolean count = own ? metricCounting : counting;
        handed(count);
        try {
            (own ? metricSink : sink).sample(prepared, epochNanos, value);
        } catch (SinkException e) {
            return failed(count, 1, e);
        }
        return delivered(count, 1);
    }

    /**
     * Delivers one workload metric's tick, as {@code size × parts} records (the samples of its
     * series); false after a sink error under {@code warn}. A sink that does not report delivery
     * delivered all of them when the call returned, and dropped all of them when it threw.
     */
    boolean batch(SeriesBatch batch) {
        long n = (long) batch.size() * batch.parts();
        handedCount += n;
        RECORDS.setRelease(this, handedCount);
        try {
            sink.batch(batch);
        } catch (SinkException e) {
            return failed(counting, n, e);
        }
        return delivered(counting, n);
    }

    /** Delivers one log record; false after a sink error under {@code warn}. */
    boolean log(LogRecord record) {
        boolean own = logSink != null;
        boolean count = own ? logCounting : counting;
        handed(count);
        try {
            (own ? logSink : sink).log(record);
        } catch (SinkException e) {
            return failed(count, 1, e);
        }
        return delivered(count, 1);
    }

    /** Delivers one span; false after a sink error under {@code warn}. */
    boolean span(SpanRecord span) {
        handed(counting);
        try {
            sink.span(span);
        } catch (SinkException e) {
            return failed(counting, 1, e);
        }
        return delivered(counting, 1);
    }

    /** Delivers one infrastructure event; false after a sink error under {@code warn}. */
    boolean event(EventRecord event) {
        handed(counting);
        try {
            sink.event(event);
        } catch (SinkException e) {
            return failed(counting, 1, e);
        }
        return delivered(counting, 1);
    }

    /** Flushes; a failure follows the policy like a write's. */
    void flush() {
        if (sink == null) {
            return;
        }
        try {
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
        } finally {
            reportCounted();
        }
    }

    /**
     * Flushes and closes the sinks. Under {@code fail} a failure is recorded as the entry's failure;
     * under {@code warn} it is counted and reported on one diagnostics line. Records no sink
     * confirmed are then counted dropped.
     */
    void close() {
        if (sink == null && logSink == null && metricSink == null) {
            return;
        }
        String closeError = null;
        for (Sink s : new Sink[] {logSink, metricSink, sink}) {
            if (s != null) {
                String e = closeOne(s);
                closeError = closeError != null ? closeError : e;
            }
        }
        logSink = null;
        metricSink = null;
        sink = null;
        reportCounted();
        long unconfirmed = handedCount - delivery.delivered() - delivery.dropped();
        if (unconfirmed > 0) {
            delivery.dropped(
                    unconfirmed, closeError != null ? closeError : "not confirmed by the sink when it was closed");
        }
    }

    /** Closes one sink; returns the failure's message, or null. */
    private String closeOne(Sink sink) {
        try {
            sink.close();
            return null;
        } catch (SinkException e) {
            errors++;
            lastError = e.getMessage();
            if (entry.onSinkError() == OnSinkError.FAIL) {
                run.fail(entry, e);
            } else {
                run.diagnostics()
                        .accept("sonda: scenario '" + entry.name() + "': flush failed at shutdown: " + e.getMessage());
            }
            return e.getMessage();
        } catch (RuntimeException e) {
            run.fail(entry, e);
            return String.valueOf(e);
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
