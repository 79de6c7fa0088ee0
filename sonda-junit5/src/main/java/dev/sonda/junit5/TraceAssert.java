package dev.sonda.junit5;

import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one captured {@link Trace}; start with {@link TraceAssertions#assertThat(Trace)}.
 *
 * <pre>{@code
 * assertThat(trace).hasCriticalPathThrough("payment-service").failed();
 * assertThat(trace).hasCriticalPath("api-gateway", "product-service", "cache", "database", "database");
 * }</pre>
 */
public final class TraceAssert extends AbstractAssert<TraceAssert, Trace> {

    TraceAssert(Trace actual) {
        super(actual, TraceAssert.class);
    }

    /**
     * Verifies the services along the critical path ({@link Trace#criticalPath()}), root first.
     *
     * @param services the expected services, in order
     * @return this assertion
     * @throws AssertionError if the path differs
     */
    public TraceAssert hasCriticalPath(String... services) {
        isNotNull();
        List<String> path = actual.criticalPathServices();
        if (!path.equals(List.of(services))) {
            failWithMessage(
                    "%nExpecting trace %s%n  to have the critical path %s%nbut it is %s.",
                    actual.traceId(), String.join(" -> ", services), String.join(" -> ", path));
        }
        return this;
    }

    /**
     * Verifies that the critical path passes through a service.
     *
     * @param service the service
     * @return this assertion
     * @throws AssertionError if it does not
     */
    public TraceAssert hasCriticalPathThrough(String service) {
        isNotNull();
        List<String> path = actual.criticalPathServices();
        if (!path.contains(service)) {
            failWithMessage(
                    "%nExpecting trace %s%n  to have its critical path through %s%nbut it is %s.",
                    actual.traceId(), service, String.join(" -> ", path));
        }
        return this;
    }

    /**
     * Verifies that the request failed (its root span did).
     *
     * @return this assertion
     * @throws AssertionError if it succeeded
     */
    public TraceAssert failed() {
        isNotNull();
        if (!actual.failed()) {
            failWithMessage(
                    "%nExpecting trace %s%n  to have failed%nbut its root succeeded:%n  %s",
                    actual.traceId(), actual.root().line());
        }
        return this;
    }
}
