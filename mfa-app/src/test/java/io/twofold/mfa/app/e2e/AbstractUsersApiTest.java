package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.model.UserId;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_SECRET;
import static io.twofold.mfa.app.e2e.E2eFixture.MFA_OTP;
import static io.twofold.mfa.app.e2e.E2eFixture.PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.totp;
import static org.assertj.core.api.Assertions.assertThat;

/** The users of the Management API over the real socket: every endpoint, its scopes and bad input, and the block and delete stories. */
abstract class AbstractUsersApiTest extends AbstractAppTest {
    private static final String CONNECTION = "Username-Password-Authentication";
    private static final String PW = "Pw-123456!";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQ = new AtomicInteger();

    private String all() {
        return managementToken("create:users", "read:users", "update:users", "delete:users");
    }

    private static String unique(String name) {
        return name + SEQ.incrementAndGet() + "@example.com";
    }

    private ApiResponse call(String method, String path, String token, Object body) {
        try {
            byte[] bytes = body == null ? null : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
            return token == null ? api.send(method, path, "application/json", bytes)
                    : api.send(method, path, "application/json", bytes, "Authorization", "Bearer " + token);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode create(String email, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("connection", CONNECTION, "email", email, "password", PW));
        body.putAll(extra);
        ApiResponse created = call("POST", "api/v2/users", all(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static String path(String userId) {
        return "api/v2/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
    }

    private ApiResponse login(String username, String password) {
        return api.postForm("oauth/token", Map.of("grant_type", PASSWORD, "username", username, "password", password,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }

    private String mfaToken(String email) {
        ApiResponse login = login(email, PW);
        assertThat(login.error()).as(login.toString()).isEqualTo("mfa_required");
        return login.text("mfa_token");
    }

    private static void assertManagementError(ApiResponse response, int status, String error, String message, String errorCode) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("statusCode").asInt()).isEqualTo(status);
        assertThat(response.json().path("error").asText()).isEqualTo(error);
        if (message != null) {
            assertThat(response.json().path("message").asText()).isEqualTo(message);
        }
        assertThat(response.json().path("errorCode").asText(null)).isEqualTo(errorCode);
    }

    private static List<String> emails(JsonNode users) {
        return StreamSupport.stream(users.spliterator(), false).map(u -> u.path("email").asText()).toList();
    }

    @Test
    void createsAUserAndReadsItBackInAuth0sShape() {
        String email = unique("Chuck");
        JsonNode user = create(email, Map.of("given_name", "Chuck", "user_metadata", Map.of("favourite", "kick"),
                "app_metadata", Map.of("plan", "gold")));

        assertThat(user.path("user_id").asText()).matches("auth0\\|[0-9a-f]{24}");
        assertThat(user.path("email").asText()).isEqualTo(email);
        assertThat(user.path("email_verified").asBoolean(true)).isFalse();
        assertThat(user.path("name").asText()).isEqualTo(email);
        assertThat(user.path("nickname").asText()).isEqualTo(email.substring(0, email.indexOf('@')));
        assertThat(user.path("given_name").asText()).isEqualTo("Chuck");
        assertThat(user.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(user.path("identities").get(0).path("connection").asText()).isEqualTo(CONNECTION);
        assertThat(user.path("identities").get(0).path("provider").asText()).isEqualTo("auth0");
        assertThat(user.path("identities").get(0).path("user_id").asText()).isEqualTo(user.path("user_id").asText().substring(6));
        assertThat(user.path("user_metadata").path("favourite").asText()).isEqualTo("kick");
        assertThat(user.has("password")).isFalse();
        assertThat(user.has("blocked")).as("omitted unless set").isFalse();
        assertThat(user.has("logins_count")).isFalse();

        ApiResponse read = call("GET", path(user.path("user_id").asText()), managementToken("read:users"), null);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(user);
        ApiResponse some = call("GET", path(user.path("user_id").asText()) + "?fields=user_id,email&include_fields=true",
                managementToken("read:users"), null);
        assertThat(some.json().size()).isEqualTo(2);
        assertThat(read.contentType()).contains("application/json; charset=utf-8");
    }

    @Test
    void aCallerGivenIdIsPrefixedAndADuplicateIsAConflict() {
        String email = unique("given");
        String tail = "legacy" + SEQ.incrementAndGet();
        assertThat(create(email, Map.of("user_id", tail)).path("user_id").asText()).isEqualTo("auth0|" + tail);

        ApiResponse duplicate = call("POST", "api/v2/users", all(),
                Map.of("connection", CONNECTION, "email", email.toUpperCase(), "password", PW));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body()).isEqualTo("{\"statusCode\":409,\"error\":\"Conflict\","
                + "\"message\":\"The user already exists.\",\"errorCode\":\"auth0_idp_error\"}");
    }

    @Test
    void ofConcurrentCreatesOfOneUserOneIsCreatedAndTheOthersConflict() throws Exception {
        String token = all();
        for (int round = 0; round < 3; round++) {
            String email = unique("race");
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    statuses.add(pool.submit(() -> {
                        start.await();
                        return call("POST", "api/v2/users", token,
                                Map.of("connection", CONNECTION, "email", email, "password", PW)).status();
                    }));
                }
                start.countDown();
                List<Integer> answers = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<Integer> status : statuses) {
                    answers.add(status.get(60, java.util.concurrent.TimeUnit.SECONDS));
                }
                assertThat(answers).as(email).containsOnly(201, 409);
                assertThat(answers.stream().filter(s -> s == 201).count()).as(email).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void refusesBadInputToCreateWithoutWritingAnything() {
        String email = unique("bad");
        String token = all();
        assertManagementError(call("POST", "api/v2/users", token, "{not json"), 400, "Bad Request", null, "invalid_body");
        assertManagementError(call("POST", "api/v2/users", token, Map.of("connection", CONNECTION, "email", email,
                "password", "short")), 400, "Bad Request", "PasswordStrengthError: Password is too weak", "invalid_body");
        assertManagementError(call("POST", "api/v2/users", token, Map.of("connection", "Nope", "email", email,
                "password", PW)), 400, "Bad Request", "The connection does not exist.", "inexistent_connection");
        assertManagementError(call("POST", "api/v2/users", token, Map.of("email", email, "password", PW)),
                400, "Bad Request", null, "invalid_body");
        assertManagementError(call("POST", "api/v2/users", token, Map.of("connection", CONNECTION, "email", email,
                "password", PW, "colour", "red")), 400, "Bad Request", null, "invalid_body");
        assertManagementError(call("POST", "api/v2/users", token, Map.of("connection", CONNECTION, "email", email,
                "password", PW, "blocked", "yes")), 400, "Bad Request", null, "invalid_body");
        assertManagementError(call("POST", "api/v2/users", token, Map.of("connection", CONNECTION, "email", "not-an-email",
                "password", PW)), 400, "Bad Request", null, "invalid_body");
        assertManagementError(call("POST", "api/v2/users", token, "[]"), 400, "Bad Request", null, "invalid_body");

        ApiResponse found = call("GET", "api/v2/users-by-email?email=" + email, token, null);
        assertThat(found.json().size()).as("nothing half-written").isZero();
    }

    @Test
    void everyEndpointWantsItsScopeAndAToken() {
        String id = create(unique("scoped"), Map.of()).path("user_id").asText();
        String none = managementToken("read:clients");
        Map<String, String[]> endpoints = new LinkedHashMap<>();
        endpoints.put("POST api/v2/users", new String[] {"create:users"});
        endpoints.put("GET " + path(id), new String[] {"read:users"});
        endpoints.put("GET api/v2/users", new String[] {"read:users"});
        endpoints.put("GET api/v2/users-by-email?email=a@example.com", new String[] {"read:users"});
        endpoints.put("PATCH " + path(id), new String[] {"update:users", "update:users_app_metadata"});
        endpoints.put("DELETE " + path(id), new String[] {"delete:users"});
        endpoints.forEach((endpoint, scopes) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String target = endpoint.substring(endpoint.indexOf(' ') + 1);
            Object body = method.equals("POST") || method.equals("PATCH") ? Map.of("blocked", true) : null;
            ApiResponse forbidden = call(method, target, none, body);
            assertThat(forbidden.body()).as(endpoint).isEqualTo("{\"statusCode\":403,\"error\":\"Forbidden\","
                    + "\"message\":\"Insufficient scope, expected any of: " + String.join(", ", scopes)
                    + "\",\"errorCode\":\"insufficient_scope\"}");
            assertThat(call(method, target, null, body).status()).as(endpoint).isEqualTo(401);
        });
        assertThat(call("GET", path(id), managementToken("read:users"), null).json().has("blocked")).as("unchanged").isFalse();
    }

    @Test
    void searchesWithTheV3SubsetAndPagesAsAuth0() {
        String tag = "team" + SEQ.incrementAndGet();
        String a = unique("searcha");
        String b = unique("searchb");
        String c = unique("other");
        create(a, Map.of("app_metadata", Map.of("team", tag, "level", 3)));
        create(b, Map.of("app_metadata", Map.of("team", tag), "blocked", true));
        create(c, Map.of("app_metadata", Map.of("team", tag), "given_name", "Jane Smith"));
        String read = managementToken("read:users");

        ApiResponse paged = call("GET", "api/v2/users?q=" + enc("app_metadata.team:" + tag)
                + "&search_engine=v3&include_totals=true&per_page=2&page=0&sort=email:1", read, null);
        assertThat(paged.status()).as(paged.toString()).isEqualTo(200);
        assertThat(paged.json().path("start").asInt()).isZero();
        assertThat(paged.json().path("limit").asInt()).isEqualTo(2);
        assertThat(paged.json().path("length").asInt()).isEqualTo(2);
        assertThat(paged.json().path("total").asInt()).isEqualTo(3);
        assertThat(emails(paged.json().path("users"))).containsExactly(c, a);
        ApiResponse past = call("GET", "api/v2/users?q=" + enc("app_metadata.team:" + tag) + "&per_page=2&page=5", read, null);
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.body()).isEqualTo("[]");

        // auth0-java's encoding: URLEncoder, a space as '+'.
        String javaStyle = URLEncoder.encode("app_metadata.team:" + tag + " AND email:" + a.substring(0, 7) + "*", StandardCharsets.UTF_8);
        assertThat(emails(call("GET", "api/v2/users?q=" + javaStyle, read, null).json())).containsExactly(a);
        assertThat(emails(call("GET", "api/v2/users?q=" + enc("app_metadata.team:" + tag + " AND (blocked:true OR given_name:\"jane smith\")"),
                read, null).json())).containsExactlyInAnyOrder(b, c);
        assertThat(emails(call("GET", "api/v2/users?q=" + enc("app_metadata.team:" + tag + " NOT email:search*"),
                read, null).json())).containsExactly(c);
        assertThat(emails(call("GET", "api/v2/users?q=" + enc("app_metadata.level:3") + "&connection=" + CONNECTION,
                read, null).json())).contains(a);
        assertThat(emails(call("GET", "api/v2/users?q=" + enc("app_metadata.team:" + tag) + "&sort=email:-1", read, null).json()))
                .containsExactly(b, a, c);
        assertThat(emails(call("GET", "api/v2/users?q=" + enc("email:\"" + a.toUpperCase() + "\""), read, null).json()))
                .containsExactly(a);

        assertManagementError(call("GET", "api/v2/users?per_page=101", read, null), 400, "Bad Request", null, "invalid_query_string");
        assertManagementError(call("GET", "api/v2/users?q=" + enc("shoe_size:42"), read, null), 400, "Bad Request", null,
                "invalid_query_string");
        assertManagementError(call("GET", "api/v2/users?q=" + enc("logins_count:[1 TO 5]"), read, null), 400, "Bad Request",
                null, "invalid_query_string");
        assertManagementError(call("GET", "api/v2/users?q=" + enc("(email:a"), read, null), 400, "Bad Request", null,
                "invalid_query_string");
        assertManagementError(call("GET", "api/v2/users?search_engine=v1", read, null), 400, "Bad Request", null,
                "invalid_query_string");
        assertManagementError(call("GET", "api/v2/users?sort=logins_count:1", read, null), 400, "Bad Request", null,
                "invalid_query_string");
        assertManagementError(call("GET", "api/v2/users?page=-1", read, null), 400, "Bad Request", null, "invalid_query_string");
    }

    private static String enc(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void findsUsersByEmailInAnyLetterCase() {
        String email = unique("ByEmail");
        String id = create(email, Map.of()).path("user_id").asText();
        String read = managementToken("read:users");

        ApiResponse found = call("GET", "api/v2/users-by-email?email=" + enc(email.toUpperCase()), read, null);

        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().isArray()).isTrue();
        assertThat(found.json().get(0).path("user_id").asText()).isEqualTo(id);
        assertThat(call("GET", "api/v2/users-by-email?email=" + enc(unique("nobody")), read, null).body()).isEqualTo("[]");
        assertManagementError(call("GET", "api/v2/users-by-email", read, null), 400, "Bad Request", null, "invalid_query_string");
        assertManagementError(call("GET", "api/v2/users-by-email?email=nope", read, null), 400, "Bad Request", null,
                "invalid_query_string");
    }

    @Test
    void updatesMergingMetadataAndRefusesBadInput() {
        String id = create(unique("patch"), Map.of("app_metadata", Map.of("plan", "gold", "seats", 3))).path("user_id").asText();
        Map<String, Object> patch = new HashMap<>();
        patch.put("plan", null);
        patch.put("region", "eu");

        ApiResponse merged = call("PATCH", path(id), managementToken("update:users"),
                Map.of("app_metadata", patch, "given_name", "Pat", "connection", CONNECTION));

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().path("app_metadata")).isEqualTo(JSON.valueToTree(Map.of("seats", 3, "region", "eu")));
        assertThat(merged.json().path("given_name").asText()).isEqualTo("Pat");
        ApiResponse metadataOnly = call("PATCH", path(id), managementToken("update:users_app_metadata"),
                Map.of("app_metadata", Map.of("tier", 1)));
        assertThat(metadataOnly.status()).as(metadataOnly.toString()).isEqualTo(200);
        assertManagementError(call("PATCH", path(id), managementToken("update:users_app_metadata"), Map.of("blocked", true)),
                403, "Forbidden", "Insufficient scope, expected any of: update:users", "insufficient_scope");

        String token = managementToken("update:users");
        assertManagementError(call("PATCH", "api/v2/users/not-an-id", token, Map.of("blocked", true)), 400, "Bad Request",
                null, "invalid_uri");
        assertManagementError(call("PATCH", path("auth0|nobody" + SEQ.incrementAndGet()), token, Map.of("blocked", true)),
                404, "Not Found", "The user does not exist.", "inexistent_user");
        assertManagementError(call("PATCH", path(id), token, "{\"blocked\":"), 400, "Bad Request", null, "invalid_body");
        assertManagementError(call("PATCH", path(id), token, "{}"), 400, "Bad Request", null, "invalid_body");
        assertManagementError(call("PATCH", path(id), token, Map.of("password", "short")), 400, "Bad Request",
                "PasswordStrengthError: Password is too weak", "invalid_body");
        assertManagementError(call("GET", "api/v2/users/not-an-id", managementToken("read:users"), null), 400, "Bad Request",
                null, "invalid_uri");
        assertManagementError(call("GET", path("auth0|nobody"), managementToken("read:users"), null), 404, "Not Found",
                "The user does not exist.", "inexistent_user");
    }

    @Test
    void aBlockedUserIsRefusedAfterTheRightPasswordAndTheirOpenMfaTokenDies() {
        String email = unique("blocked");
        String id = create(email, Map.of()).path("user_id").asText();
        String before = mfaToken(email);

        ApiResponse blocked = call("PATCH", path(id), managementToken("update:users"), Map.of("blocked", true));

        assertThat(blocked.json().path("blocked").asBoolean()).isTrue();
        ApiResponse old = api.get("mfa/authenticators", before);
        assertThat(old.status()).as("the mfa_token from before the block: " + old).isIn(401, 403);
        ApiResponse refused = login(email, PW);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("error").asText()).isEqualTo("unauthorized");
        assertThat(refused.json().path("error_description").asText()).isEqualTo("user is blocked");
        ApiResponse wrong = login(email, "not the password");
        assertThat(wrong.status()).as("a wrong password says nothing of the block").isEqualTo(403);
        assertThat(wrong.errorDescription()).isEqualTo("Wrong email or password.");

        call("PATCH", path(id), managementToken("update:users"), Map.of("blocked", false));

        assertThat(login(email, PW).error()).isEqualTo("mfa_required");
    }

