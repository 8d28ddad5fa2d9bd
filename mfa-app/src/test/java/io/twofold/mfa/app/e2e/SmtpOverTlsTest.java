package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.SAM;
import static io.twofold.mfa.app.e2e.E2eFixture.SAM_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MFA_SMTP_TLS and MFA_SMTP_TRUST_CA_FILE through the real app: email codes go to GreenMail's SMTPS,
 * whose private certificate is trusted through the file; without the file the JDK's authorities refuse
 * it and the enrollment answers 502. (STARTTLS itself is tested on the sender: GreenMail offers none.)
 */
class SmtpOverTlsTest {
    @TempDir
    Path dir;

    @Test
    void sendsOverImplicitTlsToAServerCertifiedByThePrivateCaItTrusts() {
        Path caFile = SmtpTestTls.caFile();
        try (Mailbox mailbox = new Mailbox(true); WebhookRecorder webhook = new WebhookRecorder();
             TestDatabase database = TestDatabases.h2(); LogCapture log = new LogCapture()) {
            Map<String, Object> properties = new HashMap<>(E2eFixture.properties(dir, webhook, database));
            properties.putAll(mailbox.properties());
            properties.put("twofold.smtp.tls", "true");
            properties.put("twofold.smtp.trust-ca-file", caFile.toString());
            try (RunningApp app = RunningApp.start(properties, E2eFixture.clock())) {
                ApiResponse enrolled = associateEmail(app.client());
                assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
                assertThat(Mailbox.code(mailbox.next())).matches("[0-9]{6}");
            }
            assertThat(log.text()).contains("(implicit TLS, trusting the CAs in " + caFile + ")");

            properties.remove("twofold.smtp.trust-ca-file");
            try (RunningApp app = RunningApp.start(properties, E2eFixture.clock())) {
                ApiResponse refused = associateEmail(app.client());
                assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
                assertThat(mailbox.unread()).isZero();
            }
            assertThat(log.text()).contains("failed: TLS failed: ").doesNotContain(Mailbox.PASSWORD);
        }
    }

    private static ApiResponse associateEmail(ApiClient api) {
        return api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"), "oob_channels", List.of("email"),
                "email", SAM), "Authorization", "Bearer " + ManagementCalls.mfaToken(api, SAM, SAM_PASSWORD));
    }
}
