package io.twofold.mfa.app.e2e;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private certificate authority made at test time by the JDK's keytool, and a server certificate it
 * signed for {@code localhost} and {@code 127.0.0.1}, written as the PEM files an operator has: the
 * CA certificate (what {@code NODE_EXTRA_CA_CERTS} or a trust store names), the server certificate and
 * its unencrypted PKCS#8 key (what {@code MFA_TLS_CERT_FILE} and {@code MFA_TLS_KEY_FILE} name).
 */
record TestCertificateAuthority(Path caFile, Path certificateFile, Path keyFile) {
    private static final String PASSWORD = "test-store-pass";

    static TestCertificateAuthority create(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=Twofold Test CA", "-ext", "bc:c", "-ext", "KeyUsage:c=keyCertSign,cRLSign",
                "-storetype", "PKCS12", "-keystore", ca.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                "-file", dir.resolve("ca.pem").toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", server.toString(), "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASSWORD,
                "-file", dir.resolve("server.csr").toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD, "-validity", "2",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "KeyUsage:c=digitalSignature,keyEncipherment",
                "-ext", "ExtendedKeyUsage=serverAuth",
                "-infile", dir.resolve("server.csr").toString(), "-outfile", dir.resolve("cert.pem").toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) keys.getKey("server", PASSWORD.toCharArray());
        Path keyFile = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return new TestCertificateAuthority(dir.resolve("ca.pem"), dir.resolve("cert.pem"), keyFile);
    }

    /** The app's properties for this certificate and key: {@code MFA_TLS_CERT_FILE}, {@code MFA_TLS_KEY_FILE}. */
    Map<String, Object> tlsProperties() {
        return Map.of("twofold.tls.cert-file", certificateFile.toString(), "twofold.tls.key-file", keyFile.toString());
    }

    /** A TLS context that trusts this CA only, as a JDK with a trust store holding {@code ca.pem} does. */
    SSLContext trustingTheCa() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            trusted.setCertificateEntry("twofold-ca", ca);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = Stream.concat(
                Stream.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()),
                Stream.of(arguments)).toList();
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new AssertionError("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
