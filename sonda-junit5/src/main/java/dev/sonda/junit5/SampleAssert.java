package dev.sonda.junit5;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.AbstractDurationAssert;
import org.assertj.core.api.AbstractInstantAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one {@link Sample}, such as the first crossing of a threshold ({@link
 * SeriesAssert#firstCrossing(String, double)}): when it came and what it was.
 */
public final class SampleAssert extends AbstractAssert<SampleAssert, Sample> {
    private final String role;
    private final Series series;

    SampleAssert(Sample actual, String role, Series series) {
        super(actual, SampleAssert.class);
        this.role = role;
        this.series = series;
    }

    private String subject() {
        return role != null ? "the " + role : "sample " + actual.series();
    }

    private void fail(String expected, String found) {
        String context = series == null
                ? ""
                : "\nThe series: " + series.summary() + "\n" + series.captured().describe();
        failWithMessage(
                "%s",
                "\nExpecting " + subject() + "\n  " + expected + "\nbut " + found + ".\nThe sample: " + actual
                        + context);
    }

    /**
     * Verifies the sample's timestamp.
     *
     * @param expected the expected instant
     * @return this assertion
     * @throws AssertionError if the timestamp differs
     */
    public SampleAssert isAt(Instant expected) {
        isNotNull();
        if (!actual.timestamp().equals(expected)) {
            fail("to be at " + expected, "it is at " + actual.timestamp());
        }
        return this;
    }

    /**
     * Verifies the sample's offset from the run's start.
     *
     * @param expected the expected offset, such as {@code Duration.ofMinutes(9)}
     * @return this assertion
     * @throws AssertionError if the offset differs
     */
    public SampleAssert isAtOffset(Duration expected) {
        isNotNull();
        if (!actual.offset().equals(expected)) {
            fail("to be at " + Text.offset(expected), "it is at " + Text.offset(actual.offset()));
        }
        return this;
    }

    /**
     * Verifies that the sample's offset from the run's start lies within {@code [from, to]}.
     *
     * @param from the earliest acceptable offset
     * @param to the latest acceptable offset
     * @return this assertion
     * @throws AssertionError if the offset lies outside
     */
    public SampleAssert isAtOffsetBetween(Duration from, Duration to) {
        isNotNull();
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Duration at = actual.offset();
        if (at.compareTo(from) < 0 || at.compareTo(to) > 0) {
            fail("to be between " + Text.offset(from) + " and " + Text.offset(to), "it is at " + Text.offset(at));
        }
        return this;
    }

    /**
     * Verifies the sample's value exactly ({@link Double#compare}, so NaN equals NaN).
     *
     * @param expected the expected value
     * @return this assertion
     * @throws AssertionError if the value differs
     */
    public SampleAssert hasValue(double expected) {
        isNotNull();
        if (Double.compare(actual.value(), expected) != 0) {
            fail("to have value " + Text.value(expected), "it has " + Text.value(actual.value()));
        }
        return this;
    }

    /**
     * Moves on to assertions on the offset from the run's start.
     *
     * @return a duration assertion described with the sample
     */
    public AbstractDurationAssert<?> offset() {
        isNotNull();
        return Assertions.assertThat(actual.offset()).as("offset of %s: %s", subject(), actual);
    }

    /**
     * Moves on to assertions on the timestamp.
     *
     * @return an instant assertion described with the sample
     */
    public AbstractInstantAssert<?> timestamp() {
        isNotNull();
        return Assertions.assertThat(actual.timestamp()).as("timestamp of %s: %s", subject(), actual);
    }

    /**
     * Moves on to assertions on the value.
     *
     * @return a double assertion described with the sample
     */
    public AbstractDoubleAssert<?> value() {
        isNotNull();
        return Assertions.assertThat(actual.value()).as("value of %s: %s", subject(), actual);
    }
}
