package io.twofold.mfa.http.delivery;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an SMTP delivery failed, in words an operator can act on. The server's reply text is never
 * repeated (it may echo the recipient), only its three-digit code; the code and the password never
 * reach the server's replies or these words.
 */
final class SmtpFailures {
    private static final Pattern REPLY_CODE = Pattern.compile("^([2-5][0-9][0-9])\\b");
    private static final Pattern CONNECT_REPLY = Pattern.compile("response: ([2-5][0-9][0-9])");

    private SmtpFailures() {
    }

    static String reason(MessagingException failure, Duration timeout) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = next(cause)) {
            String reason = known(cause, timeout);
            if (reason != null) {
                return reason;
            }
        }
        Matcher connectReply = CONNECT_REPLY.matcher(String.valueOf(failure.getMessage()));
        if (connectReply.find()) {
            return "the server refused the connection with reply " + connectReply.group(1);
        }
        Matcher reply = REPLY_CODE.matcher(String.valueOf(failure.getMessage()));
        return reply.find() ? "the server answered " + reply.group(1) : failure.getClass().getSimpleName();
    }

    private static String known(Throwable cause, Duration timeout) {
        if (cause instanceof AuthenticationFailedException) {
            return "the server refused the username and password";
        } else if (cause instanceof SMTPAddressFailedException e) {
            return "the server refused the recipient with reply " + e.getReturnCode();
        } else if (cause instanceof SMTPSenderFailedException e) {
            return "the server refused the sender (MAIL FROM) with reply " + e.getReturnCode();
        } else if (cause instanceof SMTPSendFailedException e) {
            return "the server refused the message with reply " + e.getReturnCode();
        } else if (cause instanceof AddressException) {
            return "the recipient is not an address SMTP accepts";
        } else if (cause instanceof SocketTimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        } else if (cause instanceof ConnectException) {
            return "cannot connect (" + cause.getMessage() + ")";
        } else if (cause instanceof UnknownHostException) {
            return "unknown host";
        } else if (cause instanceof SSLException) {
            // The JDK's words name the certificate problem (untrusted issuer, wrong host name), never a secret.
            return "TLS failed: " + rootMessage(cause);
        } else if (cause instanceof MessagingException && String.valueOf(cause.getMessage()).contains("STARTTLS is required")) {
            return "STARTTLS is required but the server does not offer it";
        }
        return null;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException e && e.getNextException() != null) {
            return e.getNextException();
        }
        return cause.getCause();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
