package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_SECRET;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE_PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.PLAIN_CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The discovery document of an app on HTTPS with a configured issuer, read as a strict OpenID Connect
 * Discovery 1.0 client reads it (openid-client, Nimbus): found at {@code {issuer}.well-known/openid-configuration},
 * its {@code issuer} exactly the configured one (trailing slash included, as Auth0's), every member the
 * specification requires present and well-typed, every URL https under the issuer, and every endpoint,
 * grant type, client authentication method and claim it names really served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenIdDiscoveryTest {
    private static final Set<String> REQUIRED = Set.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri",
            "response_types_supported", "subject_types_supported", "id_token_signing_alg_values_supported");
    /** The client authentication methods registered for OAuth 2.0 (IANA), so a typo cannot pass. */
    private static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_post", "client_secret_basic",
            "client_secret_jwt", "private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth");

    @TempDir
    static Path dir;

    private WebhookRecorder webhook;
    private RunningApp app;
    private ApiClient api;
    private String issuer;
    private JsonNode doc;

    @BeforeAll
    void startAppOverHttpsWithAConfiguredIssuer() throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create(dir.resolve("tls"));
        int port = freePort();
        issuer = "https://127.0.0.1:" + port + "/";
        webhook = new WebhookRecorder();
        Map<String, Object> properties = new HashMap<>(E2eFixture.properties(dir, webhook));
        properties.putAll(ca.tlsProperties());
        properties.put("micronaut.server.port", port);
        properties.put("twofold.issuer", issuer);
        app = RunningApp.start(properties, E2eFixture.clock());
        api = new ApiClient(URI.create(issuer), ca.trustingTheCa());
        ApiResponse response = api.send("GET", issuer + ".well-known/openid-configuration", null, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        doc = response.json();
    }

    @AfterAll
    void stopApp() {
        if (app != null) {
            app.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void theIssuerIsExactlyTheConfiguredOneTrailingSlashIncluded() {
        assertThat(doc.get("issuer").isTextual()).isTrue();
        assertThat(doc.get("issuer").asText()).isEqualTo(issuer);
        URI uri = URI.create(issuer);
        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(uri.getQuery()).isNull();
        assertThat(uri.getFragment()).isNull();
    }

    @Test
    void hasEveryRequiredMemberWellTyped() {
        assertThat(fieldNames(doc)).containsAll(REQUIRED);
        doc.fields().forEachRemaining(member -> {
            JsonNode value = member.getValue();
            if (member.getKey().endsWith("_supported") && !value.isBoolean()) {
                assertThat(value.isArray()).as(member.getKey()).isTrue();
                assertThat(value.size()).as(member.getKey()).isPositive();
                value.forEach(item -> assertThat(item.isTextual()).as(member.getKey()).isTrue());
            } else if (member.getKey().endsWith("_parameter_supported")) {
                assertThat(value.isBoolean()).as(member.getKey()).isTrue();
            }
        });
        assertThat(texts(doc.get("scopes_supported"))).as("OpenID Connect servers MUST support openid").contains("openid");
        assertThat(texts(doc.get("id_token_signing_alg_values_supported"))).contains("RS256").doesNotContain("none");
        assertThat(texts(doc.get("subject_types_supported"))).isSubsetOf("public", "pairwise");
        assertThat(texts(doc.get("token_endpoint_auth_methods_supported"))).isSubsetOf(AUTH_METHODS);
        assertThat(texts(doc.get("revocation_endpoint_auth_methods_supported"))).isSubsetOf(AUTH_METHODS);
        // Absent, this would mean "true": a client could then send request_uri to an endpoint that ignores it.
        assertThat(doc.get("request_uri_parameter_supported").asBoolean(true)).isFalse();
    }

    @Test
    void everyUrlIsHttpsUnderTheIssuer() {
        List<String> urls = urls();
        assertThat(urls).hasSizeGreaterThanOrEqualTo(6);
        assertThat(urls).allSatisfy(url -> assertThat(url).startsWith(issuer));
    }

    @Test
    void everyEndpointItNamesAnswers() {
        for (String url : urls()) {
            ApiResponse get = api.send("GET", url, null, null);
            ApiResponse post = api.send("POST", url, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(List.of(get.status(), post.status())).as(url + ": " + get + " / " + post)
                    .anySatisfy(status -> assertThat(status).isNotIn(404, 405).isLessThan(500));
        }
        JsonNode keys = api.send("GET", doc.get("jwks_uri").asText(), null, null).json().get("keys");
        assertThat(keys.size()).isPositive();
        keys.forEach(key -> {
            assertThat(key.get("kid").asText()).isNotEmpty();
            assertThat(key.get("alg").asText()).isIn("RS256", "ES256");
            assertThat(key.get("kty").asText()).isEqualTo(key.get("alg").asText().equals("ES256") ? "EC" : "RSA");
            assertThat(key.has("d")).as("a public key only").isFalse();
        });
        // ID tokens are RS256 whatever an API chose for its access tokens; the EC key signs access tokens only.
        assertThat(texts(doc.get("id_token_signing_alg_values_supported"))).containsExactly("RS256");
        ApiResponse userInfo = api.send("GET", doc.get("userinfo_endpoint").asText(), null, null);
        assertThat(userInfo.status()).isEqualTo(401);
        assertThat(userInfo.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        ApiResponse authorize = api.send("GET", doc.get("authorization_endpoint").asText()
                + "?response_type=code&client_id=" + CLIENT_ID, null, null);
        assertThat(authorize.status()).isEqualTo(400);
        assertThat(authorize.error()).isEqualTo("unsupported_response_type");
    }

    @Test
    void theTokenEndpointServesEveryGrantTypeItLists() {
        for (String grantType : texts(doc.get("grant_types_supported"))) {
            ApiResponse response = api.postForm(doc.get("token_endpoint").asText(),
                    Map.of("grant_type", grantType, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
            assertThat(response.status()).as(grantType + ": " + response).isBetween(400, 499);
            assertThat(response.error()).as(grantType + ": " + response).isNotEqualTo("unsupported_grant_type");
        }
    }

    @Test
    void everyClaimOfAnIdTokenAndOfUserInfoIsListed() throws IOException {
        ApiResponse post = api.postForm(doc.get("token_endpoint").asText(), Map.of("grant_type", PASSWORD,
                "username", JANE, "password", JANE_PASSWORD, "scope", "openid profile email",
                "client_id", PLAIN_CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(post.status()).as("client_secret_post: " + post).isEqualTo(200);
        ApiResponse basic = api.postForm(doc.get("token_endpoint").asText(), Map.of("grant_type", PASSWORD,
                "username", JANE, "password", JANE_PASSWORD, "scope", "openid profile email"),
                "Authorization", ApiClient.basic(PLAIN_CLIENT_ID, CLIENT_SECRET));
        assertThat(basic.status()).as("client_secret_basic: " + basic).isEqualTo(200);

        List<String> claims = texts(doc.get("claims_supported"));
        JsonNode idToken = payload(post.text("id_token"));
        assertThat(idToken.get("iss").asText()).isEqualTo(issuer);
        assertThat(fieldNames(idToken)).isSubsetOf(claims).contains("iss", "sub", "aud", "exp", "iat", "email", "name");
        ApiResponse userInfo = api.get(doc.get("userinfo_endpoint").asText(), post.text("access_token"));
        assertThat(userInfo.status()).as(userInfo.toString()).isEqualTo(200);
        assertThat(fieldNames(userInfo.json())).isSubsetOf(claims).contains("sub", "email");
    }

    /** Every member that names a URL: the endpoints and the JWK set. */
    private List<String> urls() {
        List<String> urls = new ArrayList<>();
        for (Iterator<String> names = doc.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.endsWith("_endpoint") || name.endsWith("_uri")) {
                assertThat(doc.get(name).isTextual()).as(name).isTrue();
                assertThat(URI.create(doc.get(name).asText()).getScheme()).as(name).isEqualTo("https");
                urls.add(doc.get(name).asText());
            }
        }
        return urls;
    }

    private static JsonNode payload(String jwt) throws IOException {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
