package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's walkthrough (section 12) against the real app over its socket: password login, TOTP
 * enrollment and login, replay refused, MFA API token, SMS enrollment and login through the webhook,
 * delete, recovery code. Subclasses pick the database.
 */
abstract class AbstractWalkthroughTest extends AbstractAppTest {
    private static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void walksThroughTotpSmsDeleteAndRecovery() {
        // 1. The first factor answers mfa_required: the client's policy is "always".
        ApiResponse first = passwordLoginForm(JANE, JANE_PASSWORD, Map.of("scope", "openid profile"));
        assertThat(first.status()).isEqualTo(403);
        assertThat(first.error()).isEqualTo("mfa_required");
        assertThat(first.errorDescription()).isEqualTo("Multifactor authentication required");
        String enrollToken = first.text("mfa_token");

        // 2. Nothing enrolled yet; enroll TOTP with the mfa_token (JSON, no client credentials, as auth0-auth-js).
        assertThat(api.get("mfa/authenticators", enrollToken).json().size()).isZero();
        ApiResponse otp = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + enrollToken);
        assertThat(otp.status()).as(otp.toString()).isEqualTo(200);
        assertThat(otp.text("authenticator_type")).isEqualTo("otp");
        String secret = otp.text("secret");
        assertThat(otp.text("barcode_uri")).startsWith("otpauth://totp/E2E%20Tenant:jane%40example.com?secret=" + secret);
        String recoveryCode = otp.json().get("recovery_codes").get(0).textValue();

        // 3. Confirm with the current code (JSON body, secret in the body, as auth0-java).
        ApiResponse confirmed = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", enrollToken,
                "otp", totp(secret, clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.text("token_type")).isEqualTo("Bearer");
        assertThat(confirmed.text("id_token")).contains(".");

