package dev.sonda.api.internal.spec;

import dev.sonda.api.internal.num.FloatText;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Not API. The wording of the problems a scenario block can have, shared by every reader (the YAML
 * loader, {@link MapSpecBlock}, the registry), so one mistake reads the same wherever it was made.
 * Messages say what was expected, in YAML's words, and what was found: {@code expected a number,
 * found string "fast"}.
 */
public final class SpecMessages {
    /** What a number key expects. */
    public static final String NUMBER = "a number";

    /** What a string key expects. */
    public static final String STRING = "a string";

    /** What a boolean key expects. */
    public static final String BOOLEAN = "true or false";

    /** What a sequence key expects. */
    public static final String LIST = "a list";

    /** What a nested block expects. */
    public static final String MAPPING = "a mapping";

    /** What a duration key expects. */
    public static final String DURATION = "a duration such as \"30s\"";

    /** What an unsigned 64-bit key (a seed) expects. */
    public static final String UNSIGNED_64 = "an integer from 0 to 18446744073709551615";

    private SpecMessages() {}

    /**
     * {@code expected WHAT, found FOUND}.
     *
     * @param expected what the key takes, such as {@link #NUMBER}
     * @param found how the value is described, such as {@code string "fast"}
     * @return the message
     */
    public static String expected(String expected, String found) {
        return "expected " + expected + ", found " + found;
    }

    /**
     * {@code an integer from MIN to MAX}.
     *
     * @param min smallest accepted
     * @param max largest accepted
     * @return the expectation
     */
    public static String integer(long min, long max) {
        return "an integer from " + min + " to " + max;
    }

    /**
     * {@code missing required key 'KEY'}.
     *
     * @param key the key
     * @return the message
     */
    public static String missing(String key) {
        return "missing required key '" + key + "'";
    }

    /**
     * A value that is not one of a fixed set of words: {@code expected one of a, b, found string
     * "c"} plus a did-you-mean.
     *
     * @param word the value as written
     * @param found how the value is described
     * @param choices the accepted words, in the order to list them
     * @return the message
     */
    public static String notOneOf(String word, String found, Collection<String> choices) {
        return expected("one of " + String.join(", ", choices), found) + DidYouMean.hint(word, choices);
    }

    /**
     * {@code invalid duration "TEXT": REASON}.
     *
     * @param text the duration as written
     * @param reason why it does not parse
     * @return the message
     */
    public static String invalidDuration(String text, String reason) {
        return "invalid duration " + quote(text) + ": " + reason;
    }

    /**
     * A word no reader knows, such as a key or a type: {@code unknown WHAT 'WORD'; did you mean 'x'?
     * known: a, b, c} (without the did-you-mean when nothing is close).
     *
     * @param what what the word is, such as {@code key} or {@code sink type}
     * @param word the word as written
     * @param known every accepted word, in the order to list them
     * @return the message
     */
    public static String unknown(String what, String word, Collection<String> known) {
        String hint = DidYouMean.hint(word, known);
        return "unknown " + what + " '" + word + "'" + (hint.isEmpty() ? ";" : hint) + " known: "
                + String.join(", ", known);
    }

    /**
     * A key of a {@code type:} block that its provider never read: {@code unknown key 'repat' for
     * generator type 'sequence'; did you mean 'repeat'?}.
     *
     * @param key the key as written
     * @param kind the block kind in words, such as {@code generator}
     * @param type the block's type
     * @param read the keys the provider read, for the did-you-mean
     * @return the message
     */
    public static String unknownBlockKey(String key, String kind, String type, Collection<String> read) {
        return "unknown key '" + key + "' for " + kind + " type '" + type + "'" + DidYouMean.hint(key, read);
    }

    /**
     * A string as messages show it: double-quoted, with quotes, backslashes and control characters
     * escaped.
     *
     * @param s the text
     * @return the quoted text
     */
    public static String quote(String s) {
        return FloatText.rustDebugString(s);
    }

    /**
     * How a plain Java value (as {@link MapSpecBlock} holds them) is named in messages: {@code
     * string "abc"}, {@code number 5}, {@code boolean true}, {@code a list}, {@code a mapping},
     * {@code null}.
     *
     * @param v the value
     * @return the description
     */
    public static String describe(Object v) {
        if (v == null) {
            return "null";
        } else if (v instanceof String s) {
            return "string " + quote(s);
        } else if (v instanceof Boolean b) {
            return "boolean " + b;
        } else if (v instanceof Double d) {
            return "number " + FloatText.display(d);
        } else if (v instanceof Number n) {
            return "number " + n;
        } else if (v instanceof List<?>) {
            return "a list";
        } else if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        return v.getClass().getSimpleName();
    }
}
