package dev.sonda.engine.internal;

import dev.sonda.engine.sink.Delivery;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Not API. One entry's {@link Delivery}: the sums of delivered and dropped records and the latest
 * drop reason. Sinks may report from any thread, and stats are read from any thread, so the sums
 * are updated atomically; a report allocates nothing.
 */
final class DeliveryCounter implements Delivery {
    private static final VarHandle DELIVERED;
    private static final VarHandle DROPPED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            DELIVERED = l.findVarHandle(DeliveryCounter.class, "delivered", long.class);
            DROPPED = l.findVarHandle(DeliveryCounter.class, "dropped", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // updated through DELIVERED
    private volatile long delivered;

    @SuppressWarnings("unused") // updated through DROPPED
    private volatile long dropped;

    private volatile String lastReason;

    @Override
    public void delivered(long records) {
        if (records < 0) {
            throw new IllegalArgumentException("delivered record count must not be negative: " + records);
        }
        if (records > 0) {
            DELIVERED.getAndAdd(this, records);
        }
    }

    @Override
    public void dropped(long records, String reason) {
        if (records < 0) {
            throw new IllegalArgumentException("dropped record count must not be negative: " + records);
        }
        if (records > 0) {
            lastReason = reason;
            DROPPED.getAndAdd(this, records);
        }
    }

    long delivered() {
        return delivered;
    }

    long dropped() {
        return dropped;
    }

    String lastReason() {
        return lastReason;
    }
}
