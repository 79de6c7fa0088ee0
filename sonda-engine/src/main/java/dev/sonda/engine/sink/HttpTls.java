package dev.sonda.engine.sink;

import dev.sonda.api.sink.TlsSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS side of the HTTP sinks (http_push, remote_write, OTLP over HTTP): an {@link SSLContext}
 * and a JDK {@link HttpClient} built from a {@link TlsSettings} block, with the JDK only ({@link
 * CertificateFactory}, {@link KeyStore}, {@link KeyFactory}). Stateless and thread-safe.
 *
 * <p>{@code ca_file}: every PEM {@code CERTIFICATE} in it becomes a trust anchor and the JVM's
 * default trust store is not used for that client (Go's {@code RootCAs}). {@code cert_file} and
 * {@code key_file}: the client certificate (with any chain after it) and its unencrypted PKCS#8
 * {@code PRIVATE KEY} (RSA, EC or EdDSA), offered when the server asks for one. {@code
 * insecure_skip_verify}: any certificate and host name is accepted. Host names are verified
 * otherwise (the certificate's subject alternative names must match the URL's host).
 *
 * <p>Files are read when the client is built (when the sink is created), not on each request.
 */
public final class HttpTls {
    private HttpTls() {}

    /**
     * The HTTP client a sink uses: the shared one when {@code tls} is null or sets nothing, else a
     * new client with the same defaults (HTTP/1.1, 30 s connect timeout, no redirects) and the TLS
     * context of {@link #sslContext}.
     *
     * @param tls the settings, or null
     * @return the client
     * @throws SinkException if a file cannot be read or parsed (the message names the key and the
     *     file, and says what was expected)
     */
    public static HttpClient client(TlsSettings tls) {
        if (tls == null || (tls.caFile() == null && tls.certFile() == null && !tls.insecureSkipVerify())) {
            return SharedHttpClient.INSTANCE;
        }
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(sslContext(tls))
                .build();
    }

    /**
     * A TLS context for {@code tls}.
     *
     * @param tls the settings
     * @return the context (protocol {@code TLS}: 1.2 and 1.3 as the JVM enables them)
     * @throws SinkException if a file cannot be read or parsed
     */
    public static SSLContext sslContext(TlsSettings tls) {
        try {
            KeyManager[] keys = tls.certFile() == null ? null : keyManagers(tls.certFile(), tls.keyFile());
            TrustManager[] trust;
            if (tls.insecureSkipVerify()) {
                trust = new TrustManager[] {new TrustAll()};
            } else if (tls.caFile() != null) {
                trust = trustManagers(tls.caFile());
            } else {
                trust = null;
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, trust, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new SinkException("cannot set up TLS: " + e.getMessage(), e, false);
        }
    }

    /**
     * Trust managers that trust the certificates of a PEM file and nothing else.
     *
     * @param caFile the PEM file ({@code tls.ca_file})
     * @return the trust managers
     * @throws SinkException if the file cannot be read or holds no certificate
     */
    public static TrustManager[] trustManagers(String caFile) {
        List<X509Certificate> cas = certificates(caFile, "tls.ca_file");
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                ks.setCertificateEntry("ca" + i, cas.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new SinkException("tls.ca_file '" + caFile + "': " + e.getMessage(), e, false);
        }
    }

    /**
     * Key managers that offer one client certificate.
     *
     * @param certFile the PEM certificate, chain after it ({@code tls.cert_file})
     * @param keyFile the PEM PKCS#8 private key ({@code tls.key_file})
     * @return the key managers
     * @throws SinkException if a file cannot be read or parsed, or the key does not fit
     */
    public static KeyManager[] keyManagers(String certFile, String keyFile) {
        if (keyFile == null) {
            throw new SinkException("tls.cert_file is set but tls.key_file is not: set both", null, false);
        }
        List<X509Certificate> chain = certificates(certFile, "tls.cert_file");
        PrivateKey key = privateKey(keyFile);
        try {
            char[] pass = new char[0];
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setKeyEntry("client", key, pass, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new SinkException(
                    "tls.cert_file '" + certFile + "' and tls.key_file '" + keyFile + "' do not make a client"
                            + " certificate: " + e.getMessage(),
                    e,
                    false);
        }
    }

    private static List<X509Certificate> certificates(String file, String key) {
        byte[] pem = read(file, key);
        try {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate found");
            }
            return certs.stream().map(c -> (X509Certificate) c).toList();
        } catch (CertificateException e) {
            throw new SinkException(
                    key + " '" + file + "': expected PEM certificates (-----BEGIN CERTIFICATE-----), but "
                            + e.getMessage(),
                    e,
                    false);
        }
    }

    private static PrivateKey privateKey(String file) {
        String text = new String(read(file, "tls.key_file"), StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int from = text.indexOf(begin);
        int to = text.indexOf("-----END PRIVATE KEY-----");
        if (from < 0 || to < from) {
            String found = text.contains("-----BEGIN RSA PRIVATE KEY-----")
                    ? "a PKCS#1 RSA key; convert it with `openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8`"
                    : text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
                            ? "an encrypted key; decrypt it with `openssl pkcs8 -nocrypt -in KEY -out KEY.pk8`"
                            : text.contains("-----BEGIN EC PRIVATE KEY-----")
                                    ? "a SEC1 EC key; convert it with `openssl pkcs8 -topk8 -nocrypt -in KEY -out"
                                            + " KEY.pk8`"
                                    : "no PEM private key";
            throw new SinkException(
                    "tls.key_file '" + file + "': expected an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----),"
                            + " found " + found,
                    null,
                    false);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new SinkException(
                    "tls.key_file '" + file + "': the PEM body is not base64: " + e.getMessage(), e, false);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw new SinkException(
                "tls.key_file '" + file + "': the PKCS#8 key is not an RSA, EC or EdDSA key this JVM can read",
                null,
                false);
    }

    private static byte[] read(String file, String key) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new SinkException(key + " '" + file + "' does not exist", e, false);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new SinkException(key + " '" + file + "' cannot be read: " + IoErrors.describe(e), e, false);
        }
    }

    /** {@code insecure_skip_verify}: accepts every chain; as an extended manager, no host check either. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
