package io.twofold.mfa.app.e2e;

import com.auth0.client.auth.AuthAPI;
import com.auth0.json.auth.TokenHolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_SECRET;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE_PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.MFA_OTP;
import static io.twofold.mfa.app.e2e.E2eFixture.PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.SAM;
import static io.twofold.mfa.app.e2e.E2eFixture.SAM_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients, client grants, registered APIs and machine tokens over the real socket: every endpoint's
 * happy path, scope refusals and bad input, the client_credentials grant (JSON, form, Basic) and its
 * refusals, the rotate story, and "Service not found" for user logins. Subclassed for H2 and PostgreSQL.
 */
abstract class AbstractClientsApiTest extends AbstractAppTest {
    static final String TOKEN = "oauth/token";
    static final String MANAGEMENT = RunningApp.ISSUER + "api/v2/";
    static final String API = "https://orders.example.com/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String admin;

    @BeforeAll
    void adminToken() {
        admin = managementToken("create:clients", "read:clients", "update:clients", "delete:clients",
                "update:client_keys", "create:client_grants", "read:client_grants", "update:client_grants",
                "delete:client_grants", "create:resource_servers", "read:resource_servers",
                "update:resource_servers", "delete:resource_servers");
    }

    // ---- helpers

    ApiResponse call(String method, String path, String token, String json) {
        return api.send(method, "api/v2/" + path, "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + token);
    }

    ApiResponse ok(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    void assertManagementError(ApiResponse response, int status, String errorCode) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("statusCode").asInt()).isEqualTo(status);
        assertThat(response.json().has("message")).isTrue();
        if (errorCode != null) {
            assertThat(response.json().path("errorCode").asText()).as(response.toString()).isEqualTo(errorCode);
        }
    }

    /** An API with two scopes, under a fresh identifier. */
    String registerApi(String identifier) {
        return ok(call("POST", "resource-servers", admin, """
                {"identifier": "%s", "name": "Orders", "token_lifetime": 7200,
                 "scopes": [{"value": "read:orders", "description": "Read orders"},
                            {"value": "write:orders", "description": "Write orders"}]}""".formatted(identifier)), 201)
                .text("id");
    }

    JsonNode machineClient(String name) {
        return ok(call("POST", "clients", admin,
                "{\"name\": \"" + name + "\", \"app_type\": \"non_interactive\"}"), 201).json();
    }

    JsonNode grant(String clientId, String audience, String... scopes) {
        return ok(call("POST", "client-grants", admin, "{\"client_id\": \"" + clientId + "\", \"audience\": \""
                + audience + "\", \"scope\": " + toJson(List.of(scopes)) + "}"), 201).json();
    }

