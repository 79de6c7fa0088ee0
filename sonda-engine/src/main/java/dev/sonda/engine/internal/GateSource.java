package dev.sonda.engine.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Not API. The gate bus of one {@code while:} upstream: every value the upstream emits is offered
 * to each subscribed {@link Gate}. A value bit-identical to the previous one is skipped, as in
 * Sonda 1.20 {@code schedule/gate_bus.rs}.
 */
public final class GateSource {
    private final List<Gate> gates = new CopyOnWriteArrayList<>();
    private long lastBits;
    private boolean hasValue;

    /**
     * Subscribes a gate.
     *
     * @param gate the gate
     */
    public void subscribe(Gate gate) {
        gates.add(gate);
    }

    /**
     * Publishes the upstream's value of one tick.
     *
     * @param value the value after jitter
     * @param at the tick's monotonic clock time
     */
    void publish(double value, long at) {
        long bits = Double.doubleToRawLongBits(value);
        if (hasValue && bits == lastBits) {
            return;
        }
        hasValue = true;
        lastBits = bits;
        for (Gate g : gates) {
            g.observe(value, at);
        }
    }

    /**
     * The upstream ended.
     *
     * @param at the monotonic clock time it ended
     */
    void gone(long at) {
        for (Gate g : gates) {
            g.upstreamGone(at);
        }
    }
}
