package dev.sonda.engine.internal;

import dev.sonda.api.InvalidScenarioException;
import dev.sonda.api.Problem;
import dev.sonda.api.internal.num.FloatText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Not API. Rust text semantics the CSV readers of the metric and log {@code csv_replay} depend on
 * (Sonda 1.20 {@code generator/csv_header.rs}, {@code config/mod.rs}): {@code str::lines}, {@code
 * str::trim}, {@code str::parse::<f64>}, the quote-aware field splitter, the header heuristic and
 * reading a file as the reference reports failures. Not on a hot path.
 */
public final class CsvText {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");

    private CsvText() {}

    /**
     * Rust {@code str::lines()}: split on LF, strip one CR before each LF, no final empty line; a
     * lone CR (also at the very end) is kept.
     *
     * @param text the whole text
     * @return the lines, without their terminators
     */
    public static List<String> lines(String text) {
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

    /**
     * Rust {@code char::is_whitespace} (Unicode White_Space).
     *
     * @param c the character
     * @return whether it is white space
     */
    public static boolean isWhitespace(char c) {
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

    /**
     * Rust {@code str::trim()}: strips Unicode White_Space at both ends (unlike {@link
     * String#trim()} and {@link String#strip()}).
     *
     * @param s the text
     * @return the text without leading and trailing white space
     */
    public static String trim(String s) {
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

    /**
     * Rust {@code str::trim_start()}: strips Unicode White_Space at the start.
     *
     * @param s the text
     * @return the text without leading white space
     */
    public static String trimStart(String s) {
        int a = 0;
        while (a < s.length() && isWhitespace(s.charAt(a))) {
            a++;
        }
        return s.substring(a);
    }

    /**
     * A line with no data: blank after trim, or a {@code #} comment.
     *
     * @param line one line
     * @return whether readers skip it
     */
    public static boolean skippable(String line) {
        String t = trim(line);
        return t.isEmpty() || t.charAt(0) == '#';
    }

    /**
     * The first line that is neither blank nor a {@code #} comment, as read (not trimmed).
     *
     * @param content the whole text
     * @return the line, or null when there is none
     */
    public static String firstDataLine(String content) {
        for (String line : lines(content)) {
            if (!skippable(line)) {
                return line;
            }
        }
        return null;
    }

    /**
     * Whether {@code s} is accepted by Rust's {@code str::parse::<f64>} (no trimming).
     *
     * @param s the text
     * @return whether it parses
     */
    public static boolean isFloat(String s) {
        return DECIMAL.matcher(s).matches() || SPECIAL.matcher(s).matches();
    }

    /**
     * Rust's {@code str::parse::<f64>}: the value, or null when {@code s} is not in the grammar.
     *
     * @param s the text, not trimmed
     * @return the correctly rounded value, or null
     */
    public static Double parseFloat(String s) {
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

    /**
     * Naive {@code line.split(',')} as Rust does it: every separator splits, empties kept.
     *
     * @param line one line
     * @return its fields, at least one
     */
    public static String[] splitNaive(String line) {
        return line.split(",", -1);
    }

    /**
     * The quote-aware splitter ({@code split_csv_header_fields}): a {@code "} outside quotes enters
     * quoted mode; inside, {@code ""} is one {@code "} and a lone {@code "} leaves; {@code ,}
     * outside quotes splits. Fields are not trimmed; an unterminated quote is no error.
     *
     * @param line one line
     * @return its fields, at least one
     */
    public static List<String> splitQuoted(String line) {
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
     *
     * @param line the first data-bearing line
     * @return whether it is a header
     */
    public static boolean isHeaderLine(String line) {
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

    /**
     * Reads a whole file as strict UTF-8, as Rust's {@code std::fs::read_to_string}, reporting a
     * failure as the reference's {@code GeneratorError::FileRead} with its I/O cause: {@code cannot
     * read file "f": No such file or directory}, {@code ...: Permission denied (os
     * error 13)}, {@code ...: Is a directory}, {@code ...: stream did not contain
     * valid UTF-8}, else the JVM's message.
     *
     * @param file the file to read
     * @param shown the file as the user wrote it, quoted in messages
     * @param problemPath where the problem is reported, such as {@code scenarios[0].generator.file}
     * @return the text
     * @throws InvalidScenarioException with one problem at {@code problemPath} when the file cannot
     *     be read or is not UTF-8
     */
    public static String readUtf8(Path file, String shown, String problemPath) {
        String prefix = "cannot read file " + FloatText.rustDebugString(shown) + ": ";
        try {
            if (Files.isDirectory(file)) {
                throw problem(problemPath, prefix + "Is a directory");
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw problem(problemPath, prefix + "stream did not contain valid UTF-8");
        } catch (NoSuchFileException e) {
            throw problem(problemPath, prefix + "No such file or directory");
        } catch (AccessDeniedException e) {
            throw problem(problemPath, prefix + "Permission denied");
        } catch (IOException | SecurityException e) {
            throw problem(problemPath, prefix + e.getMessage());
        }
    }

    /**
     * Resolves a data file the way {@code csv_replay} does: relative to {@code baseDir}, or to the
     * working directory when {@code baseDir} is null; an absolute {@code file} stays as it is.
     *
     * @param baseDir the directory relative paths resolve against, or null
     * @param file the path as written in the scenario
     * @param problemPath where the problem is reported
     * @return the resolved path
     * @throws InvalidScenarioException with one problem at {@code problemPath} when {@code file} is
     *     not a valid path on this platform
     */
    public static Path resolve(Path baseDir, String file, String problemPath) {
        try {
            return baseDir == null ? Path.of(file) : baseDir.resolve(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw problem(problemPath, "cannot read file " + FloatText.rustDebugString(file) + ": " + e.getMessage());
        }
    }

    /**
     * One problem as an exception.
     *
     * @param path where
     * @param message what
     * @return the exception to throw
     */
    public static InvalidScenarioException problem(String path, String message) {
        return new InvalidScenarioException(List.of(new Problem(path, message)));
    }

    /**
     * ASCII case-insensitive equality ({@code eq_ignore_ascii_case}).
     *
     * @param a one text
     * @param b the other
     * @return whether they are equal ignoring ASCII case
     */
    public static boolean equalsIgnoreAsciiCase(String a, String b) {
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
