package io.twofold.mfa.app.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;

/**
 * One self-signed certificate for 127.0.0.1 per JVM (keytool, at test time), presented by GreenMail's
 * SMTPS: GreenMail reads its key store from system properties once per JVM, so they are set here before
 * any SMTPS server starts. {@link #caFile} is the certificate as PEM, for {@code MFA_SMTP_TRUST_CA_FILE}.
 */
final class SmtpTestTls {
    private static final String PASSWORD = "changeit";
    private static Path caFile;

    private SmtpTestTls() {
    }

    static synchronized Path caFile() {
        if (caFile == null) {
            try {
                Path dir = Files.createTempDirectory("twofold-smtp-tls");
                Path store = dir.resolve("smtp.p12");
                Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-alias", "smtp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                        "-dname", "CN=smtp.test", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                        "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                        .redirectErrorStream(true).start();
                String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    keys.load(in, PASSWORD.toCharArray());
                }
                Certificate certificate = keys.getCertificate("smtp");
                System.setProperty("greenmail.tls.keystore.file", store.toString());
                System.setProperty("greenmail.tls.keystore.password", PASSWORD);
                System.setProperty("greenmail.tls.key.password", PASSWORD);
                caFile = Files.writeString(dir.resolve("smtp-ca.pem"), HttpsTest.pem("CERTIFICATE", certificate.getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return caFile;
    }
}
