package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email codes over SMTP through the real app and a real SMTP server (GreenMail): enrollment and login
 * with codes read from the received messages, and every way the delivery can fail answering 502 with
 * nothing stored and a log line that says why, without the password. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractEmailOverSmtpTest {
    @TempDir
    static Path dir;

    private TestDatabase database;
    private WebhookRecorder webhook;
    private Mailbox mailbox;
    private RunningApp app;
    private ApiClient api;

    abstract TestDatabase database();

    @BeforeAll
    void startTheAppWithSmtp() {
        database = database();
        webhook = new WebhookRecorder();
        mailbox = new Mailbox(false);
        app = RunningApp.start(properties("main", Map.of()), E2eFixture.clock());
        api = app.client();
    }

    @AfterAll
    void stopEverything() {
        if (app != null) {
            app.close();
        }
        mailbox.close();
        webhook.close();
        database.close();
    }

    @Test
    void enrollsEmailAndLogsInWithCodesReadFromTheMessagesReceived() {
        try (LogCapture log = new LogCapture()) {
            String enrollToken = ManagementCalls.mfaToken(api, JANE, JANE_PASSWORD);
            ApiResponse enrolled = associateEmail(api, enrollToken, JANE);
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
            assertThat(enrolled.text("oob_channel")).isEqualTo("email");
            MimeMessage enrollment = mailbox.next();
            String enrollmentCode = Mailbox.code(enrollment);
            assertThat(address(enrollment)).isEqualTo(JANE);
            assertThat(subject(enrollment)).isEqualTo("Your " + TENANT + " verification code");

            ApiResponse confirmed = api.postJson("oauth/token", Map.of("grant_type", MFA_OOB, "mfa_token", enrollToken,
                    "oob_code", enrolled.text("oob_code"), "binding_code", enrollmentCode,
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

            String loginToken = ManagementCalls.mfaToken(api, JANE, JANE_PASSWORD);
            String emailId = StreamSupport.stream(api.get("mfa/authenticators", loginToken).json().spliterator(), false)
                    .filter(factor -> "email".equals(factor.path("oob_channel").asText()))
                    .map(factor -> factor.path("id").asText()).findFirst().orElseThrow();
            ApiResponse challenge = api.postForm("mfa/challenge", Map.of("mfa_token", loginToken, "client_id", CLIENT_ID,
                    "client_secret", CLIENT_SECRET, "challenge_type", "oob", "authenticator_id", emailId));
            assertThat(challenge.status()).as(challenge.toString()).isEqualTo(200);
            String loginCode = Mailbox.code(mailbox.next());
            ApiResponse loggedIn = api.postJson("oauth/token", Map.of("grant_type", MFA_OOB, "mfa_token", loginToken,
                    "oob_code", challenge.text("oob_code"), "binding_code", loginCode,
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
            assertThat(loggedIn.status()).as(loggedIn.toString()).isEqualTo(200);
            assertThat(loggedIn.text("access_token")).isNotBlank();

            assertThat(webhook.pending()).as("nothing went to the webhook").isZero();
            assertThat(log.text()).doesNotContain(enrollmentCode).doesNotContain(loginCode).doesNotContain(Mailbox.PASSWORD);
        }
    }

    @Test
    void answers502AndStoresNothingWhenStartTlsIsRequiredButNotOffered() {
        assertDeliveryFails("starttls", Map.of("twofold.smtp.starttls", "required"),
                "STARTTLS is required but the server does not offer it");
    }

    @Test
    void answers502AndStoresNothingWhenTheServerRefusesTheLogin() {
        assertDeliveryFails("login", Map.of("twofold.smtp.password", "wrong-" + Mailbox.PASSWORD),
                "the server refused the username and password");
    }

    @Test
    void answers502QuicklyAndStoresNothingWhenNothingListens() {
        assertDeliveryFails("closed", Map.of("twofold.smtp.port", closedPort()), "cannot connect");
    }

    /** A second node on the same database whose SMTP delivery fails: Sam's email enrollment gets 502 and leaves no row. */
    private void assertDeliveryFails(String node, Map<String, Object> smtp, String reason) {
        try (LogCapture log = new LogCapture(); RunningApp failing = RunningApp.start(properties(node, smtp), E2eFixture.clock())) {
            ApiClient client = failing.client();
            String mfaToken = ManagementCalls.mfaToken(client, SAM, SAM_PASSWORD);
            Map<String, Long> before = rows();
            int unread = mailbox.unread();

            long started = System.nanoTime();
            ApiResponse refused = associateEmail(client, mfaToken, SAM);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
            assertThat(refused.error()).isEqualTo("bad_gateway");
            assertThat(refused.errorDescription()).isEqualTo("The email message could not be delivered.");
            assertThat(rows()).as("nothing stored").isEqualTo(before);
            assertThat(mailbox.unread()).isEqualTo(unread);
            assertThat(took).as("well within the 10 s SMTP timeout").isLessThan(Duration.ofSeconds(5));
            assertThat(log.text()).contains("email delivery over SMTP to 127.0.0.1:").contains(reason)
                    .doesNotContain(Mailbox.PASSWORD);
            assertThat(client.get("mfa/authenticators", mfaToken).json()).isEmpty();
        }
    }

    private Map<String, Object> properties(String node, Map<String, Object> smtp) {
        Path nodeDir = dir.resolve(node);
        try {
            Files.createDirectories(nodeDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties = new HashMap<>(E2eFixture.properties(nodeDir, webhook, database));
        properties.putAll(mailbox.properties());
        properties.putAll(smtp);
        return properties;
    }

    private static ApiResponse associateEmail(ApiClient client, String mfaToken, String email) {
        return client.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"), "oob_channels", List.of("email"),
                "email", email), "Authorization", "Bearer " + mfaToken);
    }

    /** Rows of the tables an enrollment writes. */
    private Map<String, Long> rows() {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String table : List.of("authenticators", "oob_challenges")) {
                try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String address(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
