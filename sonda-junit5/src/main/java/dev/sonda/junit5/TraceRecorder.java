package dev.sonda.junit5;

import dev.sonda.engine.CompiledEntry;
import dev.sonda.engine.data.EventRecord;
import dev.sonda.engine.data.SpanRecord;
import dev.sonda.engine.encode.ByteBuf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The spans and infrastructure events of a run, kept as {@link Span} and {@link Event} records in
 * delivery order (spans in start order per entry). Called by {@link Recorder}; thread-safe.
 */
final class TraceRecorder {
    private final List<Span> spans = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    synchronized void span(CompiledEntry entry, SpanRecord s, ByteBuf encoded) {
        spans.add(new Span(
                entry.name(),
                s.traceIdHex(),
                s.spanIdHex(),
                s.parentSpanIdHex(),
                s.service(),
                s.operation(),
                s.kind().yamlName(),
                Text.instant(s.startEpochNanos()),
                Duration.ofNanos(s.durationNanos()),
                s.error(),
                s.statusMessage(),
                s.attributes().toMap(),
                line(encoded)));
    }

    synchronized void event(CompiledEntry entry, EventRecord e, ByteBuf encoded) {
        events.add(new Event(
                entry.name(),
                Text.instant(e.epochNanos()),
                e.type().yamlName(),
                e.service(),
                e.severity().yamlName(),
                e.details(),
                e.attributes().toMap(),
                line(encoded)));
    }

    synchronized List<Span> spans() {
        return List.copyOf(spans);
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    private static String line(ByteBuf encoded) {
        String line = encoded.toString();
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }
}
