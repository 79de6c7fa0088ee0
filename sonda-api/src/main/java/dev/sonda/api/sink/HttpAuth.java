package dev.sonda.api.sink;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Credentials an HTTP sink sends in its {@code Authorization} header: {@link Basic} (YAML {@code
 * basic_auth: {username, password}}) or {@link Bearer} (YAML {@code bearer_token:}), as Prometheus'
 * own {@code remote_write} configuration names them. An addition of Sonda for the JVM: the
 * reference has no auth keys (only raw {@code headers} on http_push).
 *
 * <p>The secret is never shown: {@code toString()} prints {@code ***} in its place, and so do the
 * sinks' display texts and error messages. {@code equals} still compares it.
 */
public sealed interface HttpAuth {

    /** What {@code toString()} shows instead of a secret. */
    String MASK = "***";

    /**
     * The value of the {@code Authorization} header, such as {@code Basic dXNlcjpwYXNz} or {@code
     * Bearer abc}.
     *
     * @return the header value (holds the secret: never log it)
     */
    String authorization();

    /**
     * Whether a header's value is a secret that display texts, {@code toString()} and the YAML
     * writer show as {@code ***}: {@code Authorization}, {@code Proxy-Authorization}, and any name
     * containing {@code token}, {@code secret}, {@code password}, {@code api-key}, {@code api_key},
     * {@code apikey}, {@code credential} or {@code jaas} (case-insensitive). Plug-in specs' property
     * names are judged the same way.
     *
     * @param name the header name
     * @return true for a secret header
     */
    static boolean isSecretHeader(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("authorization")
                || n.equals("proxy-authorization")
                || n.contains("token")
                || n.contains("secret")
                || n.contains("password")
                || n.contains("api-key")
                || n.contains("api_key")
                || n.contains("apikey")
                || n.contains("credential")
                || n.contains("jaas");
    }

    /**
     * A URL for display: any user information ({@code user:password@}) replaced by {@value
     * #MASK}, as every display text, message and {@code toString()} shows a sink's URL.
     *
     * @param url the URL as written, or null
     * @return the URL without credentials (null for null)
     */
    static String displayUrl(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int hostStart = scheme + 3;
        int end = hostStart;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        return at < hostStart ? url : url.substring(0, hostStart) + MASK + url.substring(at);
    }

    /**
     * Basic authentication.
     *
     * @param username the user name
     * @param password the password
     * @return the credentials
     * @throws NullPointerException if an argument is null
     */
    static HttpAuth basic(String username, String password) {
        return new Basic(username, password);
    }

    /**
     * Bearer-token authentication.
     *
     * @param token the token
     * @return the credentials
     * @throws NullPointerException if the token is null
     */
    static HttpAuth bearer(String token) {
        return new Bearer(token);
    }

    /**
     * HTTP basic authentication (RFC 7617): {@code Authorization: Basic base64(username:password)},
     * UTF-8.
     *
     * @param username the user name, without {@code :}
     * @param password the password
     */
    record Basic(String username, String password) implements HttpAuth {
        /**
         * Creates the record.
         *
         * @param username the user name, without {@code :}
         * @param password the password
         * @throws NullPointerException if an argument is null
         */
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String authorization() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The user name and a masked password.
         *
         * @return {@code Basic[username=NAME, password=***]}
         */
        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=" + MASK + "]";
        }
    }

    /**
     * Bearer-token authentication (RFC 6750): {@code Authorization: Bearer TOKEN}.
     *
     * @param token the token, sent as written
     */
    record Bearer(String token) implements HttpAuth {
        /**
         * Creates the record.
         *
         * @param token the token, sent as written
         * @throws NullPointerException if the token is null
         */
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String authorization() {
            return "Bearer " + token;
        }

        /**
         * A masked token.
         *
         * @return {@code Bearer[token=***]}
         */
        @Override
        public String toString() {
            return "Bearer[token=" + MASK + "]";
        }
    }
}
