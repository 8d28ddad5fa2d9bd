package io.twofold.mfa.app.e2e;

import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default (H2 file, generated key file, no MFA_SECRET_KEY) survives a restart: the
 * enrollment and its sealed seed, and the signing key (same kid in the JWKS).
 */
class RestartTest {

    @TempDir
    Path dir;

    @Test
    void keepsEnrollmentsAndTheSigningKeyAcrossARestart() throws Exception {
        MutableClock clock = E2eFixture.clock();
        String secret;
        String kid;
        try (WebhookRecorder webhook = new WebhookRecorder()) {
            Map<String, Object> properties = E2eFixture.properties(dir, webhook);
            try (RunningApp first = RunningApp.start(properties, clock)) {
                ApiClient api = first.client();
                kid = kid(api);
                String mfaToken = mfaToken(api);
                ApiResponse otp = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                        "Authorization", "Bearer " + mfaToken);
                secret = otp.text("secret");
                ApiResponse confirmed = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken,
                        "otp", totp(secret, clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
                assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
            }

            clock.advance(Duration.ofSeconds(30));
            try (RunningApp second = RunningApp.start(properties, clock)) {
                ApiClient api = second.client();
                assertThat(kid(api)).isEqualTo(kid);
                ApiResponse login = api.postForm("oauth/token", Map.of("grant_type", PASSWORD, "username", JANE,
                        "password", JANE_PASSWORD, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
                assertThat(login.json().path("mfa_requirements").path("challenge").findValuesAsText("type")).contains("otp");
                ApiResponse verified = api.postForm("oauth/token", Map.of("grant_type", MFA_OTP,
                        "mfa_token", login.text("mfa_token"), "otp", totp(secret, clock.instant()),
                        "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
                assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
            }
        }
        Path keyFile = dir.resolve("data").resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    private static String kid(ApiClient api) {
        ApiResponse jwks = api.get(".well-known/jwks.json", "none");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").get(0).has("d")).isFalse();
        return jwks.json().get("keys").get(0).get("kid").asText();
    }

    private static String mfaToken(ApiClient api) {
        ApiResponse login = api.postForm("oauth/token", Map.of("grant_type", PASSWORD, "username", JANE,
                "password", JANE_PASSWORD, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(login.error()).as(login.toString()).isEqualTo("mfa_required");
        return login.text("mfa_token");
    }
}
