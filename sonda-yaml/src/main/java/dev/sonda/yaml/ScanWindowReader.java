package dev.sonda.yaml;

import java.io.Reader;

/**
 * The reader SnakeYAML scans the text through, refusing to let one token grow its window past
 * {@link LoadLimits#maxScalarLength()}.
 *
 * <p>Why: SnakeYAML's {@code StreamReader} keeps the token being scanned in a window that it copies
 * each time it reads 1024 more characters, so one token of n characters costs about n<sup>2</sup>
 * /1024 character copies; a 4 MiB scalar, comment or anchor on one line takes seconds, before any
 * check on the finished token could run. The scanner moves its window on at every token and, inside
 * long scalars and comments, at every line break. So the text handed out since the end of the last
 * token the parser reported ({@link #mark}), or since the last line break if later, bounds the
 * window from above; beyond {@code maxScalarLength} plus a little lookahead, a single token on one
 * line must be longer than the limit, and reading stops there. Long lines of short tokens (minified
 * JSON, long flow sequences) and long multi-line text pass; scanning then costs at most the text's
 * length times the limit over 1024 copies.
 */
final class ScanWindowReader extends Reader {
    /**
     * What the scanner may hold beyond one token: a pending simple key (at most 1024 characters in
     * SnakeYAML), one read of 1024 characters, and indicators between tokens.
     */
    static final int LOOKAHEAD = 4096;

    private final EnvInterpolation source;
    private final String text;
    private final int limit;
    private final int maxScalarLength;
    private int pos;
    private int lineStart;
    private int mark;

    ScanWindowReader(EnvInterpolation source, LoadLimits limits) {
        this.source = source;
        this.text = source.text();
        this.maxScalarLength = limits.maxScalarLength();
        this.limit = maxScalarLength + LOOKAHEAD;
    }

    /** Records that the parser has reported every token ending before {@code offset}. */
    void mark(long offset) {
        if (offset > mark && offset <= pos) {
            mark = (int) offset;
        }
    }

    @Override
    public int read(char[] buf, int off, int len) {
        if (pos >= text.length()) {
            return -1;
        }
        int from = Math.max(mark, lineStart);
        if (pos - from > limit) {
            throw tooLong(from);
        }
        int n = Math.min(len, text.length() - pos);
        if (n > 1 && Character.isHighSurrogate(text.charAt(pos + n - 1))) {
            // SnakeYAML reads one more character after a chunk that ends in a high surrogate, into
            // the slot past its full buffer: never end a chunk inside a surrogate pair.
            n--;
        }
        text.getChars(pos, pos + n, buf, off);
        for (int k = pos + n - 1; k >= pos; k--) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                lineStart = k + 1;
                break;
            }
        }
        pos += n;
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** Where the token after the last one the parser reported begins. */
    Loc nextToken() {
        return tokenAt(mark);
    }

    private Rejected tooLong(int from) {
        return new Rejected(
                "",
                "a scalar, comment or anchor starting here exceeds the limit of " + maxScalarLength
                        + " characters (LoadLimits.maxScalarLength) on one line; shorten it, or raise the limit with"
                        + " LoadLimits.withMaxScalarLength",
                tokenAt(from));
    }

    /** The original position of the first character at or after {@code from} that is no indicator. */
    private Loc tokenAt(int from) {
        int start = from;
        while (start < text.length() && " \t\r\n:-?,[]{}".indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        int line = 1;
        int lineBegin = 0;
        for (int k = 0; k < start; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineBegin = k + 1;
            }
        }
        return source.original(line, text.codePointCount(lineBegin, start) + 1);
    }
}
