package dev.sonda.engine.internal;

import dev.sonda.api.Signal;
import dev.sonda.api.event.InfraEvent;
import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.data.EventData;
import dev.sonda.engine.encode.ByteBuf;
import dev.sonda.engine.encode.Labels;
import java.util.Comparator;
import java.util.List;

/**
 * Not API. An events entry: its events sorted by offset (ties in file order), each delivered at
 * the first tick at or after its offset and stamped with the offset itself ({@code anchor + at}).
 * At the entry's end, events due by then (at most one tick after the last) are delivered too. A
 * tick counts (in the entry's event count) when it delivered at least one event, all of them.
 */
final class EventEmitter extends Emitter {
    private final InfraEvent[] events;
    private final long[] offsets;
    private final long period;
    private int next;
    private long anchor = Long.MIN_VALUE;
    private long lastT;

    EventEmitter(CompiledEntry entry, RunContext run) {
        super(entry, run);
        List<InfraEvent> list = ((Signal.Events) entry.signal())
                .events().stream()
                        .sorted(Comparator.comparing(e -> e.at().resolve(entry.duration())))
                        .toList();
        events = list.toArray(new InfraEvent[0]);
        offsets = new long[events.length];
        for (int i = 0; i < events.length; i++) {
            offsets[i] = events[i].at().resolve(entry.duration()).toNanos();
        }
        period = Math.max(1L, Math.round(1e9 / entry.rate()));
    }

    @Override
    boolean emit(long tick, long t, long abs, long epochNanos) {
        if (anchor == Long.MIN_VALUE) {
            anchor = epochNanos - t;
        }
        lastT = t;
        return deliverUpTo(t);
    }

    /** Delivers the events due by {@code t}; true when there was one and every one was delivered. */
    private boolean deliverUpTo(long t) {
        boolean ok = true;
        int delivered = 0;
        while (next < events.length && offsets[next] <= t) {
            InfraEvent e = events[next];
            EventData data = new EventData(
                    anchor + offsets[next],
                    e.type(),
                    e.service(),
                    e.severity(),
                    e.effectiveDetails(),
                    Labels.of(e.attributes()));
            next++;
            delivered++;
            if (!out.event(data)) {
                ok = false;
                continue;
            }
            if (observer != null) {
                observer.onEvent(entry, data);
            }
            if (run.listener() != null) {
                ByteBuf buf = listenerBuffer();
                buf.clear();
                entry.runtime().eventEncoder().encode(data, buf);
                run.listener().onEvent(entry, data, buf);
            }
        }
        return ok && delivered > 0;
    }

    @Override
    void end() {
        if (anchor == Long.MIN_VALUE || out == null || !out.isOpen()) {
            return;
        }
        long until = lastT + period;
        if (entry.duration() != null) {
            until = Math.min(until, entry.duration().toNanos());
        }
        deliverUpTo(until);
    }
}
