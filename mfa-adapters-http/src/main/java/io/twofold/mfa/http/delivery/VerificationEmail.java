package io.twofold.mfa.http.delivery;

import io.twofold.mfa.model.OobMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * The email that carries a code: a subject naming the tenant, and a multipart/alternative body of
 * plain text and HTML. No images, links or remote content, so nothing reports back when it is opened.
 */
final class VerificationEmail {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private VerificationEmail() {
    }

    static String subject(String tenantName) {
        // A tenant name with a line break must not start a header of its own.
        return "Your " + tenantName.replaceAll("\\p{Cntrl}", " ").strip() + " verification code";
    }

    /** The message; an address SMTP cannot take fails as {@link AddressException} without naming it. */
    static MimeMessage compose(Session session, InternetAddress from, OobMessage code, String tenantName, Instant now)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, recipient(code.to()));
        message.setSubject(subject(tenantName), UTF_8);
        message.setSentDate(Date.from(now));
        // RFC 3834: automatic replies (out-of-office) should not answer it.
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(code.text() + "\n", UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(code), UTF_8, "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    private static InternetAddress recipient(String address) throws AddressException {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new AddressException("the recipient is not an address SMTP accepts");
        }
    }

    private static String html(OobMessage code) {
        return "<!DOCTYPE html>\n<html><body style=\"font-family:sans-serif\">\n"
                + "<p style=\"font-size:28px;font-weight:bold;letter-spacing:4px\">" + escape(code.code()) + "</p>\n"
                + "<p>" + escape(code.text()) + "</p>\n"
                + "</body></html>\n";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
