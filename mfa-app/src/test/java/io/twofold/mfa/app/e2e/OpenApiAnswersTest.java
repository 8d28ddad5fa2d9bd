package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import io.twofold.mfa.model.Connections;
import io.twofold.mfa.policy.BuiltInApis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.ManagementCalls.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /openapi.yaml} says of the Management API is what it does: each request below is an
 * instance of the request body the document gives for its operation, and each real answer of the
 * running app, over its socket, validates against the schema the document gives for its operation
 * and status (JSON Schema 2020-12, formats asserted); a 204 is documented without a body. A wrong
 * body does not validate, so the check can fail.
 */
class OpenApiAnswersTest extends AbstractAppTest {
    private static final String SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentedSchemas schemas;
    private String admin;

    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }

    @BeforeAll
    void readTheDocument() throws IOException, InterruptedException {
        HttpResponse<String> document = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(app.uri().toString()).resolve("/openapi.yaml")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        schemas = new DocumentedSchemas(document.body());
        admin = managementToken(BuiltInApis.MANAGEMENT_SCOPES.toJavaList().toArray(String[]::new));
    }

    @Test
    void usersAndPagesOfUsersAreAsDocumented() {
        JsonNode created = exchange("POST", "/api/v2/users", "api/v2/users", 201, Map.of(
                "connection", Connections.DEFAULT, "email", "ana.schema@example.com", "password", "ana's long passphrase",
                "given_name", "Ana", "user_metadata", Map.of("plan", "gold"), "app_metadata", Map.of("tier", 2)));
        String user = "api/v2/users/" + encode(created.path("user_id").asText());

        exchange("GET", "/api/v2/users/{id}", user, 200, null);
        exchange("GET", "/api/v2/users", "api/v2/users", 200, null);
        exchange("GET", "/api/v2/users", "api/v2/users?include_totals=true&per_page=2&sort=created_at:-1", 200, null);
        exchange("GET", "/api/v2/users", "api/v2/users?q=" + encode("email:\"ana.schema@example.com\""), 200, null);
        exchange("GET", "/api/v2/users-by-email", "api/v2/users-by-email?email=ana.schema%40example.com", 200, null);
        exchange("PATCH", "/api/v2/users/{id}", user, 200, Map.of("blocked", true, "name", "Ana S."));
        exchange("GET", "/api/v2/users/{id}/logs", user + "/logs?include_totals=true", 200, null);
        exchange("DELETE", "/api/v2/users/{id}", user, 204, null);
    }

    @Test
    void authenticationMethodsGuardianEnrollmentsAndFactorsAreAsDocumented() {
        String user = "api/v2/users/" + encode(exchange("POST", "/api/v2/users", "api/v2/users", 201, Map.of(
                "connection", Connections.DEFAULT, "email", "ben.schema@example.com", "password", "ben's long passphrase"))
                .path("user_id").asText());
        String methods = user + "/authentication-methods";

        exchange("POST", "/api/v2/users/{id}/authentication-methods", methods, 201,
                Map.of("type", "totp", "name", "Phone app", "totp_secret", SEED));
        JsonNode phone = exchange("POST", "/api/v2/users/{id}/authentication-methods", methods, 201,
                Map.of("type", "phone", "phone_number", "+15551234567", "preferred_authentication_method", "voice"));
        String phoneId = encode(phone.path("id").asText());
        exchange("PATCH", "/api/v2/users/{id}/authentication-methods/{methodId}", methods + "/" + phoneId, 200,
                Map.of("name", "Desk phone", "preferred_authentication_method", "sms"));
        exchange("GET", "/api/v2/users/{id}/authentication-methods/{methodId}", methods + "/" + phoneId, 200, null);
        exchange("GET", "/api/v2/users/{id}/authentication-methods", methods, 200, null);
        exchange("GET", "/api/v2/users/{id}/authentication-methods", methods + "?include_totals=true&per_page=1", 200, null);
        JsonNode enrollments = exchange("GET", "/api/v2/users/{id}/enrollments", user + "/enrollments", 200, null);
        exchange("GET", "/api/v2/guardian/enrollments/{id}",
                "api/v2/guardian/enrollments/" + enrollments.get(0).path("id").asText(), 200, null);
        exchange("POST", "/api/v2/users/{id}/recovery-code-regeneration", user + "/recovery-code-regeneration", 200, null);
        exchange("DELETE", "/api/v2/users/{id}/authentication-methods/{methodId}", methods + "/" + phoneId, 204, null);
        exchange("PUT", "/api/v2/users/{id}/authentication-methods", methods, 200,
                List.of(Map.of("type", "totp", "totp_secret", SEED)));

        exchange("GET", "/api/v2/guardian/factors", "api/v2/guardian/factors", 200, null);
        exchange("PUT", "/api/v2/guardian/factors/{name}", "api/v2/guardian/factors/otp", 200, Map.of("enabled", true));
        exchange("PUT", "/api/v2/guardian/policies", "api/v2/guardian/policies", 200, List.of());
        exchange("GET", "/api/v2/guardian/policies", "api/v2/guardian/policies", 200, null);
    }

    @Test
    void clientsCredentialsGrantsAndResourceServersAreAsDocumented() throws GeneralSecurityException {
        JsonNode client = exchange("POST", "/api/v2/clients", "api/v2/clients", 201, Map.of(
                "name", "Schema client", "app_type", "non_interactive", "grant_types", List.of("client_credentials"),
                "client_metadata", Map.of("team", "ops"), "logo_uri", "https://example.com/logo.png",
                "refresh_token", Map.of("rotation_type", "rotating", "token_lifetime", 86400)));
        String clientPath = "api/v2/clients/" + client.path("client_id").asText();
        exchange("GET", "/api/v2/clients/{id}", clientPath, 200, null);
        exchange("GET", "/api/v2/clients", "api/v2/clients?include_totals=true", 200, null);
        exchange("PATCH", "/api/v2/clients/{id}", clientPath, 200, Map.of("description", "For the schema test",
                "mfa_policy", "never", "token_endpoint_auth_method", "client_secret_basic"));
        exchange("POST", "/api/v2/clients/{id}/rotate-secret", clientPath + "/rotate-secret", 200, null);

        JsonNode key = exchange("POST", "/api/v2/clients/{id}/credentials", clientPath + "/credentials", 201,
                Map.of("credential_type", "public_key", "name", "Signing key", "pem", publicKeyPem(), "alg", "RS256",
                        "expires_at", "2030-01-01T00:00:00.000Z"));
        exchange("GET", "/api/v2/clients/{id}/credentials", clientPath + "/credentials", 200, null);
        exchange("GET", "/api/v2/clients/{id}/credentials/{credentialId}",
                clientPath + "/credentials/" + key.path("id").asText(), 200, null);

        JsonNode api = exchange("POST", "/api/v2/resource-servers", "api/v2/resource-servers", 201,
                Map.of("identifier", "https://schema.example.com/", "name", "Schema API", "token_lifetime", 600,
                        "scopes", List.of(Map.of("value", "read:things", "description", "Read things"))));
        String apiPath = "api/v2/resource-servers/" + api.path("id").asText();
        exchange("GET", "/api/v2/resource-servers/{id}", apiPath, 200, null);
        exchange("PATCH", "/api/v2/resource-servers/{id}", apiPath, 200, Map.of("allow_offline_access", true));
        exchange("GET", "/api/v2/resource-servers", "api/v2/resource-servers?include_totals=true", 200, null);

        JsonNode grant = exchange("POST", "/api/v2/client-grants", "api/v2/client-grants", 201, Map.of(
                "client_id", client.path("client_id").asText(), "audience", "https://schema.example.com/",
                "scope", List.of("read:things")));
        String grantPath = "api/v2/client-grants/" + grant.path("id").asText();
        exchange("GET", "/api/v2/client-grants/{id}", grantPath, 200, null);
        exchange("PATCH", "/api/v2/client-grants/{id}", grantPath, 200, Map.of("scope", List.of("read:things")));
        exchange("GET", "/api/v2/client-grants", "api/v2/client-grants?include_totals=true", 200, null);
        exchange("GET", "/api/v2/client-grants", "api/v2/client-grants?take=1", 200, null);
        exchange("DELETE", "/api/v2/client-grants/{id}", grantPath, 204, null);
    }

    @Test
    void importJobsTheirErrorsAndLogEventsAreAsDocumented() {
        String users = "[{\"email\":\"cleo.schema@example.com\",\"email_verified\":true},"
                + "{\"email\":\"not an address\",\"password_hash\":\"plain\"}]";
        byte[] form = new Multipart().field("connection_id", Connections.idOf(Connections.DEFAULT))
                .field("external_id", "schema-batch")
                .file("users", "users.json", "application/json", users.getBytes(StandardCharsets.UTF_8)).bytes();
        JsonNode job = documented("POST", "/api/v2/jobs/users-imports", 200, api.send("POST",
                "api/v2/jobs/users-imports?wait=true", Multipart.CONTENT_TYPE, form, "Authorization", "Bearer " + admin));
        exchange("GET", "/api/v2/jobs/{id}", "api/v2/jobs/" + job.path("id").asText(), 200, null);
        exchange("GET", "/api/v2/jobs/{id}/errors", "api/v2/jobs/" + job.path("id").asText() + "/errors", 200, null);
        documented("POST", "/api/v2/jobs/users-imports", 202, api.send("POST", "api/v2/jobs/users-imports",
                Multipart.CONTENT_TYPE, form, "Authorization", "Bearer " + admin));

        JsonNode page = exchange("GET", "/api/v2/logs", "api/v2/logs?include_totals=true", 200, null);
        assertThat(page.path("logs")).isNotEmpty();
        String logId = page.path("logs").get(0).path("log_id").asText();
        exchange("GET", "/api/v2/logs/{id}", "api/v2/logs/" + logId, 200, null);
        exchange("GET", "/api/v2/logs", "api/v2/logs?from=" + logId + "&take=5", 200, null);
        exchange("GET", "/api/v2/logs", "api/v2/logs?q=" + encode("type:sapi") + "&sort=date:1", 200, null);
    }

    @Test
    void refusalsAreAsDocumented() {
        Map<String, Object> wrongType = Map.of("connection", Connections.DEFAULT, "email", 42);
        assertThat(schemas.requestProblems("POST", "/api/v2/users", JSON.valueToTree(wrongType))).isNotEmpty();
        documented("POST", "/api/v2/users", 400, call("POST", "api/v2/users", wrongType));
        documented("GET", "/api/v2/users/{id}", 404, call("GET", "api/v2/users/" + encode("auth0|nobody"), null));
        documented("GET", "/api/v2/users", 400, call("GET", "api/v2/users?per_page=1000", null));
        documented("GET", "/api/v2/clients", 401, api.send("GET", "api/v2/clients", null, null));
        documented("GET", "/api/v2/logs", 403, api.get("api/v2/logs", managementToken("read:users")));
        documented("GET", "/api/v2/jobs/{id}", 404, call("GET", "api/v2/jobs/job_0000000000000000", null));
        String clientId = call("POST", "api/v2/clients", Map.of("name", "Twice granted", "grant_types",
                List.of("client_credentials"))).json().path("client_id").asText();
        Map<String, Object> grant = Map.of("client_id", clientId, "audience", RunningApp.ISSUER + "api/v2/",
                "scope", List.of("read:users"));
        exchange("POST", "/api/v2/client-grants", "api/v2/client-grants", 201, grant);
        documented("POST", "/api/v2/client-grants", 409, call("POST", "api/v2/client-grants", grant));
    }

    @Test
    void aBodyThatIsNotTheDocumentedOneFails() {
        ObjectNode user = (ObjectNode) exchange("POST", "/api/v2/users", "api/v2/users", 201, Map.of(
                "connection", Connections.DEFAULT, "email", "dan.schema@example.com", "password", "dan's long passphrase"));

        assertThat(schemas.problems("POST", "/api/v2/users", 201, user.deepCopy().put("created_at", "yesterday")))
                .singleElement().asString().contains("created_at");
        ObjectNode withoutId = user.deepCopy();
        withoutId.remove("user_id");
        assertThat(schemas.problems("POST", "/api/v2/users", 201, withoutId)).singleElement().asString().contains("user_id");
        assertThat(schemas.problemsAs("ManagementError", JSON.createObjectNode().put("statusCode", "400"))).isNotEmpty();
        assertThat(schemas.requestProblems("POST", "/api/v2/users", JSON.createObjectNode().put("email", "a@example.com")))
                .singleElement().asString().contains("connection");
    }

    /**
     * Sends {@code body} (none when null), first checked against the document's request body of
     * {@code method template}, and returns the answer's JSON once it has validated against the
     * document's answer {@code status} (for a 204: once the document and the answer both have no body).
     */
    private JsonNode exchange(String method, String template, String path, int status, Object body) {
        if (body != null) {
            assertThat(schemas.requestProblems(method, template, JSON.valueToTree(body)))
                    .as("the request of " + method + " " + template).isEmpty();
        }
        ApiResponse response = call(method, path, body);
        if (status == 204) {
            assertThat(response.status()).as(response.toString()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
            assertThat(schemas.answersWithoutBody(method, template, 204)).as(method + " " + template).isTrue();
            return null;
        }
        return documented(method, template, status, response);
    }

    /** The answer's JSON, once it has validated against what the document says that operation answers with that status. */
    private JsonNode documented(String method, String template, int status, ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json()).as("a JSON body: " + response).isNotNull();
        assertThat(schemas.problems(method, template, status, response.json())).as(method + " " + template + " " + status
                + " answered " + response.body()).isEmpty();
        return response.json();
    }

    private ApiResponse call(String method, String path, Object body) {
        try {
            return api.send(method, path, "application/json", body == null ? null : JSON.writeValueAsBytes(body),
                    "Authorization", "Bearer " + admin);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String publicKeyPem() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