    ApiResponse clientCredentials(String clientId, String secret, String audience) {
        Map<String, String> body = new java.util.HashMap<>(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        if (audience != null) {
            body.put("audience", audience);
        }
        return api.postJson(TOKEN, body);
    }

    static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> auditDetails(String type) throws Exception {
        List<String> details = new ArrayList<>();
        try (Connection connection = e2eDatabase().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT client_id, details FROM audit_events WHERE event_type = '" + type + "'")) {
            while (rows.next()) {
                details.add(rows.getString("client_id") + " " + rows.getString("details"));
            }
        }
        return details;
    }

    // ---- client_credentials

    @Test
    void aMachineClientGetsATokenForItsGrantedApiByJsonFormAndBasic() throws Exception {
        registerApi(API + "m/");
        JsonNode robot = machineClient("robot");
        String id = robot.path("client_id").asText();
        String secret = robot.path("client_secret").asText();
        grant(id, API + "m/", "read:orders");

        ApiResponse json = ok(clientCredentials(id, secret, API + "m/"), 200);
        ApiResponse form = ok(api.postForm(TOKEN, Map.of("grant_type", "client_credentials", "client_id", id,
                "client_secret", secret, "audience", API + "m/")), 200);
        ApiResponse basic = ok(api.postForm(TOKEN, Map.of("grant_type", "client_credentials", "audience", API + "m/"),
                "Authorization", ApiClient.basic(id, secret)), 200);

        for (ApiResponse response : List.of(json, form, basic)) {
            assertThat(response.json().path("token_type").asText()).isEqualTo("Bearer");
            assertThat(response.json().path("expires_in").asLong()).isEqualTo(7200);
            assertThat(response.json().path("scope").asText()).isEqualTo("read:orders");
        }
        SignedJWT jwt = SignedJWT.parse(json.text("access_token"));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(claims.getIssuer()).isEqualTo(RunningApp.ISSUER);
        assertThat(claims.getSubject()).isEqualTo(id + "@clients");
        assertThat(claims.getAudience()).containsExactly(API + "m/");
        assertThat(claims.getStringClaim("azp")).isEqualTo(id);
        assertThat(claims.getStringClaim("client_id")).isEqualTo(id);
        assertThat(claims.getStringClaim("gty")).isEqualTo("client-credentials");
        assertThat(claims.getStringClaim("scope")).isEqualTo("read:orders");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(7_200_000L);
        assertThat(auditDetails("token.client_credentials.success")).anyMatch(row -> row.startsWith(id + " "));
    }

    @Test
    void aManagementTokenFromTheGrantWorksWithItsScopesOnly() throws Exception {
        JsonNode operator = machineClient("operator");
        String id = operator.path("client_id").asText();
        grant(id, MANAGEMENT, "read:clients");

        ApiResponse token = ok(clientCredentials(id, operator.path("client_secret").asText(), MANAGEMENT), 200);
        assertThat(token.json().path("expires_in").asLong()).isEqualTo(86_400);
        String bearer = token.text("access_token");

        ok(call("GET", "clients", bearer, null), 200);
        ApiResponse refused = call("POST", "clients", bearer, "{\"name\":\"x\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json()).isEqualTo(JSON.readTree("{\"statusCode\":403,\"error\":\"Forbidden\","
                + "\"message\":\"Insufficient scope, expected any of: create:clients\",\"errorCode\":\"insufficient_scope\"}"));
    }

    @Test
    void auth0JavaGetsAManagementTokenFromTheRealApp() throws Exception {
        JsonNode operator = machineClient("auth0-java");
        String id = operator.path("client_id").asText();
        grant(id, MANAGEMENT, "read:clients", "read:client_grants");
        AuthAPI auth = AuthAPI.newBuilder(app.uri().toString().replaceAll("/$", ""), id, operator.path("client_secret").asText())
                .build();

        TokenHolder holder = auth.requestToken(MANAGEMENT).execute().getBody();

        assertThat(holder.getExpiresIn()).isEqualTo(86_400);
        assertThat(holder.getScope()).isEqualTo("read:clients read:client_grants");
        assertThat(claims(holder.getAccessToken()).getAudience()).containsExactly(MANAGEMENT);
        ok(call("GET", "client-grants?client_id=" + id, holder.getAccessToken(), null), 200);
    }

    @Test
    void refusesEveryWayAMachineTokenCanBeWrong() {
        registerApi(API + "r/");
        JsonNode robot = machineClient("refused");
        String id = robot.path("client_id").asText();
        String secret = robot.path("client_secret").asText();

        ApiResponse unknown = clientCredentials(id, secret, "https://nowhere.example.com/");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.json().path("error").asText()).isEqualTo("access_denied");
        assertThat(unknown.errorDescription()).isEqualTo("Service not found: https://nowhere.example.com/");

        ApiResponse ungranted = clientCredentials(id, secret, API + "r/");
        assertThat(ungranted.status()).isEqualTo(403);
        assertThat(ungranted.errorDescription()).isEqualTo("Client is not authorized to access \"" + API
                + "r/\". You need to create a \"client-grant\" associated to this API.");

        ApiResponse noAudience = clientCredentials(id, secret, null);
        assertThat(noAudience.status()).isEqualTo(403);
        assertThat(noAudience.errorDescription())
                .isEqualTo("No audience parameter was provided, and no default audience has been configured");

        ApiResponse wrongSecret = clientCredentials(id, secret + "x", API + "r/");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.error()).isEqualTo("invalid_client");

        // The fixture's web app does not list client_credentials.
        ApiResponse notListed = clientCredentials(CLIENT_ID, CLIENT_SECRET, API + "r/");
        assertThat(notListed.status()).isEqualTo(403);
        assertThat(notListed.error()).isEqualTo("unauthorized_client");

