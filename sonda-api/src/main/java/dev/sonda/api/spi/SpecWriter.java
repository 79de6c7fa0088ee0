package dev.sonda.api.spi;

/**
 * Receives the keys of one block as a {@link SpecProvider} writes a spec back out (the YAML writer,
 * {@code --dry-run}, the server's {@code GET /scenarios/{id}}). Keys appear in the order written.
 */
public interface SpecWriter {

    /**
     * Writes one key. Values: {@code null} (the key is left out), {@code String}, {@code Boolean},
     * {@code Integer}, {@code Long}, {@code BigInteger}, {@code Double} (written as its shortest
     * round-trip decimal), {@code java.time.Duration} (written in the reference's duration text,
     * such as {@code 1.5s}), a {@code List} or a {@code Map<String, ?>} of those.
     *
     * @param key the key
     * @param value the value
     * @return this writer
     * @throws IllegalArgumentException if the value is of another type
     */
    SpecWriter put(String key, Object value);

    /**
     * Writes an unsigned 64-bit integer (a seed) whose bits are {@code bits}.
     *
     * @param key the key
     * @param bits the value's bits
     * @return this writer
     */
    SpecWriter putUnsigned(String key, long bits);

    /**
     * Starts a nested mapping under {@code key}; its keys are written through the returned writer.
     *
     * @param key the key
     * @return the nested writer
     */
    SpecWriter block(String key);
}
