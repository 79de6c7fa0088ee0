package dev.sonda.api.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code type:}-tagged block being read into a spec record, with typed accessors. An accessor
 * never throws for bad input: it records a problem (with the block's path, and the line and column
 * when the block comes from a file) and returns null or the fallback, so a provider reads every
 * key and every mistake is reported at once.
 *
 * <p>Scalars are coerced as YAML 1.2's core schema reads them: any scalar fits a string key, an
 * integer or float fits a number key, {@code .nan}, {@code .inf} and {@code -.inf} are doubles.
 * "Absent" means the key is missing or its value is YAML {@code null}.
 *
 * <p>Every key a provider asks about counts as read; the caller reports the keys never read as
 * unknown (a warning, or an error under strict validation) with a did-you-mean. Not thread-safe.
 */
public interface SpecBlock {

    /** Parses a duration text or throws {@link IllegalArgumentException} saying why not. */
    @FunctionalInterface
    interface DurationParser {
        /**
         * Parses {@code text}.
         *
         * @param text the duration as written, such as {@code 1.5s}
         * @return the duration
         * @throws IllegalArgumentException with the reason when {@code text} is not a duration
         */
        Duration parse(String text);
    }

    /**
     * Where the block sits, such as {@code scenarios[2].sink}.
     *
     * @return the path
     */
    String path();

    /**
     * The path of one key of this block, such as {@code scenarios[2].sink.url}.
     *
     * @param key the key
     * @return the path
     */
    default String path(String key) {
        String p = path();
        return p.isEmpty() ? key : p + "." + key;
    }

    /**
     * The block's {@code type:} value.
     *
     * @return the type
     */
    String type();

    /**
     * Whether {@code key} is present with a non-null value. Counts as reading the key.
     *
     * @param key the key
     * @return true when present
     */
    boolean has(String key);

    /**
     * The keys of the block in document order, {@code type} included.
     *
     * @return the keys
     */
    Set<String> keys();

    /**
     * A string value.
     *
     * @param key the key
     * @return the text, or null when absent or not a scalar (a problem is recorded then)
     */
    String string(String key);

    /**
     * A string value, or {@code fallback} when absent.
     *
     * @param key the key
     * @param fallback the value when absent
     * @return the text
     */
    default String string(String key, String fallback) {
        String s = string(key);
        return s == null ? fallback : s;
    }

    /**
     * A required string value; records {@code missing key} when absent.
     *
     * @param key the key
     * @return the text, or {@code ""} after recording a problem
     */
    String requiredString(String key);

    /**
     * A number (integer or float scalar) as a double.
     *
     * @param key the key
     * @return the value, or null when absent or not a number (a problem is recorded then)
     */
    Double number(String key);

    /**
     * A number, or {@code fallback} when absent or invalid.
     *
     * @param key the key
     * @param fallback the value when absent
     * @return the value
     */
    default double number(String key, double fallback) {
        Double d = number(key);
        return d == null ? fallback : d;
    }

    /**
     * A required number; records {@code missing key} when absent.
     *
     * @param key the key
     * @return the value, or 0 after recording a problem
     */
    double requiredNumber(String key);

    /**
     * An integer in {@code [min, max]}.
     *
     * @param key the key
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @return the value, or null when absent, not an integer or out of range (a problem is
     *     recorded then, naming the range)
     */
    Long integer(String key, long min, long max);

    /**
     * An integer in {@code [min, max]}, or {@code fallback} when absent or invalid.
     *
     * @param key the key
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @param fallback the value when absent
     * @return the value
     */
    default long integer(String key, long min, long max, long fallback) {
        Long v = integer(key, min, max);
        return v == null ? fallback : v;
    }

    /**
     * A required integer in {@code [min, max]}; records {@code missing key} when absent.
     *
     * @param key the key
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @return the value, or {@code max(min, 0)} after recording a problem
     */
    long requiredInteger(String key, long min, long max);

