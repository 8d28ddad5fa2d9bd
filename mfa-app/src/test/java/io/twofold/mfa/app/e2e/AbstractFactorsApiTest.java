package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's factors through the Management API (spec 4) over the real socket: seed import then a
 * login with it, masking, every id form, replace, rename, removal (and what it kills), the legacy
 * views, the recovery code, scopes and bad input. Subclasses pick the database.
 */
abstract class AbstractFactorsApiTest extends AbstractAppTest {
    static final String SECRET = "JBSWY3DPEHPK3PXP";
    static final String SECRET_39 = "5HCWXIP2MJNSUBGYVUZFLRB2HWIGXR4SYJQXNBQ";
    static final String PHONE = "+44207183875044";
    static final String EMAIL = "chuck334@example.com";
    static final Duration STEP = Duration.ofSeconds(30);

    String jane;
    String all;

    @BeforeEach
    void cleanSlate() {
        jane = userId(JANE, JANE_PASSWORD);
        all = managementToken("read:authentication_methods", "read:authentication_methods_pii",
                "create:authentication_methods", "update:authentication_methods", "delete:authentication_methods",
                "delete:guardian_enrollments", "read:guardian_enrollments", "read:users", "update:users");
        assertThat(send("DELETE", methods(jane), all, null).status()).isEqualTo(204);
        clock.advance(STEP);
    }

    // ---- the stories

