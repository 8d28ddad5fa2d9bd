package io.twofold.mfa.app.config;

import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.app.bootstrap.BootstrapParser;
import io.twofold.mfa.http.delivery.SmtpServer;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Who delivers each channel's codes (MFA_*_SENDER) and the SMTP settings (MFA_SMTP_*), as read at start-up. */
class DeliveryConfigurationTest {
    private static final String SECRET = "0123456789abcdef-webhook";
    private static final Map<Setting, String> WEBHOOK = HashMap.of(Setting.SMS_WEBHOOK_URL, "https://sms.example.com/send",
            Setting.SMS_WEBHOOK_SECRET, SECRET);
    private static final Map<Setting, String> SMTP = HashMap.of(Setting.SMTP_HOST, "smtp.example.com",
            Setting.SMTP_FROM, "Acme <no-reply@acme.example>");

    @Test
    void writesEveryChannelToTheLogWhenNothingIsConfigured() {
        assertSenders(HashMap.empty(), SenderKind.LOG, SenderKind.LOG, SenderKind.LOG);
        // As before this setting existed, on an external database too: the start-up log says so loudly.
        assertSenders(HashMap.of(Setting.DB_URL, "jdbc:postgresql://db:5432/twofold", Setting.SECRET_KEY,
                "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="), SenderKind.LOG, SenderKind.LOG, SenderKind.LOG);
    }

    @Test
    void keepsEveryChannelOnTheWebhookWhenOnlyTheWebhookIsSet() {
        assertSenders(WEBHOOK, SenderKind.WEBHOOK, SenderKind.WEBHOOK, SenderKind.WEBHOOK);
    }

    @Test
    void sendsEmailOverSmtpWhenItsHostIsSetAndTheRestAsBefore() {
        assertSenders(WEBHOOK.merge(SMTP), SenderKind.WEBHOOK, SenderKind.WEBHOOK, SenderKind.SMTP);
        assertSenders(SMTP, SenderKind.LOG, SenderKind.LOG, SenderKind.SMTP);
    }

    @Test
    void letsEachChannelNameItsOwnSender() {
        assertSenders(WEBHOOK.put(Setting.SMS_SENDER, "log").put(Setting.EMAIL_SENDER, "Log"),
                SenderKind.LOG, SenderKind.WEBHOOK, SenderKind.LOG);
        assertSenders(WEBHOOK.merge(SMTP).put(Setting.VOICE_SENDER, "log").put(Setting.EMAIL_SENDER, "smtp"),
                SenderKind.WEBHOOK, SenderKind.LOG, SenderKind.SMTP);
    }

    @Test
    void refusesASenderWithoutItsSettingsAndOneThatDoesNotExist() {
        assertThat(refusal(HashMap.of(Setting.SMS_SENDER, "webhook")))
                .isEqualTo("MFA_SMS_SENDER is webhook but MFA_SMS_WEBHOOK_URL is not set");
        assertThat(refusal(HashMap.of(Setting.EMAIL_SENDER, "smtp")))
                .isEqualTo("MFA_EMAIL_SENDER is smtp but MFA_SMTP_HOST is not set");
        assertThat(refusal(SMTP.put(Setting.VOICE_SENDER, "smtp")))
                .isEqualTo("MFA_VOICE_SENDER must be webhook or log (smtp delivers email only)");
        assertThat(refusal(HashMap.of(Setting.SMS_SENDER, "carrier-pigeon")))
                .isEqualTo("MFA_SMS_SENDER must be webhook, smtp (email only) or log (development: codes written to the log)");
    }

    @Test
    void refusesSettingsThatNoChannelWouldUse() {
        assertThat(refusal(SMTP.put(Setting.EMAIL_SENDER, "log"))).isEqualTo("MFA_SMTP_HOST is set but MFA_EMAIL_SENDER is log:"
                + " email codes would not go over SMTP. Unset one of them");
        assertThat(refusal(WEBHOOK.put(Setting.SMS_SENDER, "log").put(Setting.VOICE_SENDER, "log").put(Setting.EMAIL_SENDER, "log")))
                .startsWith("MFA_SMS_WEBHOOK_URL is set but no channel uses it");
        assertThat(refusal(HashMap.of(Setting.SMTP_FROM, "no-reply@acme.example")))
                .isEqualTo("MFA_SMTP_FROM is set but MFA_SMTP_HOST is not: set the host to send email codes over SMTP");
        assertThat(refusal(HashMap.of(Setting.SMTP_PASSWORD, "hunter2-hunter2"))).startsWith("MFA_SMTP_PASSWORD is set but")
                .doesNotContain("hunter2");
    }

