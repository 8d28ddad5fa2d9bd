package io.twofold.mfa.http.delivery;

import io.twofold.mfa.model.OobMessage;
import io.twofold.mfa.port.out.DeliveryException;
import io.twofold.mfa.port.out.EmailSender;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends each email code over SMTP (Jakarta Mail, Eclipse Angus): one connection per code, encrypted
 * as {@link SmtpServer.Encryption} says, the certificate checked against the trusted authorities and
 * the host name, every connect, read and write bounded by the timeout. A failure is logged with its
 * cause and thrown as {@link DeliveryException}; neither names the code, the address or the password.
 * Blocking; callers run it off the event loop.
 */
public final class SmtpEmailSender implements EmailSender {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpEmailSender.class);

    private final SmtpServer server;
    private final InternetAddress from;
    private final String tenantName;
    private final Clock clock;
    private final Session session;
    private final String protocol;

    /** {@code from} is one address, optionally with a display name ({@code Acme <no-reply@acme.example>}). */
    public SmtpEmailSender(SmtpServer server, String from, String tenantName, Clock clock) {
        this.server = Objects.requireNonNull(server, "server");
        this.from = address(from);
        this.tenantName = Objects.requireNonNull(tenantName, "tenantName");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.protocol = server.encryption() == SmtpServer.Encryption.IMPLICIT_TLS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties());
    }

    /** Checks an address for the From header, as {@link #SmtpEmailSender} would; the message names no value. */
    public static InternetAddress address(String from) {
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(Objects.requireNonNull(from, "from"), true);
            if (addresses.length != 1) {
                throw new IllegalArgumentException("the sender must be exactly one email address");
            }
            addresses[0].validate();
            return addresses[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException("the sender is not a valid email address");
        }
    }

    private Properties properties() {
        String prefix = "mail." + protocol + ".";
        String millis = Long.toString(server.timeout().toMillis());
        Properties properties = new Properties();
        properties.put(prefix + "host", server.host());
        properties.put(prefix + "port", Integer.toString(server.port()));
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        properties.put(prefix + "auth", Boolean.toString(server.login().isDefined()));
        properties.put(prefix + "starttls.enable", Boolean.toString(server.encryption() == SmtpServer.Encryption.STARTTLS_REQUIRED
                || server.encryption() == SmtpServer.Encryption.STARTTLS_OPTIONAL));
        properties.put(prefix + "starttls.required", Boolean.toString(server.encryption() == SmtpServer.Encryption.STARTTLS_REQUIRED));
        // Our factory checks the host name in the handshake (the JDK's HTTPS rules), so Angus's own
        // check, which reaches into JDK internals, is not needed.
        properties.put(prefix + "ssl.socketFactory", new HostCheckingSocketFactory(server.trust()));
        properties.put(prefix + "ssl.checkserveridentity", "false");
        // The envelope sender, and the domain of the Message-ID instead of this machine's user and host name.
        properties.put(prefix + "from", from.getAddress());
        properties.put("mail.from", from.getAddress());
        return properties;
    }

    @Override
    public void send(OobMessage message) {
        try {
            MimeMessage email = VerificationEmail.compose(session, from, message, tenantName, clock.instant());
            Transport transport = session.getTransport(protocol);
            try {
                transport.connect(server.host(), server.port(), server.login().map(SmtpServer.Login::username).getOrNull(),
                        server.login().map(SmtpServer.Login::password).getOrNull());
                transport.sendMessage(email, email.getAllRecipients());
            } finally {
                closeQuietly(transport);
            }
        } catch (MessagingException e) {
            String failure = "email delivery over SMTP to " + server.host() + ":" + server.port() + " failed: "
                    + SmtpFailures.reason(e, server.timeout());
            LOG.warn(failure);
            throw new DeliveryException(failure);
        }
    }

    /** Once the message is accepted it is sent: a QUIT that fails must not turn that into a failure. */
    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.debug("closing the SMTP connection failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "SmtpEmailSender[" + server + ", from=" + from.getAddress() + "]";
    }
}