    /**
     * An unsigned 64-bit integer (0 to 18446744073709551615), such as a seed, as a long with the
     * same bits.
     *
     * @param key the key
     * @return the bits, or null when absent or invalid (a problem is recorded then)
     */
    Long unsigned64(String key);

    /**
     * A boolean ({@code true} or {@code false}).
     *
     * @param key the key
     * @return the value, or null when absent or not a boolean (a problem is recorded then)
     */
    Boolean bool(String key);

    /**
     * A boolean, or {@code fallback} when absent or invalid.
     *
     * @param key the key
     * @param fallback the value when absent
     * @return the value
     */
    default boolean bool(String key, boolean fallback) {
        Boolean b = bool(key);
        return b == null ? fallback : b;
    }

    /**
     * A duration written as text, such as {@code 250ms}, parsed by {@code parser}.
     *
     * @param key the key
     * @param parser the grammar, such as {@code DurationText::parse}
     * @return the duration, or null when absent or unparsable (a problem naming the reason is
     *     recorded then)
     */
    Duration duration(String key, DurationParser parser);

    /**
     * A duration, or {@code fallback} when absent or invalid.
     *
     * @param key the key
     * @param parser the grammar
     * @param fallback the value when absent
     * @return the duration
     */
    default Duration duration(String key, DurationParser parser, Duration fallback) {
        Duration d = duration(key, parser);
        return d == null ? fallback : d;
    }

    /**
     * A sequence of numbers.
     *
     * @param key the key
     * @return the numbers that could be read, in order; empty when absent
     */
    List<Double> numbers(String key);

    /**
     * A sequence of strings.
     *
     * @param key the key
     * @return the strings that could be read, in order; empty when absent
     */
    List<String> strings(String key);

    /**
     * A mapping of strings to strings, in document order.
     *
     * @param key the key
     * @return the map; empty when absent
     */
    Map<String, String> stringMap(String key);

    /**
     * A mapping of strings to sequences of strings, in document order (such as a log template's
     * {@code field_pools}).
     *
     * @param key the key
     * @return the map; empty when absent
     */
    Map<String, List<String>> stringListMap(String key);

    /**
     * A nested mapping, read as a block of its own (its {@link #type()} is its own {@code type}
     * key, or empty).
     *
     * @param key the key
     * @return the block, or null when absent or not a mapping (a problem is recorded then)
     */
    SpecBlock block(String key);

    /**
     * A sequence of mappings, each read as a block.
     *
     * @param key the key
     * @return the blocks, in order; empty when absent
     */
    List<SpecBlock> blocks(String key);

    /**
     * One of a fixed set of words.
     *
     * @param key the key
     * @param choices the accepted words and what each stands for
     * @param <E> the result type
     * @return the choice, or null when absent or not one of the words (a problem listing them is
     *     recorded then)
     */
    <E> E choice(String key, Map<String, E> choices);

    /**
     * The value of one key as a plain Java value: {@code String}, {@code Long} (or {@code
     * BigInteger} beyond 64 bits), {@code Double}, {@code Boolean}, {@code List} or {@code Map}.
     *
     * @param key the key
     * @return the value, or null when absent
     */
    Object plain(String key);

    /**
     * Every key not in {@code except} as plain Java values (see {@link #plain}), in document order,
     * without null values. Counts as reading them.
     *
     * @param except keys to leave out
     * @return the values
     */
    Map<String, Object> plainValues(Set<String> except);

    /**
     * Records a problem at {@code key} (its position when it is present, else the block's).
     *
     * @param key the key, or null for the block itself
     * @param message what is wrong and what to do instead
     */
    void problem(String key, String message);

    /**
     * Whether a problem was recorded through this block or one of its nested blocks.
     *
     * @return true after a problem
     */
    boolean failed();

    /**
     * The keys no accessor has read so far, {@code type} excluded, in document order.
     *
     * @return the unread keys
     */
    Set<String> unreadKeys();
}
