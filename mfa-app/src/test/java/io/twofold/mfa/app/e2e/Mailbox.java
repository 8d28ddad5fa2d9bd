package io.twofold.mfa.app.e2e;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 that keeps every message, so a test can read the code a
 * user would find in their inbox. {@code smtps} speaks TLS from the first byte ({@link SmtpTestTls}).
 */
final class Mailbox implements AutoCloseable {
    static final String USER = "twofold";
    static final String PASSWORD = "smtp-password-for-the-e2e-tests";
    static final String FROM = "E2E Tenant <mfa@e2e.test>";
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    private final GreenMail server;
    private final boolean smtps;
    private int read;

    Mailbox(boolean smtps) {
        this.smtps = smtps;
        this.server = new GreenMail(new ServerSetup(0, "127.0.0.1", smtps ? ServerSetup.PROTOCOL_SMTPS : ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("twofold@e2e.test", USER, PASSWORD));
        server.start();
    }

    int port() {
        return smtps ? server.getSmtps().getPort() : server.getSmtp().getPort();
    }

    /** The app's MFA_SMTP_* for this server, logging in as {@link #USER}. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("twofold.smtp.host", "127.0.0.1");
        properties.put("twofold.smtp.port", port());
        properties.put("twofold.smtp.from", FROM);
        properties.put("twofold.smtp.username", USER);
        properties.put("twofold.smtp.password", PASSWORD);
        return properties;
    }

    /** The next message, waiting a little for it (the sender hands it over before the API answers). */
    synchronized MimeMessage next() {
        if (!server.waitForIncomingEmail(10_000, read + 1)) {
            throw new AssertionError("no message reached the SMTP server");
        }
        return server.getReceivedMessages()[read++];
    }

    int unread() {
        return server.getReceivedMessages().length - read;
    }

    /** The six-digit code in the plain-text part of a message. */
    static String code(MimeMessage message) {
        try {
            String text = ((Multipart) message.getContent()).getBodyPart(0).getContent().toString();
            Matcher code = CODE.matcher(text);
            if (!code.find()) {
                throw new AssertionError("no code in: " + text);
            }
            return code.group(1);
        } catch (MessagingException | IOException e) {
            throw new AssertionError("cannot read the message", e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
