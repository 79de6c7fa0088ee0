package dev.sonda.engine;

import dev.sonda.api.DelayClause;
import dev.sonda.api.WhileClause;
import dev.sonda.api.sink.SinkSpec;
import dev.sonda.engine.internal.EntryRunner;
import dev.sonda.engine.internal.Gate;
import dev.sonda.engine.internal.RunContext;
import dev.sonda.engine.sink.Sink;
import dev.sonda.engine.sink.SinkContext;
import dev.sonda.engine.sink.SinkException;
import dev.sonda.engine.sink.SinkProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
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
 * the system clock a dispatcher thread waits for the earliest deadline and hands due entries to a
 * small worker pool; an entry then emits every event due by now (catching up after a late wake) and
 * goes back into the queue, so thousands of entries need no thread each. On a simulated clock one
 * thread advances time straight to the next due emission and emits without sleeping.
 *
 * <p>Stopping never loses data: every entry's sink is flushed and closed on completion, on {@link
 * #stop()} and on {@link #close()}. Failures of background work are recorded, visible in {@link
 * #failures()}, and rethrown by {@link #join()} and {@link #close()}. No static state: several runs
 * can go on side by side in one JVM. Thread-safe.
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
    private boolean yieldRequested;
    private volatile boolean stopRequested;
    private volatile long endNanos = -1;

    Run(CompiledPlan plan, RunOptions options) {
        this.plan = plan;
        this.options = options;
        this.clock = options.clock();
        this.startNanos = clock.nanoTime();
        this.anchorEpochNanos = clock.epochNanos();
        Context context = new Context();
        for (CompiledEntry e : plan.entries()) {
            runners.add(new EntryRunner(e, context, startNanos));
        }
        wireGates(plan.plan().scenarioName());
        queue.addAll(runners);
        int id = RUN_IDS.incrementAndGet();
        Thread driver = clock.isSimulated()
                ? new Thread(this::driveSimulated, "sonda-run-" + id + "-sim")
                : new Thread(this::driveSystem, "sonda-run-" + id + "-dispatch");
        driver.setDaemon(true);
        driver.start();
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

    /** A gate of {@code r} flipped: its due time changed, so re-sort it in the queue. */
    private void wake(EntryRunner r) {
        if (clock.isSimulated()) {
            woken.add(r);
            yieldRequested = true;
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
                    break; // only gated entries whose gate can never open are left
                }
                clock.sleepUntil(due);
                EntryRunner head = queue.peek();
                long deadline =
                        head == null ? Long.MAX_VALUE : head.rank() < r.rank() ? head.nextDue() - 1 : head.nextDue();
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

    private void driveSystem() {
        ExecutorService pool = Executors.newFixedThreadPool(options.workers(), daemonThreads());
        int[] active = {0};
        try {
            lock.lock();
            try {
                while (!stopRequested) {
                    EntryRunner head = queue.peek();
                    if (head == null) {
                        if (active[0] == 0) {
                            break;
                        }
                        changed.await();
                        continue;
                    }
                    long wait = head.nextDue() - clock.nanoTime();
                    if (wait > 0) {
                        changed.awaitNanos(wait);
                        continue;
                    }
                    queue.poll();
                    active[0]++;
                    pool.execute(() -> {
                        try {
                            head.runUntil(clock.nanoTime());
                        } finally {
                            lock.lock();
                            try {
                                active[0]--;
                                if (!head.finished()) {
                                    queue.add(head);
                                }
                                changed.signalAll();
                            } finally {
                                lock.unlock();
                            }
                        }
                    });
                }
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failures.add(new RunFailure(-1, "<scheduler>", e));
        } finally {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                    pool.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finishAll();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sonda-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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
        @Override
        public Clock clock() {
            return clock;
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
            SinkSpec spec = entry.sink();
            SinkProvider provider = entry.runtime().sinkProvider();
            Sink sink = provider.create(spec, context);
            if (sink == null) {
                throw new SinkException("sink provider " + provider.getClass().getName()
                        + " returned no sink for type '" + spec.type() + "'");
            }
            return sink;
        }

        @Override
        public Sink openSink(CompiledEntry entry, CompiledEntry.Companion companion, SinkContext context) {
            if (options.sinkFactory() != null) {
                return options.sinkFactory().apply(entry, context);
            }
            Sink sink = companion.provider().create(companion.sink(), context);
            if (sink == null) {
                throw new SinkException(
                        "sink provider " + companion.provider().getClass().getName() + " returned no sink for type '"
                                + companion.sink().type() + "'");
            }
            return sink;
        }

        @Override
        public void fail(CompiledEntry entry, Throwable failure) {
            failures.add(new RunFailure(entry.index(), entry.name(), failure));
        }
    }
}
