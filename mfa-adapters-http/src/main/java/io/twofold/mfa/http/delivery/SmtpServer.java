package io.twofold.mfa.http.delivery;

import io.vavr.control.Option;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The SMTP server that {@link SmtpEmailSender} hands codes to: where it is, how the connection is
 * encrypted, which certificate authorities it trusts, how long each step may take, and the login.
 */
public record SmtpServer(String host, int port, Encryption encryption, SSLContext trust, Duration timeout,
                         Option<Login> login) {

    /** How the connection is protected; the server's certificate is checked in every mode that uses TLS. */
    public enum Encryption {
        /** STARTTLS before anything else is said; a server that does not offer it is a failed delivery. */
        STARTTLS_REQUIRED,
        /** STARTTLS when the server offers it, plain text otherwise; a bad certificate still fails. */
        STARTTLS_OPTIONAL,
        /** Plain text throughout. */
        NONE,
        /** TLS from the first byte ("SMTPS", usually port 465). */
        IMPLICIT_TLS
    }

    /** The SMTP AUTH user name and password. */
    public record Login(String username, String password) {
        public Login {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Login[" + username + ", password=***]";
        }
    }

    public SmtpServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(login, "login");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SMTP port must be from 1 to 65535");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the SMTP timeout must be positive");
        }
    }

    /** TLS that trusts the JDK's certificate authorities (its {@code cacerts}). */
    public static SSLContext jdkTrust() {
        return context(null);
    }

    /** TLS that trusts these certificate authorities and no others: a private CA's, for instance. */
    public static SSLContext trustingOnly(List<X509Certificate> authorities) {
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("no certificate authority to trust");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                store.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            return context(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold the certificate authorities in a key store", e);
        }
    }

    private static SSLContext context(KeyStore authorities) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(authorities);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + ", " + encryption + ", timeout=" + timeout + ", "
                + login.map(Login::toString).getOrElse("no login") + "]";
    }
}
