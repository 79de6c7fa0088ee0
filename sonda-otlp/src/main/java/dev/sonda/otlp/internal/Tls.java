package dev.sonda.otlp.internal;

import dev.sonda.api.sink.TlsSettings;
import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS from {@link TlsSettings}: PEM files to a JDK {@link SSLContext} (the HTTP sink's client) or
 * to grpc-java {@link ChannelCredentials}. {@code insecure_skip_verify} installs a trust manager
 * that accepts any chain and, being an {@link X509ExtendedTrustManager}, also skips host name
 * verification (JSSE verifies the host inside the trust manager).
 */
public final class Tls {
    private Tls() {}

    /**
     * grpc-java credentials.
     *
     * @param tls the settings, or null for the JVM's trust store
     * @return the credentials
     * @throws IOException if a file cannot be read
     * @throws GeneralSecurityException if a file holds no usable certificate or key
     */
    public static ChannelCredentials grpcCredentials(TlsSettings tls) throws IOException, GeneralSecurityException {
        TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder();
        if (tls == null) {
            return b.build();
        }
        TrustManager[] trust = trustManagers(tls);
        if (trust != null) {
            b.trustManager(trust);
        }
        KeyManager[] keys = keyManagers(tls);
        if (keys != null) {
            b.keyManager(keys);
        }
        return b.build();
    }

    /**
     * A JDK SSL context.
     *
     * @param tls the settings
     * @return the context
     * @throws IOException if a file cannot be read
     * @throws GeneralSecurityException if a file holds no usable certificate or key
     */
    public static SSLContext sslContext(TlsSettings tls) throws IOException, GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers(tls), trustManagers(tls), null);
        return ctx;
    }

    private static TrustManager[] trustManagers(TlsSettings tls) throws IOException, GeneralSecurityException {
        if (tls.insecureSkipVerify()) {
            return new TrustManager[] {new TrustAll()};
        }
        if (tls.caFile() == null) {
            return null;
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (Certificate c : certificates(tls.caFile(), "ca_file")) {
            ks.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    private static KeyManager[] keyManagers(TlsSettings tls) throws IOException, GeneralSecurityException {
        if (tls.certFile() == null || tls.keyFile() == null) {
            return null;
        }
        Collection<? extends Certificate> chain = certificates(tls.certFile(), "cert_file");
        PrivateKey key = privateKey(tls.keyFile());
        char[] password = new char[0];
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }

    private static Collection<? extends Certificate> certificates(String file, String key)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new GeneralSecurityException(
                        "tls " + key + " '" + file + "' holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
            return certs;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("tls " + key + " '" + file + "' does not exist", e);
        }
    }

    /**
     * Reads an unencrypted PKCS #8 PEM private key (RSA, EC or EdDSA).
     *
     * @param file the PEM file
     * @return the key
     * @throws IOException if the file cannot be read
     * @throws GeneralSecurityException if it holds no PKCS #8 key
     */
    static PrivateKey privateKey(String file) throws IOException, GeneralSecurityException {
        String pem;
        try {
            pem = Files.readString(new File(file).toPath(), StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("tls key_file '" + file + "' does not exist", e);
        }
        String begin = "-----BEGIN PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf("-----END PRIVATE KEY-----");
        if (from < 0 || to < from) {
            throw new GeneralSecurityException("tls key_file '" + file
                    + "' holds no unencrypted PKCS #8 key (-----BEGIN PRIVATE KEY-----); convert it with"
                    + " `openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8`");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("tls key_file '" + file + "' holds no RSA, EC or EdDSA key");
    }

    /** Accepts every certificate chain and host name: {@code insecure_skip_verify}. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
