package dev.sonda.api.sink;

import dev.sonda.api.Problems;

/**
 * The {@code tls:} block of a network sink: which certificate authorities to trust and, for mutual
 * TLS, the client's certificate and key. Used only for {@code https://} endpoints. Every file is
 * PEM: {@code caFile} one or more {@code CERTIFICATE} blocks, {@code certFile} the client's
 * certificate chain, {@code keyFile} its private key as unencrypted PKCS #8 ({@code BEGIN PRIVATE
 * KEY}); convert a PKCS #1 key with {@code openssl pkcs8 -topk8 -nocrypt}.
 *
 * @param caFile the CA certificates to trust instead of the JVM's default trust store (YAML {@code
 *     ca_file}), or null for the default
 * @param certFile the client certificate for mutual TLS (YAML {@code cert_file}), or null; set
 *     together with {@code keyFile}
 * @param keyFile the client private key (YAML {@code key_file}), or null; set together with {@code
 *     certFile}
 * @param insecureSkipVerify trust any server certificate and skip host name verification (YAML
 *     {@code insecure_skip_verify}, default false): for tests against self-signed servers only
 */
public record TlsSettings(String caFile, String certFile, String keyFile, boolean insecureSkipVerify) {

    /**
     * TLS trusting the CA certificates in {@code caFile}.
     *
     * @param caFile a PEM file of CA certificates
     * @return the settings
     */
    public static TlsSettings withCa(String caFile) {
        return new TlsSettings(caFile, null, null, false);
    }

    /**
     * These settings with a client certificate and key, for mutual TLS.
     *
     * @param certFile the PEM certificate chain
     * @param keyFile the PEM PKCS #8 private key
     * @return the new settings
     */
    public TlsSettings withClientCertificate(String certFile, String keyFile) {
        return new TlsSettings(caFile, certFile, keyFile, insecureSkipVerify);
    }

    /**
     * Adds a problem when only one of {@code cert_file} and {@code key_file} is set, or when {@code
     * insecure_skip_verify} is combined with {@code ca_file}.
     *
     * @param path where this block sits, such as {@code scenarios[0].sink.tls}
     * @param problems collector of problems found
     */
    public void validate(String path, Problems problems) {
        if ((certFile == null) != (keyFile == null)) {
            problems.add(
                    path + (certFile == null ? ".cert_file" : ".key_file"),
                    "tls cert_file and key_file go together (mutual TLS): set both or neither");
        }
        if (insecureSkipVerify && caFile != null) {
            problems.add(
                    path + ".insecure_skip_verify",
                    "tls insecure_skip_verify trusts every server, so ca_file would be ignored: remove one of them");
        }
    }
}
