package dev.sonda.api.workload;

import java.util.Locale;

/**
 * Formats the integers of a {@link LabelRange}, as Mockingbird's {@code fmt} does with Python:
 * printf-style when the text contains {@code %}, brace-style otherwise.
 *
 * <p>printf-style: {@code %d}, {@code %i}, {@code %u} (decimal), {@code %x}, {@code %X}, {@code %o}
 * and {@code %s}, each with optional {@code 0} and {@code -} flags and a width; {@code %%} is a
 * percent sign. Brace-style: {@code {}} or {@code {0}}, optionally with a format spec {@code
 * {:05d}}, {@code {:x}}; {@code {{} and {@code }}} are literal braces.
 */
public final class LabelFormat {
    private LabelFormat() {}

    /**
     * Whether {@code fmt} has a placeholder for the integer.
     *
     * @param fmt the format
     * @return true if formatting two different integers can give two different texts
     */
    public static boolean hasPlaceholder(String fmt) {
        return !format(fmt, 0).equals(format(fmt, 1));
    }

    /**
     * Formats one integer.
     *
     * @param fmt the format, or null for decimal
     * @param value the integer
     * @return the text
     * @throws IllegalArgumentException if {@code fmt} has a conversion outside the set above
     */
    public static String format(String fmt, long value) {
        if (fmt == null) {
            return Long.toString(value);
        }
        return fmt.indexOf('%') >= 0 ? printf(fmt, value) : braces(fmt, value);
    }

    private static String printf(String fmt, long value) {
        StringBuilder out = new StringBuilder(fmt.length() + 8);
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i < fmt.length() && fmt.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            boolean zero = false;
            boolean left = false;
            while (i < fmt.length() && (fmt.charAt(i) == '0' || fmt.charAt(i) == '-')) {
                zero |= fmt.charAt(i) == '0';
                left |= fmt.charAt(i) == '-';
                i++;
            }
            int width = 0;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                width = width * 10 + (fmt.charAt(i++) - '0');
            }
            if (i >= fmt.length()) {
                throw new IllegalArgumentException("fmt '" + fmt + "' ends inside a % conversion");
            }
            out.append(pad(convert(fmt, fmt.charAt(i++), value), width, zero && !left, left));
        }
        return out.toString();
    }

    private static String braces(String fmt, long value) {
        StringBuilder out = new StringBuilder(fmt.length() + 8);
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i++);
            if ((c == '{' || c == '}') && i < fmt.length() && fmt.charAt(i) == c) {
                out.append(c);
                i++;
                continue;
            }
            if (c != '{') {
                out.append(c);
                continue;
            }
            int close = fmt.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("fmt '" + fmt + "' has a '{' without its '}'");
            }
            String field = fmt.substring(i, close);
            i = close + 1;
            int colon = field.indexOf(':');
            String index = colon < 0 ? field : field.substring(0, colon);
            if (!index.isEmpty() && !index.equals("0")) {
                throw new IllegalArgumentException(
                        "fmt '" + fmt + "' refers to argument {" + index + "}; only {} or {0} (the integer) exist");
            }
            String spec = colon < 0 ? "" : field.substring(colon + 1);
            out.append(braceSpec(fmt, spec, value));
        }
        return out.toString();
    }

    private static String braceSpec(String fmt, String spec, long value) {
        if (spec.isEmpty()) {
            return Long.toString(value);
        }
        int j = 0;
        boolean zero = false;
        boolean left = false;
        if (spec.charAt(j) == '<' || spec.charAt(j) == '>') {
            left = spec.charAt(j) == '<';
            j++;
        }
        if (j < spec.length() && spec.charAt(j) == '0') {
            zero = true;
            j++;
        }
        int width = 0;
        while (j < spec.length() && Character.isDigit(spec.charAt(j))) {
            width = width * 10 + (spec.charAt(j++) - '0');
        }
        char type = j < spec.length() ? spec.charAt(j++) : 'd';
        if (j != spec.length()) {
            throw new IllegalArgumentException("fmt '" + fmt + "' has the unsupported format spec ':" + spec + "'");
        }
        return pad(convert(fmt, type, value), width, zero && !left, left);
    }

    private static String convert(String fmt, char type, long value) {
        return switch (type) {
            case 'd', 'i', 'u', 's' -> Long.toString(value);
            case 'x' -> Long.toHexString(value).toLowerCase(Locale.ROOT);
            case 'X' -> Long.toHexString(value).toUpperCase(Locale.ROOT);
            case 'o' -> Long.toOctalString(value);
            default -> throw new IllegalArgumentException(
                    "fmt '" + fmt + "' has the conversion '" + type + "'; use d, x, X, o or s");
        };
    }

    private static String pad(String s, int width, boolean zero, boolean left) {
        if (s.length() >= width) {
            return s;
        }
        String fill = (zero ? "0" : " ").repeat(width - s.length());
        if (left) {
            return s + fill;
        }
        if (zero && s.startsWith("-")) {
            return "-" + fill + s.substring(1);
        }
        return fill + s;
    }
}