    @Test
    void aNewPasswordCountsAtOnceAndEndsOpenLogins() {
        String email = unique("repass");
        String id = create(email, Map.of()).path("user_id").asText();
        String before = mfaToken(email);

        ApiResponse changed = call("PATCH", path(id), managementToken("update:users"),
                Map.of("password", "An0ther-passphrase", "connection", CONNECTION));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("last_password_reset").asText()).endsWith("Z");
        assertThat(changed.body()).doesNotContain("An0ther-passphrase");
        assertThat(api.get("mfa/authenticators", before).status()).isIn(401, 403);
        assertThat(login(email, PW).status()).isEqualTo(403);
        assertThat(login(email, "An0ther-passphrase").error()).isEqualTo("mfa_required");
    }

    @Test
    void deletingAUserRemovesTheirFactorsAndOpenLoginsAndMayBeRepeated() {
        String email = unique("deleted");
        String id = create(email, Map.of()).path("user_id").asText();
        String enroll = mfaToken(email);
        ApiResponse otp = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + enroll);
        assertThat(otp.status()).as(otp.toString()).isEqualTo(200);
        ApiResponse confirmed = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", enroll,
                "otp", totp(otp.text("secret"), clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String open = mfaToken(email);
        JdbcStorage storage = app.bean(JdbcStorage.class);
        assertThat(storage.authenticators().findByUser(new UserId(id))).isNotEmpty();

        ApiResponse deleted = call("DELETE", path(id), managementToken("delete:users"), null);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(deleted.contentType()).contains("application/json; charset=utf-8");
        assertThat(storage.authenticators().findByUser(new UserId(id))).isEmpty();
        assertThat(api.get("mfa/authenticators", open).status()).isIn(401, 403);
        assertThat(login(email, PW).status()).isEqualTo(403);
        assertThat(call("DELETE", path(id), managementToken("delete:users"), null).status()).isEqualTo(204);
        assertManagementError(call("GET", path(id), managementToken("read:users"), null), 404, "Not Found",
                "The user does not exist.", "inexistent_user");
        assertManagementError(call("DELETE", "api/v2/users/nobar", managementToken("delete:users"), null), 400, "Bad Request",
                null, "invalid_uri");
    }
}
