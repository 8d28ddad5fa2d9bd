package io.twofold.mfa.app.e2e;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /openapi.yaml} is a valid OpenAPI 3.1 document of exactly what this server answers: every
 * route the running app has is in it, and nothing else; the MFA API's bodies, error shapes and
 * Auth0's grant-type URIs are described, and every Management API operation's bodies and answers
 * more closely than "a JSON object" ({@link OpenApiAnswersTest} checks them against real answers).
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

    @Test
    void describesWhatEveryManagementOperationTakesAndAnswersBeyondAJsonObject() {
        OpenAPI api = parse().getOpenAPI();
        List<String> vague = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            if (!path.getKey().startsWith("/api/v2/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String name = entry.getKey() + " " + path.getKey();
                Operation operation = entry.getValue();
                List<String> successes = operation.getResponses().keySet().stream()
                        .filter(status -> status.startsWith("2")).toList();
                if (successes.isEmpty()) {
                    vague.add(name + ": no 2xx answer");
                }
                for (String status : successes) {
                    Content content = resolved(api, operation.getResponses().get(status)).getContent();
                    if (status.equals("204") != (content == null || content.isEmpty())) {
                        vague.add(name + " " + status + ": a body on 204, or none on another 2xx");
                    }
                    if (content != null) {
                        content.forEach((media, type) -> {
                            if (!specific(type.getSchema())) {
                                vague.add(name + " " + status + " " + media + ": " + type.getSchema());
                            }
                        });
                    }
                }
                if (operation.getRequestBody() != null) {
                    operation.getRequestBody().getContent().forEach((media, type) -> {
                        if (!specific(type.getSchema())) {
                            vague.add(name + " request " + media + ": " + type.getSchema());
                        }
                    });
                }
                assertThat(operation.getResponses()).as(name).containsKeys("401", "403", "429", "4XX", "503");
            }
        }
        assertThat(operations).isGreaterThan(40);
        assertThat(vague).isEmpty();
    }

    /** A schema that says more than "any JSON" or "an object": a reference, members, items or alternatives. */
    @SuppressWarnings("rawtypes")
    private static boolean specific(Schema schema) {
        if (schema == null) {
            return false;
        }
        if (schema.get$ref() != null) {
            return true;
        }
        boolean object = "object".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("object"));
        boolean array = "array".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("array"));
        if (array) {
            return specific(schema.getItems());
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return ((List<?>) schema.getOneOf()).stream().allMatch(one -> specific((Schema) one));
        }
        return object ? schema.getProperties() != null && !schema.getProperties().isEmpty()
                : schema.getType() != null || schema.getTypes() != null;
    }

    private static ApiResponse resolved(OpenAPI api, ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response
                : api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
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
