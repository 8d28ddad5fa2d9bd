package io.twofold.mfa.app.config;

import io.twofold.mfa.http.delivery.SmtpServer;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The SMTP server that email codes go to ({@code MFA_SMTP_*}): host, port, encryption, login, the From
 * address, the timeout of each step, and the certificate authorities trusted instead of the JDK's.
 */
public record SmtpSettings(String host, int port, SmtpServer.Encryption encryption, Option<SmtpServer.Login> login,
                           String from, Duration timeout, Option<Path> trustFile, List<X509Certificate> trusted) {
    public SmtpSettings {
        trusted = List.copyOf(trusted);
    }

    /** The server as the sender dials it; TLS trusts {@link #trusted} when given, else the JDK's authorities. */
    public SmtpServer server() {
        return new SmtpServer(host, port, encryption, trusted.isEmpty() ? SmtpServer.jdkTrust() : SmtpServer.trustingOnly(trusted),
                timeout, login);
    }

    /** Whether the server is this machine ({@code localhost}, a loopback address): nothing crosses the network. */
    public boolean onThisMachine() {
        return WebhookReader.isLoopback(host);
    }

    /** How the connection is protected, as the start-up log says it. */
    public String encryptionInWords() {
        return switch (encryption) {
            case STARTTLS_REQUIRED -> "STARTTLS required";
            case STARTTLS_OPTIONAL -> "STARTTLS if offered";
            case NONE -> "no encryption";
            case IMPLICIT_TLS -> "implicit TLS";
        } + trustFile.map(file -> ", trusting the CAs in " + file).getOrElse("");
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + encryptionInWords() + ", from=" + from + ", timeout=" + timeout
                + ", " + login.map(SmtpServer.Login::toString).getOrElse("no login") + "]";
    }
}
