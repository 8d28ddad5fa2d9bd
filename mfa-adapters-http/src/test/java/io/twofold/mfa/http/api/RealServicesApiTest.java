package io.twofold.mfa.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.twofold.mfa.usecase.MfaTestbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The controllers over the domain's real use cases (in-memory fakes behind them), one fresh world per test. */
class RealServicesApiTest {

    private static final String OTP_GRANT = "http://auth0.com/oauth/grant-type/mfa-otp";
    private static final String OOB_GRANT = "http://auth0.com/oauth/grant-type/mfa-oob";
    private static final String RECOVERY_GRANT = "http://auth0.com/oauth/grant-type/mfa-recovery-code";

    private EmbeddedServer server;
    private MfaTestbed world;
    private WireClient http;

    @BeforeEach
    void start() {
        server = TestbedPorts.startServer();
        world = server.getApplicationContext().getBean(MfaTestbed.class);
        http = new WireClient(server.getURI());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String login(String audienceAndScope) {
        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=password&username=alice&password="
                + enc(MfaTestbed.PASSWORD) + "&client_id=app&client_secret=" + MfaTestbed.CLIENT_SECRET + audienceAndScope);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("error").asText()).isEqualTo("mfa_required");
        return reply.json().get("mfa_token").asText();
    }

    private WireClient.Reply otpGrant(String mfaToken, String code) {
        return http.postJson("/oauth/token", WireClient.json(Map.of("grant_type", OTP_GRANT, "mfa_token", mfaToken,
                "otp", code, "client_id", "app", "client_secret", MfaTestbed.CLIENT_SECRET)));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void enrollsTotpAndLogsInWithItThenWithTheRecoveryCode() {
        String mfaToken = login("&scope=openid");
        assertThat(http.send("GET", "/mfa/authenticators", WireClient.JSON, null, "Authorization", "Bearer " + mfaToken)
                .body()).isEqualTo("[]");

        WireClient.Reply associated = http.postJson("/mfa/associate", "{\"authenticator_types\":[\"otp\"]}",
                "Authorization", "Bearer " + mfaToken);
        assertThat(associated.status()).isEqualTo(200);
        JsonNode enrollment = associated.json();
        assertThat(enrollment.get("authenticator_type").asText()).isEqualTo("otp");
        assertThat(enrollment.get("id").asText()).startsWith("totp|dev_");
        String secret = enrollment.get("secret").asText();
        String recoveryCode = enrollment.get("recovery_codes").get(0).asText();

        WireClient.Reply confirmed = otpGrant(mfaToken, world.currentCode(secret));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("token_type").asText()).isEqualTo("Bearer");
        world.nextStep();

        String second = login("&scope=openid");
        assertThat(http.postJson("/mfa/challenge", "{\"client_id\":\"app\",\"client_secret\":\""
                + MfaTestbed.CLIENT_SECRET + "\",\"mfa_token\":\"" + second + "\",\"challenge_type\":\"otp\"}").body())
                .isEqualTo("{\"challenge_type\":\"otp\"}");
        WireClient.Reply wrong = otpGrant(second, world.wrongCode(secret));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid otp_code.\"}");

        WireClient.Reply recovered = http.postForm("/oauth/token", "grant_type=" + enc(RECOVERY_GRANT)
                + "&mfa_token=" + enc(second) + "&recovery_code=" + recoveryCode + "&client_id=app&client_secret="
                + MfaTestbed.CLIENT_SECRET);
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.json().get("recovery_code").asText()).isNotEqualTo(recoveryCode).hasSize(24);
    }

    @Test
    void enrollsSmsConfirmsWithTheBindingCodeThenListsAndDeletesThroughTheMfaApi() {
        String mfaToken = login("&scope=openid");
        WireClient.Reply associated = http.postJson("/mfa/associate", "{\"authenticator_types\":[\"oob\"],"
                + "\"oob_channels\":[\"sms\"],\"phone_number\":\"" + MfaTestbed.PHONE + "\"}",
                "Authorization", "Bearer " + mfaToken);
        assertThat(associated.status()).isEqualTo(200);
        JsonNode enrollment = associated.json();
        assertThat(enrollment.get("oob_channel").asText()).isEqualTo("sms");
        assertThat(enrollment.get("binding_method").asText()).isEqualTo("prompt");

        WireClient.Reply wrongBinding = http.postForm("/oauth/token", "grant_type=" + enc(OOB_GRANT) + "&mfa_token="
                + enc(mfaToken) + "&oob_code=" + enc(enrollment.get("oob_code").asText()) + "&binding_code=000000"
                + "&client_id=app&client_secret=" + MfaTestbed.CLIENT_SECRET);
        assertThat(wrongBinding.json().get("error_description").asText()).isIn("Invalid binding_code.");
        WireClient.Reply confirmed = http.postForm("/oauth/token", "grant_type=" + enc(OOB_GRANT) + "&mfa_token="
                + enc(mfaToken) + "&oob_code=" + enc(enrollment.get("oob_code").asText()) + "&binding_code="
                + world.sender.lastCodeTo(MfaTestbed.PHONE) + "&client_id=app&client_secret=" + MfaTestbed.CLIENT_SECRET);
        assertThat(confirmed.status()).isEqualTo(200);

        String apiMfaToken = login("&audience=" + enc(world.tokens.mfaApiAudience()) + "&scope="
                + enc(MfaTestbed.MFA_API_SCOPE.toString()));
        WireClient.Reply challenged = http.postJson("/mfa/challenge", "{\"client_id\":\"app\",\"client_secret\":\""
                + MfaTestbed.CLIENT_SECRET + "\",\"mfa_token\":\"" + apiMfaToken + "\",\"challenge_type\":\"oob\"}");
        assertThat(challenged.status()).isEqualTo(200);
        WireClient.Reply apiToken = http.postForm("/oauth/token", "grant_type=" + enc(OOB_GRANT) + "&mfa_token="
                + enc(apiMfaToken) + "&oob_code=" + enc(challenged.json().get("oob_code").asText()) + "&binding_code="
                + world.sender.lastCodeTo(MfaTestbed.PHONE) + "&client_id=app&client_secret=" + MfaTestbed.CLIENT_SECRET);
        assertThat(apiToken.status()).isEqualTo(200);
        String accessToken = apiToken.json().get("access_token").asText();

        JsonNode listed = http.send("GET", "/mfa/authenticators", WireClient.JSON, null,
                "Authorization", "Bearer " + accessToken).json();
        assertThat(listed.isArray()).isTrue();
        JsonNode sms = null;
        for (JsonNode entry : listed) {
            assertThat(entry.has("active")).isTrue();
            if (entry.get("id").asText().startsWith("sms|")) {
                sms = entry;
            }
        }
        assertThat(sms).isNotNull();
        assertThat(sms.get("active").asBoolean()).isTrue();
        assertThat(sms.get("oob_channel").asText()).isEqualTo("sms");

        String encodedId = sms.get("id").asText().replace("|", "%7C");
        WireClient.Reply deleted = http.send("DELETE", "/mfa/authenticators/" + encodedId, WireClient.JSON, null,
                "Authorization", "Bearer " + accessToken);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.send("DELETE", "/mfa/authenticators/" + encodedId, WireClient.JSON, null,
                "Authorization", "Bearer " + accessToken).status()).isEqualTo(404);
    }

    @Test
    void aWrongClientSecretIsAnInvalidClient() {
        WireClient.Reply reply = http.postForm("/oauth/token",
                "grant_type=password&username=alice&password=x&client_id=app&client_secret=wrong");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void aWrongPasswordIsTheExactAuth0Pair() {
        WireClient.Reply reply = http.postForm("/oauth/token", "grant_type=password&username=alice&password=wrong"
                + "&client_id=app&client_secret=" + MfaTestbed.CLIENT_SECRET);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).isEqualTo("{\"error\":\"invalid_grant\",\"error_description\":\"Wrong email or password.\"}");
    }
}
