package io.twofold.mfa.app.e2e;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /openapi.yaml} is a valid OpenAPI 3.1 document of exactly what this server answers: every
 * route the running app has is in it, and nothing else; the MFA API's bodies, error shapes and
 * Auth0's grant-type URIs are described.
 */
class OpenApiDocumentTest {
    @TempDir
    static Path dir;

    private static String yaml;
    private static String contentType;
    private static Set<String> served;

    @BeforeAll
    static void fetchTheDocumentAndTheRoutes() throws IOException, InterruptedException {
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(E2eFixture.properties(dir, webhook), E2eFixture.clock())) {
            URI base = app.bean(EmbeddedServer.class).getURI();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/openapi.yaml")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            yaml = response.body();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            // Micronaut answers HEAD for every GET by itself; the document lists what the controllers declare.
            served = app.bean(Router.class).uriRoutes()
                    .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                    .map(OpenApiDocumentTest::operation)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void isAValidOpenApi31DocumentServedAsYaml() {
        ParseOptions resolvingEveryReference = new ParseOptions();
        resolvingEveryReference.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(yaml, null, resolvingEveryReference);

        assertThat(contentType).startsWith("application/yaml");
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void listsEveryEndpointTheControllersServeAndNothingElse() {
        Set<String> documented = new TreeSet<>();
        parse().getOpenAPI().getPaths().forEach((path, item) ->
                item.readOperationsMap().keySet().forEach(method -> documented.add(method.name() + " " + path)));

        assertThat(served).contains("POST /oauth/token", "GET /api/v2/users", "GET /health/readiness",
                "GET /openapi.yaml");
        assertThat(documented).isEqualTo(served);
    }

    @Test
    @SuppressWarnings("unchecked")
    void describesTheGrantTypesAndBothErrorShapes() {
        OpenAPI api = parse().getOpenAPI();
        Map<String, Schema> schemas = api.getComponents().getSchemas();

        Schema<Object> grantType = (Schema<Object>) schemas.get("TokenRequest").getProperties().get("grant_type");
        assertThat(grantType.getEnum()).map(String::valueOf).contains(
                "password", "http://auth0.com/oauth/grant-type/mfa-otp", "http://auth0.com/oauth/grant-type/mfa-oob",
                "http://auth0.com/oauth/grant-type/mfa-recovery-code", "refresh_token", "client_credentials");
        assertThat(schemas.get("OAuthError").getRequired()).containsExactlyInAnyOrder("error", "error_description");
        assertThat(schemas.get("ManagementError").getRequired()).containsExactlyInAnyOrder("statusCode", "error", "message");

        Operation token = api.getPaths().get("/oauth/token").getPost();
        assertThat(token.getRequestBody().get$ref()).isEqualTo("#/components/requestBodies/Token");
        assertThat(token.getResponses()).containsKeys("200", "400", "401", "403", "429", "503");

        Operation listUsers = api.getPaths().get("/api/v2/users").getGet();
        assertThat(listUsers.getResponses().get("4XX").get$ref()).isEqualTo("#/components/responses/ManagementRefusal");
        assertThat(listUsers.getSecurity()).singleElement().satisfies(requirement ->
                assertThat(requirement).containsKey("managementToken"));
    }

    @Test
    void givesEveryOperationAUniqueIdNamedForItsRoute() {
        Set<String> ids = new TreeSet<>();
        int operations = 0;
        for (PathItem item : parse().getOpenAPI().getPaths().values()) {
            for (Operation operation : item.readOperations()) {
                operations++;
                ids.add(operation.getOperationId());
            }
        }
        assertThat(ids).hasSize(operations).contains("postOauthToken", "getApiV2UsersId");
    }

    private static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new OpenAPIParser().readContents(yaml, null, options);
    }

    private static String operation(UriRouteInfo<?, ?> route) {
        HttpMethod method = route.getHttpMethod();
        return method.name() + " " + route.getUriMatchTemplate().toPathString();
    }
}
