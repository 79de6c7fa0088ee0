package dev.sonda.junit5;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The captured spans of one trace ({@link Spans#traces()}), in delivery (start) order.
 *
 * @param traceId 32 hex digits
 * @param spans its spans, at least one
 */
public record Trace(String traceId, List<Span> spans) {
    /**
     * Creates a trace, copying the spans.
     *
     * @param traceId the id
     * @param spans its spans
     * @throws NullPointerException if an argument is null
     */
    public Trace {
        Objects.requireNonNull(traceId, "traceId");
        spans = List.copyOf(spans);
    }

    /**
     * The root span.
     *
     * @return the span without a parent
     * @throws IllegalStateException if the trace has none (its root was not captured)
     */
    public Span root() {
        return spans.stream()
                .filter(Span::root)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "trace " + traceId + " has no root span among its " + spans.size() + " captured spans"));
    }

    /**
     * The spans whose parent is {@code parent}, in start order.
     *
     * @param parent a span of this trace
     * @return its children, possibly none
     */
    public List<Span> children(Span parent) {
        return spans.stream()
                .filter(s -> parent.spanId().equals(s.parentSpanId()))
                .toList();
    }

    /**
     * The critical path: the spans the request waited for, as tracing tools compute it. From a
     * span's end, walking back: the child that ended last, then, before that child's start, the
     * child that ended last before it, and so on; each child on the path contributes its own
     * critical path. So calls made in sequence are all on it, and of calls made in parallel, the
     * slowest.
     *
     * @return the spans on the path, each followed by its own path's spans in time order; the root
     *     first
     */
    public List<Span> criticalPath() {
        List<Span> path = new ArrayList<>();
        walk(root(), path);
        return List.copyOf(path);
    }

    private void walk(Span s, List<Span> path) {
        path.add(s);
        List<Span> children = new ArrayList<>(children(s));
        List<Span> onPath = new ArrayList<>();
        java.time.Instant t = s.end();
        while (true) {
            java.time.Instant before = t;
            Span last = children.stream()
                    .filter(c -> !c.end().isAfter(before))
                    .max(Comparator.comparing(Span::end).thenComparing(Span::start))
                    .orElse(null);
            if (last == null) {
                break;
            }
            onPath.add(0, last);
            children.removeIf(c -> !c.start().isBefore(last.start()) || c == last);
            t = last.start();
        }
        for (Span c : onPath) {
            walk(c, path);
        }
    }

    /**
     * The services along {@link #criticalPath()}.
     *
     * @return their names, root first
     */
    public List<String> criticalPathServices() {
        return criticalPath().stream().map(Span::service).toList();
    }

    /**
     * The root's duration: the request as its caller saw it.
     *
     * @return the duration
     */
    public Duration duration() {
        return root().duration();
    }

    /**
     * Whether the request failed (its root span did).
     *
     * @return true for a failed request
     */
    public boolean failed() {
        return root().error();
    }
}
