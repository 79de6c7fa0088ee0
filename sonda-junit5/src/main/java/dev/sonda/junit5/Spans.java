package dev.sonda.junit5;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Predicate;

/**
 * Captured spans ({@link Captured#spans()}) with the questions an incident test asks: per service,
 * failed, before or after an event, grouped into traces, error ratios. An immutable list in
 * delivery order (start order within an entry); every query returns a new {@code Spans}. Assert
 * with {@link TraceAssertions#assertThat(Spans)}.
 *
 * <pre>{@code
 * Event deploy = captured.events().stream().filter(e -> e.type().equals("deployment")).findFirst().orElseThrow();
 * assertThat(captured.spans()).errorsStartAfter(deploy);
 * assertThat(captured.spans().after(deploy).errorRatio("payment-service")).isGreaterThan(0.3);
 * }</pre>
 */
public final class Spans extends AbstractList<Span> implements RandomAccess {
    private final List<Span> spans;

    Spans(List<Span> spans) {
        this.spans = List.copyOf(spans);
    }

    @Override
    public Span get(int index) {
        return spans.get(index);
    }

    @Override
    public int size() {
        return spans.size();
    }

    private Spans where(Predicate<Span> p) {
        return new Spans(spans.stream().filter(p).toList());
    }

    /**
     * The spans of one service.
     *
     * @param service the service's name
     * @return those spans
     */
    public Spans ofService(String service) {
        Objects.requireNonNull(service, "service");
        return where(s -> s.service().equals(service));
    }

    /**
     * The failed spans.
     *
     * @return those spans
     */
    public Spans errors() {
        return where(Span::error);
    }

    /**
     * The spans that start at or after {@code t}.
     *
     * @param t the instant
     * @return those spans
     */
    public Spans startingFrom(Instant t) {
        return where(s -> !s.start().isBefore(t));
    }

    /**
     * The spans that start before {@code t}.
     *
     * @param t the instant
     * @return those spans
     */
    public Spans startingBefore(Instant t) {
        return where(s -> s.start().isBefore(t));
    }

    /**
     * The spans that start at or after an event.
     *
     * @param event the event
     * @return those spans
     */
    public Spans after(Event event) {
        return startingFrom(event.timestamp());
    }

    /**
     * The first span, in delivery order.
     *
     * @return the span
     * @throws NoSuchElementException if there is none
     */
    public Span first() {
        if (spans.isEmpty()) {
            throw new NoSuchElementException("no spans were captured (or none matched)");
        }
        return spans.get(0);
    }

    /**
     * The share of failed spans.
     *
     * @return failed / all, 0 to 1
     * @throws IllegalStateException if there are no spans, whose ratio would be meaningless
     */
    public double errorRatio() {
        if (spans.isEmpty()) {
            throw new IllegalStateException("no spans to compute an error ratio from");
        }
        return spans.stream().filter(Span::error).count() / (double) spans.size();
    }

    /**
     * The share of failed spans of one service.
     *
     * @param service the service
     * @return failed / all of its spans
     * @throws IllegalStateException if the service has no spans
     */
    public double errorRatio(String service) {
        Spans of = ofService(service);
        if (of.isEmpty()) {
            throw new IllegalStateException("no spans of service '" + service + "'; services: " + services());
        }
        return of.errorRatio();
    }

    /**
     * The error ratio of every service, in the order each first appeared.
     *
     * @return service to failed / all
     */
    public Map<String, Double> errorRatioByService() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : services()) {
            out.put(s, errorRatio(s));
        }
        return out;
    }

    /**
     * The services that have spans, in the order each first appeared.
     *
     * @return the names
     */
    public List<String> services() {
        return spans.stream().map(Span::service).distinct().toList();
    }

    /**
     * The spans grouped by trace, traces in the order their first span was delivered.
     *
     * @return the traces
     */
    public List<Trace> traces() {
        Map<String, List<Span>> byTrace = new LinkedHashMap<>();
        for (Span s : spans) {
            byTrace.computeIfAbsent(s.traceId(), k -> new ArrayList<>()).add(s);
        }
        return byTrace.entrySet().stream()
                .map(e -> new Trace(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * One trace.
     *
     * @param traceId its 32 hex digits
     * @return the trace
     * @throws NoSuchElementException if no span has that trace id
     */
    public Trace trace(String traceId) {
        List<Span> of = spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
        if (of.isEmpty()) {
            throw new NoSuchElementException("no span of trace " + traceId + " was captured");
        }
        return new Trace(traceId, of);
    }
}
