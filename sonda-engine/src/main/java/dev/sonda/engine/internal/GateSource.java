package dev.sonda.engine.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Not API. The gate bus of one {@code while:} upstream: every value the upstream emits is offered
 * to each subscribed {@link Gate}. A value bit-identical to the previous one is skipped, as in
 * Sonda 1.20 {@code schedule/gate_bus.rs}.
 *
 * <p>Published by one thread at a time (the upstream's); subscribed and unsubscribed from any
 * thread (a cross-body downstream subscribes from the registry). A repeated value costs one
 * comparison and no lock; a changed value takes the bus's lock, so a late subscriber sees either
 * the value before or the value after, never neither.
 */
public final class GateSource {
    private final List<Gate> gates = new ArrayList<>();
    private long lastBits;
    private double lastValue;
    private long lastAt;
    private boolean hasValue;

    /**
     * Subscribes a gate; it sees the next value that differs from the previous one.
     *
     * @param gate the gate
     */
    public synchronized void subscribe(Gate gate) {
        gates.add(gate);
    }

    /**
     * Subscribes a cross-body gate while its downstream starts: a gate that finds a value is
     * given it at once (the subscription snapshot, which opens without debounce); one that finds
     * none counts as closed until the first value.
     *
     * @param gate the gate
     */
    public synchronized void subscribeAtStart(Gate gate) {
        gates.add(gate);
        if (hasValue) {
            gate.observe(lastValue, lastAt);
        } else {
            gate.subscribedClosed();
        }
    }

    /**
     * Subscribes a cross-body gate after its upstream appeared (a late subscription): a value the
     * bus already has is given at once; else the next value is, whatever it is.
     *
     * @param gate the gate
     */
    public synchronized void subscribeLate(Gate gate) {
        gates.add(gate);
        if (hasValue) {
            gate.observe(lastValue, lastAt);
        }
    }

    /**
     * Unsubscribes a gate; a no-op if it is not subscribed.
     *
     * @param gate the gate
     */
    public synchronized void unsubscribe(Gate gate) {
        gates.remove(gate);
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
            return; // written only by this (the publishing) thread
        }
        synchronized (this) {
            hasValue = true;
            lastBits = bits;
            lastValue = value;
            lastAt = at;
            for (Gate g : gates) {
                g.observe(value, at);
            }
        }
    }

    /**
     * Publishes a value from outside a run (a registry's external upstream). Thread-safe.
     *
     * @param value the value
     * @param at a monotonic clock time
     */
    public synchronized void publishExternal(double value, long at) {
        publish(value, at);
    }

    /**
     * The upstream ended.
     *
     * @param at the monotonic clock time it ended
     */
    public synchronized void gone(long at) {
        for (Gate g : List.copyOf(gates)) {
            g.upstreamGone(at);
        }
    }
}
