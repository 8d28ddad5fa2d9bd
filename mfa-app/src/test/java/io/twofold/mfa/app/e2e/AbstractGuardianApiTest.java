package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static io.twofold.mfa.app.e2e.ManagementCalls.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v2/guardian/factors} and {@code /policies} over the real socket: the switches hold at
 * once for enrollment, challenges, grants and logins; scopes and bad input. Subclasses pick the database.
 */
abstract class AbstractGuardianApiTest extends AbstractAppTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiResponse put(String path, String body, String... scopes) {
        return api.send("PUT", path, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                "Authorization", "Bearer " + managementToken(scopes));
    }

    private ApiResponse setFactor(String name, boolean enabled) {
        ApiResponse response = put("api/v2/guardian/factors/" + name, "{\"enabled\":" + enabled + "}",
                "update:guardian_factors");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    @Test
    void listsAllEightFactorsAndSwitchesOne() throws IOException {
        ApiResponse listed = api.get("api/v2/guardian/factors", managementToken("read:guardian_factors"));
        assertThat(listed.json()).isEqualTo(JSON.readTree("[{\"name\":\"sms\",\"enabled\":true,\"trial_expired\":false},"
                + "{\"name\":\"push-notification\",\"enabled\":false,\"trial_expired\":false},"
                + "{\"name\":\"otp\",\"enabled\":true,\"trial_expired\":false},"
                + "{\"name\":\"email\",\"enabled\":true,\"trial_expired\":false},"
                + "{\"name\":\"duo\",\"enabled\":false,\"trial_expired\":false},"
                + "{\"name\":\"webauthn-roaming\",\"enabled\":false,\"trial_expired\":false},"
                + "{\"name\":\"webauthn-platform\",\"enabled\":false,\"trial_expired\":false},"
                + "{\"name\":\"recovery-code\",\"enabled\":true,\"trial_expired\":false}]"));

        assertThat(setFactor("email", false).json()).isEqualTo(JSON.readTree("{\"enabled\":false}"));
        JsonNode email = api.get("api/v2/guardian/factors", managementToken("read:guardian_factors")).json().get(3);
        assertThat(email.path("enabled").asBoolean(true)).isFalse();
        assertThat(setFactor("email", true).json()).isEqualTo(JSON.readTree("{\"enabled\":true}"));
        assertThat(setFactor("duo", false).json()).isEqualTo(JSON.readTree("{\"enabled\":false}"));

        JsonNode audited = api.get("api/v2/logs?q=" + encode("type:sapi AND client_id:" + E2eApp.OPERATOR),
                managementToken("read:logs")).json().get(0);
        assertThat(audited.path("description").asText()).isEqualTo("Update a Guardian Factor");
        assertThat(audited.path("details").path("factor").asText()).isEqualTo("email");
    }

    @Test
    void aDisabledFactorStopsEnrollmentChallengesAndGrantsAtOnce() {
        // Sam enrolls TOTP while it is on.
        String enroll = mfaToken(api, SAM, SAM_PASSWORD);
        String secret = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + enroll).text("secret");
        assertThat(api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", enroll, "otp",
                totp(secret, clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)).status()).isEqualTo(200);

        setFactor("otp", false);
        try {
            // Sam's only factor type is off: the login offers enrollment of another, and refuses TOTP.
            ApiResponse login = passwordLogin(api, SAM, SAM_PASSWORD);
            assertThat(login.error()).isEqualTo("mfa_required");
            String mfaToken = login.text("mfa_token");
            ApiResponse challenge = api.postJson("mfa/challenge", Map.of("mfa_token", mfaToken, "client_id", CLIENT_ID,
                    "client_secret", CLIENT_SECRET, "challenge_type", "otp"));
            assertThat(challenge.error()).as(challenge.toString()).isEqualTo("unsupported_challenge_type");
            clock.advance(Duration.ofSeconds(30));
            ApiResponse grant = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken,
                    "otp", totp(secret, clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
            assertThat(grant.status()).as(grant.toString()).isEqualTo(403);
            assertThat(grant.error()).isEqualTo("unsupported_challenge_type");
            ApiResponse another = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                    "Authorization", "Bearer " + mfaToken);
            assertThat(another.status()).as(another.toString()).isEqualTo(400);
            assertThat(another.error()).isEqualTo("unsupported_challenge_type");

            // They enroll SMS through the same login, and it works.
            ApiResponse sms = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"),
                    "oob_channels", List.of("sms"), "phone_number", "+15557654321"), "Authorization", "Bearer " + mfaToken);
            assertThat(sms.status()).as(sms.toString()).isEqualTo(200);
            ApiResponse confirmed = api.postForm("oauth/token", Map.of("grant_type", MFA_OOB, "mfa_token", mfaToken,
                    "oob_code", sms.text("oob_code"), "binding_code", webhook.next().code(),
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        } finally {
            setFactor("otp", true);
        }
        // On again: TOTP works at once.
        clock.advance(Duration.ofSeconds(30));
        ApiResponse back = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken(api, SAM, SAM_PASSWORD),
                "otp", totp(secret, clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
    }

    @Test
    void allApplicationsMakesEveryLoginNeedMfa() throws IOException {
        app.bean(JdbcStorage.class).clients().upsertClient(new Client(new ClientId("e2e-no-mfa"), "No MFA", false,
                HashSet.of(GrantType.PASSWORD), MfaPolicy.NEVER), Option.none());
        Map<String, String> login = Map.of("grant_type", PASSWORD, "username", JANE, "password", JANE_PASSWORD,
                "client_id", "e2e-no-mfa");
        assertThat(api.postForm("oauth/token", login).status()).isEqualTo(200);
        assertThat(api.get("api/v2/guardian/policies", managementToken("read:mfa_policies")).json())
                .isEqualTo(JSON.readTree("[]"));

        ApiResponse set = put("api/v2/guardian/policies", "[\"all-applications\"]", "update:mfa_policies");
        try {
            assertThat(set.json()).as(set.toString()).isEqualTo(JSON.readTree("[\"all-applications\"]"));
            assertThat(api.get("api/v2/guardian/policies", managementToken("read:mfa_policies")).json())
                    .isEqualTo(JSON.readTree("[\"all-applications\"]"));
            assertThat(api.postForm("oauth/token", login).error()).isEqualTo("mfa_required");
        } finally {
            assertThat(put("api/v2/guardian/policies", "[]", "update:mfa_policies").json()).isEqualTo(JSON.readTree("[]"));
        }
        assertThat(api.postForm("oauth/token", login).status()).isEqualTo(200);
    }

    @Test
    void refusesCallersWithoutTheScopeOrAToken() throws IOException {
        String wrong = managementToken("read:logs");
        assertInsufficientScope(api.get("api/v2/guardian/factors", wrong), "read:guardian_factors");
        assertInsufficientScope(api.get("api/v2/guardian/policies", wrong), "read:mfa_policies");
        assertInsufficientScope(put("api/v2/guardian/factors/otp", "{\"enabled\":true}", "read:guardian_factors"),
                "update:guardian_factors");
        assertInsufficientScope(put("api/v2/guardian/policies", "[]", "read:mfa_policies"), "update:mfa_policies");
        assertManagementError(api.send("GET", "api/v2/guardian/factors", null, null), 401, null);
        assertManagementError(api.send("GET", "api/v2/guardian/policies", null, null), 401, null);
        assertManagementError(api.send("PUT", "api/v2/guardian/factors/otp", "application/json",
                "{\"enabled\":false}".getBytes(StandardCharsets.UTF_8)), 401, null);
        assertManagementError(api.send("PUT", "api/v2/guardian/policies", "application/json",
                "[]".getBytes(StandardCharsets.UTF_8)), 401, null);
        assertThat(api.get("api/v2/guardian/factors", managementToken("read:guardian_factors")).json().get(2)
                .path("enabled").asBoolean()).as("nothing was switched").isTrue();
    }

    @Test
    void answersBadInputInTheManagementShapeAndChangesNothing() {
        for (String body : List.of("{\"enabled\":\"yes\"}", "{}", "[true]", "not json", "")) {
            assertManagementError(put("api/v2/guardian/factors/otp", body, "update:guardian_factors"), 400, "invalid_body");
        }
        assertManagementError(put("api/v2/guardian/factors/otp", null, "update:guardian_factors"), 400, "invalid_body");
        assertManagementError(put("api/v2/guardian/factors/push-notification", "{\"enabled\":true}",
                "update:guardian_factors"), 400, "invalid_body");
        assertManagementError(put("api/v2/guardian/factors/webauthn-roaming", "{\"enabled\":true}",
                "update:guardian_factors"), 400, "invalid_body");
        assertManagementError(put("api/v2/guardian/factors/fingerprint", "{\"enabled\":true}",
                "update:guardian_factors"), 404, "inexistent_factor");
        for (String body : List.of("[\"confidence-score\"]", "[\"all-applications\",\"other\"]", "[1]",
                "{\"policies\":[]}", "")) {
            assertManagementError(put("api/v2/guardian/policies", body, "update:mfa_policies"), 400, "invalid_body");
        }
        JsonNode factors = api.get("api/v2/guardian/factors", managementToken("read:guardian_factors")).json();
        assertThat(factors.findValues("enabled").stream().map(JsonNode::asBoolean).toList())
                .containsExactly(true, false, true, true, false, false, false, true);
        assertThat(api.get("api/v2/guardian/policies", managementToken("read:mfa_policies")).json().size()).isZero();
    }
}
