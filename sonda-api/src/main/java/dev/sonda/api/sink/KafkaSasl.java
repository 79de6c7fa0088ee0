package dev.sonda.api.sink;

import dev.sonda.api.Problems;
import java.util.List;
import java.util.Objects;

/**
 * The {@code sasl:} block of the {@code kafka} sink: SASL authentication to the brokers (Sonda 1.20
 * {@code sink/kafka.rs}).
 *
 * <pre>{@code
 * sasl:
 *   mechanism: SCRAM-SHA-512     # PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 (case-sensitive)
 *   username: sonda
 *   password: ${KAFKA_PASSWORD}  # the scenario loader substitutes environment variables
 * }</pre>
 *
 * <p>The password is a secret: {@link #toString()} shows {@value #REDACTED} in its place, and
 * writing a plan back out (the YAML writer, dry runs, the server) writes {@value #REDACTED} too,
 * as the reference never serializes it. A plan read back with {@value #REDACTED} as its password
 * is refused by {@link #validate}, so a redacted copy never runs with a wrong password.
 *
 * @param mechanism the SASL mechanism: {@value #PLAIN}, {@value #SCRAM_SHA_256} or {@value
 *     #SCRAM_SHA_512}; another value is kept as written and reported by {@link #validate}
 * @param username the user name
 * @param password the password
 */
public record KafkaSasl(String mechanism, String username, String password) {
    /** SASL/PLAIN (RFC 4616): the password travels as is, so use it with TLS. */
    public static final String PLAIN = "PLAIN";

    /** SASL/SCRAM with SHA-256 (RFC 5802, RFC 7677). */
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";

    /** SASL/SCRAM with SHA-512. */
    public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";

    /** What is shown, and written, instead of the password: {@value}. */
    public static final String REDACTED = "***";

    /** The accepted mechanisms, in the reference's order. */
    public static final List<String> MECHANISMS = List.of(PLAIN, SCRAM_SHA_256, SCRAM_SHA_512);

    /**
     * Creates the record.
     *
     * @param mechanism the SASL mechanism
     * @param username the user name
     * @param password the password
     * @throws NullPointerException if a component is null
     */
    public KafkaSasl {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * SASL/PLAIN.
     *
     * @param username the user name
     * @param password the password
     * @return the settings
     */
    public static KafkaSasl plain(String username, String password) {
        return new KafkaSasl(PLAIN, username, password);
    }

    /**
     * SASL/SCRAM-SHA-256.
     *
     * @param username the user name
     * @param password the password
     * @return the settings
     */
    public static KafkaSasl scramSha256(String username, String password) {
        return new KafkaSasl(SCRAM_SHA_256, username, password);
    }

    /**
     * SASL/SCRAM-SHA-512.
     *
     * @param username the user name
     * @param password the password
     * @return the settings
     */
    public static KafkaSasl scramSha512(String username, String password) {
        return new KafkaSasl(SCRAM_SHA_512, username, password);
    }

    /**
     * Adds the problems of these settings: a mechanism other than the three (the reference's
     * message {@code unsupported SASL mechanism: '{m}' (expected PLAIN, SCRAM-SHA-256, or
     * SCRAM-SHA-512)}), and a password that is the redaction placeholder.
     *
     * @param path where this block sits, such as {@code scenarios[0].sink.sasl}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if (!MECHANISMS.contains(mechanism)) {
            problems.add(
                    path + ".mechanism",
                    "unsupported SASL mechanism: '" + mechanism
                            + "' (expected PLAIN, SCRAM-SHA-256, or SCRAM-SHA-512)");
        }
        if (REDACTED.equals(password)) {
            problems.add(
                    path + ".password",
                    "the password is '" + REDACTED + "', the placeholder written in place of a secret;"
                            + " set the real password, for example password: ${KAFKA_PASSWORD}");
        }
    }

    /**
     * This record with the password replaced by {@value #REDACTED}: what is written and shown.
     *
     * @return the redacted copy
     */
    public KafkaSasl redacted() {
        return new KafkaSasl(mechanism, username, REDACTED);
    }

    /**
     * Describes the settings without the password.
     *
     * @return such as {@code KafkaSasl[mechanism=PLAIN, username=sonda, password=***]}
     */
    @Override
    public String toString() {
        return "KafkaSasl[mechanism=" + mechanism + ", username=" + username + ", password=" + REDACTED + "]";
    }
}