        JsonNode spa = ok(call("POST", "clients", admin, "{\"name\":\"spa\",\"app_type\":\"spa\"}"), 201).json();
        ApiResponse publicClient = api.postForm(TOKEN, Map.of("grant_type", "client_credentials",
                "client_id", spa.path("client_id").asText(), "audience", API + "r/"));
        assertThat(publicClient.status()).isEqualTo(403);
        assertThat(publicClient.error()).isEqualTo("unauthorized_client");
    }

    @Test
    void aRotatedSecretIsRefusedAtOnceAndTheNewOneWorks() {
        JsonNode robot = machineClient("rotated");
        String id = robot.path("client_id").asText();
        String old = robot.path("client_secret").asText();
        grant(id, MANAGEMENT, "read:clients");
        ok(clientCredentials(id, old, MANAGEMENT), 200);

        // auth0-java sends an empty body with a JSON content type.
        ApiResponse rotated = ok(api.send("POST", "api/v2/clients/" + id + "/rotate-secret", "application/json",
                new byte[0], "Authorization", "Bearer " + admin), 200);
        String fresh = rotated.text("client_secret");

        assertThat(fresh).matches("[A-Za-z0-9_-]{64}").isNotEqualTo(old);
        assertThat(rotated.text("client_id")).isEqualTo(id);
        ApiResponse refused = clientCredentials(id, old, MANAGEMENT);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.error()).isEqualTo("invalid_client");
        ok(clientCredentials(id, fresh, MANAGEMENT), 200);
        ApiResponse shown = ok(call("GET", "clients/" + id, admin, null), 200);
        assertThat(shown.json().has("client_secret")).isFalse();
    }

    // ---- user logins and registered APIs

    @Test
    void aUserLoginForAnUnregisteredApiIsServiceNotFoundUntilTheApiIsRegistered() {
        String audience = API + "users/";
        ApiResponse before = passwordLogin(audience);
        assertThat(before.status()).isEqualTo(403);
        assertThat(before.error()).isEqualTo("access_denied");
        assertThat(before.errorDescription()).isEqualTo("Service not found: " + audience);

        registerApi(audience);

        // The fixture's client always needs MFA: a registered audience gets that far.
        assertThat(passwordLogin(audience).error()).isEqualTo("mfa_required");
        ApiResponse management = passwordLogin(MANAGEMENT);
        assertThat(management.status()).isEqualTo(403);
        assertThat(management.error()).isEqualTo("access_denied");
    }

    /** Auth0's rule: offline_access earns a refresh token for an API only when it allows offline access. */
    @Test
    void offlineAccessEarnsARefreshTokenOnlyForAnApiThatAllowsIt() {
        String audience = API + "offline/";
        String id = registerApi(audience);
        Map<String, String> login = Map.of("grant_type", PASSWORD, "username", JANE, "password", JANE_PASSWORD,
                "client_id", E2eFixture.SPA_CLIENT_ID, "client_secret", CLIENT_SECRET, "audience", audience,
                "scope", "openid offline_access");

        ApiResponse refused = ok(api.postForm(TOKEN, login), 200);
        ok(call("PATCH", "resource-servers/" + id, admin, "{\"allow_offline_access\": true}"), 200);
        ApiResponse allowed = ok(api.postForm(TOKEN, login), 200);
        ApiResponse noAudience = ok(api.postForm(TOKEN, Map.of("grant_type", PASSWORD, "username", JANE,
                "password", JANE_PASSWORD, "client_id", E2eFixture.SPA_CLIENT_ID, "client_secret", CLIENT_SECRET,
                "scope", "openid offline_access")), 200);

        assertThat(refused.json().has("refresh_token")).isFalse();
        assertThat(allowed.json().has("refresh_token")).isTrue();
        assertThat(noAudience.json().has("refresh_token")).isTrue();
    }

    private ApiResponse passwordLogin(String audience) {
        return api.postForm(TOKEN, Map.of("grant_type", PASSWORD, "username", JANE, "password", JANE_PASSWORD,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "audience", audience, "scope", "openid"));
    }

    // ---- clients

    @Test
    void createsReadsUpdatesAndDeletesAClientKeepingUnknownMembers() throws Exception {
        JsonNode created = ok(call("POST", "clients", admin, """
                {"name": "Web", "description": "the shop", "app_type": "regular_web",
                 "grant_types": ["password", "http://auth0.com/oauth/grant-type/mfa-otp", "authorization_code"],
                 "client_metadata": {"team": "shop"}, "callbacks": ["https://shop.example.com/cb"],
                 "jwt_configuration": {"alg": "RS256"}, "mfa_policy": "enrolled"}"""), 201).json();
        String id = created.path("client_id").asText();

        assertThat(id).matches("[A-Za-z0-9]{32}");
        assertThat(created.path("client_secret").asText()).matches("[A-Za-z0-9_-]{64}");
        assertThat(created.path("token_endpoint_auth_method").asText()).isEqualTo("client_secret_post");
        assertThat(created.path("grant_types")).isEqualTo(JSON.readTree(
                "[\"http://auth0.com/oauth/grant-type/mfa-otp\",\"password\"]"));
        assertThat(created.path("callbacks").get(0).asText()).isEqualTo("https://shop.example.com/cb");
        assertThat(created.path("client_metadata").path("team").asText()).isEqualTo("shop");
        assertThat(created.path("mfa_policy").asText()).isEqualTo("enrolled");

        JsonNode read = ok(call("GET", "clients/" + id, admin, null), 200).json();
        assertThat(read.path("jwt_configuration").path("alg").asText()).isEqualTo("RS256");
        assertThat(read.has("client_secret")).isFalse();
        JsonNode some = ok(call("GET", "clients/" + id + "?fields=client_id,name&include_fields=true", admin, null), 200)
                .json();
        assertThat(some.size()).isEqualTo(2);

        JsonNode patched = ok(call("PATCH", "clients/" + id, admin,
                "{\"name\": \"Web 2\", \"logo_uri\": \"https://shop.example.com/l.png\"}"), 200).json();
        assertThat(patched.path("name").asText()).isEqualTo("Web 2");
        assertThat(patched.path("description").asText()).isEqualTo("the shop");
        assertThat(patched.path("callbacks").size()).isEqualTo(1);
        assertThat(patched.path("logo_uri").asText()).isEqualTo("https://shop.example.com/l.png");
        assertThat(patched.has("client_secret")).isFalse();

        ok(call("DELETE", "clients/" + id, admin, null), 204);
        assertManagementError(call("GET", "clients/" + id, admin, null), 404, "inexistent_client");
        assertManagementError(call("DELETE", "clients/" + id, admin, null), 404, "inexistent_client");
        assertThat(auditDetails("mgmt.client.created")).anyMatch(row -> row.startsWith(E2eApp.OPERATOR + " ")
                && row.contains(id) && !row.contains(created.path("client_secret").asText()));
    }

    /** Auth0's client refresh_token object: created, read back, changed member by member, and refused when wrong. */
    @Test
    void keepsAClientsRefreshTokenSettings() throws Exception {
        JsonNode defaults = ok(call("POST", "clients", admin, "{\"name\": \"Plain\"}"), 201).json();
        assertThat(defaults.path("refresh_token")).isEqualTo(JSON.readTree("""
                {"rotation_type": "rotating", "expiration_type": "expiring", "leeway": 0, "token_lifetime": 2592000,
                 "infinite_token_lifetime": false, "idle_token_lifetime": 1296000, "infinite_idle_token_lifetime": false}"""));

        JsonNode created = ok(call("POST", "clients", admin, """
                {"name": "Mobile", "app_type": "native", "grant_types": ["password", "refresh_token"],
                 "refresh_token": {"rotation_type": "rotating", "expiration_type": "expiring", "leeway": 0,
                                   "token_lifetime": 7200, "idle_token_lifetime": 3600, "policies": []}}"""), 201).json();
        String id = created.path("client_id").asText();
        assertThat(created.path("refresh_token").path("token_lifetime").asLong()).isEqualTo(7200);
        assertThat(created.has("policies")).isFalse();

        JsonNode patched = ok(call("PATCH", "clients/" + id, admin,
                "{\"refresh_token\": {\"rotation_type\": \"non-rotating\", \"infinite_idle_token_lifetime\": true}}"),
                200).json();
        JsonNode read = ok(call("GET", "clients/" + id, admin, null), 200).json();

        assertThat(patched.path("refresh_token")).isEqualTo(read.path("refresh_token"));
        assertThat(read.path("refresh_token")).isEqualTo(JSON.readTree("""
                {"rotation_type": "non-rotating", "expiration_type": "expiring", "leeway": 0, "token_lifetime": 7200,
                 "infinite_token_lifetime": false, "infinite_idle_token_lifetime": true}"""));
        ok(call("PATCH", "clients/" + id, admin, "{\"name\": \"Mobile 2\"}"), 200);
        assertThat(ok(call("GET", "clients/" + id, admin, null), 200).json().path("refresh_token"))
                .isEqualTo(read.path("refresh_token"));

        assertManagementError(call("PATCH", "clients/" + id, admin,
                "{\"refresh_token\": {\"rotation_type\": \"sometimes\"}}"), 400, "invalid_body");
        assertManagementError(call("PATCH", "clients/" + id, admin,
                "{\"refresh_token\": {\"token_lifetime\": 0}}"), 400, "invalid_body");
        assertManagementError(call("PATCH", "clients/" + id, admin, "{\"refresh_token\": 7}"), 400, "invalid_body");
        assertThat(ok(call("GET", "clients/" + id, admin, null), 200).json().path("refresh_token"))
                .isEqualTo(read.path("refresh_token"));
    }

    @Test
    void setsAChosenSecretByPatchOnlyWithTheKeysScope() {
        String id = machineClient("chosen").path("client_id").asText();
        String chosen = "an-operator-chosen-secret-0123456789-ABCDEF";
        String clientsOnly = managementToken("update:clients");

        ApiResponse refused = call("PATCH", "clients/" + id, clientsOnly, "{\"client_secret\": \"" + chosen + "\"}");
        assertManagementError(refused, 403, "insufficient_scope");
        assertThat(refused.json().path("message").asText()).isEqualTo("Insufficient scope, expected any of: update:client_keys");
        assertManagementError(call("PATCH", "clients/" + id, admin, "{\"client_secret\": \"short\"}"), 400, "invalid_body");

        ApiResponse set = ok(call("PATCH", "clients/" + id, managementToken("update:client_keys"),
                "{\"client_secret\": \"" + chosen + "\"}"), 200);
        assertThat(set.text("client_secret")).isEqualTo(chosen);
        ok(api.postForm(TOKEN, Map.of("grant_type", "client_credentials", "client_id", id, "client_secret", chosen,
                "audience", "https://nowhere/")), 403);
    }

    @Test
    void listsClientsAsAnArrayOrAPageWithTotals() {
        machineClient("listed-1");
        machineClient("listed-2");

        ApiResponse array = ok(call("GET", "clients?per_page=1", admin, null), 200);
        assertThat(array.json().isArray()).isTrue();
        assertThat(array.json().size()).isEqualTo(1);

        JsonNode page = ok(call("GET", "clients?include_totals=true&per_page=2&page=0&app_type=non_interactive",
                admin, null), 200).json();
        assertThat(page.path("start").asInt()).isZero();
        assertThat(page.path("limit").asInt()).isEqualTo(2);
        assertThat(page.has("length")).isFalse();
        assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("clients").size()).isEqualTo(2);
        assertThat(ok(call("GET", "clients?page=999&per_page=50", admin, null), 200).json().size()).isZero();
        assertThat(ok(call("GET", "clients?is_global=true&include_totals=true", admin, null), 200).json()
                .path("total").asInt()).isZero();
        assertManagementError(call("GET", "clients?per_page=101", admin, null), 400, "invalid_query_string");
    }

    @Test
    void refusesBadClientBodiesAndWritesNothing() {
        long before = clientCount();
        assertManagementError(call("POST", "clients", admin, "{\"name\": "), 400, "invalid_body");
        assertManagementError(call("POST", "clients", admin, "[]"), 400, "invalid_body");
        assertManagementError(call("POST", "clients", admin, "{\"description\": \"no name\"}"), 400, "invalid_body");
        assertManagementError(call("POST", "clients", admin, "{\"name\": \"x\", \"grant_types\": [\"teleport\"]}"),
                400, "invalid_body");
        assertManagementError(call("POST", "clients", admin,
                "{\"name\": \"x\", \"app_type\": \"spa\", \"grant_types\": [\"client_credentials\"]}"), 400, "invalid_body");
        assertManagementError(call("POST", "clients", admin,
                "{\"name\": \"x\", \"token_endpoint_auth_method\": \"private_key_jwt\"}"), 400, "invalid_body");
        assertManagementError(call("POST", "clients", admin, "{\"name\": \"x\", \"client_secret\": \"mine\"}"), 400,
                "invalid_body");
        assertManagementError(call("POST", "clients", admin, "{\"name\": \"x\", \"client_metadata\": {\"a\": 1}}"), 400,
                "invalid_body");
        assertManagementError(call("PATCH", "clients/nobody", admin, "{\"name\": \"x\"}"), 404, "inexistent_client");
        assertManagementError(call("POST", "clients/nobody/rotate-secret", admin, null), 404, "inexistent_client");
        assertThat(clientCount()).isEqualTo(before);
    }

    @Test
    void everyClientEndpointNeedsATokenAndItsScope() {
        String none = managementToken("read:users");
        List<String[]> endpoints = List.of(new String[]{"POST", "clients", "create:clients"},
                new String[]{"GET", "clients", "read:clients"}, new String[]{"GET", "clients/x", "read:clients"},
                new String[]{"PATCH", "clients/x", "update:clients, update:client_keys"},
                new String[]{"DELETE", "clients/x", "delete:clients"},
                new String[]{"POST", "clients/x/rotate-secret", "update:client_keys"},
                new String[]{"POST", "client-grants", "create:client_grants"},
                new String[]{"GET", "client-grants", "read:client_grants"},
                new String[]{"GET", "client-grants/x", "read:client_grants"},
                new String[]{"PATCH", "client-grants/x", "update:client_grants"},
                new String[]{"DELETE", "client-grants/x", "delete:client_grants"},
                new String[]{"POST", "resource-servers", "create:resource_servers"},
                new String[]{"GET", "resource-servers", "read:resource_servers"},
                new String[]{"GET", "resource-servers/x", "read:resource_servers"},
                new String[]{"PATCH", "resource-servers/x", "update:resource_servers"},
                new String[]{"DELETE", "resource-servers/x", "delete:resource_servers"});
        for (String[] endpoint : endpoints) {
            ApiResponse anonymous = api.send(endpoint[0], "api/v2/" + endpoint[1], "application/json",
                    endpoint[0].equals("GET") || endpoint[0].equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(anonymous.status()).as(endpoint[0] + " " + endpoint[1]).isEqualTo(401);
            ApiResponse forbidden = call(endpoint[0], endpoint[1], none, "{}");
            assertThat(forbidden.status()).as(endpoint[0] + " " + endpoint[1]).isEqualTo(403);
            assertThat(forbidden.json().path("message").asText())
                    .isEqualTo("Insufficient scope, expected any of: " + endpoint[2]);
            assertThat(forbidden.json().path("errorCode").asText()).isEqualTo("insufficient_scope");
        }
    }

    // ---- client grants

    @Test
    void createsListsUpdatesAndDeletesClientGrants() {
        registerApi(API + "g/");
        String id = machineClient("granted").path("client_id").asText();
        JsonNode created = grant(id, API + "g/", "read:orders");
        String grantId = created.path("id").asText();

        assertThat(grantId).matches("cgr_[a-z0-9]{16}");
        assertThat(created.path("client_id").asText()).isEqualTo(id);
        assertThat(created.path("audience").asText()).isEqualTo(API + "g/");
        assertThat(created.path("scope").get(0).asText()).isEqualTo("read:orders");
        ok(call("GET", "client-grants/" + grantId, admin, null), 200);

        JsonNode patched = ok(call("PATCH", "client-grants/" + grantId, admin,
                "{\"scope\": [\"read:orders\", \"write:orders\"]}"), 200).json();
        assertThat(patched.path("scope").size()).isEqualTo(2);

        JsonNode filtered = ok(call("GET", "client-grants?include_totals=true&client_id=" + id, admin, null), 200).json();
        assertThat(filtered.path("total").asInt()).isEqualTo(1);
        assertThat(filtered.path("client_grants").get(0).path("id").asText()).isEqualTo(grantId);
        assertThat(ok(call("GET", "client-grants?audience=" + API + "g/", admin, null), 200).json().size()).isEqualTo(1);

        ok(call("DELETE", "client-grants/" + grantId, admin, null), 204);
        ApiResponse gone = call("GET", "client-grants/" + grantId, admin, null);
        assertManagementError(gone, 404, "inexistent_client_grant");
        assertThat(gone.json().path("message").asText()).isEqualTo("The grant does not exist.");
        assertManagementError(call("DELETE", "client-grants/" + grantId, admin, null), 404, "inexistent_client_grant");
    }

    @Test
    void pagesClientGrantsByCheckpoint() {
        registerApi(API + "c/");
        for (int i = 0; i < 3; i++) {
            grant(machineClient("checkpoint-" + i).path("client_id").asText(), API + "c/", "read:orders");
        }
        List<String> seen = new ArrayList<>();
        String path = "client-grants?take=2&audience=" + API + "c/";
        JsonNode page = ok(call("GET", path, admin, null), 200).json();
        page.path("client_grants").forEach(grant -> seen.add(grant.path("id").asText()));
        assertThat(page.path("next").asText()).isNotEmpty();

        JsonNode last = ok(call("GET", path + "&from=" + page.path("next").asText(), admin, null), 200).json();
        last.path("client_grants").forEach(grant -> seen.add(grant.path("id").asText()));

        assertThat(last.has("next")).isFalse();
        assertThat(seen).hasSize(3).doesNotHaveDuplicates();
        assertManagementError(call("GET", "client-grants?take=0", admin, null), 400, "invalid_query_string");
    }

    @Test
    void refusesBadGrantsAndDuplicates() {
        registerApi(API + "b/");
        String id = machineClient("bad-grants").path("client_id").asText();
        grant(id, API + "b/", "read:orders");

        assertManagementError(call("POST", "client-grants", admin, "{\"client_id\": \"" + id + "\", \"audience\": \""
                + API + "b/\", \"scope\": []}"), 409, "client_grant_conflict");
        assertManagementError(call("POST", "client-grants", admin, "{\"client_id\": \"nobody\", \"audience\": \""
                + API + "b/\", \"scope\": []}"), 404, "inexistent_client");
        assertManagementError(call("POST", "client-grants", admin, "{\"client_id\": \"" + id
                + "\", \"audience\": \"https://nowhere/\", \"scope\": []}"), 404, "inexistent_resource_server");
        assertManagementError(call("POST", "client-grants", admin, "{\"client_id\": \"" + id + "\", \"audience\": \""
                + MANAGEMENT + "\", \"scope\": [\"read:everything\"]}"), 400, "invalid_body");
        assertManagementError(call("POST", "client-grants", admin, "{\"client_id\": \"" + id + "\", \"audience\": \""
                + MANAGEMENT + "\"}"), 400, "invalid_body");
        assertManagementError(call("POST", "client-grants", admin, "{\"client_id\": 5}"), 400, "invalid_body");
        assertManagementError(call("PATCH", "client-grants/cgr_nothing", admin, "{\"scope\": []}"), 404,
                "inexistent_client_grant");
        assertManagementError(call("PATCH", "client-grants/cgr_nothing", admin, "{}"), 400, "invalid_body");
        assertThat(ok(call("GET", "client-grants?client_id=" + id, admin, null), 200).json().size()).isEqualTo(1);
    }

    @Test
    void deletingAClientDeletesItsGrants() {
        String id = machineClient("deleted").path("client_id").asText();
        grant(id, MANAGEMENT, "read:clients");

        ok(call("DELETE", "clients/" + id, admin, null), 204);

        assertThat(ok(call("GET", "client-grants?client_id=" + id, admin, null), 200).json().size()).isZero();
    }

    // ---- resource servers

    @Test
    void listsTheBuiltInApisAndManagesRegisteredOnes() {
        JsonNode all = ok(call("GET", "resource-servers?include_totals=true", admin, null), 200).json();
        JsonNode management = all.path("resource_servers").get(0);
        assertThat(management.path("identifier").asText()).isEqualTo(MANAGEMENT);
        assertThat(management.path("is_system").asBoolean()).isTrue();
        assertThat(management.path("token_lifetime").asInt()).isEqualTo(86_400);
        assertThat(all.path("resource_servers").get(1).path("identifier").asText()).isEqualTo(RunningApp.ISSUER + "mfa/");

        String identifier = "urn:orders|v1";
        String id = registerApi(identifier);
        JsonNode byIdentifier = ok(call("GET", "resource-servers/urn%3Aorders%7Cv1", admin, null), 200).json();
        assertThat(byIdentifier.path("id").asText()).isEqualTo(id);
        assertThat(byIdentifier.path("signing_alg").asText()).isEqualTo("RS256");
        assertThat(byIdentifier.path("scopes").get(1).path("value").asText()).isEqualTo("write:orders");

        JsonNode patched = ok(call("PATCH", "resource-servers/" + id, admin,
                "{\"name\": \"Orders v1\", \"token_lifetime\": 60}"), 200).json();
        assertThat(patched.path("name").asText()).isEqualTo("Orders v1");
        assertThat(patched.path("token_lifetime").asInt()).isEqualTo(60);

        ok(call("DELETE", "resource-servers/" + id, admin, null), 204);
        assertManagementError(call("GET", "resource-servers/" + id, admin, null), 404, "inexistent_resource_server");
    }

    // ---- ES256 access tokens

    /**
     * An API that chose ES256, end to end: its machine token and a user's token after password and MFA
     * are ES256, verified with the EC key the JWKS publishes (fetched over HTTP, found by kid); the ID
     * token stays RS256; UserInfo takes the ES256 token, the Management and MFA APIs refuse it.
     */
    @Test
    void anApiThatChoseES256GetsES256AccessTokensVerifiableWithThePublishedEcKey() throws Exception {
        String identifier = API + "es256/";
        JsonNode created = ok(call("POST", "resource-servers", admin, """
                {"identifier": "%s", "name": "Orders (ES256)", "signing_alg": "ES256", "allow_offline_access": true,
                 "scopes": [{"value": "read:orders", "description": "Read orders"}]}""".formatted(identifier)), 201)
                .json();
        assertThat(created.path("signing_alg").asText()).isEqualTo("ES256");
        assertThat(ok(call("GET", "resource-servers/" + created.path("id").asText(), admin, null), 200).json()
                .path("signing_alg").asText()).isEqualTo("ES256");
        JsonNode robot = machineClient("es256 robot");
        grant(robot.path("client_id").asText(), identifier, "read:orders");
        JWKSet published = JWKSet.parse(ok(api.send("GET", ".well-known/jwks.json", null, null), 200).body());

        String machine = ok(clientCredentials(robot.path("client_id").asText(), robot.path("client_secret").asText(),
                identifier), 200).text("access_token");

        SignedJWT machineJwt = SignedJWT.parse(machine);
        assertThat(machineJwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        JWK ecKey = published.getKeyByKeyId(machineJwt.getHeader().getKeyID());
        assertThat(ecKey).isInstanceOf(ECKey.class);
        assertThat(((ECKey) ecKey).getCurve()).isEqualTo(Curve.P_256);
        assertThat(ecKey.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(ecKey.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(machineJwt.verify(new ECDSAVerifier((ECKey) ecKey))).isTrue();
        assertThat(machineJwt.getJWTClaimsSet().getAudience()).containsExactly(identifier);
        assertThat(published.getKeys()).filteredOn(key -> key instanceof RSAKey)
                .allSatisfy(key -> assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256));
        assertManagementError(api.get("api/v2/clients", machine), 401, null);

        ApiResponse login = api.postJson(TOKEN, Map.of("grant_type", PASSWORD, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "username", SAM, "password", SAM_PASSWORD, "audience", identifier,
                "scope", "openid offline_access read:orders"));
        assertThat(login.error()).as(login.toString()).isEqualTo("mfa_required");
        String mfaToken = login.text("mfa_token");
        ApiResponse otp = ok(api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + mfaToken), 200);
        ApiResponse tokens = ok(api.postJson(TOKEN, Map.of("grant_type", MFA_OTP, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "mfa_token", mfaToken,
                "otp", E2eFixture.totp(otp.text("secret"), clock.instant()))), 200);

        SignedJWT access = SignedJWT.parse(tokens.text("access_token"));
        SignedJWT id = SignedJWT.parse(tokens.text("id_token"));
        assertThat(access.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(access.getHeader().getKeyID()).isEqualTo(ecKey.getKeyID());
        assertThat(access.verify(new ECDSAVerifier((ECKey) ecKey))).isTrue();
        assertThat(id.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(id.verify(new RSASSAVerifier((RSAKey) published.getKeyByKeyId(id.getHeader().getKeyID())))).isTrue();
        ApiResponse userInfo = ok(api.get("userinfo", tokens.text("access_token")), 200);
        assertThat(userInfo.text("sub")).isEqualTo(access.getJWTClaimsSet().getSubject());
        assertThat(api.get("mfa/authenticators", tokens.text("access_token")).status()).isEqualTo(401);

        ApiResponse renewed = ok(api.postJson(TOKEN, Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "refresh_token", tokens.text("refresh_token"))), 200);
        SignedJWT renewedAccess = SignedJWT.parse(renewed.text("access_token"));
        assertThat(renewedAccess.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(renewedAccess.verify(new ECDSAVerifier((ECKey) ecKey))).isTrue();
        assertThat(SignedJWT.parse(renewed.text("id_token")).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void anApiSwitchesBetweenRS256AndES256AndTheBuiltInOnesStayRS256() throws Exception {
        String id = registerApi(API + "switch/");
        JsonNode robot = machineClient("switching robot");
        grant(robot.path("client_id").asText(), API + "switch/", "read:orders");

        assertThat(ok(call("PATCH", "resource-servers/" + id, admin, "{\"signing_alg\": \"ES256\"}"), 200).json()
                .path("signing_alg").asText()).isEqualTo("ES256");
        String es = ok(clientCredentials(robot.path("client_id").asText(), robot.path("client_secret").asText(),
                API + "switch/"), 200).text("access_token");
        ok(call("PATCH", "resource-servers/" + id, admin, "{\"signing_alg\": \"RS256\"}"), 200);
        String rs = ok(clientCredentials(robot.path("client_id").asText(), robot.path("client_secret").asText(),
                API + "switch/"), 200).text("access_token");

        assertThat(SignedJWT.parse(es).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(SignedJWT.parse(rs).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        ApiResponse hs = call("PATCH", "resource-servers/" + id, admin, "{\"signing_alg\": \"HS256\"}");
        assertManagementError(hs, 400, "invalid_body");
        assertThat(hs.text("message")).contains("signing_alg", "RS256 or ES256");
        assertManagementError(call("PATCH", "resource-servers/" + urlEncode(RunningApp.ISSUER + "mfa/"), admin,
                "{\"signing_alg\": \"ES256\"}"), 403, "operation_not_supported");
        assertThat(ok(call("GET", "resource-servers", admin, null), 200).json().path("resource_servers"))
                .filteredOn(api -> api.path("is_system").asBoolean())
                .allSatisfy(api -> assertThat(api.path("signing_alg").asText()).isEqualTo("RS256"));
    }

    @Test
    void refusesBadApisAndChangesToBuiltInOnes() {
        registerApi(API + "dup/");
        assertManagementError(call("POST", "resource-servers", admin, "{\"identifier\": \"" + API + "dup/\"}"), 409,
                "resource_server_conflict");
        assertManagementError(call("POST", "resource-servers", admin, "{\"identifier\": \"" + MANAGEMENT + "\"}"), 409,
                "resource_server_conflict");
        assertManagementError(call("POST", "resource-servers", admin,
                "{\"identifier\": \"urn:hs\", \"signing_alg\": \"HS256\"}"), 400, "invalid_body");
        assertManagementError(call("POST", "resource-servers", admin,
                "{\"identifier\": \"urn:bad-scope\", \"scopes\": [{\"value\": \"two words\"}]}"), 400, "invalid_body");
        assertManagementError(call("POST", "resource-servers", admin,
                "{\"identifier\": \"urn:long\", \"token_lifetime\": 99999999}"), 400, "invalid_body");
        assertManagementError(call("POST", "resource-servers", admin, "{\"name\": \"no identifier\"}"), 400,
                "invalid_body");
        assertManagementError(call("PATCH", "resource-servers/" + urlEncode(MANAGEMENT), admin, "{\"name\": \"x\"}"),
                403, "operation_not_supported");
        assertManagementError(call("DELETE", "resource-servers/" + urlEncode(RunningApp.ISSUER + "mfa/"), admin, null),
                403, "operation_not_supported");
        assertManagementError(call("PATCH", "resource-servers/nothing", admin, "{\"name\": \"x\"}"), 404,
                "inexistent_resource_server");
        ok(call("GET", "resource-servers/urn%3Ahs", admin, null), 404);
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long clientCount() {
        return ok(call("GET", "clients?include_totals=true&per_page=1", admin, null), 200).json().path("total").asLong();
    }

    abstract io.twofold.mfa.jdbc.testing.TestDatabase e2eDatabase();
}
