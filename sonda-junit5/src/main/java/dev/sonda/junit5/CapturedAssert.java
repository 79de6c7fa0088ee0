package dev.sonda.junit5;

import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on a whole {@link Captured}; start with {@link SondaAssertions#assertThat(Captured)}.
 * A live capture (system clock) is read afresh by each assertion.
 */
public final class CapturedAssert extends AbstractAssert<CapturedAssert, Captured> {

    CapturedAssert(Captured actual) {
        super(actual, CapturedAssert.class);
    }

    private void fail(String expected, String found) {
        failWithMessage("%s", "\nExpecting the capture " + expected + "\nbut " + found + ".\n" + actual.describe());
    }

    /**
     * Verifies that a series with this name, and with labels including the given pairs, was
     * captured.
     *
     * @param name the metric name
     * @param labels label keys and values, alternating: {@code "host", "a"}
     * @return this assertion
     * @throws AssertionError if no such series was captured
     * @throws IllegalArgumentException if {@code labels} has an odd length
     */
    public CapturedAssert hasSeries(String name, String... labels) {
        isNotNull();
        if (actual.allSeries(name, labels).isEmpty()) {
            fail("to have series " + Captured.wanted(name, labels), "it has none");
        }
        return this;
    }

    /**
     * Verifies that no series with this name, and with labels including the given pairs, was
     * captured.
     *
     * @param name the metric name
     * @param labels label keys and values, alternating
     * @return this assertion
     * @throws AssertionError if such a series was captured
     * @throws IllegalArgumentException if {@code labels} has an odd length
     */
    public CapturedAssert doesNotHaveSeries(String name, String... labels) {
        isNotNull();
        List<Series> found = actual.allSeries(name, labels);
        if (!found.isEmpty()) {
            fail("not to have series " + Captured.wanted(name, labels), "it has " + found.size());
        }
        return this;
    }

    /**
     * Verifies the number of series captured.
     *
     * @param expected the expected number of distinct series (name and labels)
     * @return this assertion
     * @throws AssertionError if the number differs
     */
    public CapturedAssert hasSeriesCount(int expected) {
        isNotNull();
        int n = actual.series().size();
        if (n != expected) {
            fail("to have " + expected + " series", "it has " + n);
        }
        return this;
    }

    /**
     * Verifies the number of samples captured over all series.
     *
     * @param expected the expected number of samples
     * @return this assertion
     * @throws AssertionError if the number differs
     */
    public CapturedAssert hasSampleCount(int expected) {
        isNotNull();
        int n = actual.sampleCount();
        if (n != expected) {
            fail("to have " + expected + " samples", "it has " + n);
        }
        return this;
    }

    /**
     * Verifies that at least one sample was captured.
     *
     * @return this assertion
     * @throws AssertionError if nothing was captured
     */
    public CapturedAssert isNotEmpty() {
        isNotNull();
        if (actual.sampleCount() == 0) {
            fail("to hold samples", "it is empty");
        }
        return this;
    }

    /**
     * Moves on to the one series with this name whose labels include the given pairs.
     *
     * @param name the metric name
     * @param labels label keys and values, alternating: {@code "host", "a"}
     * @return assertions on that series
     * @throws AssertionError if no series, or several, match
     * @throws IllegalArgumentException if {@code labels} has an odd length
     */
    public SeriesAssert series(String name, String... labels) {
        isNotNull();
        List<Series> found = actual.allSeries(name, labels);
        String wanted = Captured.wanted(name, labels);
        if (found.isEmpty()) {
            fail("to have series " + wanted, "it has none");
        }
        if (found.size() > 1) {
            fail("to have exactly one series " + wanted, "it has " + found.size() + "; add labels to pick one");
        }
        return new SeriesAssert(found.get(0));
    }

    /**
     * Moves on to AssertJ list assertions on the encoded lines ({@link Captured#lines()}).
     *
     * @return assertions on the lines, described as {@code encoded lines}
     */
    public ListAssert<String> lines() {
        isNotNull();
        return Assertions.assertThat(actual.lines()).as("encoded lines");
    }
}
