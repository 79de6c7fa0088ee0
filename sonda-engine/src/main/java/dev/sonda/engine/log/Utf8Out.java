package dev.sonda.engine.log;

import dev.sonda.engine.encode.ByteBuf;

/**
 * Allocation-free writers of UTF-16 text as UTF-8 bytes into a {@link ByteBuf}: raw, JSON-escaped
 * (serde_json) and syslog SD-PARAM-escaped. An unpaired surrogate (impossible in the reference's
 * Rust strings) is written as {@code ?}, as {@link String#getBytes(java.nio.charset.Charset)}
 * does.
 */
final class Utf8Out {
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    /** Per ASCII char: 0 = raw, 'u' = backslash-u00XX, other = backslash + that byte. */
    private static final byte[] JSON_ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            JSON_ESCAPE[c] = 'u';
        }
        JSON_ESCAPE['\b'] = 'b';
        JSON_ESCAPE['\t'] = 't';
        JSON_ESCAPE['\n'] = 'n';
        JSON_ESCAPE['\f'] = 'f';
        JSON_ESCAPE['\r'] = 'r';
        JSON_ESCAPE['"'] = '"';
        JSON_ESCAPE['\\'] = '\\';
    }

    private Utf8Out() {}

    /** Appends {@code s} as UTF-8, unescaped. */
    static void raw(String s, ByteBuf out) {
        int n = s.length();
        byte[] a = out.ensureCapacity(3 * n);
        int p = out.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                a[p++] = (byte) c;
            } else {
                p = nonAscii(s, i, c, a, p);
                if (pairAt(s, i, c)) {
                    i++;
                }
            }
        }
        out.setLength(p);
    }

    /**
     * Appends {@code s} as a serde_json string literal, quotes included: {@code "} and {@code \}
     * backslashed, {@code \b \t \n \f \r}, other controls below 0x20 as backslash-u00xx (lowercase
     * hex); everything else raw UTF-8 (DEL and {@code /} included).
     */
    static void jsonString(String s, ByteBuf out) {
        int n = s.length();
        byte[] a = out.ensureCapacity(6 * n + 2);
        int p = out.length();
        a[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte e = JSON_ESCAPE[c];
                if (e == 0) {
                    a[p++] = (byte) c;
                } else {
                    a[p++] = '\\';
                    if (e == 'u') {
                        a[p++] = 'u';
                        a[p++] = '0';
                        a[p++] = '0';
                        a[p++] = HEX[c >> 4];
                        a[p++] = HEX[c & 0xF];
                    } else {
                        a[p++] = e;
                    }
                }
            } else {
                p = nonAscii(s, i, c, a, p);
                if (pairAt(s, i, c)) {
                    i++;
                }
            }
        }
        a[p++] = '"';
        out.setLength(p);
    }

    /** Appends an RFC 5424 PARAM-VALUE body: {@code \}, {@code "} and {@code ]} backslashed. */
    static void sdValue(String s, ByteBuf out) {
        int n = s.length();
        byte[] a = out.ensureCapacity(3 * n);
        int p = out.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '\\' || c == '"' || c == ']') {
                    a[p++] = '\\';
                }
                a[p++] = (byte) c;
            } else {
                p = nonAscii(s, i, c, a, p);
                if (pairAt(s, i, c)) {
                    i++;
                }
            }
        }
        out.setLength(p);
    }

    /** Whether {@code c} at {@code i} is a high surrogate followed by a low one. */
    private static boolean pairAt(String s, int i, char c) {
        return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    /**
     * Writes the non-ASCII char {@code c} at {@code i} (with its low surrogate when {@link
     * #pairAt} holds) at {@code p}, and returns the new position.
     */
    private static int nonAscii(String s, int i, char c, byte[] a, int p) {
        if (c < 0x800) {
            a[p++] = (byte) (0xC0 | (c >> 6));
            a[p++] = (byte) (0x80 | (c & 0x3F));
        } else if (pairAt(s, i, c)) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            a[p++] = (byte) (0xF0 | (cp >> 18));
            a[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            a[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            a[p++] = (byte) (0x80 | (cp & 0x3F));
        } else if (Character.isSurrogate(c)) {
            a[p++] = '?';
        } else {
            a[p++] = (byte) (0xE0 | (c >> 12));
            a[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            a[p++] = (byte) (0x80 | (c & 0x3F));
        }
        return p;
    }
}
