package io.twofold.mfa.app.e2e;

import ch.qos.logback.classic.Level;
import io.twofold.mfa.app.config.TwofoldConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials in configured URLs never reach the log: the start-up log of the real app, given a
 * webhook URL with user-info and an {@code api_key} and a database URL with a {@code PASSWORD}
 * setting, names neither secret, nor does the configuration's {@code toString}.
 */
class StartupLogTest {
    private static final String WEBHOOK_PASSWORD = "Hook-Pass-4711";
    private static final String API_KEY = "Api-Key-0815";
    private static final String DB_PASSWORD = "Db-Pass-2342";

    @TempDir
    Path dir;

    @Test
    void warnsAtStartUpThatAPlainHttpWebhookIsNotEncrypted() {
        try (WebhookRecorder webhook = new WebhookRecorder(); LogCapture log = new LogCapture()) {
            try (RunningApp app = RunningApp.start(E2eFixture.properties(dir, webhook), E2eFixture.clock())) {
                assertThat(app.client().get(".well-known/jwks.json", "none").status()).isEqualTo(200);
            }
            assertThat(log.events()).as(log.text()).anyMatch(event -> event.getLevel() == Level.WARN
                    && event.getFormattedMessage().contains("plain http")
                    && event.getFormattedMessage().contains(webhook.url().toString()));
        }
    }

    @Test
    void theStartUpLogRedactsCredentialsAndQueryStringsOfConfiguredUrls() {
        try (WebhookRecorder webhook = new WebhookRecorder(); LogCapture log = new LogCapture()) {
            Map<String, Object> properties = new java.util.HashMap<>(E2eFixture.properties(dir, webhook));
            String hook = webhook.url().toString().replace("http://", "http://hook-user:" + WEBHOOK_PASSWORD + "@");
            properties.put("twofold.sms-webhook.url", hook + "?api_key=" + API_KEY + "&region=eu");
            properties.put("twofold.db.url", "jdbc:h2:mem:redact_" + UUID.randomUUID().toString().replace("-", "")
                    + ";DB_CLOSE_DELAY=-1;PASSWORD=" + DB_PASSWORD);
            properties.put("twofold.db.user", "sa");
            properties.put("twofold.db.password", DB_PASSWORD);
            properties.put("twofold.secret-key", E2eFixture.SEALING_KEY);

            try (RunningApp app = RunningApp.start(properties, E2eFixture.clock())) {
                assertThat(app.client().get(".well-known/jwks.json", "none").status()).isEqualTo(200);
                assertThat(app.bean(TwofoldConfiguration.class).toString())
                        .doesNotContain(WEBHOOK_PASSWORD).doesNotContain(API_KEY).doesNotContain(DB_PASSWORD);
            }

            String text = log.text();
            assertThat(text).contains("Twofold configuration:").contains("127.0.0.1");
            assertThat(text).doesNotContain(WEBHOOK_PASSWORD).doesNotContain(API_KEY).doesNotContain(DB_PASSWORD);
        }
    }
}
