package dev.sonda.engine.encode;

import java.nio.charset.StandardCharsets;

/**
 * The text escapes of the built-in formats, applied once per series. Every escaped character is
 * ASCII, so escaping UTF-16 chars and then encoding UTF-8 gives the reference's byte-wise result.
 */
final class Escapes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Escapes() {}

    /**
     * Prometheus text exposition format 0.0.4 label value: {@code \} → {@code \\}, {@code "} →
     * {@code \"}, LF → {@code \n}; nothing else.
     */
    static String prometheusLabelValue(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep =
                    switch (c) {
                        case '\\' -> "\\\\";
                        case '"' -> "\\\"";
                        case '\n' -> "\\n";
                        default -> null;
                    };
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * InfluxDB line protocol measurement, tag key, tag value and field key (as the reference
     * escapes them all): a backslash before {@code ,}, space and {@code =}; nothing else.
     */
    static String influx(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean special = c == ',' || c == ' ' || c == '=';
            if (special && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (special) {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * Appends {@code s} as a serde_json string literal, quotes included: {@code "} → {@code \"},
     * {@code \} → {@code \\}, {@code \b \t \n \f \r}, other bytes below 0x20 as {@code \}{@code u00xx}
     * (lowercase hex); everything else raw UTF-8.
     */
    static void jsonString(String s, ByteBuf out) {
        out.put((byte) '"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.putUtf8(s.substring(start, i));
            start = i + 1;
            out.put((byte) '\\');
            switch (c) {
                case '"' -> out.put((byte) '"');
                case '\\' -> out.put((byte) '\\');
                case '\b' -> out.put((byte) 'b');
                case '\t' -> out.put((byte) 't');
                case '\n' -> out.put((byte) 'n');
                case '\f' -> out.put((byte) 'f');
                case '\r' -> out.put((byte) 'r');
                default -> {
                    out.put((byte) 'u');
                    out.put((byte) '0');
                    out.put((byte) '0');
                    out.put(HEX[c >> 4]);
                    out.put(HEX[c & 0xF]);
                }
            }
        }
        out.putUtf8(s.substring(start));
        out.put((byte) '"');
    }
}
