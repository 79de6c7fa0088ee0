package dev.sonda.otlp;

import dev.sonda.engine.sink.Delivery;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Delivery} that sums what a sink reports. */
final class CountingDelivery implements Delivery {
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final List<String> reasons = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(long records) {
        delivered.addAndGet(records);
    }

    @Override
    public void dropped(long records, String reason) {
        dropped.addAndGet(records);
        reasons.add(reason);
    }
}
