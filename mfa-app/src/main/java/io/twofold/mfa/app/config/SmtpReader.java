package io.twofold.mfa.app.config;

import io.twofold.mfa.http.delivery.SmtpEmailSender;
import io.twofold.mfa.http.delivery.SmtpServer;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import static io.twofold.mfa.app.config.ConfigurationReader.invalid;

/**
 * Reads the SMTP settings for {@link DeliveryReader}. STARTTLS is required by default, except to a relay
 * on this machine, where it is used if offered; a password never crosses the network unencrypted; a
 * setting without {@code MFA_SMTP_HOST} is refused rather than ignored.
 */
final class SmtpReader {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int SUBMISSION_PORT = 587;
    private static final int SMTPS_PORT = 465;
    private static final List<Setting> NEED_A_HOST = List.of(Setting.SMTP_PORT, Setting.SMTP_USERNAME, Setting.SMTP_PASSWORD,
            Setting.SMTP_FROM, Setting.SMTP_STARTTLS, Setting.SMTP_TLS, Setting.SMTP_TIMEOUT, Setting.SMTP_TRUST_CA_FILE);

    private final Function<Setting, Option<String>> raw;

    /** {@code raw} answers none for a setting that is absent or blank. */
    SmtpReader(Function<Setting, Option<String>> raw) {
        this.raw = raw;
    }

    /** The SMTP settings, none when {@code MFA_SMTP_HOST} is unset. */
    Option<SmtpSettings> read() {
        Option<String> host = raw.apply(Setting.SMTP_HOST).map(SmtpReader::host);
        if (host.isEmpty()) {
            NEED_A_HOST.find(setting -> raw.apply(setting).isDefined()).forEach(setting -> {
                throw invalid(setting, "is set but MFA_SMTP_HOST is not: set the host to send email codes over SMTP");
            });
            return Option.none();
        }
        boolean local = WebhookReader.isLoopback(host.get()); // a relay on this machine: nothing crosses the network
        SmtpServer.Encryption encryption = encryption(local);
        int port = raw.apply(Setting.SMTP_PORT).map(value -> ConfigurationReader.integer(Setting.SMTP_PORT, value, 1, 65535))
                .getOrElse(encryption == SmtpServer.Encryption.IMPLICIT_TLS ? SMTPS_PORT : SUBMISSION_PORT);
        Option<SmtpServer.Login> login = login(encryption, local);
        String from = raw.apply(Setting.SMTP_FROM).getOrElseThrow(() -> invalid(Setting.SMTP_FROM,
                "is required with MFA_SMTP_HOST (the From address of code emails, such as Acme <no-reply@acme.example>)"));
        try {
            SmtpEmailSender.address(from);
        } catch (IllegalArgumentException e) {
            throw invalid(Setting.SMTP_FROM, "must be one email address, such as no-reply@acme.example or Acme <no-reply@acme.example>");
        }
        Duration timeout = raw.apply(Setting.SMTP_TIMEOUT)
                .map(value -> Durations.parse(value).getOrElseThrow(reason -> invalid(Setting.SMTP_TIMEOUT, reason)))
                .getOrElse(DEFAULT_TIMEOUT);
        Option<Path> trustFile = raw.apply(Setting.SMTP_TRUST_CA_FILE).map(SmtpReader::path);
        if (trustFile.isDefined() && encryption == SmtpServer.Encryption.NONE) {
            throw invalid(Setting.SMTP_TRUST_CA_FILE, "is set but MFA_SMTP_STARTTLS is off: no certificate would be checked");
        }
        java.util.List<X509Certificate> trusted = trustFile.map(SmtpReader::certificates).getOrElse(java.util.List.of());
        return Option.some(new SmtpSettings(host.get(), port, encryption, login, from, timeout, trustFile, trusted));
    }

    private static String host(String value) {
        if (!value.matches("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]|[0-9A-Fa-f]*:[0-9A-Fa-f:.]+")) {
            throw invalid(Setting.SMTP_HOST, "must be a host name or an IP address, without scheme or port"
                    + " (the port is MFA_SMTP_PORT)");
        }
        return value.startsWith("[") ? value.substring(1, value.length() - 1) : value;
    }

    private SmtpServer.Encryption encryption(boolean local) {
        boolean implicitTls = flag(Setting.SMTP_TLS);
        Option<String> startTls = raw.apply(Setting.SMTP_STARTTLS).map(value -> value.toLowerCase(Locale.ROOT));
        if (implicitTls) {
            startTls.forEach(value -> {
                throw invalid(Setting.SMTP_STARTTLS, "does not apply with MFA_SMTP_TLS=true (the connection is TLS"
                        + " from its first byte): unset one of them");
            });
            return SmtpServer.Encryption.IMPLICIT_TLS;
        }
        // A relay on this machine (localhost, a loopback address): codes do not cross the network.
        return startTls.getOrElse(local ? "optional" : "required").transform(value -> switch (value) {
            case "required" -> SmtpServer.Encryption.STARTTLS_REQUIRED;
            case "optional" -> SmtpServer.Encryption.STARTTLS_OPTIONAL;
            case "off" -> SmtpServer.Encryption.NONE;
            default -> throw invalid(Setting.SMTP_STARTTLS, "must be required, optional or off");
        });
    }

    private Option<SmtpServer.Login> login(SmtpServer.Encryption encryption, boolean local) {
        Option<String> username = raw.apply(Setting.SMTP_USERNAME);
        Option<String> password = raw.apply(Setting.SMTP_PASSWORD);
        if (username.isDefined() != password.isDefined()) {
            Setting missing = username.isEmpty() ? Setting.SMTP_USERNAME : Setting.SMTP_PASSWORD;
            throw invalid(missing, "must be set with " + (username.isEmpty() ? "MFA_SMTP_PASSWORD" : "MFA_SMTP_USERNAME")
                    + " (both or neither)");
        }
        boolean encrypted = encryption == SmtpServer.Encryption.STARTTLS_REQUIRED || encryption == SmtpServer.Encryption.IMPLICIT_TLS;
        if (password.isDefined() && !encrypted && !local) {
            throw invalid(Setting.SMTP_PASSWORD, "could cross the network unencrypted with MFA_SMTP_STARTTLS="
                    + (encryption == SmtpServer.Encryption.NONE ? "off" : "optional")
                    + ": use MFA_SMTP_STARTTLS=required, or MFA_SMTP_TLS=true for port 465");
        }
        return username.map(user -> new SmtpServer.Login(user, password.get()));
    }

    private boolean flag(Setting setting) {
        String value = raw.apply(setting).getOrElse("false").toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(setting, "must be true or false");
        }
        return value.equals("true");
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw invalid(Setting.SMTP_TRUST_CA_FILE, "is not a valid path");
        }
    }

    private static java.util.List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            java.util.List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw invalid(Setting.SMTP_TRUST_CA_FILE, "holds no certificate: " + file);
            }
            return certificates;
        } catch (IOException | SecurityException e) {
            throw invalid(Setting.SMTP_TRUST_CA_FILE, "cannot be read: " + file);
        } catch (CertificateException | ClassCastException e) {
            throw invalid(Setting.SMTP_TRUST_CA_FILE, "is not a PEM file of certificates (BEGIN CERTIFICATE): " + file);
        }
    }
}
