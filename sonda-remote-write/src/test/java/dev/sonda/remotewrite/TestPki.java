package dev.sonda.remotewrite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away PKI for the TLS tests, made with the JDK's {@code keytool} at test time: a CA, a
 * server certificate for {@code localhost} (no IP address in it) and a client certificate, both
 * signed by the CA, plus a second CA that signed nothing. PEM files for the sink, PKCS#12 stores
 * for the test server.
 */
final class TestPki {
    static final String PASS = "changeit";
    final Path dir;
    final Path caPem;
    final Path otherCaPem;
    final Path clientCertPem;
    final Path clientKeyPem;
    final Path serverStore;
    final Path caStore;

    TestPki(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        caStore = dir.resolve("ca.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-dname",
                "CN=Sonda Test CA",
                "-ext",
                "bc:c",
                "-validity",
                "2",
                "-keystore",
                caStore.toString());
        caPem = dir.resolve("ca.pem");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(), "-file", caPem.toString());

        Path other = dir.resolve("other-ca.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-dname",
                "CN=Other CA",
                "-ext",
                "bc:c",
                "-validity",
                "2",
                "-keystore",
                other.toString());
        otherCaPem = dir.resolve("other-ca.pem");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", other.toString(), "-file", otherCaPem.toString());

        serverStore = dir.resolve("server.p12");
        signed(serverStore, "server", "CN=localhost", "SAN=dns:localhost");
        Path clientStore = dir.resolve("client.p12");
        signed(clientStore, "client", "CN=sonda-client", null);
        clientCertPem = dir.resolve("client.pem");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "client",
                "-keystore",
                clientStore.toString(),
                "-file",
                clientCertPem.toString());
        clientKeyPem = dir.resolve("client-key.pem");
        Files.writeString(clientKeyPem, pkcs8Pem(clientStore, "client"), StandardCharsets.US_ASCII);
    }

    /** A key pair in {@code store}, its certificate signed by the CA and imported after the CA's. */
    private void signed(Path store, String alias, String dname, String san) throws IOException, InterruptedException {
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-dname",
                dname,
                "-validity",
                "2",
                "-keystore",
                store.toString());
        Path csr = dir.resolve(alias + ".csr");
        Path cert = dir.resolve(alias + "-signed.pem");
        keytool("-certreq", "-alias", alias, "-keystore", store.toString(), "-file", csr.toString());
        List<String> gencert = new ArrayList<>(List.of(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                caStore.toString(),
                "-infile",
                csr.toString(),
                "-outfile",
                cert.toString(),
                "-rfc",
                "-validity",
                "2"));
        if (san != null) {
            gencert.add("-ext");
            gencert.add(san);
        }
        keytool(gencert.toArray(new String[0]));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", store.toString(), "-file", caPem.toString());
        keytool("-importcert", "-alias", alias, "-keystore", store.toString(), "-file", cert.toString());
    }

    private static String pkcs8Pem(Path store, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASS.toCharArray());
            PrivateKey key = (PrivateKey) ks.getKey(alias, PASS.toCharArray());
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** The test server's context: its certificate, and the CA for client certificates. */
    SSLContext serverContext() throws IOException {
        try (InputStream in = Files.newInputStream(serverStore);
                InputStream ca = Files.newInputStream(caStore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASS.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASS.toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(ca, PASS.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASS));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + String.join(" ", cmd) + "\n" + out);
        }
    }
}