    @Test
    void requiresStartTlsOnPort587ByDefault() {
        SmtpSettings smtp = smtp(SMTP);

        assertThat(smtp.host()).isEqualTo("smtp.example.com");
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.encryption()).isEqualTo(SmtpServer.Encryption.STARTTLS_REQUIRED);
        assertThat(smtp.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(smtp.login()).isEmpty();
        assertThat(smtp.trusted()).isEmpty();
        assertThat(smtp.from()).isEqualTo("Acme <no-reply@acme.example>");
    }

    @Test
    void usesStartTlsIfOfferedByARelayOnThisMachineUnlessToldOtherwise() {
        for (String local : new String[] {"localhost", "127.0.0.1", "::1", "[::1]"}) {
            assertThat(smtp(SMTP.put(Setting.SMTP_HOST, local)).encryption()).as(local).isEqualTo(SmtpServer.Encryption.STARTTLS_OPTIONAL);
        }
        assertThat(smtp(SMTP.put(Setting.SMTP_HOST, "[::1]")).host()).isEqualTo("::1");
        assertThat(smtp(SMTP.put(Setting.SMTP_HOST, "127.0.0.1").put(Setting.SMTP_STARTTLS, "required")).encryption())
                .isEqualTo(SmtpServer.Encryption.STARTTLS_REQUIRED);
        assertThat(smtp(SMTP.put(Setting.SMTP_STARTTLS, "OFF")).encryption()).isEqualTo(SmtpServer.Encryption.NONE);
        assertThat(smtp(SMTP.put(Setting.SMTP_STARTTLS, "optional")).encryption()).isEqualTo(SmtpServer.Encryption.STARTTLS_OPTIONAL);
    }

    @Test
    void speaksTlsFromTheFirstByteOnPort465WhenAsked() {
        SmtpSettings smtp = smtp(SMTP.put(Setting.SMTP_TLS, "true"));

        assertThat(smtp.encryption()).isEqualTo(SmtpServer.Encryption.IMPLICIT_TLS);
        assertThat(smtp.port()).isEqualTo(465);
        assertThat(smtp(SMTP.put(Setting.SMTP_TLS, "true").put(Setting.SMTP_PORT, "2465")).port()).isEqualTo(2465);
        assertThat(refusal(SMTP.put(Setting.SMTP_TLS, "true").put(Setting.SMTP_STARTTLS, "required")))
                .startsWith("MFA_SMTP_STARTTLS does not apply with MFA_SMTP_TLS=true");
    }

    @Test
    void requiresAFromAddressThatIsOneAddress() {
        assertThat(refusal(HashMap.of(Setting.SMTP_HOST, "smtp.example.com"))).startsWith("MFA_SMTP_FROM is required with MFA_SMTP_HOST");
        assertThat(refusal(SMTP.put(Setting.SMTP_FROM, "no-reply"))).startsWith("MFA_SMTP_FROM must be one email address");
        assertThat(refusal(SMTP.put(Setting.SMTP_FROM, "a@acme.example, b@acme.example"))).startsWith("MFA_SMTP_FROM must be one");
        assertThat(smtp(SMTP.put(Setting.SMTP_FROM, "no-reply@acme.example")).from()).isEqualTo("no-reply@acme.example");
    }

    @Test
    void takesAUsernameAndPasswordTogetherAndNeverSendsThePasswordUnencrypted() {
        String password = "smtp-password-0123456789";
        SmtpSettings smtp = smtp(SMTP.put(Setting.SMTP_USERNAME, "twofold").put(Setting.SMTP_PASSWORD, password));
        assertThat(smtp.login().get().username()).isEqualTo("twofold");
        assertThat(smtp.login().get().password()).isEqualTo(password);
        assertThat(smtp.toString()).contains("twofold").doesNotContain(password);
        assertThat(read(SMTP.put(Setting.SMTP_USERNAME, "twofold").put(Setting.SMTP_PASSWORD, password)).toString())
                .doesNotContain(password);

        assertThat(refusal(SMTP.put(Setting.SMTP_USERNAME, "twofold")))
                .isEqualTo("MFA_SMTP_PASSWORD must be set with MFA_SMTP_USERNAME (both or neither)");
        assertThat(refusal(SMTP.put(Setting.SMTP_PASSWORD, password)))
                .isEqualTo("MFA_SMTP_USERNAME must be set with MFA_SMTP_PASSWORD (both or neither)");
        for (String weak : new String[] {"off", "optional"}) {
            assertThat(refusal(SMTP.put(Setting.SMTP_USERNAME, "twofold").put(Setting.SMTP_PASSWORD, password)
                    .put(Setting.SMTP_STARTTLS, weak)))
                    .isEqualTo("MFA_SMTP_PASSWORD could cross the network unencrypted with MFA_SMTP_STARTTLS=" + weak
                            + ": use MFA_SMTP_STARTTLS=required, or MFA_SMTP_TLS=true for port 465");
        }
        // A relay on this machine: nothing crosses the network.
        assertThat(smtp(SMTP.put(Setting.SMTP_HOST, "localhost").put(Setting.SMTP_USERNAME, "twofold")
                .put(Setting.SMTP_PASSWORD, password).put(Setting.SMTP_STARTTLS, "off")).login()).isNotEmpty();
    }

