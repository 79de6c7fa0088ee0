package dev.sonda.junit5;

import dev.sonda.api.Severity;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Captured log records in delivery order ({@link Captured#logs()}): an immutable list of {@link
 * LogRecord}s with the questions log tests ask, each answered from the records alone.
 *
 * <pre>{@code
 * Logs logs = captured.logs().entry("app");
 * Map<Severity, Integer> bySeverity = logs.severityCounts();   // {INFO=400, WARN=150, ERROR=50}
 * Logs failures = logs.withSeverity(Severity.ERROR).withMessageMatching("payment failed for u\\d+");
 * List<String> users = failures.fieldValues("user");
 * double[] perMinute = logs.rates(Duration.ofMinutes(1));    // events per second, per window
 * }</pre>
 *
 * <p>Every filter returns another {@code Logs} (a new list; this one never changes). Assert on them
 * with {@link SondaAssertions#assertThat(Logs)}. Thread-safe.
 */
public final class Logs extends AbstractList<LogRecord> implements RandomAccess {
    private final Captured captured;
    private final List<LogRecord> records;
    private final String filter;

    Logs(Captured captured, List<LogRecord> records, String filter) {
        this.captured = captured;
        this.records = records;
        this.filter = filter;
    }

    /**
     * The record at {@code index}.
     *
     * @param index position in delivery order
     * @return the record
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    @Override
    public LogRecord get(int index) {
        return records.get(index);
    }

    /**
     * The number of records.
     *
     * @return the count
     */
    @Override
    public int size() {
        return records.size();
    }

    /**
     * The capture these records come from.
     *
     * @return the capture
     */
    public Captured captured() {
        return captured;
    }

    /**
     * What these records are, for messages: {@code all log records}, or the filters applied, such
     * as {@code log records of entry app with severity error}.
     *
     * @return the description
     */
    public String description() {
        return filter.isEmpty() ? "all log records" : "log records" + filter;
    }

    private Logs filtered(String what, Predicate<LogRecord> keep) {
        List<LogRecord> out = new ArrayList<>();
        for (LogRecord r : records) {
            if (keep.test(r)) {
                out.add(r);
            }
        }
        return new Logs(captured, List.copyOf(out), filter + " " + what);
    }

    /**
     * The records of one log entry.
     *
     * @param name the entry's {@code name:}
     * @return the records it emitted, possibly none
     * @throws NullPointerException if {@code name} is null
     */
    public Logs entry(String name) {
        Objects.requireNonNull(name, "name");
        return filtered("of entry " + name, r -> r.entry().equals(name));
    }

    /**
     * The records of these severities.
     *
     * @param severities the severities to keep
     * @return the records, possibly none
     */
    public Logs withSeverity(Severity... severities) {
        List<Severity> keep = List.of(severities);
        return filtered(
                "with severity " + keep.stream().map(Severity::yamlName).collect(Collectors.joining(" or ")),
                r -> keep.contains(r.severity()));
    }

    /**
     * The records of this severity or a higher one ({@link Severity} is ordered lowest to highest).
     *
     * @param lowest the lowest severity to keep, such as {@link Severity#WARN}
     * @return the records, possibly none
     * @throws NullPointerException if {@code lowest} is null
     */
    public Logs atLeast(Severity lowest) {
        Objects.requireNonNull(lowest, "lowest");
        return filtered(
                "at " + lowest.yamlName() + " or above", r -> r.severity().compareTo(lowest) >= 0);
    }

    /**
     * The records whose whole message matches a regular expression ({@link
     * java.util.regex.Matcher#matches()}).
     *
     * @param regex the expression, such as {@code "payment failed for u\\d+"}
     * @return the records, possibly none
     * @throws java.util.regex.PatternSyntaxException if {@code regex} is not an expression
     */
    public Logs withMessageMatching(String regex) {
        Pattern p = Pattern.compile(regex);
        return filtered("with message matching /" + regex + "/", r -> p.matcher(r.message())
                .matches());
    }

    /**
     * The records whose message contains a text.
     *
     * @param text the text
     * @return the records, possibly none
     * @throws NullPointerException if {@code text} is null
     */
    public Logs withMessageContaining(String text) {
        Objects.requireNonNull(text, "text");
        return filtered(
                "with message containing \"" + text + "\"", r -> r.message().contains(text));
    }

    /**
     * The records with a field of this value.
     *
     * @param name the field name
     * @param value the value
     * @return the records, possibly none
     */
    public Logs withField(String name, String value) {
        return filtered("with " + name + "=" + value, r -> Objects.equals(r.field(name), value));
    }

    /**
     * The records with a label of this value.
     *
     * @param key the label key
     * @param value the value
     * @return the records, possibly none
     */
    public Logs withLabel(String key, String value) {
        return filtered("with label " + key + "=" + value, r -> Objects.equals(r.label(key), value));
    }

    /**
     * How many records there are of each severity, lowest severity first; severities without a
     * record are left out.
     *
     * @return the counts, such as {@code {INFO=400, WARN=150, ERROR=50}}
     */
    public Map<Severity, Integer> severityCounts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (LogRecord r : records) {
            counts.merge(r.severity(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * One field's value in every record, in order; a record without the field gives null.
     *
     * @param name the field name
     * @return the values, one per record
     */
    public List<String> fieldValues(String name) {
        List<String> out = new ArrayList<>(records.size());
        for (LogRecord r : records) {
            out.add(r.field(name));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /**
     * The messages, in order.
     *
     * @return the messages
     */
    public List<String> messages() {
        return records.stream().map(LogRecord::message).toList();
    }

    /**
     * The encoded lines, in order, as the encoder wrote them (without newlines).
     *
     * @return the lines
     */
    public List<String> lines() {
        return records.stream().map(LogRecord::line).toList();
    }

    /**
     * Records per second over fixed windows: the windows are {@code [first + k·window, first +
     * (k+1)·window)} from the earliest record, and only complete ones (ending at or before the
     * latest record) count, so a steady rate {@code r} reads back as {@code r} in every window.
     *
     * @param window the window length, such as {@code Duration.ofMinutes(1)}
     * @return events per second per complete window, in time order; empty when the records span
     *     less than one window
     * @throws IllegalArgumentException if {@code window} is zero or negative
     */
    public double[] rates(Duration window) {
        return Rates.perWindow(nanos(), records.size(), window);
    }

    long[] nanos() {
        long[] t = new long[records.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = Text.epochNanos(records.get(i).timestamp());
        }
        return t;
    }

    /**
     * One line per entry: its record count, the count per severity and the first and last
     * offsets, for failure messages.
     *
     * @return the lines, such as {@code logs of app: 600 records (info 400, warn 150, error 50),
     *     first at +0s, last at +9m59s}; empty when there are no records
     */
    public List<String> summary() {
        Map<String, List<LogRecord>> byEntry = new LinkedHashMap<>();
        for (LogRecord r : records) {
            byEntry.computeIfAbsent(r.entry(), k -> new ArrayList<>()).add(r);
        }
        List<String> out = new ArrayList<>();
        byEntry.forEach((entry, list) -> {
            Logs l = new Logs(captured, list, "");
            String severities = l.severityCounts().entrySet().stream()
                    .map(e -> e.getKey().yamlName() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            out.add("logs of " + entry + ": " + list.size() + (list.size() == 1 ? " record (" : " records (")
                    + severities + "), first at " + Text.offset(list.get(0).offset()) + ", last at "
                    + Text.offset(list.get(list.size() - 1).offset()));
        });
        return out;
    }

    /**
     * The description and size, such as {@code log records of entry app: 600}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return description() + ": " + records.size();
    }
}
