package io.twofold.mfa.http.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One certificate for 127.0.0.1 per JVM (keytool is slow), for every TLS server of the tests. GreenMail's
 * SMTPS presents the key store named by a system property, read once per JVM (its bundled certificate
 * names no host we could dial): this points it here before any SMTPS server starts.
 */
final class GreenMailTls {
    private static TestCertificate certificate;

    private GreenMailTls() {
    }

    static synchronized TestCertificate certificate() {
        if (certificate == null) {
            try {
                certificate = TestCertificate.create(Files.createTempDirectory("greenmail-tls"), "ip:127.0.0.1,dns:localhost");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty("greenmail.tls.keystore.file", certificate.keyStore().toString());
            System.setProperty("greenmail.tls.keystore.password", TestCertificate.PASSWORD);
            System.setProperty("greenmail.tls.key.password", TestCertificate.PASSWORD);
        }
        return certificate;
    }
}
