package dev.sonda.yaml;

import dev.sonda.api.internal.num.FloatText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Phase 0 of the reference compiler ({@code compiler/env_interpolate.rs}): {@code ${NAME}}, {@code
 * ${NAME:-default}} and {@code $$} over the raw text of the whole file, single pass, no recursion.
 * Also remembers, for every character of the result, where it came from in the original text, so
 * YAML positions can be reported against the file the user wrote.
 */
final class EnvInterpolation {

    /** An interpolation error: the reference's message and the position of the {@code $}. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Failure(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private final String text;
    private final int[] lineStarts;
    private final int[] originLines;
    private final int[] originColumns;

    private EnvInterpolation(String text, int[] originLines, int[] originColumns) {
        this.text = text;
        this.originLines = originLines;
        this.originColumns = originColumns;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    /** The interpolated text. */
    String text() {
        return text;
    }

    /**
     * Maps a 1-based position in the interpolated text back to the original text; characters that
     * came from a substitution map to the {@code $} of their reference.
     */
    Loc original(int line, int column) {
        if (line < 1) {
            return new Loc(1, 1);
        }
        int l = Math.min(line, lineStarts.length) - 1;
        int index = Math.min(lineStarts[l] + Math.max(column, 1) - 1, originLines.length - 1);
        return new Loc(originLines[index], originColumns[index]);
    }

    /**
     * Interpolates {@code source}.
     *
     * @param source the raw file text
     * @param env variable lookup, null for unset
     * @return the result with its position map
     * @throws Failure on an unset variable, an unterminated reference or an invalid name
     */
    static EnvInterpolation apply(String source, Function<String, String> env) {
        return apply(source, env, Integer.MAX_VALUE);
    }

    /**
     * Interpolates {@code source}, refusing a result longer than {@code maxChars}.
     *
     * @param source the raw file text
     * @param env variable lookup, null for unset
     * @param maxChars the largest result, in characters ({@link LoadLimits#maxDocumentBytes()})
     * @return the result with its position map
     * @throws Failure on an unset variable, an unterminated reference, an invalid name or a result
     *     over {@code maxChars}, at the {@code $} of the reference
     */
    static EnvInterpolation apply(String source, Function<String, String> env, int maxChars) {
        StringBuilder out = new StringBuilder(source.length());
        int[] lines = new int[source.length() + 1];
        int[] cols = new int[source.length() + 1];
        int line = 1;
        int col = 1;
        int i = 0;
        String lastName = null;
        int lastLine = 1;
        int lastCol = 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '$' && i + 1 < source.length() && source.charAt(i + 1) == '$') {
                int at = out.length();
                out.append('$');
                lines = fit(lines, at + 1);
                cols = fit(cols, at + 1);
                lines[at] = line;
                cols[at] = col;
                col += 2;
                i += 2;
            } else if (c == '$' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                int close = source.indexOf('}', i + 2);
                if (close < 0) {
                    throw new Failure(
                            "unterminated `${...}` reference (started at line " + line + ", column " + col
                                    + " of scenario YAML)",
                            line,
                            col);
                }
                String body = source.substring(i + 2, close);
                int sep = body.indexOf(":-");
                String name = sep < 0 ? body : body.substring(0, sep);
                String fallback = sep < 0 ? null : body.substring(sep + 2);
                if (!isValidName(name)) {
                    throw new Failure(
                            "invalid environment variable name " + FloatText.rustDebugString(name) + " (at line "
                                    + line + ", column " + col
                                    + " of scenario YAML): names must match [A-Z_][A-Z0-9_]*",
                            line,
                            col);
                }
                String value = env.apply(name);
                if (value == null) {
                    value = fallback;
                }
                if (value == null) {
                    throw new Failure(
                            "environment variable " + name + " is not set (referenced at line " + line + ", column "
                                    + col + " of scenario YAML)",
                            line,
                            col);
                }
                if ((long) out.length() + value.length() > maxChars) {
                    throw tooLarge(maxChars, name, line, col);
                }
                lastName = name;
                lastLine = line;
                lastCol = col;
                int at = out.length();
                out.append(value);
                lines = fit(lines, out.length() + 1);
                cols = fit(cols, out.length() + 1);
                Arrays.fill(lines, at, out.length(), line);
                Arrays.fill(cols, at, out.length(), col);
                col += source.substring(i, close + 1).getBytes(StandardCharsets.UTF_8).length;
                i = close + 1;
            } else {
                int cp = source.codePointAt(i);
                int width = Character.charCount(cp);
                int at = out.length();
                out.appendCodePoint(cp);
                lines = fit(lines, out.length() + 1);
                cols = fit(cols, out.length() + 1);
                for (int k = 0; k < width; k++) {
                    lines[at + k] = line;
                    cols[at + k] = col;
                }
                if (cp == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
                i += width;
            }
        }
        int end = out.length();
        if (end > maxChars) {
            throw tooLarge(maxChars, lastName, lastLine, lastCol);
        }
        lines = fit(lines, end + 1);
        cols = fit(cols, end + 1);
        lines[end] = line;
        cols[end] = col;
        return new EnvInterpolation(out.toString(), Arrays.copyOf(lines, end + 1), Arrays.copyOf(cols, end + 1));
    }

    private static Failure tooLarge(int maxChars, String name, int line, int col) {
        return new Failure(
                "the scenario text exceeds the limit of " + maxChars
                        + " characters (LoadLimits.maxDocumentBytes) once environment variable " + name
                        + " is substituted (referenced at line " + line + ", column " + col
                        + " of scenario YAML); shorten its value or raise the limit with LoadLimits.withMaxDocumentBytes",
                line,
                col);
    }

    private static int[] fit(int[] a, int size) {
        return a.length >= size ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    private static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
