package dev.sonda.kafka;

import dev.sonda.engine.sink.Delivery;
import java.util.ArrayList;
import java.util.List;

/** Sums what a sink reports to {@link Delivery}. Thread-safe. */
final class DeliveryCounts implements Delivery {
    long delivered;
    long dropped;
    final List<String> reasons = new ArrayList<>();

    @Override
    public synchronized void delivered(long records) {
        delivered += records;
    }

    @Override
    public synchronized void dropped(long records, String reason) {
        dropped += records;
        reasons.add(reason);
    }

    synchronized long delivered() {
        return delivered;
    }

    synchronized long dropped() {
        return dropped;
    }
}
