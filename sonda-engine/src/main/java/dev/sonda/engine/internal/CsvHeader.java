package dev.sonda.engine.internal;

import dev.sonda.api.internal.num.FloatText;
import dev.sonda.engine.encode.Labels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Not API. The label-aware CSV header of the metric {@code csv_replay} (Sonda 1.20 {@code
 * generator/csv_header.rs}, {@code parse_header_row} and {@code parse_column_header}): the five
 * header shapes of Grafana's "Series joined by time" export and hand-written files.
 *
 * <ol>
 *   <li>{@code {__name__="up", job="x"}}: name {@code up}, labels {@code {job=x}};
 *   <li>{@code up{job="x"}}: name {@code up} (the trimmed text before the first {@code {}), labels
 *       {@code {job=x}};
 *   <li>{@code {job="x"}}: no name, labels {@code {job=x}};
 *   <li>and 5. {@code cpu_percent}, {@code Time}: the whole trimmed field is the name, no labels.
 * </ol>
 *
 * An empty field has neither. Not on a hot path.
 */
public final class CsvHeader {

    /**
     * One parsed header field.
     *
     * @param name the metric name, or null when the field has none (format 3 or empty)
     * @param labels the labels, sorted by code point, unmodifiable; {@code __name__} is never one
     */
    public record Column(String name, Map<String, String> labels) {
        /**
         * Creates the record.
         *
         * @param name the metric name, or null
         * @param labels the labels; not copied, the parser passes an unmodifiable map
         * @throws NullPointerException if {@code labels} is null
         */
        public Column {
            Objects.requireNonNull(labels, "labels");
        }
    }

    /** A header field the parser cannot read; the message is the reference's. */
    public static final class MalformedHeaderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message the reference's message, such as {@code csv_header: empty label key}
         */
        public MalformedHeaderException(String message) {
            super(message);
        }
    }

    private CsvHeader() {}

    /**
     * Parses every field of a header line: split with {@link CsvText#splitQuoted} (so {@code ""}
     * inside quotes is one {@code "}), then each field with {@link #parseColumn}. Column 0 is
     * included.
     *
     * @param line the header line as read (not trimmed)
     * @return one column per field, at least one
     * @throws MalformedHeaderException for the first malformed field
     */
    public static List<Column> parseRow(String line) {
        List<Column> out = new ArrayList<>();
        for (String field : CsvText.splitQuoted(line)) {
            out.add(parseColumn(field));
        }
        return out;
    }

    /**
     * Parses one header field, already unquoted. Label block: from the first {@code {} to the
     * last {@code }} (text after it is ignored); pairs {@code key = value} separated by commas;
     * a value is quoted ({@code \} takes the next character literally, so {@code \n} is {@code n})
     * or runs to the next comma and is trimmed; a later duplicate key wins; keys are not validated.
     *
     * @param field the field
     * @return its name and labels
     * @throws MalformedHeaderException {@code csv_header: unmatched '{' — missing closing '}'},
     *     {@code csv_header: expected '=' in label pair, got: "rest"}, {@code csv_header: empty label
     *     key}, {@code csv_header: unterminated quoted value}, {@code csv_header: unterminated escape
     *     in quoted value}
     */
    public static Column parseColumn(String field) {
        String header = CsvText.trim(field);
        if (header.isEmpty()) {
            return new Column(null, Map.of());
        }
        int brace = header.indexOf('{');
        if (brace < 0) {
            return new Column(header, Map.of());
        }
        if (brace == 0) {
            TreeMap<String, String> labels = labelBlock(header);
            String name = labels.remove("__name__");
            return new Column(name, Collections.unmodifiableMap(labels));
        }
        String name = CsvText.trim(header.substring(0, brace));
        return new Column(name, Collections.unmodifiableMap(labelBlock(header.substring(brace))));
    }

    private static TreeMap<String, String> labelBlock(String raw) {
        String block = CsvText.trim(raw); // starts with '{': both callers cut there
        int close = block.lastIndexOf('}');
        if (close < 0) {
            throw new MalformedHeaderException("csv_header: unmatched '{' — missing closing '}'");
        }
        TreeMap<String, String> labels = new TreeMap<>(Labels.CODE_POINT_ORDER);
        String rest = CsvText.trim(block.substring(1, close));
        while (!rest.isEmpty()) {
            int eq = rest.indexOf('=');
            if (eq < 0) {
                throw new MalformedHeaderException(
                        "csv_header: expected '=' in label pair, got: " + FloatText.rustDebugString(rest));
            }
            String key = CsvText.trim(rest.substring(0, eq));
            if (key.isEmpty()) {
                throw new MalformedHeaderException("csv_header: empty label key");
            }
            rest = CsvText.trimStart(rest.substring(eq + 1));
            String value;
            if (rest.startsWith("\"")) {
                StringBuilder v = new StringBuilder();
                int i = 1;
                while (true) {
                    if (i >= rest.length()) {
                        throw new MalformedHeaderException("csv_header: unterminated quoted value");
                    }
                    char c = rest.charAt(i);
                    if (c == '\\') {
                        if (i + 1 >= rest.length()) {
                            throw new MalformedHeaderException("csv_header: unterminated escape in quoted value");
                        }
                        v.append(rest.charAt(i + 1));
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        v.append(c);
                        i++;
                    }
                }
                value = v.toString();
                rest = rest.substring(i);
            } else {
                int comma = rest.indexOf(',');
                value = CsvText.trim(comma < 0 ? rest : rest.substring(0, comma));
                rest = comma < 0 ? "" : rest.substring(comma);
            }
            labels.put(key, value);
            rest = CsvText.trimStart(rest);
            if (rest.startsWith(",")) {
                rest = CsvText.trimStart(rest.substring(1));
            }
        }
        return labels;
    }
}
