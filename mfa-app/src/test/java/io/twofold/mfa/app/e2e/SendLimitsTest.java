package io.twofold.mfa.app.e2e;

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
 * The send limits and the SMS country allow-list over the real socket and wiring, on the embedded H2
 * default, configured as an operator would (the properties behind MFA_SEND_LIMIT_PER_DESTINATION and
 * MFA_SMS_ALLOWED_COUNTRIES): a refused send answers why and reaches no webhook.
 */
class SendLimitsTest {
    private static final String PHONE = "+15551234567";

    @TempDir
    Path dir;

    @Test
    void refusesASecondCodeToOneNumberAndANumberOutsideTheAllowedCountriesAndSendsNothing() {
        MutableClock clock = E2eFixture.clock();
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(limited(webhook), clock)) {
            ApiClient api = app.client();
            String janeToken = mfaToken(api, JANE, JANE_PASSWORD);

            ApiResponse first = enrollSms(api, janeToken, PHONE);
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(webhook.next().to()).isEqualTo(PHONE);

            ApiResponse again = enrollSms(api, janeToken, PHONE);
            ApiResponse samToSameNumber = enrollSms(api, mfaToken(api, SAM, SAM_PASSWORD), "+1 555 123 4567");
            for (ApiResponse refused : List.of(again, samToSameNumber)) {
                assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
                assertThat(refused.error()).isEqualTo("too_many_requests");
                assertThat(refused.errorDescription()).isEqualTo(
                        "Too many codes were sent to this phone number or email address. Wait before asking for another one.");
            }

            ApiResponse abroad = enrollSms(api, janeToken, "+447700900123");
            assertThat(abroad.status()).as(abroad.toString()).isEqualTo(400);
            assertThat(abroad.error()).isEqualTo("invalid_request");
            assertThat(abroad.errorDescription()).isEqualTo("Codes cannot be sent to phone numbers in this country.");
            assertThat(webhook.pending()).as("nothing reached the webhook").isZero();

            clock.advance(Duration.ofMinutes(10));
            ApiResponse refilled = enrollSms(api, mfaToken(api, JANE, JANE_PASSWORD), PHONE);
            assertThat(refilled.status()).as("one more after the refill: %s", refilled).isEqualTo(200);
            assertThat(webhook.next().to()).isEqualTo(PHONE);
        }
    }

    private Map<String, Object> limited(WebhookRecorder webhook) {
        Map<String, Object> properties = E2eFixture.properties(dir, webhook);
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

    private static ApiResponse enrollSms(ApiClient api, String mfaToken, String phone) {
        return api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"), "oob_channels", List.of("sms"),
                "phone_number", phone), "Authorization", "Bearer " + mfaToken);
    }
}
