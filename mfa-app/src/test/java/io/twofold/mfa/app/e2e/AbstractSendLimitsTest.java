package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send limits and the SMS country allow-list over the real socket and wiring, configured as an
 * operator would (the properties behind MFA_SEND_LIMIT_PER_DESTINATION and MFA_SMS_ALLOWED_COUNTRIES):
 * a refused send, at enrollment or at a challenge, answers why and reaches no webhook. Subclasses
 * pick the database.
 */
abstract class AbstractSendLimitsTest {
    private static final String PHONE = "+15551234567";
    private static final String PER_NUMBER_REFUSAL =
            "Too many codes were sent to this phone number or email address. Wait before asking for another one.";

    @TempDir
    Path dir;

    /** A fresh, empty database for this test. */
    abstract TestDatabase database();

    @Test
    void refusesCodesBeyondThePerNumberLimitAndOutsideTheAllowedCountriesAndSendsNothing() {
        MutableClock clock = E2eFixture.clock();
        try (TestDatabase database = database();
             WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(limited(webhook, database), clock)) {
            ApiClient api = app.client();
            String janeToken = mfaToken(api, JANE, JANE_PASSWORD);

            ApiResponse first = enrollSms(api, janeToken, PHONE);
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            WebhookRecorder.Delivery delivery = webhook.next();
            assertThat(delivery.to()).isEqualTo(PHONE);

            ApiResponse again = enrollSms(api, janeToken, PHONE);
            ApiResponse samToSameNumber = enrollSms(api, mfaToken(api, SAM, SAM_PASSWORD), "+1 555 123 4567");
            for (ApiResponse refused : List.of(again, samToSameNumber)) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
                assertThat(refused.error()).isEqualTo("too_many_attempts");
                assertThat(refused.errorDescription()).isEqualTo(PER_NUMBER_REFUSAL);
            }

            ApiResponse abroad = enrollSms(api, janeToken, "+447700900123");
            assertThat(abroad.status()).as(abroad.toString()).isEqualTo(400);
            assertThat(abroad.error()).isEqualTo("invalid_request");
            assertThat(abroad.errorDescription()).isEqualTo("Codes cannot be sent to phone numbers in this country.");
            assertThat(webhook.pending()).as("nothing reached the webhook").isZero();

            // Confirmed, the number is Jane's factor; a challenge to it counts against the same number.
            ApiResponse confirmed = api.postForm("oauth/token", Map.of("grant_type", MFA_OOB, "mfa_token", janeToken,
                    "oob_code", first.text("oob_code"), "binding_code", delivery.code(),
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
            ApiResponse challenge = challengeOob(api, mfaToken(api, JANE, JANE_PASSWORD));
            assertThat(challenge.status()).as(challenge.toString()).isEqualTo(429);
            assertThat(challenge.error()).isEqualTo("too_many_attempts");
            assertThat(challenge.errorDescription()).isEqualTo(PER_NUMBER_REFUSAL);
            assertThat(webhook.pending()).as("nothing reached the webhook").isZero();

            clock.advance(Duration.ofMinutes(10));
            ApiResponse refilled = challengeOob(api, mfaToken(api, JANE, JANE_PASSWORD));
            assertThat(refilled.status()).as("one more after the refill: %s", refilled).isEqualTo(200);
            assertThat(webhook.next().to()).isEqualTo(PHONE);
        }
    }

    private Map<String, Object> limited(WebhookRecorder webhook, TestDatabase database) {
        Map<String, Object> properties = E2eFixture.properties(dir, webhook, database);
        properties.put("twofold.send-limits.per-destination", "1,10m");
        properties.put("twofold.send-limits.sms-allowed-countries", "+1");
        return properties;
    }

    private static String mfaToken(ApiClient api, String username, String password) {
        ApiResponse login = api.postForm("oauth/token", Map.of("grant_type", PASSWORD, "username", username,
                "password", password, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(login.error()).as(login.toString()).isEqualTo("mfa_required");
        return login.text("mfa_token");
    }

    private static ApiResponse challengeOob(ApiClient api, String mfaToken) {
        return api.postJson("mfa/challenge", Map.of("mfa_token", mfaToken, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "challenge_type", "oob"));
    }

    private static ApiResponse enrollSms(ApiClient api, String mfaToken, String phone) {
        return api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"), "oob_channels", List.of("sms"),
                "phone_number", phone), "Authorization", "Bearer " + mfaToken);
    }
}
