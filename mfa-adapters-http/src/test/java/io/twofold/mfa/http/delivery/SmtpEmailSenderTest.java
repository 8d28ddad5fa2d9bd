package io.twofold.mfa.http.delivery;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.OobMessage;
import io.twofold.mfa.port.out.DeliveryException;
import io.twofold.mfa.testing.MutableClock;
import io.vavr.control.Option;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMTP sender against a real SMTP server (GreenMail) on 127.0.0.1, in every encryption mode. */
class SmtpEmailSenderTest {
    private static final String CODE = "482913";
    private static final String ADDRESS = "jane@example.com";
    private static final OobMessage EMAIL = new OobMessage(OobChannel.EMAIL, ADDRESS, CODE,
            CODE + " is your Acme verification code. It expires in 5 minutes.");
    private static final String PASSWORD = "smtp-password-never-logged";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("twofold@example.com", "twofold", PASSWORD));

    @TempDir
    static Path dir;

    private final MutableClock clock = MutableClock.at("2025-01-01T10:00:00Z");
    private final Logger senderLog = (Logger) LoggerFactory.getLogger(SmtpEmailSender.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureTheLog() {
        log.start();
        senderLog.addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        senderLog.detachAppender(log);
    }

    @Test
    void sendsPlainTextAndHtmlAlternativesThatNameTheTenantAndTrackNothing() throws Exception {
        sender(SmtpServer.Encryption.NONE, SMTP.getSmtp().getPort(), SmtpServer.jdkTrust(), "Acme <Dev> & \"Co\"\r\nBcc: x@y")
                .send(EMAIL);

        MimeMessage received = onlyMessage();
        assertThat(received.getSubject()).isEqualTo("Your Acme <Dev> & \"Co\"  Bcc: x@y verification code");
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getFrom()[0].toString()).isEqualTo("Acme MFA <mfa@acme.example>");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(ADDRESS);
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(received.getMessageID()).endsWith("@acme.example>");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent().toString().strip()).isEqualTo(EMAIL.text());
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        String html = parts.getBodyPart(1).getContent().toString();
        assertThat(html).contains(">" + CODE + "</p>").contains(EMAIL.text())
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<a ").doesNotContain("http")
                .doesNotContainIgnoringCase("src=");
    }

    @Test
    void escapesTheCodeAndTheTextInTheHtmlPart() throws Exception {
        OobMessage hostile = new OobMessage(OobChannel.EMAIL, ADDRESS, "<b>1&2</b>", "<script>alert('x')</script>");

        sender(SmtpServer.Encryption.NONE, SMTP.getSmtp().getPort(), SmtpServer.jdkTrust(), "Acme").send(hostile);

        String html = ((Multipart) onlyMessage().getContent()).getBodyPart(1).getContent().toString();
        assertThat(html).contains("&lt;b&gt;1&amp;2&lt;/b&gt;").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<b>").doesNotContain("<script>");
    }

    @Test
    void logsInWithTheConfiguredUser() throws Exception {
        sender(SmtpServer.Encryption.NONE, SMTP.getSmtp().getPort(), SmtpServer.jdkTrust(), "Acme",
                new SmtpServer.Login("twofold", PASSWORD)).send(EMAIL);

        assertThat(onlyMessage().getAllRecipients()[0].toString()).isEqualTo(ADDRESS);
    }

    @Test
    void failsWhenTheServerRefusesTheLoginAndSaysSoWithoutTheSecrets() {
        SmtpEmailSender sender = sender(SmtpServer.Encryption.NONE, SMTP.getSmtp().getPort(), SmtpServer.jdkTrust(), "Acme",
                new SmtpServer.Login("twofold", "wrong-" + PASSWORD));

        assertFailsWith(sender, "the server refused the username and password");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void failsFastWhenNothingListensOnThePort() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        SmtpEmailSender sender = sender(SmtpServer.Encryption.STARTTLS_REQUIRED, closed, SmtpServer.jdkTrust(), "Acme");

        long started = System.nanoTime();
        assertFailsWith(sender, "cannot connect");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void givesUpOnAServerThatNeverAnswersAfterTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (IOException | InterruptedException e) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SmtpEmailSender sender = new SmtpEmailSender(new SmtpServer("127.0.0.1", silent.getLocalPort(),
                    SmtpServer.Encryption.NONE, SmtpServer.jdkTrust(), Duration.ofMillis(300), Option.none()),
                    "mfa@acme.example", "Acme", clock);

            long started = System.nanoTime();
            assertFailsWith(sender, "timed out after 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void sendsNothingWhenStartTlsIsRequiredButNotOffered() {
        SmtpEmailSender sender = sender(SmtpServer.Encryption.STARTTLS_REQUIRED, SMTP.getSmtp().getPort(), SmtpServer.jdkTrust(),
                "Acme", new SmtpServer.Login("twofold", PASSWORD));

        assertFailsWith(sender, "STARTTLS is required but the server does not offer it");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void sendsInPlainTextWhenStartTlsIsOptionalAndNotOffered() throws Exception {
        sender(SmtpServer.Encryption.STARTTLS_OPTIONAL, SMTP.getSmtp().getPort(), SmtpServer.jdkTrust(), "Acme").send(EMAIL);

        assertThat(onlyMessage().getAllRecipients()[0].toString()).isEqualTo(ADDRESS);
    }

    @Test
    void upgradesWithStartTlsToAServerWhoseCertificateItTrusts() throws Exception {
        TestCertificate certificate = GreenMailTls.certificate();
        for (SmtpServer.Encryption encryption : List.of(SmtpServer.Encryption.STARTTLS_REQUIRED, SmtpServer.Encryption.STARTTLS_OPTIONAL)) {
            try (StartTlsFront front = new StartTlsFront(SMTP.getSmtp().getPort(), certificate.serverContext())) {
                sender(encryption, front.port(), SmtpServer.trustingOnly(List.of(certificate.certificate())), "Acme",
                        new SmtpServer.Login("twofold", PASSWORD)).send(EMAIL);
            }
        }

        // The front relays nothing before the TLS handshake: each message arrived encrypted.
        assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
    }

    @Test
    void refusesACertificateItDoesNotTrust() {
        TestCertificate certificate = GreenMailTls.certificate();
        try (StartTlsFront front = new StartTlsFront(SMTP.getSmtp().getPort(), certificate.serverContext())) {
            assertFailsWith(sender(SmtpServer.Encryption.STARTTLS_REQUIRED, front.port(), SmtpServer.jdkTrust(), "Acme"),
                    "TLS failed");
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void refusesATrustedCertificateThatNamesAnotherHost() {
        TestCertificate elsewhere = TestCertificate.create(dir, "dns:mail.example.com");
        try (StartTlsFront front = new StartTlsFront(SMTP.getSmtp().getPort(), elsewhere.serverContext())) {
            assertFailsWith(sender(SmtpServer.Encryption.STARTTLS_REQUIRED, front.port(),
                    SmtpServer.trustingOnly(List.of(elsewhere.certificate())), "Acme"), "127.0.0.1");
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void reportsTheReplyCodeOfARefusalButNotItsText() {
        TestCertificate certificate = GreenMailTls.certificate();
        // Without STARTTLS the front answers every command after EHLO with 530.
        try (StartTlsFront front = new StartTlsFront(SMTP.getSmtp().getPort(), certificate.serverContext())) {
            assertFailsWith(sender(SmtpServer.Encryption.NONE, front.port(), SmtpServer.jdkTrust(), "Acme"), "reply 530");
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(line -> line.contains("Must issue"));
    }

    @Test
    void sendsOverImplicitTls() throws Exception {
        TestCertificate certificate = GreenMailTls.certificate();
        GreenMail smtps = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        smtps.start();
        try {
            int port = smtps.getSmtps().getPort();
            sender(SmtpServer.Encryption.IMPLICIT_TLS, port, SmtpServer.trustingOnly(List.of(certificate.certificate())),
                    "Acme").send(EMAIL);
            assertThat(smtps.waitForIncomingEmail(5_000, 1)).isTrue();

            assertFailsWith(sender(SmtpServer.Encryption.IMPLICIT_TLS, port, SmtpServer.jdkTrust(), "Acme"), "TLS failed");
        } finally {
            smtps.stop();
        }
    }

    @Test
    void refusesASenderAddressThatIsNotOneAddress() {
        for (String from : List.of("not an address", "a@example.com, b@example.com", "")) {
            assertThatThrownBy(() -> SmtpEmailSender.address(from)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(from.isEmpty() ? "\u0000" : from);
        }
        assertThat(SmtpEmailSender.address("Acme MFA <mfa@acme.example>").getAddress()).isEqualTo("mfa@acme.example");
    }

    @Test
    void describesItselfWithoutThePassword() {
        SmtpEmailSender sender = sender(SmtpServer.Encryption.STARTTLS_REQUIRED, 587, SmtpServer.jdkTrust(), "Acme",
                new SmtpServer.Login("twofold", PASSWORD));

        assertThat(sender.toString()).contains("twofold").contains("STARTTLS_REQUIRED").doesNotContain(PASSWORD);
    }

    private void assertFailsWith(SmtpEmailSender sender, String reason) {
        assertThatThrownBy(() -> sender.send(EMAIL)).isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("email delivery over SMTP to 127.0.0.1:")
                .hasMessageContaining(reason)
                .hasMessageNotContaining(CODE).hasMessageNotContaining(ADDRESS).hasMessageNotContaining(PASSWORD)
                .hasNoCause();
        String logged = log.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        assertThat(logged).contains(reason).doesNotContain(CODE).doesNotContain(ADDRESS).doesNotContain(PASSWORD);
    }

    private SmtpEmailSender sender(SmtpServer.Encryption encryption, int port, SSLContext trust, String tenant,
                                   SmtpServer.Login... login) {
        return new SmtpEmailSender(new SmtpServer("127.0.0.1", port, encryption, trust, TIMEOUT,
                Option.of(login.length == 0 ? null : login[0])), "Acme MFA <mfa@acme.example>", tenant, clock);
    }

    private MimeMessage onlyMessage() {
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }
}
