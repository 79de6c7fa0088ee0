package dev.sonda.junit5;

import dev.sonda.api.internal.num.FloatText;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on captured spans; start with {@link TraceAssertions#assertThat(Spans)}.
 *
 * <pre>{@code
 * assertThat(captured.spans()).haveResolvableParents().haveChildrenInsideTheirParents();
 * assertThat(captured.spans()).errorsStartAfter(deploy);
 * assertThat(captured.spans().after(deploy)).hasErrorRatio("payment-service", 0.6, 0.1);
 * }</pre>
 *
 * <p>Every failure message says what was expected, what was found, and the first span at fault
 * (as its encoder wrote it).
 */
public final class SpansAssert extends AbstractAssert<SpansAssert, Spans> {

    SpansAssert(Spans actual) {
        super(actual, SpansAssert.class);
    }

    private void fail(String expected, String found) {
        failWithMessage("%s", "\nExpecting " + actual.size() + " spans\n  " + expected + "\nbut " + found + ".");
    }

    /**
     * Verifies that there is no span.
     *
     * @return this assertion
     * @throws AssertionError naming the first span if there is one
     */
    public SpansAssert isEmpty() {
        isNotNull();
        if (!actual.isEmpty()) {
            fail("to be empty", "the first is:\n  " + actual.first().line());
        }
        return this;
    }

    /**
     * Verifies the number of spans.
     *
     * @param expected the expected count
     * @return this assertion
     * @throws AssertionError if the count differs
     */
    public SpansAssert hasSize(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            fail("to be " + expected + " spans", "they are " + actual.size());
        }
        return this;
    }

    /**
     * Verifies that no failed span starts before {@code event}.
     *
     * @param event such as a deployment
     * @return this assertion
     * @throws AssertionError naming the first failed span that started earlier
     */
    public SpansAssert errorsStartAfter(Event event) {
        return errorsStartAfter(event.timestamp(), "the " + event.type() + " event of " + event.service());
    }

    /**
     * Verifies that no failed span starts before {@code t}.
     *
     * @param t the instant
     * @return this assertion
     * @throws AssertionError naming the first failed span that started earlier
     */
    public SpansAssert errorsStartAfter(Instant t) {
        return errorsStartAfter(t, t.toString());
    }

    private SpansAssert errorsStartAfter(Instant t, String what) {
        isNotNull();
        Spans early = actual.errors().startingBefore(t);
        if (!early.isEmpty()) {
            fail(
                    "to have no failed span before " + what + " at " + t,
                    early.size() + " started before it, the first:\n  "
                            + early.first().line());
        }
        return this;
    }

    /**
     * Verifies the error ratio of one service.
     *
     * @param service the service
     * @param expected the expected share of failed spans, 0 to 1
     * @param tolerance how far off it may be
     * @return this assertion
     * @throws AssertionError if the ratio is farther away, or the service has no span
     */
    public SpansAssert hasErrorRatio(String service, double expected, double tolerance) {
        isNotNull();
        Spans of = actual.ofService(service);
        if (of.isEmpty()) {
            fail("to have spans of service '" + service + "'", "there are none; services: " + actual.services());
            return this;
        }
        double ratio = of.errorRatio();
        if (Math.abs(ratio - expected) > tolerance) {
            fail(
                    "to have an error ratio of " + FloatText.display(expected) + " ± " + FloatText.display(tolerance)
                            + " for service '" + service + "'",
                    "it is " + FloatText.display(ratio) + " (" + of.errors().size() + " of " + of.size() + ")");
        }
        return this;
    }

    /**
     * Verifies that every parent span id resolves to a span of the same trace, and that every
     * trace has exactly one root.
     *
     * @return this assertion
     * @throws AssertionError naming the first span whose parent is missing, or the trace without
     *     one root
     */
    public SpansAssert haveResolvableParents() {
        isNotNull();
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, Integer> roots = new HashMap<>();
        for (Span s : actual) {
            ids.computeIfAbsent(s.traceId(), k -> new HashSet<>()).add(s.spanId());
            if (s.root()) {
                roots.merge(s.traceId(), 1, Integer::sum);
            }
        }
        for (Span s : actual) {
            if (!s.root() && !ids.get(s.traceId()).contains(s.parentSpanId())) {
                fail(
                        "every parent_span_id to resolve inside its trace",
                        "this span's parent is missing:\n  " + s.line());
                return this;
            }
        }
        for (String trace : ids.keySet()) {
            int n = roots.getOrDefault(trace, 0);
            if (n != 1) {
                fail("every trace to have one root span", "trace " + trace + " has " + n);
                return this;
            }
        }
        return this;
    }

    /**
     * Verifies that no span starts before its parent or ends after it.
     *
     * @return this assertion
     * @throws AssertionError naming the first span outside its parent's window
     */
    public SpansAssert haveChildrenInsideTheirParents() {
        isNotNull();
        Map<String, Span> byId = new HashMap<>();
        for (Span s : actual) {
            byId.put(s.traceId() + s.spanId(), s);
        }
        for (Span s : actual) {
            Span p = s.root() ? null : byId.get(s.traceId() + s.parentSpanId());
            if (p != null && (s.start().isBefore(p.start()) || s.end().isAfter(p.end()))) {
                fail(
                        "every span inside its parent's time window",
                        "this span:\n  " + s.line() + "\nlies outside its parent:\n  " + p.line());
                return this;
            }
        }
        return this;
    }
}
