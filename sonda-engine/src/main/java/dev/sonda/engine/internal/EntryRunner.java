package dev.sonda.engine.internal;

import dev.sonda.api.SignalType;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.EntryState;
import dev.sonda.engine.EntryStats;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.workload.internal.WorkloadEngine;

/**
 * Not API. Runs one compiled entry of any signal kind: its lifecycle (start after the phase offset,
 * duration, {@code while:} gate with its pending, running, paused and held states, stop), its
 * {@link Schedule}, one {@link Emitter} for its signal kind, and one {@link Outlet} for delivery;
 * it publishes its counters. Called by one thread at a time; {@link #stats()} may be read from any
 * thread.
 *
 * <p>Each event is stamped with its scheduled time {@code anchor + t}, where the anchor is the
 * run's start (or the entry's {@code start_time}) plus its phase offset. The runner reads time
 * only from the run's clock, so a simulated run never consults the wall clock.
 */
public final class EntryRunner {
    private static final long NANOS = 1_000_000_000L;
    private static final int PUBLISH_EVERY = 1 << 16;

    private final CompiledEntry entry;
    private final RunContext run;
    private final long startNanos;
    private final long durationNanos;
    private final Schedule schedule;
    private final Outlet outlet;
    private final WorkloadEngine workload;
    private final boolean simulated;

    private Emitter emitter;
    private long anchorEpochNanos;
    private boolean started;
    private boolean finished;

    private long events;
    private long rateWindowStart;
    private long rateWindowEvents;
    private double currentRate;
    private volatile EntryState publishedState;
    private volatile long publishedEvents;
    private volatile double publishedRate;
    private volatile long publishedBytes;
    private volatile long publishedErrors;
    private volatile String publishedLastError;
    private volatile boolean publishedInGap;
    private volatile boolean publishedInBurst;

