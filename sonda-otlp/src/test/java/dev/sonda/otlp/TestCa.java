package dev.sonda.otlp;

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

/**
 * A throwaway certificate authority made with the JDK's keytool at test time: a CA, a server
 * certificate for 127.0.0.1 and localhost, and a client certificate, each signed by the CA; the CA
 * certificate and the client's chain and PKCS #8 key as PEM files, as a user would configure them.
 */
final class TestCa {
    static final char[] PASSWORD = "changeit".toCharArray();

    final Path dir;
    final Path caPem;
    final Path serverStore;
    final Path clientCertPem;
    final Path clientKeyPem;

    TestCa(Path dir) throws Exception {
        this.dir = dir;
        Path ca = dir.resolve("ca.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=Sonda Test CA",
                "-ext",
                "bc:c",
                "-validity",
                "2",
                "-keystore",
                ca.toString());
        caPem = dir.resolve("ca.pem");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
        serverStore = issue(ca, "server", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost", "EKU=serverAuth");
        Path clientStore = issue(ca, "client", "CN=sonda-client", null, "EKU=clientAuth");
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
        KeyStore ks = load(clientStore);
        PrivateKey key = (PrivateKey) ks.getKey("client", PASSWORD);
        clientKeyPem = dir.resolve("client.key");
        Files.writeString(
                clientKeyPem,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                        + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
    }

    private Path issue(Path ca, String alias, String dname, String san, String eku) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dname,
                "-validity",
                "2",
                "-keystore",
                store.toString());
        Path csr = dir.resolve(alias + ".csr");
        keytool("-certreq", "-alias", alias, "-keystore", store.toString(), "-file", csr.toString());
        Path cert = dir.resolve(alias + "-signed.pem");
        List<String> args = new ArrayList<>(List.of(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-infile",
                csr.toString(),
                "-outfile",
                cert.toString(),
                "-rfc",
                "-validity",
                "2",
                "-ext",
                eku));
        if (san != null) {
            args.addAll(List.of("-ext", san));
        }
        keytool(args.toArray(new String[0]));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", store.toString());
        keytool("-importcert", "-alias", alias, "-file", cert.toString(), "-keystore", store.toString());
        return store;
    }

    static KeyStore load(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    KeyManagerFactory serverKeys() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(serverStore), PASSWORD);
        return kmf;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", new String(PASSWORD), "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + String.join(" ", cmd) + "\n" + out);
        }
    }
}
