package dev.sonda.api.sink;

import dev.sonda.api.Problems;

/**
 * TLS settings of an HTTPS sink: the YAML {@code tls:} block ({@code ca_file}, {@code cert_file},
 * {@code key_file}, {@code insecure_skip_verify}), named as in Prometheus' {@code tls_config}. An
 * addition of Sonda for the JVM: the reference trusts the web PKI roots only and has no client
 * certificates.
 *
 * <p>Files are PEM: {@code caFile} one or more {@code CERTIFICATE} blocks, {@code certFile} the
 * client certificate (its chain may follow), {@code keyFile} an unencrypted PKCS#8 {@code PRIVATE
 * KEY} (RSA or EC; convert a PKCS#1 {@code RSA PRIVATE KEY} with {@code openssl pkcs8 -topk8
 * -nocrypt}). Paths are relative to the working directory. A {@code caFile} replaces the JVM's
 * default trust store for that sink, as Go's {@code RootCAs} does.
 *
 * @param caFile PEM file of the certificate authorities to trust, or null for the JVM's defaults
 * @param certFile PEM client certificate for mutual TLS, or null; needs {@code keyFile}
 * @param keyFile PEM PKCS#8 private key of {@code certFile}, or null; needs {@code certFile}
 * @param insecureSkipVerify accept any server certificate and host name (tests only)
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
     * These settings with a client certificate and key for mutual TLS.
     *
     * @param certFile PEM client certificate
     * @param keyFile PEM PKCS#8 private key
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
