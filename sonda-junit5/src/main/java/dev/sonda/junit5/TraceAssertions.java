package dev.sonda.junit5;

/**
 * Entry points of the trace assertions, beside {@link SondaAssertions}: import both statically.
 *
 * <pre>{@code
 * import static dev.sonda.junit5.TraceAssertions.assertThat;
 *
 * assertThat(captured.spans()).errorsStartAfter(deploy);
 * assertThat(captured.spans().traces().get(0)).hasCriticalPathThrough("payment-service");
 * }</pre>
 */
public final class TraceAssertions {
    private TraceAssertions() {}

    /**
     * Starts assertions on captured spans.
     *
     * @param spans the spans, such as {@link Captured#spans()}
     * @return the assertion
     */
    public static SpansAssert assertThat(Spans spans) {
        return new SpansAssert(spans);
    }

    /**
     * Starts assertions on one trace.
     *
     * @param trace the trace, such as an item of {@link Spans#traces()}
     * @return the assertion
     */
    public static TraceAssert assertThat(Trace trace) {
        return new TraceAssert(trace);
    }
}
