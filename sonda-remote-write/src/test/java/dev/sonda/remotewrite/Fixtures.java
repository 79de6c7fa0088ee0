package dev.sonda.remotewrite;

import dev.sonda.engine.Clock;
import dev.sonda.engine.sink.Delivery;
import dev.sonda.engine.sink.SinkContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Test fixtures: a manual clock, collected diagnostics and delivery reports. */
final class Fixtures {
    private Fixtures() {}

    /** A manual clock; epoch time and monotonic time are the same number of nanoseconds. */
    static final class ManualClock implements Clock {
        final AtomicLong nanos = new AtomicLong(1_700_000_000_000_000_000L);

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        @Override
        public long epochNanos() {
            return nanos.get();
        }

        @Override
        public void sleepUntil(long deadline) {
            nanos.accumulateAndGet(deadline, Math::max);
        }

        @Override
        public boolean isSimulated() {
            return true;
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }
    }

    /** Delivery reports. */
    static final class Reports implements Delivery {
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

    /** Context parts a test inspects. */
    static final class Ctx {
        final ManualClock clock = new ManualClock();
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Reports reports = new Reports();
        String help;

        SinkContext context() {
            return new SinkContext("rw", Map.of(), clock, lines::add, null, null, reports, help);
        }
    }
}