    @Test
    void anImportedTotpSeedLogsTheUserIn() {
        ApiResponse created = post(methods(jane), all, "{\"type\":\"totp\",\"name\":\"MyTotp\",\"totp_secret\":\"" + SECRET + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("id")).matches("totp\\|dev_[A-Za-z0-9]{16}");
        assertThat(created.text("type")).isEqualTo("totp");
        assertThat(created.text("name")).isEqualTo("MyTotp");
        assertThat(created.text("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(created.body()).doesNotContain(SECRET).doesNotContain("totp_secret").doesNotContain("confirmed");

        String mfaToken = mfaToken(JANE, JANE_PASSWORD);
        ApiResponse verified = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken,
                "otp", totp(SECRET, clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.text("recovery_code")).as("the first login with a factor that came without one").isNotEmpty();

        JsonNode listed = get(methods(jane), all).json();
        assertThat(types(listed)).containsExactly("totp", "recovery-code");
        assertThat(listed.get(0).path("confirmed").booleanValue()).isTrue();
        assertThat(listed.get(0).path("last_auth_at").asText()).isNotEmpty();
        assertThat(listed.toString()).doesNotContain(SECRET);
    }

    @Test
    void deletingEveryMethodSendsTheUserBackToEnrollment() {
        post(methods(jane), all, "{\"type\":\"totp\",\"totp_secret\":\"" + SECRET_39 + "\"}");
        assertThat(mfaRequirements(JANE, JANE_PASSWORD).path("challenge").toString()).contains("otp");

        assertThat(send("DELETE", methods(jane), all, null).status()).isEqualTo(204);

        JsonNode required = mfaRequirements(JANE, JANE_PASSWORD);
        assertThat(required.path("enroll").toString()).contains("otp");
        ApiResponse associated = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + mfaToken(JANE, JANE_PASSWORD));
        assertThat(associated.status()).as(associated.toString()).isEqualTo(200);
    }

    @Test
    void aRegeneratedRecoveryCodeReplacesTheOldOneWhateverTheBody() {
        post(methods(jane), all, "{\"type\":\"totp\",\"totp_secret\":\"" + SECRET + "\"}");
        String path = "api/v2/users/" + enc(jane) + "/recovery-code-regeneration";
        List<String> codes = new java.util.ArrayList<>();
        for (byte[] body : List.of(new byte[0], "\"\"".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                "not json".getBytes(StandardCharsets.UTF_8))) {
            ApiResponse regenerated = api.send("POST", path, "application/json", body, "Authorization", "Bearer " + all);
            assertThat(regenerated.status()).as(regenerated.toString()).isEqualTo(200);
            codes.add(regenerated.text("recovery_code"));
        }
        ApiResponse noBody = api.send("POST", path, null, null, "Authorization", "Bearer " + all);
        assertThat(noBody.status()).as(noBody.toString()).isEqualTo(200);
        String fresh = noBody.text("recovery_code");
        assertThat(fresh).matches("[A-Z0-9]{24}");

        assertThat(recover(codes.get(3)).status()).as("the previous code").isEqualTo(403);
        ApiResponse recovered = recover(fresh);
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        assertThat(recovered.text("recovery_code")).isNotEqualTo(fresh);
    }

    @Test
    void anOobCodeSentToARemovedPhoneVerifiesNothing() {
        ApiResponse phone = post(methods(jane), all, "{\"type\":\"phone\",\"phone_number\":\"+15551234567\"}");
        String device = phone.text("id").substring("phone|".length());
        String mfaToken = mfaToken(JANE, JANE_PASSWORD);
        ApiResponse challenge = api.postForm("mfa/challenge", Map.of("mfa_token", mfaToken, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "challenge_type", "oob", "authenticator_id", "sms|" + device));
        assertThat(challenge.status()).as(challenge.toString()).isEqualTo(200);
        String code = webhook.next().code();

        assertThat(send("DELETE", methods(jane) + "/phone%7C" + device, all, null).status()).isEqualTo(204);

        ApiResponse verified = api.postForm("oauth/token", Map.of("grant_type", MFA_OOB, "mfa_token", mfaToken,
                "oob_code", challenge.text("oob_code"), "binding_code", code, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(403);
        assertThat(verified.error()).isEqualTo("invalid_grant");
    }

    // ---- reading

    @Test
    void masksPhoneAndEmailUnlessTheTokenMaySeeThem() {
        ApiResponse phone = post(methods(jane), all, "{\"type\":\"phone\",\"name\":\"MyPhone\",\"phone_number\":\"" + PHONE
                + "\",\"preferred_authentication_method\":\"sms\"}");
        ApiResponse email = post(methods(jane), all, "{\"type\":\"email\",\"name\":\"Test\",\"email\":\"" + EMAIL + "\"}");
        assertThat(phone.text("phone_number")).as("a write answers with what was sent").isEqualTo(PHONE);
        assertThat(email.text("email")).isEqualTo(EMAIL);
        String device = phone.text("id").substring("phone|".length());

        ApiResponse masked = get(methods(jane) + "?include_totals=true&per_page=50",
                managementToken("read:authentication_methods"));
        assertThat(masked.status()).as(masked.toString()).isEqualTo(200);
        JsonNode page = masked.json();
        assertThat(page.path("start").asInt()).isZero();
        assertThat(page.path("limit").asInt()).isEqualTo(50);
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.has("length")).isFalse();
        JsonNode first = page.path("authenticators").get(0);
        assertThat(first.path("phone_number").asText()).isEqualTo("XXXXXXXXXXX5044");
        assertThat(first.path("preferred_authentication_method").asText()).isEqualTo("sms");
        assertThat(first.path("authentication_methods").toString())
                .isEqualTo("[{\"id\":\"sms|" + device + "\",\"type\":\"sms\"}]");
        assertThat(page.path("authenticators").get(1).path("email").asText()).isEqualTo("chuc****@exam*******");
        assertThat(masked.body()).doesNotContain(PHONE).doesNotContain(EMAIL);

        assertThat(get(methods(jane), all).body()).contains(PHONE).contains(EMAIL);
        assertThat(get(methods(jane) + "?page=1&per_page=1", all).json().get(0).path("type").asText()).isEqualTo("email");
        assertThat(get(methods(jane) + "?page=5&per_page=1", all).json().size()).isZero();
    }

    @Test
    void findsAMethodByEveryFormOfItsIdPercentEncoded() {
        String device = post(methods(jane), all, "{\"type\":\"phone\",\"phone_number\":\"+15551234567\"}")
                .text("id").substring("phone|".length());
        for (String id : List.of("phone%7C" + device, "sms%7C" + device, "phone|" + device, device)) {
            ApiResponse found = get(methods(jane) + "/" + id.replace("|", "%7C"), all);
            assertThat(found.status()).as(id + " " + found).isEqualTo(200);
            assertThat(found.text("id")).isEqualTo("phone|" + device);
        }
        ApiResponse other = get(methods(jane) + "/totp%7C" + device, all);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().path("message").asText()).isEqualTo("Authentication method not found");
    }

    @Test
    void listsPendingEnrollmentsOnlyWhenAsked() {
        ApiResponse associated = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + mfaToken(JANE, JANE_PASSWORD));
        assertThat(associated.status()).isEqualTo(200);

        assertThat(get(methods(jane), all).json().size()).isZero();
        JsonNode pending = get(methods(jane) + "?include_pending=true", all).json();
        assertThat(types(pending)).as("the enrollment and the recovery code that comes with it")
                .containsExactlyInAnyOrder("totp", "recovery-code");
        assertThat(pending.findValues("confirmed")).noneMatch(JsonNode::booleanValue);
        assertThat(get(methods(jane) + "?include_pending=maybe", all).status()).isEqualTo(400);
    }

