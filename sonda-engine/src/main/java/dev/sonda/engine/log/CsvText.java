package dev.sonda.engine.log;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rust text semantics the CSV readers depend on (Sonda 1.20 {@code generator/csv_header.rs},
 * {@code config/mod.rs}): {@code str::lines}, {@code str::trim}, {@code str::parse::<f64>}, the
 * quote-aware field splitter and the header heuristic. Not on a hot path.
 */
final class CsvText {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");

    private CsvText() {}

    /**
     * Rust {@code str::lines()}: split on LF, strip one CR before each LF, no final empty line; a
     * lone CR (also at the very end) is kept.
     */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            int stop = nl >= 0 && end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            out.add(text.substring(start, stop));
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return out;
    }

    /** Rust {@code char::is_whitespace} (Unicode White_Space). */
    static boolean isWhitespace(char c) {
        if (c <= 0x20) {
            return c == ' ' || (c >= 0x09 && c <= 0x0D);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }

    /** Rust {@code str::trim()}: strips Unicode White_Space at both ends. */
    static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isWhitespace(s.charAt(a))) {
            a++;
        }
        while (b > a && isWhitespace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** A line with no data: blank after trim, or a {@code #} comment. */
    static boolean skippable(String line) {
        String t = trim(line);
        return t.isEmpty() || t.charAt(0) == '#';
    }

    /** Whether {@code s} is accepted by Rust's {@code str::parse::<f64>} (no trimming). */
    static boolean isFloat(String s) {
        return DECIMAL.matcher(s).matches() || SPECIAL.matcher(s).matches();
    }

    /**
     * Rust's {@code str::parse::<f64>}: the value, or null when {@code s} is not in the grammar.
     */
    static Double parseFloat(String s) {
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        if (SPECIAL.matcher(s).matches()) {
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("nan")) {
                return Double.NaN;
            }
            return lower.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    /** Naive {@code line.split(',')} as Rust does it: every separator splits, empties kept. */
    static String[] splitNaive(String line) {
        return line.split(",", -1);
    }

    /**
     * The quote-aware splitter ({@code split_csv_header_fields}): a {@code "} outside quotes enters
     * quoted mode; inside, {@code ""} is one {@code "} and a lone {@code "} leaves; {@code ,}
     * outside quotes splits. Fields are not trimmed; an unterminated quote is no error.
     */
    static List<String> splitQuoted(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else if (c == '"') {
                quoted = true;
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString());
        return fields;
    }

    /**
     * {@code is_header_line}: naive split; one field: header iff it does not parse (after trim);
     * several: header iff any field after the first does not parse.
     */
    static boolean isHeaderLine(String line) {
        String[] fields = splitNaive(line);
        if (fields.length <= 1) {
            return !isFloat(trim(fields[0]));
        }
        for (int i = 1; i < fields.length; i++) {
            if (!isFloat(trim(fields[i]))) {
                return true;
            }
        }
        return false;
    }

    /** ASCII case-insensitive equality ({@code eq_ignore_ascii_case}). */
    static boolean equalsIgnoreAsciiCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && lowerAscii(x) != lowerAscii(y)) {
                return false;
            }
        }
        return true;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
