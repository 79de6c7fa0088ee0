package dev.sonda.engine.sink;

import dev.sonda.api.DurationText;
import dev.sonda.api.sink.HttpAuth;
import dev.sonda.api.sink.RetryPolicy;
import dev.sonda.api.sink.TlsSettings;
import dev.sonda.api.spi.SpecBlock;
import dev.sonda.api.spi.SpecWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading and writing the keys many sink blocks share, so every provider (built-in or in another
 * module) treats them alike: {@code retry:} (Sonda 1.20 {@code sink/retry.rs}) and {@code
 * max_buffer_age:} (an optional duration: {@code 0s} disables it, a bare {@code 0} is an error),
 * and the HTTP sinks' additions to the reference: {@code headers:}, {@code basic_auth:}, {@code
 * bearer_token:} and {@code tls:}.
 *
 * <p>Secrets are written with {@link SpecWriter#putSecret}: the password of {@code basic_auth}, the
 * {@code bearer_token}, and the value of every secret header ({@link HttpAuth#isSecretHeader}). A
 * writer for display (a dry run, the server's scenario listing) writes {@value HttpAuth#MASK} in
 * their place; only a writer for saving, asked for explicitly, writes them. A secret that reads
 * back as {@value HttpAuth#MASK} is refused by validation, so displayed output cannot be run by
 * mistake; keep credentials in {@code ${ENV}} references in files.
 */
public final class SinkKeys {
    private SinkKeys() {}

    /**
     * Reads the {@code retry:} block: {@code max_attempts} (1 to 4294967295), {@code initial_backoff}
     * and {@code max_backoff} (positive durations), all three required when the block is present.
     *
     * @param block the sink block
     * @return the policy, or null when absent or invalid (problems recorded)
     */
    public static RetryPolicy readRetry(SpecBlock block) {
        SpecBlock r = block.block("retry");
        if (r == null) {
            return null;
        }
        long attempts = r.requiredInteger("max_attempts", 0, 0xFFFF_FFFFL);
        Duration initial = r.duration("initial_backoff", DurationText::parse);
        Duration max = r.duration("max_backoff", DurationText::parse);
        if (initial == null && !r.has("initial_backoff")) {
            r.problem(null, "missing required key 'initial_backoff'");
        }
        if (max == null && !r.has("max_backoff")) {
            r.problem(null, "missing required key 'max_backoff'");
        }
        if (r.failed() || initial == null || max == null) {
            return null;
        }
        return new RetryPolicy((int) Math.min(attempts, Integer.MAX_VALUE), initial, max);
    }

    /**
     * Writes the {@code retry:} block, or nothing when {@code retry} is null.
     *
     * @param retry the policy, or null
     * @param out the sink block's writer
     */
    public static void writeRetry(RetryPolicy retry, SpecWriter out) {
        if (retry != null) {
            out.block("retry")
                    .put("max_attempts", retry.maxAttempts())
                    .put("initial_backoff", retry.initialBackoff())
                    .put("max_backoff", retry.maxBackoff());
        }
    }

    /**
     * Reads {@code max_buffer_age}: null when absent (the sink's default applies), {@link
     * Duration#ZERO} for a zero with a unit (disabled).
     *
     * @param block the sink block
     * @return the age, or null
     */
    public static Duration readMaxBufferAge(SpecBlock block) {
        return block.duration("max_buffer_age", DurationText::parseOptional);
    }

    /**
     * Checks that {@code url} is an absolute {@code http://} or {@code https://} URL with a host.
     *
     * @param url the URL as written
     * @return null when it is one, else why not
     */
    public static String httpUrlProblem(String url) {
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
            return "'" + url + "' must start with http:// or https://";
        }
        try {
            URI u = new URI(url);
            if (u.getHost() == null) {
                return "'" + url + "' has no host; write it as http://host:port/path";
            }
        } catch (java.net.URISyntaxException e) {
            return "'" + url + "' is not a valid URL: " + e.getReason();
        }
        return null;
    }

    /**
     * Reads {@code basic_auth: {username, password}} or {@code bearer_token: TEXT}; both at once
     * is a problem.
     *
     * @param block the sink block
     * @return the credentials, or null when absent or invalid (problems recorded)
     */
    public static HttpAuth readAuth(SpecBlock block) {
        SpecBlock basic = block.block("basic_auth");
        String bearer = block.string("bearer_token");
        if (basic != null && bearer != null) {
            block.problem("bearer_token", "set basic_auth or bearer_token, not both");
            return null;
        }
        if (bearer != null) {
            return HttpAuth.bearer(bearer);
        }
        if (basic == null) {
            return null;
        }
        String user = basic.requiredString("username");
        String password = basic.requiredString("password");
        return basic.failed() ? null : HttpAuth.basic(user, password);
    }

    /**
     * Writes {@code basic_auth} or {@code bearer_token}, the secret with {@link
     * SpecWriter#putSecret}.
     *
     * @param auth the credentials, or null (nothing is written)
     * @param out the sink block's writer
     */
    public static void writeAuth(HttpAuth auth, SpecWriter out) {
        if (auth instanceof HttpAuth.Basic b) {
            out.block("basic_auth").put("username", b.username()).putSecret("password", b.password());
        } else if (auth instanceof HttpAuth.Bearer t) {
            out.putSecret("bearer_token", t.token());
        }
    }

    /**
     * Writes {@code headers:} sorted by name, the values of secret headers ({@link
     * HttpAuth#isSecretHeader}) with {@link SpecWriter#putSecret}; nothing when empty.
     *
     * @param headers the headers
     * @param out the sink block's writer
     */
    public static void writeHeaders(Map<String, String> headers, SpecWriter out) {
        if (!headers.isEmpty()) {
            SpecWriter h = out.block("headers");
            new TreeMap<>(headers).forEach((k, v) -> {
                if (HttpAuth.isSecretHeader(k)) {
                    h.putSecret(k, v);
                } else {
                    h.put(k, v);
                }
            });
        }
    }

    /**
     * Reads {@code tls: {ca_file, cert_file, key_file, insecure_skip_verify}}.
     *
     * @param block the sink block
     * @return the settings, or null when absent
     */
    public static TlsSettings readTls(SpecBlock block) {
        SpecBlock t = block.block("tls");
        if (t == null) {
            return null;
        }
        return new TlsSettings(
                t.string("ca_file"),
                t.string("cert_file"),
                t.string("key_file"),
                t.bool("insecure_skip_verify", false));
    }

    /**
     * Writes the {@code tls:} block; nothing when {@code tls} is null.
     *
     * @param tls the settings, or null
     * @param out the sink block's writer
     */
    public static void writeTls(TlsSettings tls, SpecWriter out) {
        if (tls != null) {
            SpecWriter t = out.block("tls")
                    .put("ca_file", tls.caFile())
                    .put("cert_file", tls.certFile())
                    .put("key_file", tls.keyFile());
            if (tls.insecureSkipVerify()) {
                t.put("insecure_skip_verify", true);
            }
        }
    }

    /**
     * Writes a URL whose user information ({@code user:password@}) is a secret: as it is for a
     * writer that keeps secrets, else with {@value HttpAuth#MASK} in place of the user information.
     *
     * @param key the key, such as {@code url}
     * @param url the URL, or null (nothing is written)
     * @param out the sink block's writer
     */
    public static void writeUrl(String key, String url, SpecWriter out) {
        out.put(key, out.keepsSecrets() ? url : HttpAuth.displayUrl(url));
    }

    /**
     * A URL for display: any user information ({@code user:password@}) replaced by {@value
     * HttpAuth#MASK}.
     *
     * @param url the URL as written
     * @return the URL without credentials
     */
    public static String displayUrl(String url) {
        return HttpAuth.displayUrl(url);
    }
}