    // ---- writing

    @Test
    void replacesAllMethodsAndRenamesOne() {
        String oldId = post(methods(jane), all, "{\"type\":\"totp\",\"totp_secret\":\"" + SECRET + "\"}").text("id");

        ApiResponse replaced = send("PUT", methods(jane), all, "[{\"type\":\"email\",\"name\":\"MyEmail\",\"email\":\"foo@example.com\"},"
                + "{\"type\":\"phone\",\"name\":\"MyPhone\",\"phone_number\":\"" + PHONE + "\",\"preferred_authentication_method\":\"voice\"},"
                + "{\"type\":\"totp\",\"name\":\"MyTotp\",\"totp_secret\":\"" + SECRET_39 + "\"}]");

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().size()).isEqualTo(3);
        assertThat(replaced.json().get(0).path("email").asText()).isEqualTo("foo@example.com");
        assertThat(replaced.json().get(1).path("authentication_methods").get(0).path("type").asText()).isEqualTo("voice");
        assertThat(replaced.body()).doesNotContain(SECRET_39).doesNotContain(oldId);
        assertThat(ids(get(methods(jane), all).json())).doesNotContain(oldId).hasSize(3);

        String phoneId = replaced.json().get(1).path("id").asText();
        ApiResponse renamed = send("PATCH", methods(jane) + "/" + enc(phoneId), all,
                "{\"name\":\"Desk\",\"preferred_authentication_method\":\"sms\"}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Desk");
        assertThat(renamed.text("preferred_authentication_method")).isEqualTo("sms");
        assertThat(renamed.text("id")).isEqualTo(phoneId);
    }

    @Test
    void legacyViewsListFindAndDeleteEnrollments() {
        String totpId = post(methods(jane), all, "{\"type\":\"totp\",\"totp_secret\":\"" + SECRET + "\"}").text("id");
        post(methods(jane), all, "{\"type\":\"phone\",\"phone_number\":\"+15551234567\"}");
        String device = totpId.substring("totp|".length());

        ApiResponse listed = get("api/v2/users/" + enc(jane) + "/enrollments", managementToken("read:users"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(2);
        assertThat(listed.json().get(0).path("id").asText()).isEqualTo(device);
        assertThat(listed.json().get(0).path("status").asText()).isEqualTo("confirmed");
        assertThat(listed.json().get(1).path("phone_number").asText()).isEqualTo("XXXXXXXX4567");

        ApiResponse found = get("api/v2/guardian/enrollments/" + device, managementToken("read:guardian_enrollments"));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.text("id")).isEqualTo(device);
        assertThat(send("DELETE", "api/v2/guardian/enrollments/" + device, managementToken("delete:guardian_enrollments"),
                null).status()).isEqualTo(204);
        ApiResponse gone = get("api/v2/guardian/enrollments/" + device, all);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().toString()).isEqualTo("{\"statusCode\":404,\"error\":\"Not Found\","
                + "\"message\":\"Enrollment not found\",\"errorCode\":\"enrollment_not_found\"}");

        assertThat(send("DELETE", "api/v2/users/" + enc(jane) + "/authenticators",
                managementToken("delete:guardian_enrollments"), null).status()).isEqualTo(204);
        assertThat(get(methods(jane), all).json().size()).isZero();
    }

    @Test
    void removesByProviderAndForgetsNoBrowsers() {
        post(methods(jane), all, "{\"type\":\"totp\",\"totp_secret\":\"" + SECRET + "\"}");
        post(methods(jane), all, "{\"type\":\"email\",\"email\":\"" + EMAIL + "\"}");
        String base = "api/v2/users/" + enc(jane) + "/multifactor/";

        assertThat(send("DELETE", base + "duo", all, null).status()).isEqualTo(204);
        assertThat(send("DELETE", base + "yubikey", all, null).status()).isEqualTo(400);
        assertThat(get(methods(jane), all).json().size()).isEqualTo(2);
        assertThat(send("DELETE", base + "google-authenticator", all, null).status()).isEqualTo(204);
        assertThat(types(get(methods(jane), all).json())).containsExactly("email");

        for (byte[] body : java.util.Arrays.asList(null, "\"\"".getBytes(StandardCharsets.UTF_8), new byte[0])) {
            ApiResponse forgotten = api.send("POST", base + "actions/invalidate-remember-browser", "application/json",
                    body, "Authorization", "Bearer " + all);
            assertThat(forgotten.status()).as(forgotten.toString()).isEqualTo(204);
            assertThat(forgotten.contentType()).contains("application/json; charset=utf-8");
        }
    }

    // ---- refusals

    @Test
    void everyEndpointWantsItsScope() {
        String method = methods(jane) + "/totp%7Cdev_0000000000000001";
        String users = "api/v2/users/" + enc(jane);
        List<String[]> endpoints = List.of(
                new String[] {"GET", methods(jane), "read:authentication_methods"},
                new String[] {"GET", method, "read:authentication_methods"},
                new String[] {"POST", methods(jane), "create:authentication_methods"},
                new String[] {"PUT", methods(jane), "update:authentication_methods"},
                new String[] {"PATCH", method, "update:authentication_methods"},
                new String[] {"DELETE", methods(jane), "delete:authentication_methods"},
                new String[] {"DELETE", method, "delete:authentication_methods"},
                new String[] {"DELETE", users + "/authenticators", "delete:guardian_enrollments"},
                new String[] {"GET", users + "/enrollments", "read:users"},
                new String[] {"GET", "api/v2/guardian/enrollments/dev_0000000000000001", "read:guardian_enrollments"},
                new String[] {"DELETE", "api/v2/guardian/enrollments/dev_0000000000000001", "delete:guardian_enrollments"},
                new String[] {"POST", users + "/recovery-code-regeneration", "update:users"},
                new String[] {"DELETE", users + "/multifactor/google-authenticator", "update:users"},
                new String[] {"POST", users + "/multifactor/actions/invalidate-remember-browser", "update:users"});
        String unrelated = managementToken("read:clients");
        for (String[] endpoint : endpoints) {
            ApiResponse anonymous = api.send(endpoint[0], endpoint[1], "application/json", null);
            assertThat(anonymous.status()).as(String.join(" ", endpoint)).isEqualTo(401);
            ApiResponse refused = send(endpoint[0], endpoint[1], unrelated, "{}");
            assertThat(refused.status()).as(String.join(" ", endpoint)).isEqualTo(403);
            assertThat(refused.json().toString()).isEqualTo("{\"statusCode\":403,\"error\":\"Forbidden\","
                    + "\"message\":\"Insufficient scope, expected any of: " + endpoint[2] + "\",\"errorCode\":\"insufficient_scope\"}");
        }
    }

    @Test
    void refusesBadInputWithoutWritingAnything() {
        post(methods(jane), all, "{\"type\":\"totp\",\"totp_secret\":\"" + SECRET + "\"}");
        String before = get(methods(jane), all).body();

        assertBadRequest(post(methods(jane), all, "{\"type\":"), "invalid_body");
        assertBadRequest(post(methods(jane), all, "[]"), "invalid_body");
        assertBadRequest(post(methods(jane), all, "{\"type\":\"webauthn-roaming\",\"public_key\":\"x\"}"), "invalid_body");
        assertBadRequest(post(methods(jane), all, "{\"type\":\"passkey\"}"), "invalid_body");
        assertBadRequest(post(methods(jane), all, "{\"type\":\"totp\",\"totp_secret\":\"JBSWY3DP\"}"), "invalid_body");
        assertBadRequest(post(methods(jane), all, "{\"type\":\"totp\",\"totp_secret\":\"JBSWY3DPEHPK3PX1\"}"), "invalid_body");
        assertBadRequest(post(methods(jane), all, "{\"type\":\"totp\"}"), "invalid_body");
        assertBadRequest(post(methods(jane), all, "{\"type\":\"phone\",\"phone_number\":\"12\"}"), "invalid_body");
        assertBadRequest(post(methods(jane), all, "{\"type\":\"email\",\"email\":\"nope\"}"), "invalid_body");
        assertBadRequest(post(methods(jane), all, "{\"type\":\"email\",\"email\":\"a@example.com\",\"name\":7}"), "invalid_body");
        assertBadRequest(send("PUT", methods(jane), all, "{\"type\":\"email\"}"), "invalid_body");
        assertBadRequest(send("PUT", methods(jane), all, "[{\"type\":\"email\",\"email\":\"a@example.com\"},{\"type\":\"totp\"}]"),
                "invalid_body");
        String totpId = ids(get(methods(jane), all).json()).get(0);
        assertBadRequest(send("PATCH", methods(jane) + "/" + enc(totpId), all, "{\"preferred_authentication_method\":\"sms\"}"),
                "invalid_body");
        assertBadRequest(get(methods(jane) + "?per_page=abc", all), "invalid_query_string");
        ApiResponse noCode = post("api/v2/users/" + enc(userId(SAM, SAM_PASSWORD)) + "/recovery-code-regeneration", all, "");
        assertBadRequest(noCode, "invalid_body");

        assertThat(get(methods(jane), all).body()).isEqualTo(before);
    }

    @Test
    void answersNotFoundForUnknownUsersAndMethods() {
        String nobody = "api/v2/users/auth0%7Cnobody";
        for (String[] call : List.of(new String[] {"GET", nobody + "/authentication-methods"},
                new String[] {"POST", nobody + "/authentication-methods"},
                new String[] {"DELETE", nobody + "/authentication-methods"},
                new String[] {"GET", nobody + "/enrollments"},
                new String[] {"POST", nobody + "/recovery-code-regeneration"},
                new String[] {"DELETE", nobody + "/multifactor/google-authenticator"},
                new String[] {"POST", nobody + "/multifactor/actions/invalidate-remember-browser"})) {
            ApiResponse answer = send(call[0], call[1], all, "{\"type\":\"totp\",\"totp_secret\":\"" + SECRET + "\"}");
            assertThat(answer.json().toString()).as(String.join(" ", call)).isEqualTo("{\"statusCode\":404,"
                    + "\"error\":\"Not Found\",\"message\":\"The user does not exist.\",\"errorCode\":\"inexistent_user\"}");
        }
        for (String id : List.of("totp%7Cdev_0000000000000001", "dev_0000000000000001", "nonsense", "auth0%7Cx")) {
            ApiResponse answer = send("DELETE", methods(jane) + "/" + id, all, null);
            assertThat(answer.status()).as(id).isEqualTo(404);
            assertThat(answer.json().path("errorCode").asText()).isEqualTo("inexistent_authentication_method");
        }
        assertThat(get("api/v2/guardian/enrollments/dev_0000000000000001", all).status()).isEqualTo(404);
    }

    // ---- helpers

    String userId(String username, String password) {
        return app.bean(JdbcStorage.class).users().authenticate(Option.none(), username, password).get().id().value();
    }

    static String methods(String user) {
        return "api/v2/users/" + enc(user) + "/authentication-methods";
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    ApiResponse get(String path, String token) {
        return api.get(path, token);
    }

    ApiResponse post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    ApiResponse send(String method, String path, String token, String json) {
        return api.send(method, path, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                "Authorization", "Bearer " + token);
    }

    static void assertBadRequest(ApiResponse response, String errorCode) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errorCode").asText()).as(response.toString()).isEqualTo(errorCode);
        assertThat(response.json().path("statusCode").asInt()).isEqualTo(400);
    }

    ApiResponse passwordLogin(String username, String password) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", PASSWORD, "username", username,
                "password", password, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        return api.postForm("oauth/token", form);
    }

    String mfaToken(String username, String password) {
        ApiResponse response = passwordLogin(username, password);
        assertThat(response.error()).as(response.toString()).isEqualTo("mfa_required");
        return response.text("mfa_token");
    }

    JsonNode mfaRequirements(String username, String password) {
        ApiResponse response = passwordLogin(username, password);
        assertThat(response.error()).as(response.toString()).isEqualTo("mfa_required");
        return response.json().path("mfa_requirements");
    }

    ApiResponse recover(String code) {
        return api.postForm("oauth/token", Map.of("grant_type", MFA_RECOVERY_CODE,
                "mfa_token", mfaToken(JANE, JANE_PASSWORD), "recovery_code", code,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }

    static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.path("id").asText()).toList();
    }

    static List<String> types(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.path("type").asText()).toList();
    }
}
