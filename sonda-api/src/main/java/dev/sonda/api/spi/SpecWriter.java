package dev.sonda.api.spi;

/**
 * Receives the keys of one block as a {@link SpecProvider} writes a spec back out (the YAML writer,
 * {@code --dry-run}, the server's {@code GET /scenarios/{id}}). Keys appear in the order written.
 *
 * <p><b>Secrets.</b> A provider writes a password, a token, an API key or a secret header's value
 * with {@link #putSecret}, never with {@link #put}: the writer decides what becomes of it. Writers
 * for display (dry runs, listings, logs) write {@code ***}, which is also what this interface does
 * by default; only a writer made for saving a plan to be run again, on request, writes the secret
 * itself.
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
     * Writes a secret: a password, a token, an API key, a secret header's value. Default: {@code
     * ***} in its place (a null secret leaves the key out), so no secret is shown by a writer that
     * does not know better; a writer for saving overrides it to write the value.
     *
     * @param key the key
     * @param secret the secret, or null
     * @return this writer
     */
    default SpecWriter putSecret(String key, String secret) {
        return put(key, secret == null || keepsSecrets() ? secret : "***");
    }

    /**
     * Whether this writer writes secrets themselves (saving a plan to run again) rather than
     * {@code ***} (display), for a provider whose secret is part of a value, such as the user
     * information of a URL. Default: false.
     *
     * @return true when secrets are kept
     */
    default boolean keepsSecrets() {
        return false;
    }

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