    private Gate gate;
    private GateSource source;
    private int rank;
    private boolean paused;
    private boolean pending = true;
    private long pausedSince;
    private volatile boolean stopRequested;
    private volatile boolean holds;

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
        this.schedule = new Schedule(entry.rate(), entry.gaps(), entry.bursts());
        this.outlet = new Outlet(entry, run);
        this.simulated = run.clock().isSimulated();
        this.workload = entry.runtime().workload() == null
                ? null
                : new WorkloadEngine(entry.runtime().workload(), run.clock(), run.diagnostics());
        publish(EntryState.PENDING);
    }

    /**
     * The running workload of a {@code signal_type: workload} entry, created with the runner so
     * its handle exists before the first tick.
     *
     * @return the workload, or null for other entries
     */
    public WorkloadEngine workload() {
        return workload;
    }

    private void closeWorkload() {
        if (workload != null) {
            workload.close();
        }
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
     * Long#MAX_VALUE} when finished, or on a simulated clock while it waits for another run's
     * upstream; the current time once a stop of this entry was requested.
     *
     * @return the next due time
     */
    public long nextDue() {
        if (finished) {
            return Long.MAX_VALUE;
        }
        if (stopRequested) {
            return Long.MIN_VALUE; // due at once, whatever the clock reads when it is asked
        }
        long resume = paused ? resumeAt() : startNanos + schedule.t();
        if (resume == Long.MAX_VALUE && gate.isCrossBody() && simulated) {
            // another run may open the gate at any moment: a simulated clock waits for it
            return Long.MAX_VALUE;
        }
        return Math.min(resume, endNanos());
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
        EntryState state = publishedState;
        // A consistent snapshot: the record count unchanged around the delivery counts (a few
        // tries; the entry may be emitting on another thread).
        long records;
        long delivered;
        long dropped;
        int tries = 0;
        do {
            records = outlet.records();
            delivered = outlet.delivered();
            dropped = outlet.dropped();
        } while (records != outlet.records() && ++tries < 8);
        return new EntryStats(
                entry.index(),
                entry.name(),
                liveState(state),
                publishedEvents,
                publishedBytes,
                publishedErrors,
                publishedRate,
                publishedInGap,
                publishedInBurst,
                publishedLastError,
                Math.max(records, delivered + dropped),
                delivered,
                dropped,
                outlet.dropReason());
    }

    /**
     * The state to report for a published one. A cross-body gate changes on other threads while
     * this entry may be parked: say what the gate says now rather than what this entry last
     * published (a started entry whose gate is known closed is paused, as the reference's pending
     * state turns into at once).
     */
    private EntryState liveState(EntryState published) {
        if (gate == null || !gate.isCrossBody() || published == EntryState.FINISHED) {
            return published;
        }
        if (gate.unresolved()) {
            return EntryState.UNRESOLVED;
        }
        if (published == EntryState.UNRESOLVED
                || (published == EntryState.PENDING && run.clock().nanoTime() >= startNanos)) {
            return gate.isOpen()
                    ? published == EntryState.PENDING ? EntryState.PENDING : EntryState.RUNNING
                    : holds ? EntryState.HELD : EntryState.PAUSED;
        }
        return published;
    }

    /**
     * Asks this entry alone to stop: at its next turn it stops where it is, flushes and closes its
     * sink. The caller then re-queues it ({@link #nextDue()} is now). Thread-safe.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Makes this entry a {@code while:} downstream of another.
     *
     * @param gate its gate
     * @param rank its depth in the while graph (upstreams run first on equal due times)
     */
    public void gateOn(Gate gate, int rank) {
        this.gate = gate;
        this.rank = rank;
        this.paused = true;
        this.pausedSince = startNanos;
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
        if (stopRequested) {
            stop();
            return;
        }
        if (!started && !start()) {
            return;
        }
        long limit = deadline - startNanos;
        int sincePublish = 0;
        Schedule s = schedule;
        try {
            while (true) {
                if (s.t() >= durationNanos) {
                    if (durationNanos > limit && !run.stopRequested()) {
                        break; // finishes when the clock reaches the end of the duration
                    }
                    finish();
                    return;
                }
                if (s.skipGap()) {
                    continue;
                }
                if (gate != null) {
                    long abs = startNanos + s.t();
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
                        s.resumeAt(resume - startNanos);
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
                if (s.t() > limit || run.stopRequested() || run.shouldYield()) {
                    break;
                }
                long t = s.t();
                if (simulated) {
                    run.advanceTo(startNanos + t);
                }
                if (emitter.emit(s.tick(), t, startNanos + t, anchorEpochNanos + t)) {
                    events++;
                }
                s.advance();
                if (++sincePublish == PUBLISH_EVERY) {
                    sincePublish = 0;
                    publish(EntryState.RUNNING);
                }
            }
        } catch (Outlet.EntryFailure f) {
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
        return emitter != null && emitter.holds() ? EntryState.HELD : EntryState.PAUSED;
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
        emitter.closeEmit();
        publish(pausedState());
    }

    private boolean start() {
        started = true;
        try {
            emitter = switch (entry.signalType()) {
                case METRICS -> {
                    MetricEmitter m = new MetricEmitter(entry, run, gate != null);
                    if (source != null) {
                        m.publishTo(source);
                    }
                    yield m;
                }
                case LOGS -> new LogEmitter(entry, run);
                case HISTOGRAM, SUMMARY -> new DistributionEmitter(entry, run);
                case TRACES -> new TraceEmitter(entry, run);
                case EVENTS -> new EventEmitter(entry, run);
                case WORKLOAD -> new WorkloadEmitter(entry, run, workload);
            };
            anchorEpochNanos = StartTime.parse(entry.startTime())
                    .anchor(run.anchorEpochNanos() + entry.phaseOffset().toNanos());
            CompiledEntry.Runtime rt = entry.runtime();
            SinkContext context = new SinkContext(
                    entry.name(),
                    entry.labels(),
                    run.clock(),
                    run.diagnostics(),
                    rt.metricsSink() == null ? rt.metricEncoder() : null,
                    rt.logsSink() == null ? rt.logEncoder() : null,
                    outlet.delivery(),
                    rt.spanEncoder(),
                    rt.eventEncoder(),
                    entry.source().help());
            Sink sink = run.openSink(entry, context);
            if (sink == null) {
                throw new IllegalStateException("no sink was opened for entry " + entry.displayName());
            }
            outlet.open(sink);
            emitter.start(outlet);
        } catch (RuntimeException e) {
            fail(e);
            return false;
        }
        rateWindowStart = run.clock().nanoTime();
        publish(EntryState.RUNNING);
        return true;
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
        emitter.closeEmit();
        emitter.end();
        if (source != null) {
            source.gone(startNanos + Math.min(schedule.t(), durationNanos));
        }
        outlet.close();
        closeWorkload();
        publish(EntryState.FINISHED);
        run.ended(entry);
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
            try {
                if (emitter != null) {
                    emitter.closeEmit();
                    emitter.end();
                }
            } catch (Outlet.EntryFailure f) {
                run.fail(entry, f.getCause() != null ? f.getCause() : f);
            } finally {
                outlet.close();
            }
        }
        closeWorkload();
        if (source != null) {
            source.gone(run.clock().nanoTime());
        }
        publish(EntryState.FINISHED);
        run.ended(entry);
    }

    private void fail(Throwable e) {
        finished = true;
        if (source != null) {
            source.gone(startNanos + schedule.t());
        }
        outlet.close();
        closeWorkload();
        run.fail(entry, e);
        publish(EntryState.FINISHED);
        run.ended(entry);
    }

    /** Makes the counters visible to {@link #stats()} on any thread; allocates nothing. */
    private void publish(EntryState state) {
        if (gate != null && state != EntryState.FINISHED) {
            holds = emitter != null && emitter.holds();
            if (gate.unresolved()) {
                state = EntryState.UNRESOLVED;
            }
        }
        outlet.publishCounts();
        publishedBytes = outlet.bytes();
        publishedErrors = outlet.errors();
        publishedLastError = outlet.lastError();
        publishedInGap = schedule.inGap();
        publishedInBurst = schedule.inBurst();
        publishedEvents = events;
        publishedRate = currentRate;
        publishedState = state;
    }

    /** The entry's signal kind, for the scheduler's messages. */
    SignalType signalType() {
        return entry.signalType();
    }
}
