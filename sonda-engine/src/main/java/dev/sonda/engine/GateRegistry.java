package dev.sonda.engine;

import dev.sonda.api.SondaException;
import dev.sonda.api.WhileClause;
import dev.sonda.api.WhileClause.IfUnresolved;
import dev.sonda.engine.internal.Gate;
import dev.sonda.engine.internal.GateSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Connects {@code while:} gates across runs: the cross-body half of {@code while:} that a server
 * running many scenario bodies needs ({@code while: {scenario_name: ..., ref: ...}}), as Sonda
 * 1.20's {@code sonda-server/src/gate_registry.rs} does. Give one registry to every run that
 * should see the others, with {@link RunOptions#withGateRegistry(GateRegistry)}.
 *
 * <p>What a run does with it:
 *
 * <ul>
 *   <li>A plan with a top-level {@code scenario_name} registers a gate bus for each of its metrics
 *       entries with an {@code id}, keyed {@code (scenario_name, id)}, when the run starts. A key
 *       already registered refuses the start ({@link SondaException} {@code scenario_name 'x' is
 *       already in use by a running scenario}); nothing is started then.
 *   <li>An entry whose {@code while.scenario_name} names another body subscribes to that bus. If
 *       the bus exists, the entry starts {@link EntryState#PENDING}: a value the upstream already
 *       has takes effect at once, else the gate counts as closed until the first value. If not,
 *       the entry starts {@link EntryState#UNRESOLVED} and waits: with {@code if_unresolved: open}
 *       it emits as if the gate were open, with {@code closed} or {@code pending} (the default;
 *       the two behave alike, as in the reference's code) it emits nothing.
 *   <li>When a bus it waits for is registered later, the subscription resolves at once (no
 *       polling), its {@linkplain CrossRef#attempts() attempt count} grows by one, and the first
 *       value the bus delivers takes effect without {@code delay:} debounce.
 *   <li>When any entry of a named run ends (its duration, a stop, a failure), every bus of that
 *       run is unregistered and their cross-body subscribers become {@code UNRESOLVED} again,
 *       keeping their counters and ticks, until a later run registers the name again. Entries
 *       gated on a bus of their own run are not affected by this; they end when their upstream
 *       ends.
 * </ul>
 *
 * <p>Flips of a cross-body gate are stamped with the downstream run's clock. Runs on the system
 * clock share one time base; runs on simulated clocks do not, so cross-body gating on a simulated
 * clock is meant for tests that drive the upstream with {@link #register(String, String)} while the
 * downstream waits.
 *
 * <p>Thread-safe. A run forgets everything it registered or subscribed when its entries end, so a
 * long-lived registry does not grow with the runs it has seen.
 */
public final class GateRegistry {
    private final Map<Key, Bus> buses = new HashMap<>();
    private final List<Subscriber> subscribers = new ArrayList<>();

    private GateRegistry() {}

    /**
     * A new, empty registry.
     *
     * @return the registry
     */
    public static GateRegistry create() {
        return new GateRegistry();
    }

    /**
     * What one cross-body {@code while:} subscription is waiting for or following.
     *
     * @param scenarioName the upstream body's {@code scenario_name}
     * @param entryId the upstream entry's {@code id}
     * @param ifUnresolved what the downstream does while the upstream is absent
     * @param resolved whether a bus for the upstream is registered and subscribed to
     * @param registeredAt when the subscription was last recorded as waiting (its start, or the
     *     moment its upstream went away), on the downstream run's clock
     * @param attempts how many times the subscription was resolved so far; it survives the
     *     upstream going away and coming back
     */
    public record CrossRef(
            String scenarioName,
            String entryId,
            IfUnresolved ifUnresolved,
            boolean resolved,
            Instant registeredAt,
            int attempts) {}

    /**
     * Whether a bus {@code (scenarioName, entryId)} is registered.
     *
     * @param scenarioName a body's {@code scenario_name}
     * @param entryId an entry {@code id}
     * @return true if registered
     */
    public synchronized boolean isRegistered(String scenarioName, String entryId) {
        return buses.containsKey(new Key(scenarioName, entryId));
    }

    /**
     * Whether any bus is registered under {@code scenarioName}.
     *
     * @param scenarioName a body's {@code scenario_name}
     * @return true if at least one is
     */
    public synchronized boolean isRegistered(String scenarioName) {
        return buses.keySet().stream().anyMatch(k -> k.scenarioName().equals(scenarioName));
    }

    /**
     * The cross-body subscription of one entry of a run, while the entry runs.
     *
     * @param run the run
     * @param entryIndex the entry's index in the run's compiled plan
     * @return the subscription, or empty when the entry has none or has ended
     */
    public synchronized Optional<CrossRef> crossRef(Run run, int entryIndex) {
        for (Subscriber s : subscribers) {
            if (s.run == run && s.entryIndex == entryIndex) {
                return Optional.of(new CrossRef(
                        s.key.scenarioName(),
                        s.key.entryId(),
                        s.mode,
                        s.bus != null,
                        instant(s.registeredAtEpochNanos),
                        s.attempts));
            }
        }
        return Optional.empty();
    }

    /**
     * Registers a bus whose values come from outside any run: a test driving a gated scenario
     * step by step, or a bridge from a live measurement. Subscribers waiting for the key resolve
     * at once.
     *
     * @param scenarioName the {@code scenario_name} subscribers name
     * @param entryId the {@code id} subscribers name as {@code ref}
     * @return the publishing end; closing it unregisters the bus
     * @throws SondaException if the key is already registered
     */
    public Upstream register(String scenarioName, String entryId) {
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(entryId, "entryId");
        GateSource source = new GateSource();
        Upstream up = new Upstream(scenarioName, source);
        register(up, scenarioName, Map.of(entryId, source));
        return up;
    }

    /**
     * The publishing end of a bus registered with {@link #register(String, String)}.
     * Thread-safe.
     */
    public final class Upstream implements AutoCloseable {
        private final String scenarioName;
        private final GateSource source;

        private Upstream(String scenarioName, GateSource source) {
            this.scenarioName = scenarioName;
            this.source = source;
        }

        /**
         * Publishes a value, as an upstream metrics entry does on each tick (after jitter). A
         * value bit-identical to the previous one changes nothing.
         *
         * @param value the value; NaN satisfies no comparison
         */
        public void publish(double value) {
            source.publishExternal(value, System.nanoTime());
        }

        /** Unregisters the bus: its subscribers become unresolved. Idempotent. */
        @Override
        public void close() {
            unregisterAll(this, scenarioName);
        }
    }

    // ---- the run's side -------------------------------------------------------------------------

    /**
     * Registers the buses of one owner (a run or an external upstream) under {@code scenarioName},
     * all or none, and resolves the subscribers waiting for them.
     *
     * @throws SondaException if a key is already registered
     */
    synchronized void register(Object owner, String scenarioName, Map<String, GateSource> sources) {
        for (String id : sources.keySet()) {
            if (buses.containsKey(new Key(scenarioName, id))) {
                throw new SondaException(
                        "scenario_name '" + scenarioName + "' is already in use by a running scenario");
            }
        }
        for (Map.Entry<String, GateSource> e : sources.entrySet()) {
            Key key = new Key(scenarioName, e.getKey());
            Bus bus = new Bus(owner, e.getValue());
            buses.put(key, bus);
            for (Subscriber s : subscribers) {
                if (s.bus == null && s.key.equals(key)) {
                    s.bus = bus;
                    s.attempts++;
                    bus.source.subscribeLate(s.gate);
                }
            }
        }
    }

    /** Subscribes a cross-body gate of a starting run's entry, or records it as waiting. */
    synchronized void subscribe(Run run, int entryIndex, WhileClause w, Gate gate, Clock clock) {
        Key key = new Key(w.scenarioName(), w.ref());
        IfUnresolved mode = w.ifUnresolved() == null ? IfUnresolved.PENDING : w.ifUnresolved();
        Subscriber s = new Subscriber(run, entryIndex, key, mode, gate, clock);
        s.registeredAtEpochNanos = clock.epochNanos();
        Bus bus = buses.get(key);
        if (bus != null) {
            s.bus = bus;
            bus.source.subscribeAtStart(gate);
        }
        subscribers.add(s);
    }

    /**
     * An entry of a run ended: it forgets its subscription, and when the run registered buses
     * under {@code scenarioName}, every one of them is unregistered.
     */
    synchronized void ended(Run run, int entryIndex, String scenarioName) {
        for (Iterator<Subscriber> it = subscribers.iterator(); it.hasNext(); ) {
            Subscriber s = it.next();
            if (s.run == run && s.entryIndex == entryIndex) {
                if (s.bus != null) {
                    s.bus.source.unsubscribe(s.gate);
                }
                it.remove();
            }
        }
        if (scenarioName != null) {
            unregisterAll(run, scenarioName);
        }
    }

    private synchronized void unregisterAll(Object owner, String scenarioName) {
        Map<Key, Bus> gone = new LinkedHashMap<>();
        buses.entrySet().removeIf(e -> {
            if (e.getValue().owner == owner && e.getKey().scenarioName().equals(scenarioName)) {
                gone.put(e.getKey(), e.getValue());
                return true;
            }
            return false;
        });
        if (gone.isEmpty()) {
            return;
        }
        for (Subscriber s : subscribers) {
            if (s.bus != null && gone.get(s.key) == s.bus) {
                s.bus.source.unsubscribe(s.gate);
                s.bus = null;
                s.registeredAtEpochNanos = s.clock.epochNanos();
                s.gate.upstreamGone(s.clock.nanoTime());
            }
        }
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private record Key(String scenarioName, String entryId) {}

    private static final class Bus {
        final Object owner;
        final GateSource source;

        Bus(Object owner, GateSource source) {
            this.owner = owner;
            this.source = source;
        }
    }

    private static final class Subscriber {
        final Run run;
        final int entryIndex;
        final Key key;
        final IfUnresolved mode;
        final Gate gate;
        final Clock clock;
        Bus bus;
        long registeredAtEpochNanos;
        int attempts;

        Subscriber(Run run, int entryIndex, Key key, IfUnresolved mode, Gate gate, Clock clock) {
            this.run = run;
            this.entryIndex = entryIndex;
            this.key = key;
            this.mode = mode;
            this.gate = gate;
            this.clock = clock;
        }
    }
}
