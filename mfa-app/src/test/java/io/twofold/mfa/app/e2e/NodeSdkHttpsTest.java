package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_SECRET;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE_PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.SAM;
import static io.twofold.mfa.app.e2e.E2eFixture.SAM_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auth0's Node.js SDKs, unmodified and unpatched, against the real app speaking HTTPS with a
 * certificate signed by a CA made at test time: each script runs with {@code NODE_EXTRA_CA_CERTS}
 * naming that CA and {@code domain = localhost:<port>}, as the README shows. node-auth0 v4 and
 * {@code @auth0/auth0-auth-js} (on openid-client, which reads the discovery document strictly) each do
 * the seed flow: password login with {@code offline_access}, {@code mfa_required}, OTP enrollment and
 * the mfa-otp grant (the TOTP code computed in the script at the app's clock), ID-token validation
 * against the JWKS fetched over https, refresh with rotation, userinfo, revocation, and the revoked
 * refresh token refused; auth0-auth-js also lists and challenges at the next login, has a replayed
 * code refused, and sees a reused refresh token kill its family. Skipped, saying so, on a machine without Node.js and npm.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeSdkHttpsTest {
    @TempDir
    static Path dir;

    private WebhookRecorder webhook;
    private MutableClock clock;
    private RunningApp app;
    private ApiClient api;
    private NodeScripts node;
    private Path caFile;
    private String issuer;
    private int port;

    @BeforeAll
    void startAppOverHttpsAndInstallTheSdks() throws Exception {
        Assumptions.assumeTrue(NodeScripts.available(),
                "Node.js and npm are not installed: node-auth0 and @auth0/auth0-auth-js over HTTPS were NOT checked");
        TestCertificateAuthority ca = TestCertificateAuthority.create(dir.resolve("tls"));
        caFile = ca.caFile();
        port = freePort();
        issuer = "https://localhost:" + port + "/";
        webhook = new WebhookRecorder();
        clock = E2eFixture.clock();
        Map<String, Object> properties = new HashMap<>(E2eFixture.properties(dir, webhook));
        properties.putAll(ca.tlsProperties());
        properties.put("micronaut.server.port", port);
        properties.put("twofold.issuer", "");
        app = RunningApp.start(properties, clock);
        api = app.client(ca.trustingTheCa());
        node = NodeScripts.install();
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
    void nodeAuth0LogsInThroughMfaRefreshesReadsUserInfoAndRevokes() throws Exception {
        JsonNode result = node.runJson("node-auth0-login.mjs", environment(JANE, JANE_PASSWORD));

        assertThat(result.at("/login/statusCode").asInt()).as(result.toString()).isEqualTo(403);
        assertThat(result.at("/login/error").asText()).isEqualTo("mfa_required");
        assertThat(result.at("/associate/status").asInt()).isEqualTo(200);
        assertThat(result.at("/associate/authenticatorType").asText()).isEqualTo("otp");
        assertThat(result.at("/mfaOtp/status").asInt()).isEqualTo(200);
        assertThat(result.at("/mfaOtp/tokenType").asText()).isEqualTo("Bearer");
        assertThat(result.at("/mfaOtp/scope").asText()).isEqualTo("openid profile email offline_access");
        assertThat(result.at("/mfaOtp/hasRefreshToken").asBoolean()).isTrue();
        JsonNode idToken = result.at("/mfaOtp/idToken");
        assertThat(idToken.get("iss").asText()).isEqualTo(issuer);
        assertThat(idToken.get("aud").asText()).isEqualTo(CLIENT_ID);
        assertThat(idToken.get("email").asText()).isEqualTo(JANE);
        assertThat(fieldNames(idToken)).isSubsetOf(texts(discovery().get("claims_supported")));
        String subject = idToken.get("sub").asText();
        assertThat(subject).startsWith("auth0|");

        assertThat(result.at("/refresh/rotated").asBoolean()).as("a new refresh token on each use").isTrue();
        assertThat(result.at("/refresh/hasIdToken").asBoolean()).isTrue();
        assertThat(result.at("/refresh/scope").asText()).isEqualTo("openid profile email offline_access");
        assertThat(result.at("/userInfo/sub").asText()).isEqualTo(subject);
        assertThat(result.at("/userInfo/email").asText()).isEqualTo(JANE);
        // Auth0's default nickname: the email's local part.
        assertThat(result.at("/userInfo/nickname").asText()).isEqualTo(JANE.substring(0, JANE.indexOf('@')));
        assertThat(result.at("/userInfoRefused/statusCode").asInt()).isEqualTo(401);
        assertThat(result.at("/userInfoRefused/error").asText()).isEqualTo("invalid_token");
        assertThat(result.at("/userInfoRefused/wwwAuthenticate").asText()).startsWith("Bearer ");
        assertThat(result.at("/revoke/status").asInt()).isEqualTo(200);
        assertThat(result.at("/afterRevoke/refused").asBoolean()).isTrue();
        assertThat(result.at("/afterRevoke/statusCode").asInt()).isEqualTo(403);
        assertThat(result.at("/afterRevoke/error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void auth0AuthJsDiscoversLogsInThroughItsMfaClientRotatesRefreshTokensReadsUserInfoAndRevokes() throws Exception {
        JsonNode result = node.runJson("auth-js-login.mjs", environment(SAM, SAM_PASSWORD));

        assertThat(result.at("/discovery/issuer").asText()).as(result.toString()).isEqualTo(issuer);
        assertThat(result.at("/discovery/tokenEndpoint").asText()).isEqualTo(issuer + "oauth/token");
        assertThat(result.at("/discovery/userinfoEndpoint").asText()).isEqualTo(issuer + "userinfo");
        assertThat(result.at("/discovery/revocationEndpoint").asText()).isEqualTo(issuer + "oauth/revoke");
        assertThat(result.at("/discovery/jwksUri").asText()).isEqualTo(issuer + ".well-known/jwks.json");
        assertThat(result.at("/login/mfaRequired").asBoolean()).isTrue();
        assertThat(result.at("/login/statusCode").asInt()).isEqualTo(403);
        assertThat(result.at("/login/error").asText()).isEqualTo("mfa_required");
        assertThat(result.at("/enroll/authenticatorType").asText()).isEqualTo("otp");
        assertThat(result.at("/enroll/hasSecret").asBoolean()).isTrue();
        assertThat(result.at("/verify/scope").asText()).isEqualTo("openid profile email offline_access");
        assertThat(result.at("/verify/hasRefreshToken").asBoolean()).isTrue();
        assertThat(result.at("/verify/claims/iss").asText()).isEqualTo(issuer);
        assertThat(result.at("/verify/claims/aud").asText()).isEqualTo(CLIENT_ID);
        assertThat(result.at("/verify/claims/email").asText()).isEqualTo(SAM);
        String subject = result.at("/verify/claims/sub").asText();
        assertThat(subject).startsWith("auth0|");
        assertThat(result.at("/secondLogin/error").asText()).isEqualTo("mfa_required");
        assertThat(result.at("/secondLogin/authenticators/0/type").asText()).isEqualTo("otp");
        assertThat(result.at("/secondLogin/authenticators/0/active").asBoolean()).isTrue();
        assertThat(result.at("/secondLogin/challengeType").asText()).isEqualTo("otp");
        assertThat(result.at("/replayedCode/refused").asBoolean()).as("a TOTP code is taken once").isTrue();
        assertThat(result.at("/replayedCode/name").asText()).isEqualTo("MfaVerifyError");
        assertThat(result.at("/replayedCode/error").asText()).isEqualTo("invalid_grant");
        assertThat(result.at("/reuse/retired/refused").asBoolean()).as("a retired refresh token").isTrue();
        assertThat(result.at("/reuse/retired/error").asText()).isEqualTo("invalid_grant");
        assertThat(result.at("/reuse/successor/refused").asBoolean()).as("its family is dead after the reuse").isTrue();
        assertThat(result.at("/reuse/successor/error").asText()).isEqualTo("invalid_grant");

        assertThat(result.at("/refresh/rotated").asBoolean()).as("a new refresh token on each use").isTrue();
        assertThat(result.at("/refresh/sub").asText()).isEqualTo(subject);
        assertThat(result.at("/userInfo/sub").asText()).isEqualTo(subject);
        assertThat(result.at("/userInfo/email").asText()).isEqualTo(SAM);
        assertThat(result.at("/userInfoRefused/name").asText()).isEqualTo("UserInfoError");
        assertThat(result.at("/userInfoRefused/statusCode").asInt()).isEqualTo(401);
        assertThat(result.at("/userInfoRefused/wwwAuthenticate").asText()).contains("invalid_token");
        assertThat(result.at("/revoked").asBoolean()).isTrue();
        assertThat(result.at("/afterRevoke/refused").asBoolean()).isTrue();
        assertThat(result.at("/afterRevoke/name").asText()).isEqualTo("TokenByRefreshTokenError");
        assertThat(result.at("/afterRevoke/statusCode").asInt()).isEqualTo(403);
        assertThat(result.at("/afterRevoke/error").asText()).isEqualTo("invalid_grant");
    }

    /** What a script needs: the CA to trust, the domain, the client, the user, and the app's clock for TOTP. */
    private Map<String, String> environment(String username, String password) {
        return Map.of(
                "NODE_EXTRA_CA_CERTS", caFile.toString(),
                "TWOFOLD_DOMAIN", "localhost:" + port,
                "TWOFOLD_CLIENT_ID", CLIENT_ID,
                "TWOFOLD_CLIENT_SECRET", CLIENT_SECRET,
                "TWOFOLD_USERNAME", username,
                "TWOFOLD_PASSWORD", password,
                "TWOFOLD_NOW", Long.toString(clock.instant().getEpochSecond()));
    }

    private JsonNode discovery() {
        ApiResponse response = api.send("GET", ".well-known/openid-configuration", null, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
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
