package dev.sonda.kafka;

import dev.sonda.engine.sink.SinkException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the PEM files of the {@code tls:} block into the PEM text kafka-clients takes inline
 * ({@code ssl.truststore.certificates}, {@code ssl.keystore.certificate.chain}, {@code
 * ssl.keystore.key}), checking them first so that a bad file fails with the reference's messages
 * (Sonda 1.20 {@code sink/kafka.rs}) rather than a TLS handshake error later.
 */
final class PemFiles {
    private static final String BEGIN_CERT = "-----BEGIN CERTIFICATE-----";
    private static final String END_CERT = "-----END CERTIFICATE-----";
    private static final String BEGIN_KEY = "-----BEGIN PRIVATE KEY-----";
    private static final String END_KEY = "-----END PRIVATE KEY-----";

    private PemFiles() {}

    /**
     * The trust anchors of a CA file: every certificate in it that parses as X.509, as PEM text.
     *
     * @param path the file
     * @return the certificates, PEM encoded, one after the other
     * @throws SinkException {@code kafka sink: failed to read CA cert file '{path}': {err}}, {@code
     *     kafka sink: failed to parse certificate in CA cert file '{path}': {err}} (a PEM block
     *     that is not base64), {@code kafka sink: no valid certificates found in CA cert file
     *     '{path}'} (no {@code CERTIFICATE} block), {@code kafka sink: no parsable trust anchors in
     *     CA cert file '{path}'} (no block is an X.509 certificate)
     */
    static String trustAnchors(String path) {
        String text = read(path, "CA cert");
        List<byte[]> blocks = certificateBlocks(text, path, "CA cert");
        if (blocks.isEmpty()) {
            throw new SinkException("kafka sink: no valid certificates found in CA cert file '" + path + "'");
        }
        StringBuilder pem = new StringBuilder();
        for (byte[] der : blocks) {
            X509Certificate cert = x509(der);
            if (cert != null) {
                pem(der, "CERTIFICATE", pem);
            }
        }
        if (pem.length() == 0) {
            throw new SinkException("kafka sink: no parsable trust anchors in CA cert file '" + path + "'");
        }
        return pem.toString();
    }

    /**
     * A client certificate chain file, every block of which must be an X.509 certificate.
     *
     * @param path the file
     * @return the chain as PEM text
     * @throws SinkException {@code kafka sink: failed to read client cert file '{path}': {err}},
     *     {@code kafka sink: failed to parse certificate in client cert file '{path}': {err}}, or
     *     {@code kafka sink: no valid certificates found in client cert file '{path}'}
     */
    static String certificateChain(String path) {
        String text = read(path, "client cert");
        List<byte[]> blocks = certificateBlocks(text, path, "client cert");
        if (blocks.isEmpty()) {
            throw new SinkException("kafka sink: no valid certificates found in client cert file '" + path + "'");
        }
        StringBuilder pem = new StringBuilder();
        for (byte[] der : blocks) {
            if (x509(der) == null) {
                throw new SinkException("kafka sink: failed to parse certificate in client cert file '" + path
                        + "': not an X.509 certificate");
            }
            pem(der, "CERTIFICATE", pem);
        }
        return pem.toString();
    }

    /**
     * A client key file: an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}).
     *
     * @param path the file
     * @return the key as PEM text
     * @throws SinkException {@code kafka sink: failed to read client key file '{path}': {err}}, or
     *     {@code kafka sink: no unencrypted PKCS#8 private key (BEGIN PRIVATE KEY) in client key
     *     file '{path}'; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8}
     */
    static String privateKey(String path) {
        String text = read(path, "client key");
        int b = text.indexOf(BEGIN_KEY);
        int e = b < 0 ? -1 : text.indexOf(END_KEY, b);
        if (e < 0) {
            throw new SinkException(
                    "kafka sink: no unencrypted PKCS#8 private key (BEGIN PRIVATE KEY) in client key file '" + path
                            + "'; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        return text.substring(b, e + END_KEY.length()) + "\n";
    }

    private static String read(String path, String what) {
        try {
            return new String(Files.readAllBytes(Path.of(path)), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            throw new SinkException("kafka sink: failed to read " + what + " file '" + path + "': " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The DER bytes of every CERTIFICATE block, in file order. */
    private static List<byte[]> certificateBlocks(String text, String path, String what) {
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int b = text.indexOf(BEGIN_CERT, from);
            if (b < 0) {
                return out;
            }
            int e = text.indexOf(END_CERT, b);
            if (e < 0) {
                throw new SinkException("kafka sink: failed to parse certificate in " + what + " file '" + path
                        + "': a BEGIN CERTIFICATE line has no END CERTIFICATE line");
            }
            String body = text.substring(b + BEGIN_CERT.length(), e);
            try {
                out.add(Base64.getDecoder().decode(body.replaceAll("\\s", "")));
            } catch (IllegalArgumentException ex) {
                throw new SinkException(
                        "kafka sink: failed to parse certificate in " + what + " file '" + path + "': "
                                + ex.getMessage(),
                        ex);
            }
            from = e + END_CERT.length();
        }
    }

    private static X509Certificate x509(byte[] der) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }

    private static void pem(byte[] der, String type, StringBuilder out) {
        out.append("-----BEGIN ").append(type).append("-----\n");
        out.append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der));
        out.append("\n-----END ").append(type).append("-----\n");
    }
}
