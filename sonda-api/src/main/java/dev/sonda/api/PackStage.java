package dev.sonda.api;

import java.util.HashMap;
import java.util.Map;

/**
 * DSL stage of a pack entry (YAML {@code pack:}). Start one with {@link Scenario#pack(String)}.
 * Immutable.
 */
public final class PackStage extends EntryStage<PackStage> {

    PackStage(Map<Field, Object> state) {
        super(state);
    }

    @Override
    PackStage copy(Map<Field, Object> state) {
        return new PackStage(state);
    }

    @Override
    SignalType signalType() {
        return SignalType.METRICS;
    }

    @Override
    @SuppressWarnings("unchecked")
    Signal signal() {
        String pack = (String) get(Field.BODY);
        Map<String, PackOverride> overrides = (Map<String, PackOverride>) get(Field.EXTRA);
        return pack == null ? null : new Signal.Pack(pack, overrides == null ? Map.of() : overrides);
    }

    /**
     * Sets the pack (YAML {@code pack:}).
     *
     * @param pack pack name or file path
     * @return the new stage
     */
    public PackStage pack(String pack) {
        return with(Field.BODY, pack);
    }

    /**
     * Overrides one metric of the pack (an item of YAML {@code overrides:}).
     *
     * @param metric the pack metric's name
     * @param override what to override
     * @return the new stage
     */
    @SuppressWarnings("unchecked")
    public PackStage override(String metric, PackOverride override) {
        Map<String, PackOverride> old = (Map<String, PackOverride>) get(Field.EXTRA);
        Map<String, PackOverride> next = new HashMap<>(old == null ? Map.of() : old);
        next.put(metric, override);
        return with(Field.EXTRA, Map.copyOf(next));
    }
}
