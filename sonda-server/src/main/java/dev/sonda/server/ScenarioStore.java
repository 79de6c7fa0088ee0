package dev.sonda.server;

import dev.sonda.engine.EntryState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenarios the server holds, finished ones included until they are deleted, and the {@code
 * --max-scenarios} slots they occupy: one per stored scenario, taken before a launch and given
 * back by {@code DELETE} (Sonda 1.20 {@code state.rs}). Thread-safe.
 */
final class ScenarioStore {
    private final int maxScenarios;
    private final Map<String, ScenarioHandle> byId = new LinkedHashMap<>();
    private int reserved;

    ScenarioStore(int maxScenarios) {
        this.maxScenarios = maxScenarios;
    }

    int maxScenarios() {
        return maxScenarios;
    }

    /** Takes {@code n} slots, or none when fewer are free; 0 means unlimited. */
    synchronized boolean reserve(int n) {
        if (maxScenarios > 0 && byId.size() + reserved + n > maxScenarios) {
            return false;
        }
        reserved += n;
        return true;
    }

    /** Gives back {@code n} reserved slots of a launch that did not happen. */
    synchronized void unreserve(int n) {
        reserved -= n;
    }

    /** Stores the handles of a launch, turning its reserved slots into rows. */
    synchronized void add(ScenarioHandle[] handles) {
        reserved -= handles.length;
        for (ScenarioHandle h : handles) {
            byId.put(h.id, h);
        }
    }

    synchronized ScenarioHandle get(String id) {
        return byId.get(id);
    }

    /** Removes a handle, freeing its slot; null if there is none. */
    synchronized ScenarioHandle remove(String id) {
        return byId.remove(id);
    }

    /** Every handle, oldest first. */
    synchronized List<ScenarioHandle> all() {
        return new ArrayList<>(byId.values());
    }

    /** Removes and returns every handle (shutdown). */
    synchronized List<ScenarioHandle> drain() {
        List<ScenarioHandle> out = new ArrayList<>(byId.values());
        byId.clear();
        return out;
    }

    synchronized int size() {
        return byId.size();
    }

    /** Stored handles per state. */
    Map<EntryState, Integer> byState() {
        Map<EntryState, Integer> counts = new EnumMap<>(EntryState.class);
        for (EntryState s : EntryState.values()) {
            counts.put(s, 0);
        }
        for (ScenarioHandle h : all()) {
            counts.merge(h.snapshot().stats().state(), 1, Integer::sum);
        }
        return counts;
    }
}