    @Test
    void trustsTheAuthoritiesOfTheGivenFileInsteadOfTheJdks(@TempDir Path dir) throws IOException {
        String pem = fixture("rsa-cert.pem");

        SmtpSettings smtp = smtp(SMTP.put(Setting.SMTP_TRUST_CA_FILE, pem));
        assertThat(smtp.trusted()).hasSize(1);
        assertThat(smtp.encryptionInWords()).isEqualTo("STARTTLS required, trusting the CAs in " + pem);
        assertThat(smtp.server().trust()).isNotNull();

        assertThat(refusal(SMTP.put(Setting.SMTP_TRUST_CA_FILE, dir.resolve("missing.pem").toString())))
                .startsWith("MFA_SMTP_TRUST_CA_FILE cannot be read: ");
        String notPem = Files.writeString(dir.resolve("key.pem"), "not a certificate").toString();
        assertThat(refusal(SMTP.put(Setting.SMTP_TRUST_CA_FILE, notPem))).startsWith("MFA_SMTP_TRUST_CA_FILE ");
        assertThat(refusal(SMTP.put(Setting.SMTP_TRUST_CA_FILE, pem).put(Setting.SMTP_STARTTLS, "off")))
                .isEqualTo("MFA_SMTP_TRUST_CA_FILE is set but MFA_SMTP_STARTTLS is off: no certificate would be checked");
    }

    @Test
    void refusesValuesThatAreNotWhatTheyShouldBe() {
        assertThat(refusal(SMTP.put(Setting.SMTP_STARTTLS, "maybe"))).isEqualTo("MFA_SMTP_STARTTLS must be required, optional or off");
        assertThat(refusal(SMTP.put(Setting.SMTP_TLS, "yes"))).isEqualTo("MFA_SMTP_TLS must be true or false");
        assertThat(refusal(SMTP.put(Setting.SMTP_PORT, "0"))).isEqualTo("MFA_SMTP_PORT must be from 1 to 65535");
        assertThat(refusal(SMTP.put(Setting.SMTP_TIMEOUT, "3m"))).isEqualTo("MFA_SMTP_TIMEOUT must be more than 0 and at most 2m");
        assertThat(refusal(SMTP.put(Setting.SMTP_HOST, "smtp://smtp.example.com:587")))
                .startsWith("MFA_SMTP_HOST must be a host name or an IP address, without scheme or port");
        assertThat(smtp(SMTP.put(Setting.SMTP_TIMEOUT, "1500ms")).timeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void keepsConnectionsOpenLongerThanTwoSmtpTimeouts() {
        assertThat(refusal(SMTP.put(Setting.SMTP_TIMEOUT, "20s")))
                .isEqualTo("MFA_IDLE_TIMEOUT must be longer than twice MFA_SMTP_TIMEOUT (40s), or a slow delivery would lose"
                        + " its connection");
        assertThat(read(SMTP.put(Setting.SMTP_TIMEOUT, "20s").put(Setting.IDLE_TIMEOUT, "41s")).idleTimeout())
                .isEqualTo(Duration.ofSeconds(41));
        // Only the senders in use count: a webhook kept for SMS does not bound email.
        assertThat(read(WEBHOOK.merge(SMTP).put(Setting.SMS_WEBHOOK_TIMEOUT, "14s").put(Setting.SMTP_TIMEOUT, "5s")
                .put(Setting.IDLE_TIMEOUT, "29s")).idleTimeout()).isEqualTo(Duration.ofSeconds(29));
    }

    private static void assertSenders(Map<Setting, String> values, SenderKind sms, SenderKind voice, SenderKind email) {
        DeliverySettings delivery = read(values).delivery();
        assertThat(delivery.sms()).as("sms").isEqualTo(sms);
        assertThat(delivery.voice()).as("voice").isEqualTo(voice);
        assertThat(delivery.email()).as("email").isEqualTo(email);
    }

    private static SmtpSettings smtp(Map<Setting, String> values) {
        return read(values).delivery().smtp().get();
    }

    private static TwofoldConfiguration read(Map<Setting, String> values) {
        return new ConfigurationReader(setting -> values.get(setting), new BootstrapParser("Username-Password-Authentication"))
                .read();
    }

    private static String refusal(Map<Setting, String> values) {
        try {
            read(values);
        } catch (InvalidConfigurationException e) {
            return e.getMessage();
        }
        throw new AssertionError("no refusal of " + values);
    }

    private static String fixture(String name) {
        try {
            return Path.of(DeliveryConfigurationTest.class.getResource("/tls/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
