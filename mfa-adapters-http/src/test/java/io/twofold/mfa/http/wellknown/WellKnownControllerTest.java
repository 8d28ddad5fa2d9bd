package io.twofold.mfa.http.wellknown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WellKnownControllerTest {
    static final String ENVIRONMENT = "wellknown-test";
    static EmbeddedServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1, "micronaut.server.host", "127.0.0.1"), ENVIRONMENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePublishedJwks() throws Exception {
        HttpResponse<String> response = get("/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(new ObjectMapper().readTree(response.body())).isEqualTo(new ObjectMapper().readTree(WellKnownTestFactory.JWKS));
    }

    @Test
    void theAuthorizationEndpointRefusesEveryRequestWithoutFollowingTheRedirect() throws Exception {
        HttpResponse<String> response = get("/authorize?response_type=code&client_id=app"
                + "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&scope=openid&state=s1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("unsupported_response_type");
        assertThat(body.get("error_description").asText()).contains("no browser sign-in");
    }

    @Test
    void servesTheOpenIdConfiguration() throws Exception {
        HttpResponse<String> response = get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = new ObjectMapper().readTree(response.body());
        assertThat(doc.get("issuer").asText()).isEqualTo("http://localhost:8080/");
        assertThat(doc.get("token_endpoint").asText()).isEqualTo("http://localhost:8080/oauth/token");
        assertThat(doc.get("authorization_endpoint").asText()).isEqualTo("http://localhost:8080/authorize");
        assertThat(doc.get("jwks_uri").asText()).isEqualTo("http://localhost:8080/.well-known/jwks.json");
        assertThat(doc.get("revocation_endpoint").asText()).isEqualTo("http://localhost:8080/oauth/revoke");
        assertThat(texts(doc.get("grant_types_supported"))).containsExactlyInAnyOrder(
                "password",
                "http://auth0.com/oauth/grant-type/password-realm",
                "http://auth0.com/oauth/grant-type/mfa-otp",
                "http://auth0.com/oauth/grant-type/mfa-oob",
                "http://auth0.com/oauth/grant-type/mfa-recovery-code",
                "client_credentials",
                "refresh_token");
        assertThat(texts(doc.get("response_types_supported"))).containsExactly("token");
        assertThat(texts(doc.get("token_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_post", "client_secret_basic", "private_key_jwt", "none");
        assertThat(texts(doc.get("token_endpoint_auth_signing_alg_values_supported")))
                .containsExactly("RS256", "RS384", "PS256", "ES256");
        assertThat(texts(doc.get("revocation_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_post", "client_secret_basic", "private_key_jwt", "none");
        assertThat(texts(doc.get("id_token_signing_alg_values_supported"))).containsExactly("RS256");
        assertThat(texts(doc.get("subject_types_supported"))).containsExactly("public");
        assertThat(texts(doc.get("scopes_supported"))).containsExactly(
                "openid", "profile", "email", "offline_access", "enroll", "read:authenticators", "remove:authenticators");
    }

    @Test
    void namesTheMfaChallengeEndpointAndTheClaimsAsAuth0DoesAndTakesNoRequestObjects() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(get("/.well-known/openid-configuration").body());

        assertThat(doc.get("mfa_challenge_endpoint").asText()).isEqualTo("http://localhost:8080/mfa/challenge");
        assertThat(texts(doc.get("claims_supported"))).containsExactlyInAnyOrder(
                "aud", "email", "email_verified", "exp", "family_name", "given_name", "iat", "iss", "name", "nickname",
                "picture", "sub", "updated_at");
        // Absent, request_uri_parameter_supported would mean true (OpenID Connect Discovery 1.0, section 3).
        assertThat(doc.get("request_uri_parameter_supported").isBoolean()).isTrue();
        assertThat(doc.get("request_uri_parameter_supported").asBoolean()).isFalse();
        assertThat(doc.get("request_parameter_supported").asBoolean()).isFalse();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
