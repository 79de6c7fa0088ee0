package dev.sonda.junit5;

import dev.sonda.api.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on captured log records; start with {@link SondaAssertions#assertThat(Logs)}:
 *
 * <pre>{@code
 * assertThat(captured.logs()).entry("app")
 *         .hasCount(600)
 *         .hasSeverityCounts(Map.of(Severity.INFO, 400, Severity.WARN, 150, Severity.ERROR, 50))
 *         .allMessagesMatch("(request handled|payment failed) for u\\d+")
 *         .hasFieldValuesIn("user", "u1", "u2", "u3")
 *         .isInTimestampOrder()
 *         .hasRateBetween(0.9, 1.1, Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>Every failure names the records it looked at, says what was expected and what was found
 * (the first offending records), and lists what was captured.
 */
public final class LogsAssert extends AbstractAssert<LogsAssert, Logs> {

    LogsAssert(Logs actual) {
        super(actual, LogsAssert.class);
    }

    private void fail(String expected, String found) {
        failWithMessage(
                "%s",
                "\nExpecting " + actual.description() + "\n  " + expected + "\nbut " + found + ".\n"
                        + actual.captured().describe());
    }

    private static String firstOf(List<LogRecord> records) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(5, records.size()); i++) {
            sb.append("\n    ").append(records.get(i));
        }
        if (records.size() > 5) {
            sb.append("\n    ... and ").append(records.size() - 5).append(" more");
        }
        return sb.toString();
    }

    /**
     * Moves on to the records of one log entry.
     *
     * @param name the entry's {@code name:}
     * @return assertions on its records
     * @throws AssertionError if the entry emitted no record
     */
    public LogsAssert entry(String name) {
        isNotNull();
        Logs of = actual.entry(name);
        if (of.isEmpty()) {
            fail("to hold records of entry " + name, "it holds none");
        }
        return new LogsAssert(of);
    }

    /**
     * Verifies the number of records.
     *
     * @param expected the expected count
     * @return this assertion
     * @throws AssertionError if the count differs
     */
    public LogsAssert hasCount(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            fail("to have " + expected + " records", "it has " + actual.size());
        }
        return this;
    }

    /**
     * Verifies that the number of records lies within {@code [min, max]}.
     *
     * @param min the smallest acceptable count
     * @param max the largest acceptable count
     * @return this assertion
     * @throws AssertionError if the count lies outside
     */
    public LogsAssert hasCountBetween(int min, int max) {
        isNotNull();
        if (actual.size() < min || actual.size() > max) {
            fail("to have between " + min + " and " + max + " records", "it has " + actual.size());
        }
        return this;
    }

    /**
     * Verifies that there is at least one record.
     *
     * @return this assertion
     * @throws AssertionError if there is none
     */
    public LogsAssert isNotEmpty() {
        isNotNull();
        if (actual.isEmpty()) {
            fail("to hold records", "it holds none");
        }
        return this;
    }

    /**
     * Verifies that there is no record.
     *
     * @return this assertion
     * @throws AssertionError if there is one; the message gives the first
     */
    public LogsAssert isEmpty() {
        isNotNull();
        if (!actual.isEmpty()) {
            fail("to hold no record", "it holds " + actual.size() + ":" + firstOf(actual));
        }
        return this;
    }

    /**
     * Verifies the number of records of each severity, exactly: severities left out must have no
     * record.
     *
     * @param expected the counts, such as {@code Map.of(Severity.INFO, 400, Severity.ERROR, 50)}
     * @return this assertion
     * @throws AssertionError if a count differs
     */
    public LogsAssert hasSeverityCounts(Map<Severity, Integer> expected) {
        isNotNull();
        Map<Severity, Integer> want = new EnumMap<>(Severity.class);
        expected.forEach((k, v) -> {
            if (v != 0) {
                want.put(k, v);
            }
        });
        Map<Severity, Integer> got = actual.severityCounts();
        if (!got.equals(want)) {
            fail("to have severity counts " + want, "it has " + got);
        }
        return this;
    }

    /**
     * Verifies the number of records of one severity.
     *
     * @param severity the severity
     * @param expected the expected count
     * @return this assertion
     * @throws AssertionError if the count differs
     */
    public LogsAssert hasSeverityCount(Severity severity, int expected) {
        isNotNull();
        int n = actual.severityCounts().getOrDefault(severity, 0);
        if (n != expected) {
            fail("to have " + expected + " " + severity.yamlName() + " records", "it has " + n);
        }
        return this;
    }

    /**
     * Verifies that every record has one of these severities.
     *
     * @param severities the allowed severities
     * @return this assertion
     * @throws AssertionError if a record has another; the message gives the first
     */
    public LogsAssert hasOnlySeverities(Severity... severities) {
        isNotNull();
        Set<Severity> allowed = Set.of(severities);
        List<LogRecord> other =
                actual.stream().filter(r -> !allowed.contains(r.severity())).toList();
        if (!other.isEmpty()) {
            fail("to have only severities " + allowed, other.size() + " records do not:" + firstOf(other));
        }
        return this;
    }

    /**
     * Moves on to the share of records with this severity, from 0 to 1 (for {@code
     * severity_weights}: {@code severityShare(ERROR).isCloseTo(0.1, within(0.02))}).
     *
     * @param severity the severity
     * @return a double assertion described with the counts
     * @throws AssertionError if there is no record
     */
    public AbstractDoubleAssert<?> severityShare(Severity severity) {
        isNotEmpty();
        int n = actual.severityCounts().getOrDefault(severity, 0);
        return Assertions.assertThat((double) n / actual.size())
                .as(
                        "share of %s records among %s (%s)",
                        severity.yamlName(), actual.description(), actual.severityCounts());
    }

    /**
     * Verifies that every message matches a regular expression as a whole ({@link
     * java.util.regex.Matcher#matches()}).
     *
     * @param regex the expression
     * @return this assertion
     * @throws AssertionError if a message does not; the message gives the first
     */
    public LogsAssert allMessagesMatch(String regex) {
        isNotNull();
        Pattern p = Pattern.compile(regex);
        List<LogRecord> other =
                actual.stream().filter(r -> !p.matcher(r.message()).matches()).toList();
        if (!other.isEmpty()) {
            fail("every message to match /" + regex + "/", other.size() + " do not:" + firstOf(other));
        }
        return this;
    }

    /**
     * Verifies that some message matches a regular expression as a whole.
     *
     * @param regex the expression
     * @return this assertion
     * @throws AssertionError if none does
     */
    public LogsAssert hasMessageMatching(String regex) {
        isNotNull();
        if (actual.withMessageMatching(regex).isEmpty()) {
            fail("to have a message matching /" + regex + "/", "none does; the first records:" + firstOf(actual));
        }
        return this;
    }

    /**
     * Verifies that no message matches a regular expression as a whole.
     *
     * @param regex the expression
     * @return this assertion
     * @throws AssertionError if one does; the message gives the first
     */
    public LogsAssert noMessageMatches(String regex) {
        isNotNull();
        Logs matching = actual.withMessageMatching(regex);
        if (!matching.isEmpty()) {
            fail("to have no message matching /" + regex + "/", matching.size() + " do:" + firstOf(matching));
        }
        return this;
    }

    /**
     * Verifies that every record has this field, with a value among {@code allowed}.
     *
     * @param name the field name
     * @param allowed the allowed values
     * @return this assertion
     * @throws AssertionError if a record lacks the field or has another value; the message gives
     *     the first
     */
    public LogsAssert hasFieldValuesIn(String name, String... allowed) {
        isNotNull();
        Set<String> set = Set.of(allowed);
        List<LogRecord> other = actual.stream()
                .filter(r -> r.field(name) == null || !set.contains(r.field(name)))
                .toList();
        if (!other.isEmpty()) {
            fail(
                    "every record to have field " + name + " in " + List.of(allowed),
                    other.size() + " do not:" + firstOf(other));
        }
        return this;
    }

    /**
     * Verifies that every record has this field (any value).
     *
     * @param name the field name
     * @return this assertion
     * @throws AssertionError if a record lacks it; the message gives the first
     */
    public LogsAssert allHaveField(String name) {
        isNotNull();
        List<LogRecord> other =
                actual.stream().filter(r -> r.field(name) == null).toList();
        if (!other.isEmpty()) {
            fail("every record to have field " + name, other.size() + " do not:" + firstOf(other));
        }
        return this;
    }

    /**
     * Verifies that the records come in timestamp order (equal timestamps allowed).
     *
     * @return this assertion
     * @throws AssertionError if a record is stamped before the one delivered before it
     */
    public LogsAssert isInTimestampOrder() {
        isNotNull();
        for (int i = 1; i < actual.size(); i++) {
            if (actual.get(i).timestamp().isBefore(actual.get(i - 1).timestamp())) {
                fail(
                        "to come in timestamp order",
                        "record " + i + " " + actual.get(i) + " comes after " + actual.get(i - 1));
            }
        }
        return this;
    }

    /**
     * Verifies the rate of records in every complete window ({@link Logs#rates(Duration)}): each
     * lies within {@code [min, max]} records per second.
     *
     * @param min the lowest acceptable rate, records per second
     * @param max the highest acceptable rate, records per second
     * @param window the window length
     * @return this assertion
     * @throws AssertionError if a window's rate lies outside, or no window is complete
     */
    public LogsAssert hasRateBetween(double min, double max, Duration window) {
        isNotNull();
        Objects.requireNonNull(window, "window");
        Duration first = actual.isEmpty()
                ? Duration.ZERO
                : actual.stream()
                        .map(LogRecord::offset)
                        .min(Duration::compareTo)
                        .orElseThrow();
        String found = Rates.outside(actual.rates(window), min, max, window, first);
        if (found != null) {
            fail(Rates.expectation(min, max, window), found);
        }
        return this;
    }

    /**
     * Moves on to the first record.
     *
     * @return an object assertion on it
     * @throws AssertionError if there is no record
     */
    public AbstractObjectAssert<?, LogRecord> first() {
        isNotEmpty();
        return Assertions.assertThat(actual.get(0)).as("first of %s", actual.description());
    }

    /**
     * Moves on to the last record.
     *
     * @return an object assertion on it
     * @throws AssertionError if there is no record
     */
    public AbstractObjectAssert<?, LogRecord> last() {
        isNotEmpty();
        return Assertions.assertThat(actual.get(actual.size() - 1)).as("last of %s", actual.description());
    }

    /**
     * Moves on to AssertJ list assertions on the messages.
     *
     * @return assertions on {@link Logs#messages()}
     */
    public ListAssert<String> messages() {
        isNotNull();
        return Assertions.assertThat(actual.messages()).as("messages of %s", actual.description());
    }

    /**
     * Moves on to AssertJ list assertions on one field's values.
     *
     * @param name the field name
     * @return assertions on {@link Logs#fieldValues(String)}
     */
    public ListAssert<String> fieldValues(String name) {
        isNotNull();
        return Assertions.assertThat(actual.fieldValues(name)).as("field %s of %s", name, actual.description());
    }
}
