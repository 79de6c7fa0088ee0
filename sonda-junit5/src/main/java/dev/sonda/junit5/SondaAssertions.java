package dev.sonda.junit5;

import org.assertj.core.api.Assertions;

/**
 * Entry point of the assertions on captured telemetry; it extends AssertJ's {@link Assertions},
 * so one static import serves both:
 *
 * <pre>{@code
 * import static dev.sonda.junit5.SondaAssertions.*;
 *
 * assertThat(captured).hasSeries("cpu_usage", "host", "a");
 * assertThat(captured.series("cpu_usage")).longestRunAbove(90).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
 * assertThat(captured.lines()).hasSize(3600);   // plain AssertJ
 * }</pre>
 *
 * <p>Failure messages say what was expected and what was found, and list what was captured:
 * every series with its sample count, value range and first and last samples.
 */
public class SondaAssertions extends Assertions {

    /** Static methods only; subclass it to add your own entry points next to these. */
    protected SondaAssertions() {}

    /**
     * Starts assertions on a whole capture.
     *
     * @param actual the capture, as a test receives it
     * @return the assertion
     */
    public static CapturedAssert assertThat(Captured actual) {
        return new CapturedAssert(actual);
    }

    /**
     * Starts assertions on one captured series.
     *
     * @param actual the series, such as {@code captured.series("cpu_usage")}
     * @return the assertion
     */
    public static SeriesAssert assertThat(Series actual) {
        return new SeriesAssert(actual);
    }

    /**
     * Starts assertions on captured log records.
     *
     * @param actual the records, such as {@code captured.logs()} or {@code
     *     captured.logs().entry("app")}
     * @return the assertion
     */
    public static LogsAssert assertThat(Logs actual) {
        return new LogsAssert(actual);
    }

    /**
     * Starts assertions on the alert episodes of an evaluation, such as {@code
     * PrometheusRules.fromClasspath("alerts.yml").evaluate(captured)} or {@code
     * ThresholdAlert.when(GREATER_THAN, 90).evaluate(series)}.
     *
     * @param actual the episodes
     * @return the assertion
     */
    public static AlertsAssert assertThat(Alerts actual) {
        return new AlertsAssert(actual);
    }

    /**
     * Starts assertions on one captured sample.
     *
     * @param actual the sample
     * @return the assertion
     */
    public static SampleAssert assertThat(Sample actual) {
        return new SampleAssert(actual, null, null);
    }
}
