package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and careless requests against the real app: each gets a 4xx with a JSON
 * {@code {error, error_description}} body, never a 500, never a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
    private static final String TOKEN = "oauth/token";

    @TempDir
    static Path dir;

    private E2eApp e2e;
    private WebhookRecorder webhook;
    private ApiClient api;
    private MutableClock clock;
    private String janeSecret;
    private String samSmsId;

    @BeforeAll
    void start() {
        e2e = E2eApp.start(dir, TestDatabases.h2());
        webhook = e2e.webhook;
        clock = e2e.clock;
        api = e2e.api;
        String janeToken = mfaToken(JANE, JANE_PASSWORD, Map.of());
        janeSecret = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + janeToken).text("secret");
        assertThat(otpGrant(janeToken).status()).isEqualTo(200);
        String samToken = mfaToken(SAM, SAM_PASSWORD, Map.of());
        ApiResponse sms = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"),
                "oob_channels", List.of("sms"), "phone_number", "+15550001111"), "Authorization", "Bearer " + samToken);
        assertThat(api.postJson(TOKEN, Map.of("grant_type", MFA_OOB, "mfa_token", samToken, "oob_code", sms.text("oob_code"),
                "binding_code", webhook.next().code(), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)).status())
                .isEqualTo(200);
        samSmsId = api.get("mfa/authenticators", mfaToken(SAM, SAM_PASSWORD, Map.of())).json().findValuesAsText("id")
                .stream().filter(id -> id.startsWith("sms|")).findFirst().orElseThrow();
    }

    @AfterAll
    void stop() {
        e2e.close();
    }

    @Test
    void refusesBrokenBodiesAtTheTokenEndpoint() {
        byte[] huge = ("{\"grant_type\":\"password\",\"username\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertRejected(raw(TOKEN, "application/json", "{\"grant_type\":"), 400);
        assertRejected(raw(TOKEN, "application/json", "[]"), 400);
        assertRejected(raw(TOKEN, "application/json", "null"), 400);
        assertRejected(raw(TOKEN, "application/json", ""), 400);
        assertRejected(raw(TOKEN, "application/x-www-form-urlencoded", "grant_type=%zz"), 400);
        assertRejected(raw(TOKEN, "text/plain", "grant_type=password"), 400, 415);
        assertRejected(api.send("POST", TOKEN, null, "grant_type=password".getBytes(StandardCharsets.UTF_8)), 400, 415);
        assertRejected(api.send("POST", TOKEN, "application/json", huge), 413);
        assertRejected(api.send("GET", TOKEN, null, null), 405);
        assertRejected(api.send("GET", "no/such/path", null, null), 404);
    }

    @Test
    void refusesUnknownGrantsMissingParametersAndWrongTypes() {
        assertThat(assertRejected(api.postForm(TOKEN, Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID)), 400)
                .error()).isEqualTo("unsupported_grant_type");
        assertRejected(api.postForm(TOKEN, Map.of("client_id", CLIENT_ID)), 400);
        assertRejected(api.postForm(TOKEN, Map.of("grant_type", PASSWORD, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "password", "x")), 400);
        assertRejected(api.postJson(TOKEN, Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken(JANE, JANE_PASSWORD, Map.of()),
                "otp", 123456, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)), 400);
        assertRejected(api.postJson(TOKEN, Map.of("grant_type", List.of(PASSWORD), "client_id", CLIENT_ID)), 400);
        assertThat(assertRejected(api.postForm(TOKEN, Map.of("grant_type", PASSWORD, "username", JANE, "password", JANE_PASSWORD,
                "client_id", CLIENT_ID, "client_secret", "wrong-secret")), 401).error()).isEqualTo("invalid_client");
        assertRejected(api.postForm(TOKEN, Map.of("grant_type", PASSWORD, "username", JANE, "password", JANE_PASSWORD),
                "Authorization", "Basic not-base64!"), 400, 401);
        assertThat(assertRejected(api.postForm(TOKEN, Map.of("grant_type", PASSWORD, "username", JANE, "password", "wrong",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)), 403).errorDescription())
                .isEqualTo("Wrong email or password.");
    }

    @Test
    void refusesBadEnrollmentsAndChallenges() {
        String accessToken = mfaApiToken("enroll read:authenticators remove:authenticators");
        String bearer = "Bearer " + accessToken;
        assertRejected(api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"), "oob_channels", List.of("sms"),
                "phone_number", "555-1234"), "Authorization", bearer), 400);
        assertRejected(api.postJson("mfa/associate", Map.of("authenticator_types", 5), "Authorization", bearer), 400);
        assertRejected(api.postJson("mfa/associate", Map.of("authenticator_types", List.of("webauthn")), "Authorization", bearer), 400);
        assertRejected(raw("mfa/associate", "application/json", "{\"authenticator_types\":", "Authorization", bearer), 400);
        assertRejected(api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp"))), 401);
        assertRejected(api.postJson("mfa/challenge", Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)), 400);
        assertRejected(api.postJson("mfa/challenge", Map.of("mfa_token", mfaToken(JANE, JANE_PASSWORD, Map.of()),
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "authenticator_id", samSmsId)), 400, 403, 404);
    }

    @Test
    void refusesUnknownAndForeignAuthenticatorIds() {
        String accessToken = mfaApiToken("read:authenticators remove:authenticators");
        assertThat(assertRejected(api.delete("mfa/authenticators/" + encode("totp|dev_AAAAAAAAAAAAAAAA"), accessToken), 404)
                .error()).isEqualTo("not_found");
        assertRejected(api.delete("mfa/authenticators/" + encode(samSmsId), accessToken), 404);
        assertRejected(api.delete("mfa/authenticators/" + encode("../../etc/passwd"), accessToken), 400, 404);
        assertThat(api.get("mfa/authenticators", mfaToken(SAM, SAM_PASSWORD, Map.of())).body()).contains(samSmsId);
    }

    @Test
    void decodesAnAuthenticatorIdInThePathExactlyOnce() {
        String accessToken = mfaApiToken("read:authenticators remove:authenticators");
        String totpId = api.get("mfa/authenticators", accessToken).json().findValuesAsText("id").stream()
                .filter(id -> id.startsWith("totp|")).findFirst().orElseThrow();

        ApiResponse doublyEncoded = api.delete("mfa/authenticators/" + encode(encode(totpId)), accessToken);

        assertThat(assertRejected(doublyEncoded, 404).error()).isEqualTo("not_found");
        assertThat(api.get("mfa/authenticators", accessToken).json().findValuesAsText("id")).contains(totpId);
    }

    @Test
    void refusesTokensOfTheWrongAudienceOrScopeAndTamperedOnes() {
        String ordinary = verifiedOtp(mfaToken(JANE, JANE_PASSWORD, Map.of())).text("access_token");
        assertRejected(api.get("mfa/authenticators", ordinary), 401);
        String readOnly = mfaApiToken("read:authenticators");
        assertThat(api.get("mfa/authenticators", readOnly).status()).isEqualTo(200);
        assertThat(assertRejected(api.delete("mfa/authenticators/" + encode("totp|dev_AAAAAAAAAAAAAAAA"), readOnly), 403)
                .error()).isEqualTo("insufficient_scope");
        String tampered = readOnly.substring(0, readOnly.length() - 4)
                + (readOnly.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertRejected(api.get("mfa/authenticators", tampered), 401);
        assertRejected(api.get("mfa/authenticators", "not-a-token"), 401, 403);
        assertRejected(api.send("GET", "mfa/authenticators", null, null), 401);
        assertThat(assertRejected(api.postForm(TOKEN, Map.of("grant_type", MFA_OTP, "mfa_token", "garbage", "otp", "123456",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)), 403).errorDescription())
                .isEqualTo("Malformed mfa_token");
    }

    @Test
    void refusedBearersAnswerTheGenericTextAndLeaveTheReasonInTheLog() {
        String token = mfaApiToken("read:authenticators");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String foreignKid = Base64.getUrlEncoder().withoutPadding().encodeToString(
                header.replaceFirst("\"kid\":\"[^\"]*\"", "\"kid\":\"someone-elses-key\"").getBytes(StandardCharsets.UTF_8));
        try (LogCapture log = new LogCapture()) {
            for (String bearer : List.of(tampered, foreignKid + "." + parts[1] + "." + parts[2])) {
                ApiResponse refused = assertRejected(api.get("mfa/authenticators", bearer), 401);
                assertThat(refused.error()).isEqualTo("invalid_token");
                assertThat(refused.errorDescription()).isEqualTo("Invalid token");
            }
            assertThat(log.text()).contains("bad signature").contains("unknown signing key").doesNotContain(parts[2]);
        }
    }

    @Test
    void refusesExpiredAccessTokensAndMfaTokens() {
        String accessToken = mfaApiToken("read:authenticators");
        String mfaToken = mfaToken(JANE, JANE_PASSWORD, Map.of());
        clock.advance(Duration.ofMinutes(11));

        assertRejected(api.get("mfa/authenticators", accessToken), 401);
        ApiResponse expired = assertRejected(api.postForm(TOKEN, Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken,
                "otp", totp(janeSecret, clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)), 401);
        assertThat(expired.error()).isEqualTo("expired_token");
        assertThat(expired.errorDescription()).isEqualTo("mfa_token is expired");
    }

    private ApiResponse assertRejected(ApiResponse response, int... statuses) {
        assertThat(response.status()).as(response.toString()).isIn(box(statuses));
        assertThat(response.contentType()).as(response.toString()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.json().path("error").isTextual()).as(response.toString()).isTrue();
        assertThat(response.json().path("error_description").isTextual()).as(response.toString()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.twofold");
        return response;
    }

    private static Integer[] box(int... values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    private ApiResponse raw(String path, String contentType, String body, String... headers) {
        return api.send("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private String mfaApiToken(String scope) {
        String mfaToken = mfaToken(JANE, JANE_PASSWORD, Map.of("audience", RunningApp.ISSUER + "mfa/", "scope", scope));
        return verifiedOtp(mfaToken).text("access_token");
    }

    private ApiResponse verifiedOtp(String mfaToken) {
        ApiResponse response = otpGrant(mfaToken);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /** Each successful OTP needs a step later than the last one accepted, so the clock moves on first. */
    private ApiResponse otpGrant(String mfaToken) {
        clock.advance(Duration.ofSeconds(30));
        return api.postForm(TOKEN, Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken,
                "otp", totp(janeSecret == null ? "" : janeSecret, clock.instant()), "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET));
    }

    private String mfaToken(String username, String password, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", PASSWORD, "username", username, "password", password,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        form.putAll(extra);
        ApiResponse response = api.postForm(TOKEN, form);
        assertThat(response.error()).as(response.toString()).isEqualTo("mfa_required");
        return response.text("mfa_token");
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
