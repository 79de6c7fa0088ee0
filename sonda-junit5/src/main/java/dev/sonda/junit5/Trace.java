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
     * The critical path: from the root, at each step the child that ended last (the call its parent
     * waited for longest; on equal ends, the one that started last), down to a span without
     * children. With calls in sequence this is the last call at each level; with parallel calls,
     * the slowest.
     *
     * @return the spans from the root down, at least the root
     */
    public List<Span> criticalPath() {
        List<Span> path = new ArrayList<>();
        Span s = root();
        while (s != null) {
            path.add(s);
            s = children(s).stream()
                    .max(Comparator.comparing(Span::end).thenComparing(Span::start))
                    .orElse(null);
        }
        return List.copyOf(path);
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
