package dev.sonda.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The first step of every load: bytes or text to checked scenario text. Bytes must be UTF-8 (a
 * UTF-8 byte order mark is skipped; UTF-16 and UTF-32 are refused by their mark); text must hold
 * only the characters YAML 1.2 allows (section 5.1: no control characters but tab, line feed and
 * carriage return, no unpaired surrogates, no U+FFFE or U+FFFF), and must fit {@link
 * LoadLimits#maxDocumentBytes()} as UTF-8. Problems are located by line and column as the rest of
 * the loader counts them (lines end at line feeds, columns count code points), and for bytes also
 * by 0-based byte offset.
 */
final class ScenarioText {
    private ScenarioText() {}

    /**
     * Reads at most {@code limits.maxDocumentBytes() + 1} bytes: enough to know the text is too
     * large without reading all of it. Does not close the stream.
     */
    static byte[] read(InputStream in, LoadLimits limits) throws IOException {
        return in.readNBytes(limits.maxDocumentBytes() + 1);
    }

    /**
     * Decodes UTF-8 bytes, checking size, encoding and characters in one pass.
     *
     * @param bytes the bytes as read
     * @param noun how messages name the input, such as {@code scenario file}
     * @param limits the size limit
     * @return the text without its byte order mark
     * @throws Rejected at the first problem
     */
    static String decode(byte[] bytes, String noun, LoadLimits limits) {
        int n = bytes.length;
        int start = 0;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else {
            rejectOtherEncodings(bytes, noun);
        }
        int max = limits.maxDocumentBytes();
        int line = 1;
        int col = 1;
        int i = start;
        while (i < n) {
            if (i >= max) {
                throw tooLarge(
                        noun, " at byte offset " + i + " (line " + line + ", column " + col + ")", max, line, col);
            }
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                if (isControl(b)) {
                    throw control(
                            noun, b, " at byte offset " + i + " (line " + line + ", column " + col + ")", line, col);
                }
                if (b == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
                i++;
                continue;
            }
            int len;
            int lo = 0x80;
            int hi = 0xBF;
            int cp;
            if (b >= 0xC2 && b <= 0xDF) {
                len = 2;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                len = 3;
                cp = b & 0x0F;
                lo = b == 0xE0 ? 0xA0 : 0x80;
                hi = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                len = 4;
                cp = b & 0x07;
                lo = b == 0xF0 ? 0x90 : 0x80;
                hi = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw notUtf8(noun, "invalid byte " + hex(b), i, line, col);
            }
            for (int k = 1; k < len; k++) {
                if (i + k >= n) {
                    throw notUtf8(noun, "incomplete byte sequence " + hexRun(bytes, i, n), i, line, col);
                }
                int c = bytes[i + k] & 0xFF;
                if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
                    throw notUtf8(noun, "invalid byte sequence " + hexRun(bytes, i, i + k + 1), i, line, col);
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (isControl(cp)) {
                throw control(noun, cp, " at byte offset " + i + " (line " + line + ", column " + col + ")", line, col);
            }
            col++;
            i += len;
        }
        return new String(bytes, start, n - start, StandardCharsets.UTF_8);
    }

    /**
     * Checks text given as a string: size as UTF-8, characters, surrogate pairs.
     *
     * @param text the text
     * @param noun how messages name the input
     * @param limits the size limit
     * @return the text without a leading byte order mark
     * @throws Rejected at the first problem
     */
    static String check(String text, String noun, LoadLimits limits) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        long max = limits.maxDocumentBytes();
        long bytes = 0;
        int line = 1;
        int col = 1;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            int cp = c;
            int width = 1;
            int utf8;
            if (Character.isHighSurrogate(c) && i + 1 < t.length() && Character.isLowSurrogate(t.charAt(i + 1))) {
                cp = Character.toCodePoint(c, t.charAt(i + 1));
                width = 2;
                utf8 = 4;
            } else if (Character.isSurrogate(c)) {
                throw new Rejected(
                        "",
                        noun + " is not valid text: unpaired surrogate " + codePoint(c) + " at line " + line
                                + ", column " + col
                                + "; it was probably decoded from bytes with the wrong charset: read"
                                + " the file as UTF-8",
                        new Loc(line, col));
            } else {
                utf8 = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
            bytes += utf8;
            if (bytes > max) {
                throw tooLarge(noun, " at line " + line + ", column " + col, (int) max, line, col);
            }
            if (isControl(cp)) {
                throw control(noun, cp, " at line " + line + ", column " + col, line, col);
            }
            if (cp == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            i += width;
        }
        return t;
    }

    /** Characters outside YAML's printable set (YAML 1.2 section 5.1, production c-printable). */
    private static boolean isControl(int cp) {
        if (cp < 0x20) {
            return cp != '\t' && cp != '\n' && cp != '\r';
        }
        return cp == 0x7F || (cp >= 0x80 && cp <= 0x9F && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF;
    }

    private static void rejectOtherEncodings(byte[] b, String noun) {
        String encoding = null;
        int marks = 0;
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            encoding = "UTF-32";
            marks = 4;
        } else if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            encoding = "UTF-32";
            marks = 4;
        } else if (b.length >= 2
                && (((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)
                        || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE))) {
            encoding = "UTF-16";
            marks = 2;
        }
        if (encoding != null) {
            throw new Rejected(
                    "",
                    noun + " is encoded as " + encoding + " (it starts with the byte order mark " + hexRun(b, 0, marks)
                            + "); save it as UTF-8",
                    Loc.START);
        }
    }

    private static Rejected notUtf8(String noun, String what, int offset, int line, int col) {
        return new Rejected(
                "",
                noun + " is not valid UTF-8: " + what + " at byte offset " + offset + " (line " + line + ", column "
                        + col + "); save the file as UTF-8 (text in Latin-1 or Windows-1252 looks like this)",
                new Loc(line, col));
    }

    private static Rejected control(String noun, int cp, String where, int line, int col) {
        String hint = cp == 0
                ? "this looks like a binary file, not YAML text: check that it is the scenario you meant"
                : "remove it, or write it as an escape such as \"\\x" + String.format(Locale.ROOT, "%02x", cp & 0xFF)
                        + "\" inside a double-quoted string";
        return new Rejected(
                "",
                noun + " contains the control character " + codePoint(cp) + where
                        + "; YAML text allows no control characters but tab, line feed and carriage return: " + hint,
                new Loc(line, col));
    }

    private static Rejected tooLarge(String noun, String where, int max, int line, int col) {
        return new Rejected(
                "",
                noun + " exceeds the limit of " + max + " bytes (LoadLimits.maxDocumentBytes)" + where
                        + "; split it into several files, or raise the limit with LoadLimits.withMaxDocumentBytes",
                new Loc(line, col));
    }

    private static String codePoint(int cp) {
        String name =
                switch (cp) {
                    case 0 -> " (NUL)";
                    case 0x1B -> " (ESC)";
                    case 0x7F -> " (DEL)";
                    default -> "";
                };
        return String.format(Locale.ROOT, "U+%04X", cp) + name;
    }

    private static String hex(int b) {
        return String.format(Locale.ROOT, "0x%02X", b);
    }

    private static String hexRun(byte[] bytes, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int k = from; k < to; k++) {
            s.append(k == from ? "" : " ").append(hex(bytes[k] & 0xFF));
        }
        return s.toString();
    }
}
