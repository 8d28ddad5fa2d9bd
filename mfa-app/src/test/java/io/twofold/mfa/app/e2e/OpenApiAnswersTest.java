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
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.ManagementCalls.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /openapi.yaml} says the Management API answers is what it answers: real responses from
 * the running app, over its socket, validate against the schema the document gives for their
 * operation and status (JSON Schema 2020-12, formats asserted); and a wrong body does not.
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
        JsonNode created = documented("POST", "/api/v2/users", 201, call("POST", "api/v2/users", Map.of(
                "connection", Connections.DEFAULT, "email", "ana.schema@example.com", "password", "ana's long passphrase",
                "given_name", "Ana", "user_metadata", Map.of("plan", "gold"), "app_metadata", Map.of("tier", 2))));
        String id = created.path("user_id").asText();

        documented("GET", "/api/v2/users/{id}", 200, call("GET", "api/v2/users/" + encode(id), null));
        documented("GET", "/api/v2/users", 200, call("GET", "api/v2/users?include_totals=true&per_page=2", null));
        documented("GET", "/api/v2/users", 200, call("GET", "api/v2/users?q=" + encode("email:\"ana.schema@example.com\""), null));
        documented("GET", "/api/v2/users-by-email", 200, call("GET", "api/v2/users-by-email?email=ana.schema%40example.com", null));
        documented("PATCH", "/api/v2/users/{id}", 200, call("PATCH", "api/v2/users/" + encode(id),
                Map.of("blocked", true, "name", "Ana S.")));
    }

    @Test
    void authenticationMethodsAndEnrollmentsAreAsDocumented() {
        String id = call("POST", "api/v2/users", Map.of("connection", Connections.DEFAULT,
                "email", "ben.schema@example.com", "password", "ben's long passphrase")).json().path("user_id").asText();
        String methods = "api/v2/users/" + encode(id) + "/authentication-methods";

        documented("POST", "/api/v2/users/{id}/authentication-methods", 201,
                call("POST", methods, Map.of("type", "totp", "name", "Phone app", "totp_secret", SEED)));
        documented("POST", "/api/v2/users/{id}/authentication-methods", 201,
                call("POST", methods, Map.of("type", "phone", "phone_number", "+15551234567",
                        "preferred_authentication_method", "voice")));
        documented("GET", "/api/v2/users/{id}/authentication-methods", 200, call("GET", methods, null));
        documented("GET", "/api/v2/users/{id}/authentication-methods", 200,
                call("GET", methods + "?include_totals=true&per_page=1", null));
        documented("GET", "/api/v2/users/{id}/enrollments", 200,
                call("GET", "api/v2/users/" + encode(id) + "/enrollments", null));
        documented("POST", "/api/v2/users/{id}/recovery-code-regeneration", 200,
                call("POST", "api/v2/users/" + encode(id) + "/recovery-code-regeneration", Map.of()));
        documented("GET", "/api/v2/guardian/factors", 200, call("GET", "api/v2/guardian/factors", null));
        documented("GET", "/api/v2/guardian/policies", 200, call("GET", "api/v2/guardian/policies", null));
    }

    @Test
    void clientsGrantsAndResourceServersAreAsDocumented() {
        JsonNode client = documented("POST", "/api/v2/clients", 201, call("POST", "api/v2/clients", Map.of(
                "name", "Schema client", "app_type", "non_interactive", "grant_types", List.of("client_credentials"),
                "client_metadata", Map.of("team", "ops"), "logo_uri", "https://example.com/logo.png")));
        String clientId = client.path("client_id").asText();
        documented("GET", "/api/v2/clients/{id}", 200, call("GET", "api/v2/clients/" + clientId, null));
        documented("GET", "/api/v2/clients", 200, call("GET", "api/v2/clients?include_totals=true", null));
        documented("POST", "/api/v2/clients/{id}/rotate-secret", 200,
                call("POST", "api/v2/clients/" + clientId + "/rotate-secret", Map.of()));

        JsonNode api = documented("POST", "/api/v2/resource-servers", 201, call("POST", "api/v2/resource-servers",
                Map.of("identifier", "https://schema.example.com/", "name", "Schema API", "token_lifetime", 600,
                        "scopes", List.of(Map.of("value", "read:things", "description", "Read things")))));
        documented("GET", "/api/v2/resource-servers/{id}", 200,
                call("GET", "api/v2/resource-servers/" + api.path("id").asText(), null));
        documented("GET", "/api/v2/resource-servers", 200, call("GET", "api/v2/resource-servers?include_totals=true", null));

        JsonNode grant = documented("POST", "/api/v2/client-grants", 201, call("POST", "api/v2/client-grants",
                Map.of("client_id", clientId, "audience", "https://schema.example.com/", "scope", List.of("read:things"))));
        documented("GET", "/api/v2/client-grants/{id}", 200,
                call("GET", "api/v2/client-grants/" + grant.path("id").asText(), null));
        documented("GET", "/api/v2/client-grants", 200, call("GET", "api/v2/client-grants?take=1", null));
    }

    @Test
    void importJobsTheirErrorsAndLogEventsAreAsDocumented() {
        String users = "[{\"email\":\"cleo.schema@example.com\",\"email_verified\":true},"
                + "{\"email\":\"not an address\",\"password_hash\":\"plain\"}]";
        byte[] form = new Multipart().field("connection_id", Connections.idOf(Connections.DEFAULT))
                .field("external_id", "schema-batch")
                .file("users", "users.json", "application/json", users.getBytes(StandardCharsets.UTF_8)).bytes();
        ApiResponse started = api.send("POST", "api/v2/jobs/users-imports?wait=true", Multipart.CONTENT_TYPE, form,
                "Authorization", "Bearer " + admin);
        JsonNode job = documented("POST", "/api/v2/jobs/users-imports", 200, started);
        documented("GET", "/api/v2/jobs/{id}", 200, call("GET", "api/v2/jobs/" + job.path("id").asText(), null));
        documented("GET", "/api/v2/jobs/{id}/errors", 200,
                call("GET", "api/v2/jobs/" + job.path("id").asText() + "/errors", null));

        JsonNode page = documented("GET", "/api/v2/logs", 200, call("GET", "api/v2/logs?include_totals=true", null));
        assertThat(page.path("logs")).isNotEmpty();
        String logId = page.path("logs").get(0).path("log_id").asText();
        documented("GET", "/api/v2/logs/{id}", 200, call("GET", "api/v2/logs/" + logId, null));
        documented("GET", "/api/v2/logs", 200, call("GET", "api/v2/logs?from=" + logId + "&take=5", null));
    }

    @Test
    void refusalsAreAsDocumented() {
        documented("GET", "/api/v2/users/{id}", 404, call("GET", "api/v2/users/" + encode("auth0|nobody"), null));
        documented("POST", "/api/v2/users", 400, call("POST", "api/v2/users", Map.of("email", 42)));
        documented("GET", "/api/v2/users", 400, call("GET", "api/v2/users?per_page=1000", null));
        documented("GET", "/api/v2/clients", 401, api.send("GET", "api/v2/clients", null, null));
        documented("GET", "/api/v2/logs", 403, api.get("api/v2/logs", managementToken("read:users")));
        documented("POST", "/api/v2/client-grants", 409, conflictingGrant());
    }

    @Test
    void aBodyThatIsNotTheDocumentedOneFails() {
        ObjectNode user = (ObjectNode) call("POST", "api/v2/users", Map.of("connection", Connections.DEFAULT,
                "email", "dan.schema@example.com", "password", "dan's long passphrase")).json();
        assertThat(schemas.problems("POST", "/api/v2/users", 201, user)).isEmpty();

        assertThat(schemas.problems("POST", "/api/v2/users", 201, user.deepCopy().put("created_at", "yesterday")))
                .singleElement().asString().contains("created_at");
        ObjectNode withoutId = user.deepCopy();
        withoutId.remove("user_id");
        assertThat(schemas.problems("POST", "/api/v2/users", 201, withoutId)).singleElement().asString().contains("user_id");
        assertThat(schemas.problemsAs("ManagementError", JSON.createObjectNode().put("statusCode", "400"))).isNotEmpty();
    }

    private ApiResponse conflictingGrant() {
        String clientId = call("POST", "api/v2/clients", Map.of("name", "Twice granted", "grant_types",
                List.of("client_credentials"))).json().path("client_id").asText();
        Map<String, Object> grant = Map.of("client_id", clientId, "audience", RunningApp.ISSUER + "api/v2/",
                "scope", List.of("read:users"));
        assertThat(call("POST", "api/v2/client-grants", grant).status()).isEqualTo(201);
        return call("POST", "api/v2/client-grants", grant);
    }

    /** The answer's JSON, once it has validated against what the document says that operation answers with that status. */
    private JsonNode documented(String method, String path, int status, ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json()).as("a JSON body: " + response).isNotNull();
        assertThat(schemas.problems(method, path, status, response.json())).as(method + " " + path + " " + status
                + " answered " + response.body()).isEmpty();
        return response.json();
    }

    private ApiResponse call(String method, String path, Map<String, ?> body) {
        try {
            return api.send(method, path, "application/json", body == null ? null : JSON.writeValueAsBytes(body),
                    "Authorization", "Bearer " + admin);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