        // 4. A new login lists the confirmed factors with its mfa_token, then passes an OTP challenge.
        String loginToken = mfaToken(JANE, JANE_PASSWORD, Map.of());
        JsonNode listed = api.get("mfa/authenticators", loginToken).json();
        assertThat(types(listed)).containsExactlyInAnyOrder("otp", "recovery-code");
        assertThat(listed.findValues("active")).allMatch(JsonNode::booleanValue);
        ApiResponse challenge = api.postJson("mfa/challenge", Map.of("mfa_token", loginToken, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "challenge_type", "otp"));
        assertThat(challenge.status()).as(challenge.toString()).isEqualTo(200);
        assertThat(challenge.text("challenge_type")).isEqualTo("otp");
        clock.advance(STEP);
        String code = totp(secret, clock.instant());
        ApiResponse verified = api.postForm("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", loginToken,
                "otp", code), "Authorization", ApiClient.basic(CLIENT_ID, CLIENT_SECRET));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.text("access_token")).isNotBlank();

        // 5. The same code again, on a fresh login: refused (RFC 6238 5.2).
        ApiResponse replay = api.postForm("oauth/token", Map.of("grant_type", MFA_OTP,
                "mfa_token", mfaToken(JANE, JANE_PASSWORD, Map.of()), "otp", code,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.error()).isEqualTo("invalid_grant");
        assertThat(replay.errorDescription()).isEqualTo("Invalid otp_code.");

        // 6. An MFA API access token: the audience {issuer}mfa/ always needs MFA; the next step's code passes it.
        String apiMfaToken = mfaToken(JANE, JANE_PASSWORD, Map.of("audience", RunningApp.ISSUER + "mfa/",
                "scope", "enroll read:authenticators remove:authenticators"));
        clock.advance(STEP);
        ApiResponse apiToken = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", apiMfaToken,
                "otp", totp(secret, clock.instant())), "Authorization", ApiClient.basic(CLIENT_ID, CLIENT_SECRET));
        assertThat(apiToken.status()).as(apiToken.toString()).isEqualTo(200);
        assertThat(apiToken.json().get("expires_in").asLong()).isEqualTo(600);
        String accessToken = apiToken.text("access_token");

        // 7. Enroll SMS with the access token; the code reaches the webhook, signed.
        ApiResponse sms = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"),
                "oob_channels", List.of("sms"), "phone_number", "+15551234567",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET), "Authorization", "Bearer " + accessToken);
        assertThat(sms.status()).as(sms.toString()).isEqualTo(200);
        assertThat(sms.text("oob_channel")).isEqualTo("sms");
        assertThat(sms.text("binding_method")).isEqualTo("prompt");
        assertThat(sms.json().has("recovery_codes")).isFalse();
        WebhookRecorder.Delivery enrollment = webhook.next();
        assertThat(enrollment.to()).isEqualTo("+15551234567");
        assertThat(enrollment.code()).matches("[0-9]{6}");
        assertThat(enrollment.signature()).startsWith("sha256=");

        // 8. Confirm it with the mfa_token of a fresh login (form, Basic).
        ApiResponse smsConfirmed = api.postForm("oauth/token", Map.of("grant_type", MFA_OOB,
                "mfa_token", mfaToken(JANE, JANE_PASSWORD, Map.of()), "oob_code", sms.text("oob_code"),
                "binding_code", enrollment.code()), "Authorization", ApiClient.basic(CLIENT_ID, CLIENT_SECRET));
        assertThat(smsConfirmed.status()).as(smsConfirmed.toString()).isEqualTo(200);

        // 9. Log in with SMS: challenge picks it by id, the code arrives, the mfa-oob grant passes.
        JsonNode factors = api.get("mfa/authenticators", accessToken).json();
        String smsId = idOf(factors, "oob");
        assertThat(smsId).startsWith("sms|dev_");
        String smsLogin = mfaToken(JANE, JANE_PASSWORD, Map.of());
        ApiResponse oobChallenge = api.postForm("mfa/challenge", Map.of("mfa_token", smsLogin, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "challenge_type", "oob", "authenticator_id", smsId));
        assertThat(oobChallenge.status()).as(oobChallenge.toString()).isEqualTo(200);
        assertThat(oobChallenge.text("challenge_type")).isEqualTo("oob");
        WebhookRecorder.Delivery loginCode = webhook.next();
        ApiResponse smsVerified = api.postJson("oauth/token", Map.of("grant_type", MFA_OOB, "mfa_token", smsLogin,
                "oob_code", oobChallenge.text("oob_code"), "binding_code", loginCode.code(),
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(smsVerified.status()).as(smsVerified.toString()).isEqualTo(200);

        // 10. Delete the SMS factor by its percent-encoded id: 204, and it is gone from the list.
        ApiResponse deleted = api.delete("mfa/authenticators/" + URLEncoder.encode(smsId, StandardCharsets.UTF_8), accessToken);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(ids(api.get("mfa/authenticators", accessToken).json())).doesNotContain(smsId).isNotEmpty();

        // 11. The recovery code logs in once and is replaced; the old one is refused afterwards.
        ApiResponse recovered = api.postForm("oauth/token", Map.of("grant_type", MFA_RECOVERY_CODE,
                "mfa_token", mfaToken(JANE, JANE_PASSWORD, Map.of()), "recovery_code", recoveryCode,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        String newRecoveryCode = recovered.text("recovery_code");
        assertThat(newRecoveryCode).isNotEqualTo(recoveryCode);
        ApiResponse reused = api.postJson("oauth/token", Map.of("grant_type", MFA_RECOVERY_CODE,
                "mfa_token", mfaToken(JANE, JANE_PASSWORD, Map.of()), "recovery_code", recoveryCode,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(reused.status()).isEqualTo(403);
        assertThat(reused.error()).isEqualTo("invalid_grant");
        assertThat(webhook.pending()).isZero();
    }

    @Test
    void enrollsSmsFirstThroughTheMfaTokenAndPasswordRealm() {
        ApiResponse login = api.postJson("oauth/token", Map.of("grant_type", PASSWORD_REALM, "realm",
                "Username-Password-Authentication", "username", SAM, "password", SAM_PASSWORD,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(login.error()).isEqualTo("mfa_required");
        String mfaToken = login.text("mfa_token");
        ApiResponse sms = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"),
                "oob_channels", List.of("sms"), "phone_number", "+44 7700 900123"), "Authorization", "Bearer " + mfaToken);
        assertThat(sms.status()).as(sms.toString()).isEqualTo(200);
        assertThat(sms.json().get("recovery_codes").size()).isEqualTo(1);
        WebhookRecorder.Delivery delivery = webhook.next();
        assertThat(delivery.to()).isEqualTo("+447700900123");
        String wrong = delivery.code().equals("000000") ? "111111" : "000000";

        ApiResponse refused = api.postJson("oauth/token", Map.of("grant_type", MFA_OOB, "mfa_token", mfaToken,
                "oob_code", sms.text("oob_code"), "binding_code", wrong, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        ApiResponse confirmed = api.postJson("oauth/token", Map.of("grant_type", MFA_OOB, "mfa_token", mfaToken,
                "oob_code", sms.text("oob_code"), "binding_code", delivery.code(), "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorDescription()).isEqualTo("Invalid binding_code.");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        ApiResponse again = passwordLoginForm(SAM, SAM_PASSWORD, Map.of());
        assertThat(again.json().path("mfa_requirements").path("challenge").findValuesAsText("type")).isNotEmpty();
    }

    private ApiResponse passwordLoginForm(String username, String password, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", PASSWORD, "username", username,
                "password", password, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        form.putAll(extra);
        return api.postForm("oauth/token", form);
    }

    private String mfaToken(String username, String password, Map<String, String> extra) {
        ApiResponse response = passwordLoginForm(username, password, extra);
        assertThat(response.error()).as(response.toString()).isEqualTo("mfa_required");
        return response.text("mfa_token");
    }

    private static List<String> types(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.path("authenticator_type").asText()).toList();
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.path("id").asText()).toList();
    }

    private static String idOf(JsonNode list, String type) {
        return StreamSupport.stream(list.spliterator(), false)
                .filter(n -> n.path("authenticator_type").asText().equals(type))
                .map(n -> n.path("id").asText()).findFirst().orElseThrow();
    }
}
