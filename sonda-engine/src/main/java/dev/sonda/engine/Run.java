package dev.sonda.engine;

import dev.sonda.api.DelayClause;
import dev.sonda.api.SignalType;
import dev.sonda.api.SondaException;
import dev.sonda.api.WhileClause;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.internal.EntryRunner;
import dev.sonda.engine.internal.Gate;
import dev.sonda.engine.internal.GateSource;
import dev.sonda.engine.internal.RunContext;
import dev.sonda.engine.sink.ByteSink;
import dev.sonda.engine.sink.ChannelSink;
import dev.sonda.engine.sink.EncodingSink;
import dev.sonda.engine.sink.MemorySink;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.engine.sink.SinkProvider;
import dev.sonda.engine.workload.WorkloadHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A running plan. Start one with {@link Sonda#start}; it runs in the background until every entry
 * reaches its duration, or until {@link #stop()}.
 *
 * <p>One scheduler serves all entries: a timer queue ordered by each entry's next due time. On
 * the system clock {@link RunOptions#workers()} daemon threads ({@code sonda-run-N-worker-K}) take
 * the due entries from the queue themselves, in batches, with no dispatcher between them; an entry
 * then emits every event due by now (catching up after a late wake), delivers to its sink on the
 * same thread, and goes back into the queue, so thousands of entries need no thread each. On a
 * simulated clock one thread ({@code sonda-run-N-sim}) advances time straight to the next due
 * emission and emits without sleeping.
 *
 * <p>Stopping never loses data: every entry's sink is flushed and closed on completion, on {@link
 * #stop()} and on {@link #close()}. Failures of background work are recorded, visible in {@link
 * #failures()}, and rethrown by {@link #join()} and {@link #close()}. No static state: several runs
 * can go on side by side in one JVM. Thread-safe.
 *
 * <p>With a {@link GateRegistry} in its options, a run also takes part in {@code while:} gating
 * across runs (see there); a run whose entries wait for another run's upstream does not end while
 * they wait, on either clock, until their duration passes or it is stopped.
 *
 * <p>Embedding: an entry whose sink is {@code SinkSpec.memory()} or {@code SinkSpec.channel(n)}
 * keeps its records in the process; read them while the run goes on with {@link
 * #memory(String)} and {@link #channel(String)} (see docs/embedding.md).
 */
public final class Run implements AutoCloseable {
    private static final AtomicInteger RUN_IDS = new AtomicInteger();

    private final CompiledPlan plan;
    private final RunOptions options;
    private final Clock clock;
    private final long startNanos;
    private final long anchorEpochNanos;
    private final List<EntryRunner> runners = new ArrayList<>();
    private final List<RunFailure> failures = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch done = new CountDownLatch(1);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<EntryRunner> queue = new PriorityQueue<>(Comparator.comparingLong(EntryRunner::nextDue)
            .thenComparingInt(EntryRunner::rank)
            .thenComparingInt(r -> r.entry().index()));
    private final List<EntryRunner> woken = new ArrayList<>();
    /** Entries a system-clock worker takes from the queue at once. */
    private static final int BATCH = 128;

    private final Set<EntryRunner> wokenElsewhere = new LinkedHashSet<>();
    private final CountDownLatch[] entryDone;
    private final GateRegistry registry;
    private Thread driver;
    private boolean crossGated;
    private volatile boolean yieldRequested;

    /** The memory and channel sinks of the entries, by entry index, made before the run starts. */
    private final Map<Integer, ByteSink> embedded = new HashMap<>();

    private volatile boolean stopRequested;
    private volatile long endNanos = -1;

    Run(CompiledPlan plan, RunOptions options) {
        this.plan = plan;
        this.options = options;
        this.clock = options.clock();
        this.startNanos = clock.nanoTime();
        this.anchorEpochNanos = clock.epochNanos();
        this.registry = options.gateRegistry();
        this.entryDone = new CountDownLatch[plan.entries().size()];
        Context context = new Context();
        if (options.sinkFactory() == null) {
            for (CompiledEntry e : plan.entries()) {
                if (e.sink() instanceof SinkSpec.Channel c) {
                    embedded.put(e.index(), new ChannelSink(c.capacity()));
                } else if (e.sink() instanceof SinkSpec.Memory
                        && e.runtime().sinkProvider() instanceof MemorySink.Provider) {
                    embedded.put(e.index(), new MemorySink());
                }
            }
        }
        for (CompiledEntry e : plan.entries()) {
            runners.add(new EntryRunner(e, context, startNanos));
            entryDone[e.index()] = new CountDownLatch(1);
        }
        wireGates(plan.plan().scenarioName());
        if (registry != null) {
            wireRegistry(plan.plan().scenarioName());
        }
        queue.addAll(runners);
        int id = RUN_IDS.incrementAndGet();
        if (clock.isSimulated()) {
            driver = new Thread(this::driveSimulated, "sonda-run-" + id + "-sim");
            driver.setDaemon(true);
            driver.start();
        } else {
            driveSystem("sonda-run-" + id);
        }
    }

    /** Connects every local {@code while:} downstream to its upstream's gate bus. */
    private void wireGates(String fileScenarioName) {
        Map<String, EntryRunner> byId = new HashMap<>();
        for (EntryRunner r : runners) {
            if (r.entry().id() != null) {
                byId.put(r.entry().id(), r);
            }
        }
        Map<EntryRunner, EntryRunner> upstreamOf = new HashMap<>();
        for (EntryRunner r : runners) {
            WhileClause w = r.entry().whileClause();
            if (w == null) {
                continue;
            }
            if (w.scenarioName() != null && !w.scenarioName().equals(fileScenarioName)) {
                continue; // cross-body refs need a server registry
            }
            EntryRunner up = byId.get(w.ref());
            if (up != null) {
                upstreamOf.put(r, up);
            }
        }
        for (Map.Entry<EntryRunner, EntryRunner> e : upstreamOf.entrySet()) {
            EntryRunner down = e.getKey();
            int rank = 1;
            for (EntryRunner u = e.getValue();
                    upstreamOf.containsKey(u) && rank <= runners.size();
                    u = upstreamOf.get(u)) {
                rank++;
            }
            WhileClause w = down.entry().whileClause();
            DelayClause d = down.entry().delay();
            long open = d == null || d.open() == null ? 0 : d.open().toNanos();
            long close = d == null || d.close() == null ? 0 : d.close().toNanos();
            Gate gate = new Gate(w.op(), w.value(), open, close, () -> wake(down));
            e.getValue().gateSource().subscribe(gate);
            down.gateOn(gate, rank);
        }
    }

    /**
     * Registers the buses of a named plan and subscribes every cross-body {@code while:} entry,
     * before anything starts; a name already in use refuses the run.
     *
     * @throws SondaException if {@code scenario_name} is already in use in the registry
     */
    private void wireRegistry(String fileScenarioName) {
        if (fileScenarioName != null) {
            Map<String, GateSource> sources = new LinkedHashMap<>();
            for (EntryRunner r : runners) {
                CompiledEntry e = r.entry();
                if (e.id() != null && e.signalType() == SignalType.METRICS && !sources.containsKey(e.id())) {
                    sources.put(e.id(), r.gateSource());
                }
            }
            registry.register(this, fileScenarioName, sources);
        }
        for (EntryRunner r : runners) {
            WhileClause w = r.entry().whileClause();
            if (w == null || w.scenarioName() == null || w.scenarioName().equals(fileScenarioName)) {
                continue;
            }
            DelayClause d = r.entry().delay();
            long open = d == null || d.open() == null ? 0 : d.open().toNanos();
            long close = d == null || d.close() == null ? 0 : d.close().toNanos();
            Gate gate =
                    Gate.crossBody(w.op(), w.value(), open, close, w.ifUnresolved(), clock::nanoTime, () -> wake(r));
            r.gateOn(gate, 0);
            registry.subscribe(this, r.entry().index(), w, gate, clock);
            crossGated = true;
        }
    }

    /** A gate of {@code r} flipped: its due time changed, so re-sort it in the queue. */
    private void wake(EntryRunner r) {
        if (clock.isSimulated()) {
            if (Thread.currentThread() == driver) {
                woken.add(r);
                yieldRequested = true;
                return;
            }
            lock.lock(); // another run's upstream, a registry or a caller of stopEntry
            try {
                wokenElsewhere.add(r);
                yieldRequested = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            return;
        }
        lock.lock();
        try {
            if (queue.remove(r)) {
                queue.add(r);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void driveSimulated() {
        try {
            while (!queue.isEmpty() && !stopRequested) {
                EntryRunner r = queue.poll();
                long due = r.nextDue();
                if (due == Long.MAX_VALUE) {
                    if (!crossGated) {
                        break; // only gated entries whose gate can never open are left
                    }
                    queue.add(r);
                    awaitWake(); // entries wait for another run's upstream
                    continue;
                }
                clock.sleepUntil(due);
                EntryRunner head = queue.peek();
                long deadline = head == null
                        ? Long.MAX_VALUE
                        : head.rank() < r.rank() && head.nextDue() != Long.MIN_VALUE
                                ? head.nextDue() - 1
                                : head.nextDue();
                r.runUntil(Math.max(deadline, due));
                if (!r.finished()) {
                    queue.add(r);
                }
                if (yieldRequested) {
                    yieldRequested = false;
                    for (EntryRunner w : woken) {
                        if (queue.remove(w)) {
                            queue.add(w);
                        }
                    }
                    woken.clear();
                    resortWokenElsewhere();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failures.add(new RunFailure(-1, "<scheduler>", e));
        } finally {
            finishAll();
        }
    }

    /** Simulated clock: waits until an entry is woken from another thread, or a stop. */
    private void awaitWake() throws InterruptedException {
        lock.lock();
        try {
            while (wokenElsewhere.isEmpty() && !stopRequested) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
        resortWokenElsewhere();
    }

    private void resortWokenElsewhere() {
        lock.lock();
        try {
            for (EntryRunner w : wokenElsewhere) {
                if (queue.remove(w)) {
                    queue.add(w);
                }
            }
            wokenElsewhere.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The system-clock scheduler: every worker takes due entries from the queue itself, a batch
     * under one lock acquisition, runs them without the lock, and puts the unfinished ones back
     * under one acquisition. A worker waits for the queue head's due time; a worker that puts back
     * an entry earlier than every waiting worker's deadline wakes one of them. So a wave of many
     * entries due at one instant is drained in batches in parallel, not one hand-off at a time.
     */
    private void driveSystem(String name) {
        int n = options.workers();
        Thread[] threads = new Thread[n];
        int[] alive = {n};
        for (int k = 0; k < n; k++) {
            threads[k] = new Thread(
                    () -> {
                        try {
                            workSystem();
                        } catch (RuntimeException | Error e) {
                            failures.add(new RunFailure(-1, "<scheduler>", e));
                            stop();
                        } finally {
                            boolean last;
                            synchronized (alive) {
                                last = --alive[0] == 0;
                            }
                            if (last) {
                                finishAll();
                            }
                        }
                    },
                    name + "-worker-" + (k + 1));
            threads[k].setDaemon(true);
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    private int active;

    private void workSystem() {
        List<EntryRunner> batch = new ArrayList<>(BATCH);
        lock.lock();
        try {
            while (!stopRequested) {
                EntryRunner head = queue.peek();
                if (head == null) {
                    if (active == 0) {
                        changed.signalAll();
                        return;
                    }
                    changed.await();
                    continue;
                }
                long now = clock.nanoTime();
                long due = head.nextDue();
                if (due > now) {
                    long wait = due - now;
                    changed.awaitNanos(wait < 0 ? Long.MAX_VALUE : wait); // < 0: overflow, wait long
                    continue;
                }
                while (batch.size() < BATCH && (head = queue.peek()) != null && head.nextDue() <= now) {
                    batch.add(queue.poll());
                }
                active += batch.size();
                if (head != null && head.nextDue() <= now) {
                    changed.signal(); // more is due: another worker takes the next batch
                }
                lock.unlock();
                try {
                    for (EntryRunner r : batch) {
                        r.runUntil(clock.nanoTime());
                    }
                } finally {
                    lock.lock();
                    active -= batch.size();
                    EntryRunner before = queue.peek();
                    for (EntryRunner r : batch) {
                        if (!r.finished()) {
                            queue.add(r);
                        }
                    }
                    batch.clear();
                    EntryRunner after = queue.peek();
                    if (after != before || (after == null && active == 0)) {
                        changed.signal(); // a new head: a waiting worker's deadline is stale
                    }
                }
            }
            changed.signalAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Flushes and closes every entry still open, then marks the run done. */
    private void finishAll() {
        for (EntryRunner r : runners) {
            try {
                r.stop();
            } catch (RuntimeException e) {
                failures.add(new RunFailure(r.entry().index(), r.entry().name(), e));
            }
        }
        endNanos = clock.nanoTime();
        done.countDown();
    }

    /**
     * The compiled plan this run executes.
     *
     * @return the plan
     */
    public CompiledPlan plan() {
        return plan;
    }

    /**
     * The memory sink of an entry whose sink is {@code memory} ({@code SinkSpec.memory()}): every
     * record the entry wrote so far, readable while the run goes on. It exists from the start of
     * the run, empty until the entry's first record.
     *
     * @param entry the entry's {@code id}, or its name when no entry has that id
     * @return the sink
     * @throws IllegalArgumentException if no entry, or several (a pack or csv_replay entry expands
     *     into several: use {@link #memory(int)}), with a memory sink has that id or name; the
     *     message lists the entries that have one
     */
    public MemorySink memory(String entry) {
        return (MemorySink) embedded(entry, MemorySink.class, "memory");
    }

    /**
     * The memory sink of the entry at {@code index} in {@link CompiledPlan#entries()}.
     *
     * @param index the compiled entry's index
     * @return the sink
     * @throws IllegalArgumentException if that entry's sink is not {@code memory}, or there is no
     *     such entry
     */
    public MemorySink memory(int index) {
        return (MemorySink) embedded(index, MemorySink.class, "memory");
    }

    /**
     * The consumer side of an entry whose sink is a channel ({@code SinkSpec.channel(capacity)}):
     * take the encoded records as they come; when the queue is full the entry waits for the
     * consumer. The stream ends ({@link ChannelSink.Receiver#isFinished()}) once the entry is done
     * and its queue drained. It exists from the start of the run.
     *
     * @param entry the entry's {@code id}, or its name when no entry has that id
     * @return the receiver
     * @throws IllegalArgumentException if no entry, or several, with a channel sink has that id or
     *     name; the message lists the entries that have one
     */
    public ChannelSink.Receiver channel(String entry) {
        return ((ChannelSink) embedded(entry, ChannelSink.class, "channel")).receiver();
    }

    /**
     * The consumer side of the channel sink of the entry at {@code index} in {@link
     * CompiledPlan#entries()}.
     *
     * @param index the compiled entry's index
     * @return the receiver
     * @throws IllegalArgumentException if that entry's sink is not a channel, or there is no such
     *     entry
     */
    public ChannelSink.Receiver channel(int index) {
        return ((ChannelSink) embedded(index, ChannelSink.class, "channel")).receiver();
    }

    private ByteSink embedded(int index, Class<? extends ByteSink> type, String what) {
        ByteSink b = embedded.get(index);
        if (!type.isInstance(b)) {
            throw new IllegalArgumentException("entry " + index + " has no " + what + " sink; " + listing(type, what));
        }
        return b;
    }

    private ByteSink embedded(String entry, Class<? extends ByteSink> type, String what) {
        Objects.requireNonNull(entry, "entry");
        List<CompiledEntry> byId = new ArrayList<>();
        List<CompiledEntry> byName = new ArrayList<>();
        for (CompiledEntry e : plan.entries()) {
            if (type.isInstance(embedded.get(e.index()))) {
                if (entry.equals(e.id())) {
                    byId.add(e);
                } else if (entry.equals(e.name())) {
                    byName.add(e);
                }
            }
        }
        List<CompiledEntry> found = byId.isEmpty() ? byName : byId;
        if (found.size() != 1) {
            throw new IllegalArgumentException((found.isEmpty() ? "no entry" : found.size() + " entries")
                    + " with id or name '" + entry + "' " + (found.isEmpty() ? "has" : "have") + " a " + what
                    + " sink" + (found.isEmpty() ? "" : "; pick one by index") + "; " + listing(type, what));
        }
        return embedded.get(found.get(0).index());
    }

    private String listing(Class<? extends ByteSink> type, String what) {
        List<String> with = new ArrayList<>();
        for (CompiledEntry e : plan.entries()) {
            if (type.isInstance(embedded.get(e.index()))) {
                with.add("[" + e.index() + "] " + e.displayName());
            }
        }
        return with.isEmpty()
                ? "no entry of this run has one (set .sink(SinkSpec." + what
                        + (what.equals("memory") ? "()" : "(capacity)")
                        + ") on the entry; a sink factory in RunOptions replaces every sink)"
                : "entries with a " + what + " sink: " + String.join(", ", with);
    }

    /**
     * The workload entries of this run ({@code signal_type: workload}), in entry order: handles to
     * spike a metric, read the status, write the pull endpoint's exposition or reload. Available
     * from the start, before the first tick.
     *
     * @return the handles; empty when the plan has no workload
     */
    public List<WorkloadHandle> workloads() {
        List<WorkloadHandle> out = new ArrayList<>();
        for (EntryRunner r : runners) {
            if (r.workload() != null) {
                out.add(r.workload());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The workload entry named {@code name}.
     *
     * @param name the entry's name
     * @return the handle
     * @throws IllegalArgumentException naming the run's workloads, if none has that name
     */
    public WorkloadHandle workload(String name) {
        List<WorkloadHandle> all = workloads();
        for (WorkloadHandle h : all) {
            if (h.name().equals(name)) {
                return h;
            }
        }
        throw new IllegalArgumentException("no workload named '" + name + "' in this run; workloads: "
                + all.stream().map(WorkloadHandle::name).toList());
    }

    /**
     * Asks the run to stop. Entries stop at their next event, then every sink is flushed and
     * closed. Returns at once; use {@link #await(Duration)} or {@link #join()} to wait.
     */
    public void stop() {
        stopRequested = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks one entry to stop, as {@link #stop()} does for all: at its next turn it stops where it
     * is, and its sink is flushed and closed. The other entries go on; the run ends when its last
     * entry does. Returns at once; use {@link #awaitEntry(int, Duration)} to wait. A no-op for an
     * entry that already ended.
     *
     * @param entryIndex the entry's {@linkplain CompiledEntry#index() index} in the compiled plan
     * @throws IndexOutOfBoundsException if there is no such entry
     */
    public void stopEntry(int entryIndex) {
        EntryRunner r = runners.get(entryIndex);
        r.requestStop();
        wake(r);
    }

    /**
     * Waits for one entry to end (its duration, a stop, or a failure), its sink flushed and
     * closed.
     *
     * @param entryIndex the entry's index in the compiled plan
     * @param timeout the longest wait
     * @return true if the entry ended within {@code timeout}
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws IndexOutOfBoundsException if there is no such entry
     */
    public boolean awaitEntry(int entryIndex, Duration timeout) throws InterruptedException {
        return entryDone[entryIndex].await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Waits for the run to finish (every entry done, or stopped and flushed).
     *
     * @param timeout the longest wait
     * @return true if the run finished within {@code timeout}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Whether the run has finished.
     *
     * @return true when every entry is done and flushed
     */
    public boolean isDone() {
        return done.getCount() == 0;
    }

    /**
     * Waits for the run to finish and rethrows entry failures.
     *
     * @return the final stats
     * @throws RunFailedException if an entry failed
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public RunStats join() throws InterruptedException {
        done.await();
        throwIfFailed();
        return stats();
    }

    private void throwIfFailed() {
        List<RunFailure> f = failures();
        if (!f.isEmpty()) {
            throw new RunFailedException(f);
        }
    }

    /**
     * The failures met so far, in order.
     *
     * @return an immutable copy
     */
    public List<RunFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /**
     * Current counters of every entry; safe to call while the run goes on.
     *
     * @return a snapshot
     */
    public RunStats stats() {
        long end = endNanos;
        long elapsed = (end >= 0 ? end : clock.nanoTime()) - startNanos;
        return new RunStats(runners.stream().map(EntryRunner::stats).toList(), Duration.ofNanos(elapsed));
    }

    /**
     * Stops the run, waits until every sink is flushed and closed, and rethrows failures.
     *
     * @throws RunFailedException if an entry failed
     */
    @Override
    public void close() {
        stop();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        throwIfFailed();
    }

    private final class Context implements RunContext {
        /** The run's own simulated clock, resolved once: advanced on every event. */
        private final SimulatedClock simulated = clock instanceof SimulatedClock s ? s : null;

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public void advanceTo(long nanos) {
            if (simulated != null) {
                simulated.advanceTo(nanos);
            } else if (clock.isSimulated()) {
                try {
                    clock.sleepUntil(nanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public long anchorEpochNanos() {
            return anchorEpochNanos;
        }

        @Override
        public Consumer<String> diagnostics() {
            return options.diagnostics();
        }

        @Override
        public SampleListener listener() {
            return options.listener();
        }

        @Override
        public RunObserver observer() {
            return options.observer();
        }

        @Override
        public boolean stopRequested() {
            return stopRequested;
        }

        @Override
        public boolean shouldYield() {
            return yieldRequested;
        }

        @Override
        public Sink openSink(CompiledEntry entry, SinkContext context) {
            if (options.sinkFactory() != null) {
                return options.sinkFactory().apply(entry, context);
            }
            ByteSink own = embedded.get(entry.index());
            if (own != null) {
                return EncodingSink.of(own, context);
            }
            return create(entry.runtime().sinkProvider(), entry.sink(), context);
        }

        @Override
        public Sink openSink(CompiledEntry entry, CompiledEntry.Companion companion, SinkContext context) {
            if (options.sinkFactory() != null) {
                return options.sinkFactory().apply(entry, context);
            }
            return create(companion.provider(), companion.sink(), context);
        }

        /** Creates a sink through its provider, refusing a provider that returns none. */
        private Sink create(SinkProvider provider, SinkSpec spec, SinkContext context) {
            Sink sink = provider.create(spec, context);
            if (sink == null) {
                throw new SinkException("sink provider " + provider.getClass().getName()
                        + " returned no sink for type '" + spec.type() + "'");
            }
            return sink;
        }

        @Override
        public void fail(CompiledEntry entry, Throwable failure) {
            failures.add(new RunFailure(entry.index(), entry.name(), failure));
        }

        @Override
        public void ended(CompiledEntry entry) {
            if (registry != null) {
                registry.ended(Run.this, entry.index(), plan.plan().scenarioName());
            }
            entryDone[entry.index()].countDown();
        }
    }
}
