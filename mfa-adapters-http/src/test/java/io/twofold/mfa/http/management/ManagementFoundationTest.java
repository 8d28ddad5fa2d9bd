package io.twofold.mfa.http.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.twofold.mfa.http.token.JwtSettings;
import io.twofold.mfa.http.token.JwtTokenIssuer;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.User;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.TokenRequest;
import io.twofold.mfa.secret.SecureRandomSource;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Management API's common ground over a real socket: who may call, error shape, paging, bodies, headers. */
class ManagementFoundationTest {
    static final String ENV = "management-foundation-test";
    static final String AUDIENCE = ManagementProbe.ISSUER + "api/v2/";
    static final ObjectMapper JSON = new ObjectMapper();

    static EmbeddedServer server;
    static JwtTokenIssuer tokens;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "micronaut.server.host", "127.0.0.1"), ENV);
        tokens = server.getApplicationContext().getBean(JwtTokenIssuer.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String machineToken(String... scopes) {
        return tokens.machineToken(new ClientId("ops"), AUDIENCE, new Scope(List.of(scopes)), Duration.ofHours(1));
    }

    HttpResponse<String> call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                // auth0-java sends this on every request, GET and DELETE included.
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void refusesACallWithoutATokenInAuth0sShape() throws Exception {
        HttpResponse<String> response = call("GET", "/api/v2/probes", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).isEqualTo(JSON.readTree("{\"statusCode\":401,\"error\":\"Unauthorized\","
                + "\"message\":\"Missing authentication\",\"attributes\":{\"error\":\"Missing authentication\"}}"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ManagementJson.CONTENT_TYPE);
    }

    @Test
    void refusesTokensThatAreNotMachineTokensForTheManagementApi() throws Exception {
        JwtTokenIssuer otherIssuer = new JwtTokenIssuer(JwtSettings.forIssuer("https://other.test/"), Clock.systemUTC(),
                ManagementProbe.KEY, new SecureRandomSource());
        IssuedTokens userToken = tokens.issue(new TokenRequest(new User(new UserId("auth0|u1"), "jane", Option.none()),
                new ClientId("app"), Option.some(AUDIENCE), Scope.parse("read:probes"), false, Instant.now()));
        java.util.List<String> refused = java.util.List.of(
                "not-a-jwt",
                userToken.accessToken(),
                tokens.machineToken(new ClientId("ops"), ManagementProbe.ISSUER + "mfa/", Scope.parse("read:probes"),
                        Duration.ofHours(1)),
                otherIssuer.machineToken(new ClientId("ops"), AUDIENCE, Scope.parse("read:probes"), Duration.ofHours(1)));

        for (String bearer : refused) {
            HttpResponse<String> response = call("GET", "/api/v2/probes", bearer, null);
            assertThat(response.statusCode()).as(bearer).isEqualTo(401);
            assertThat(json(response).get("message").asText()).isEqualTo("Invalid token");
        }
    }

    @Test
    void saysAnExpiredTokenHasExpired() throws Exception {
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC);
        JwtTokenIssuer past = new JwtTokenIssuer(JwtSettings.forIssuer(ManagementProbe.ISSUER), yesterday,
                ManagementProbe.KEY, new SecureRandomSource());

        HttpResponse<String> response = call("GET", "/api/v2/probes",
                past.machineToken(new ClientId("ops"), AUDIENCE, Scope.parse("read:probes"), Duration.ofDays(1)), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("message").asText()).isEqualTo("Expired token");
    }

    @Test
    void refusesATokenWithoutTheScopeWithAuth0sExactBody() throws Exception {
        HttpResponse<String> response = call("GET", "/api/v2/probes", machineToken("create:probes"), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response)).isEqualTo(JSON.readTree("{\"statusCode\":403,\"error\":\"Forbidden\","
                + "\"message\":\"Insufficient scope, expected any of: read:probes, read:everything\","
                + "\"errorCode\":\"insufficient_scope\"}"));
    }

    @Test
    void answersABareArrayWithoutTotalsAndAnObjectWithThem() throws Exception {
        String token = machineToken("read:everything");

        JsonNode bare = json(call("GET", "/api/v2/probes?page=1&per_page=10", token, null));
        JsonNode totals = json(call("GET", "/api/v2/probes?page=2&per_page=10&include_totals=true", token, null));
        JsonNode pastTheEnd = json(call("GET", "/api/v2/probes?page=7&per_page=10&include_totals=true", token, null));

        assertThat(bare.isArray()).isTrue();
        assertThat(bare.get(0).get("id").asText()).isEqualTo("p10");
        assertThat(totals.get("start").asInt()).isEqualTo(20);
        assertThat(totals.get("limit").asInt()).isEqualTo(10);
        assertThat(totals.get("length").asInt()).isEqualTo(5);
        assertThat(totals.get("total").asInt()).isEqualTo(25);
        assertThat(totals.get("probes")).hasSize(5);
        assertThat(pastTheEnd.get("probes")).isEmpty();
        assertThat(pastTheEnd.get("total").asInt()).isEqualTo(25);
    }

    @Test
    void refusesBadPagingAsAQueryError() throws Exception {
        String token = machineToken("read:probes");

        for (String query : java.util.List.of("per_page=101", "per_page=-1", "page=x", "include_totals=yes")) {
            HttpResponse<String> response = call("GET", "/api/v2/probes?" + query, token, null);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).get("errorCode").asText()).isEqualTo("invalid_query_string");
            assertThat(json(response).get("error").asText()).isEqualTo("Bad Request");
        }
    }

    @Test
    void decodesPercentEncodedPathIdsAndReadsTheBody() throws Exception {
        HttpResponse<String> response = call("POST", "/api/v2/probes/auth0%7Cabc", machineToken("create:probes"),
                "{\"name\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("id").asText()).isEqualTo("auth0|abc");
        assertThat(json(response).get("body").get("name").asText()).isEqualTo("x");
        assertThat(json(response).get("client").asText()).isEqualTo("ops");
    }

    @Test
    void refusesBodiesThatAreNotAJsonObject() throws Exception {
        String token = machineToken("create:probes");

        for (String body : java.util.List.of("", "\"\"", "[1]", "{\"a\":", "{} {}", "{\"password\":\"hunter2\"")) {
            HttpResponse<String> response = call("POST", "/api/v2/probes/p1", token, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).get("errorCode").asText()).isEqualTo("invalid_body");
            assertThat(response.body()).doesNotContain("hunter2");
        }
    }

    @Test
    void answersNoContentAsJson() throws Exception {
        HttpResponse<String> response = call("DELETE", "/api/v2/probes/p1", machineToken("delete:probes"), null);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answersUnknownRoutesMethodsAndFailuresInTheManagementShape() throws Exception {
        String token = machineToken("read:probes");

        HttpResponse<String> unknown = call("GET", "/api/v2/nothing-here", token, null);
        HttpResponse<String> wrongMethod = call("PUT", "/api/v2/probes", token, "{}");
        HttpResponse<String> failure = call("GET", "/api/v2/probes/fail", token, null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("statusCode").asInt()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).isEqualTo("Not Found");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("error").asText()).isEqualTo("Method Not Allowed");
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(json(failure).get("statusCode").asInt()).isEqualTo(500);
        assertThat(failure.body()).doesNotContain("s3cr3t").doesNotContain("Exception");
    }

    @Test
    void reportsTheRateLimitInIntegerHeaders() throws Exception {
        HttpResponse<String> response = call("GET", "/api/v2/probes", machineToken("read:probes"), null);

        assertThat(Long.parseLong(response.headers().firstValue("X-RateLimit-Limit").orElseThrow()))
                .isEqualTo(ManagementRateLimit.DEFAULT_PER_SECOND);
        assertThat(Long.parseLong(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow()))
                .isBetween(0L, (long) ManagementRateLimit.DEFAULT_PER_SECOND - 1);
        assertThat(Long.parseLong(response.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
                .isGreaterThan(Instant.now().getEpochSecond() - 2);
    }

    @Test
    void refusesACallerOverItsLimitWithAuth0s429() throws Exception {
        try (EmbeddedServer limited = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "micronaut.server.host", "127.0.0.1", "twofold.management.rate-limit", 2), ENV)) {
            String token = machineToken("read:probes");
            HttpResponse<String> last = null;
            for (int i = 0; i < 6; i++) {
                last = http.send(HttpRequest.newBuilder(URI.create(limited.getURL() + "/api/v2/probes"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == 429) {
                    break;
                }
            }

            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(json(last)).isEqualTo(JSON.readTree("{\"statusCode\":429,\"error\":\"Too Many Requests\","
                    + "\"message\":\"Global limit has been reached\",\"errorCode\":\"too_many_requests\"}"));
            assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(last.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        }
    }
}
