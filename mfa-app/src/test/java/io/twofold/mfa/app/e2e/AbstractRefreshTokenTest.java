package io.twofold.mfa.app.e2e;

import com.auth0.client.auth.AuthAPI;
import com.auth0.exception.APIException;
import com.auth0.exception.Auth0Exception;
import com.auth0.json.auth.CreatedOtpResponse;
import com.auth0.json.auth.TokenHolder;
import com.auth0.net.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_SECRET;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE_PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.LEGACY_CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.MFA_OTP;
import static io.twofold.mfa.app.e2e.E2eFixture.PLAIN_CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.SAM;
import static io.twofold.mfa.app.e2e.E2eFixture.SAM_PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.SPA_CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens over a real socket: issued with {@code offline_access} after MFA, refreshed (JSON,
 * form, Basic) without MFA, rotated, reuse killing the family, idle and absolute expiry on the app's
 * clock, revocation; the bootstrap clients {@code e2e-spa} (rotating, 2 h / 1 h), {@code e2e-legacy}
 * (non-rotating, non-expiring) and {@code e2e-plain} (no refresh_token grant).
 */
abstract class AbstractRefreshTokenTest extends AbstractAppTest {
    static final String OFFLINE = "openid profile offline_access";
    static final String INVALID = "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}";

    ApiResponse passwordLogin(String client, String scope) {
        return api.postJson("oauth/token", Map.of("grant_type", "password", "client_id", client,
                "client_secret", CLIENT_SECRET, "username", JANE, "password", JANE_PASSWORD, "scope", scope));
    }

    String refreshTokenOf(String client) {
        ApiResponse login = passwordLogin(client, OFFLINE);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.text("refresh_token");
    }

    ApiResponse refresh(String client, String refreshToken) {
        return api.postJson("oauth/token", Map.of("grant_type", "refresh_token", "client_id", client,
                "client_secret", CLIENT_SECRET, "refresh_token", refreshToken));
    }

    ApiResponse revoke(String client, String token) {
        return api.postJson("oauth/revoke", Map.of("client_id", client, "client_secret", CLIENT_SECRET, "token", token));
    }

    static JsonNode claims(String jwt) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aLoginThroughMfaWithOfflineAccessGetsARefreshTokenAndRefreshingNeedsNoSecondFactor() {
        ApiResponse login = api.postJson("oauth/token", Map.of("grant_type", "password", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "username", SAM, "password", SAM_PASSWORD, "scope", OFFLINE));
        assertThat(login.error()).isEqualTo("mfa_required");
        String mfaToken = login.text("mfa_token");
        ApiResponse otp = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + mfaToken);
        ApiResponse tokens = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "mfa_token", mfaToken,
                "otp", E2eFixture.totp(otp.text("secret"), clock.instant())));
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        String refreshToken = tokens.text("refresh_token");
        assertThat(Base64.getUrlDecoder().decode(refreshToken)).hasSize(32);

        ApiResponse renewed = refresh(CLIENT_ID, refreshToken);

        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(renewed.text("refresh_token")).isNotEqualTo(refreshToken);
        assertThat(renewed.text("scope")).isEqualTo(OFFLINE);
        assertThat(renewed.json().has("id_token")).isTrue();
        assertThat(claims(renewed.text("access_token")).get("sub").asText())
                .isEqualTo(claims(tokens.text("access_token")).get("sub").asText());
        assertThat(claims(renewed.text("access_token")).get("azp").asText()).isEqualTo(CLIENT_ID);
    }

    @Test
    void refreshWorksWithJsonFormAndBasic() {
        String first = refreshTokenOf(SPA_CLIENT_ID);
        ApiResponse json = refresh(SPA_CLIENT_ID, first);
        ApiResponse form = api.postForm("oauth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", json.text("refresh_token"), "scope", "openid"),
                "Authorization", ApiClient.basic(SPA_CLIENT_ID, CLIENT_SECRET));

        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.text("scope")).isEqualTo("openid");
        assertThat(form.json().has("refresh_token")).isTrue();
    }

    @Test
    void aRetiredTokenPresentedAgainKillsTheWholeFamily() {
        String first = refreshTokenOf(SPA_CLIENT_ID);
        String second = refresh(SPA_CLIENT_ID, first).text("refresh_token");

        ApiResponse reuse = refresh(SPA_CLIENT_ID, first);
        ApiResponse afterReuse = refresh(SPA_CLIENT_ID, second);

        assertThat(reuse.status()).isEqualTo(403);
        assertThat(reuse.body()).isEqualTo(INVALID);
        assertThat(afterReuse.status()).isEqualTo(403);
        assertThat(afterReuse.body()).isEqualTo(INVALID);
    }

    @Test
    void aWiderScopeIsRefusedAndBadInputAnswersInTheOAuthShape() {
        String token = refreshTokenOf(SPA_CLIENT_ID);
        Map<String, String> wider = new HashMap<>(Map.of("grant_type", "refresh_token", "client_id", SPA_CLIENT_ID,
                "client_secret", CLIENT_SECRET, "refresh_token", token, "scope", "openid email"));

        ApiResponse refused = api.postJson("oauth/token", wider);
        ApiResponse missing = api.postJson("oauth/token", Map.of("grant_type", "refresh_token", "client_id", SPA_CLIENT_ID,
                "client_secret", CLIENT_SECRET));
        ApiResponse unknown = refresh(SPA_CLIENT_ID, "not-a-token");
        ApiResponse wrongSecret = api.postJson("oauth/token", Map.of("grant_type", "refresh_token",
                "client_id", SPA_CLIENT_ID, "client_secret", "wrong", "refresh_token", token));
        ApiResponse otherClient = refresh(LEGACY_CLIENT_ID, token);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("invalid_scope");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("invalid_request");
        assertThat(unknown.body()).isEqualTo(INVALID);
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.error()).isEqualTo("invalid_client");
        assertThat(otherClient.body()).isEqualTo(INVALID);
        assertThat(refresh(SPA_CLIENT_ID, token).status()).as("still usable by its own client").isEqualTo(200);
    }

    @Test
    void aTokenDiesAfterTheIdleLifetime() {
        String token = refreshTokenOf(SPA_CLIENT_ID);
        clock.advance(Duration.ofMinutes(59));
        String next = refresh(SPA_CLIENT_ID, token).text("refresh_token");

        clock.advance(Duration.ofMinutes(60));

        assertThat(refresh(SPA_CLIENT_ID, next).body()).isEqualTo(INVALID);
    }

    @Test
    void rotationDoesNotExtendTheAbsoluteLifetime() {
        String token = refreshTokenOf(SPA_CLIENT_ID);
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMinutes(50));
            token = refresh(SPA_CLIENT_ID, token).text("refresh_token");
        }

        clock.advance(Duration.ofMinutes(21));

        assertThat(refresh(SPA_CLIENT_ID, token).body()).isEqualTo(INVALID);
    }

    @Test
    void aNonRotatingClientKeepsItsTokenWhichDoesNotExpire() {
        String token = refreshTokenOf(LEGACY_CLIENT_ID);

        ApiResponse once = refresh(LEGACY_CLIENT_ID, token);
        clock.advance(Duration.ofDays(400));
        ApiResponse twice = refresh(LEGACY_CLIENT_ID, token);

        assertThat(once.status()).as(once.toString()).isEqualTo(200);
        assertThat(once.json().has("refresh_token")).isFalse();
        assertThat(twice.status()).as(twice.toString()).isEqualTo(200);
    }

    @Test
    void aClientWithoutTheGrantGetsNoRefreshTokenAndMayNotRefresh() {
        ApiResponse login = passwordLogin(PLAIN_CLIENT_ID, OFFLINE);
        ApiResponse noOffline = passwordLogin(SPA_CLIENT_ID, "openid");

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().has("refresh_token")).isFalse();
        assertThat(noOffline.json().has("refresh_token")).isFalse();
        ApiResponse refused = refresh(PLAIN_CLIENT_ID, refreshTokenOf(SPA_CLIENT_ID));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("unauthorized_client");
    }

    @Test
    void revocationKillsTheFamilyAndAnswers200ForAnyToken() {
        String first = refreshTokenOf(SPA_CLIENT_ID);
        String second = refresh(SPA_CLIENT_ID, first).text("refresh_token");
        String others = refreshTokenOf(LEGACY_CLIENT_ID);

        ApiResponse revoked = revoke(SPA_CLIENT_ID, first);
        ApiResponse again = api.postForm("oauth/revoke", Map.of("token", second),
                "Authorization", ApiClient.basic(SPA_CLIENT_ID, CLIENT_SECRET));
        ApiResponse unknown = revoke(SPA_CLIENT_ID, "unknown");
        ApiResponse notTheirs = revoke(SPA_CLIENT_ID, others);
        ApiResponse badClient = api.postJson("oauth/revoke", Map.of("client_id", SPA_CLIENT_ID,
                "client_secret", "wrong", "token", others));
        ApiResponse noToken = api.postJson("oauth/revoke", Map.of("client_id", SPA_CLIENT_ID,
                "client_secret", CLIENT_SECRET));

        for (ApiResponse ok : List.of(revoked, again, unknown, notTheirs)) {
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat(ok.body()).isEmpty();
        }
        assertThat(badClient.status()).isEqualTo(401);
        assertThat(badClient.error()).isEqualTo("invalid_client");
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.error()).isEqualTo("invalid_request");
        assertThat(refresh(SPA_CLIENT_ID, second).body()).isEqualTo(INVALID);
        assertThat(refresh(LEGACY_CLIENT_ID, others).status()).isEqualTo(200);
    }

    @Test
    void anOperatorResettingTheFactorsEndsTheUsersRefreshTokens() {
        ApiResponse login = passwordLogin(LEGACY_CLIENT_ID, OFFLINE);
        String token = login.text("refresh_token");
        String user = claims(login.text("access_token")).get("sub").asText();

        ApiResponse reset = api.send("DELETE", "api/v2/users/" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "/authentication-methods", "application/json", null,
                "Authorization", "Bearer " + managementToken("delete:authentication_methods"));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(refresh(LEGACY_CLIENT_ID, token).body()).isEqualTo(INVALID);
    }

    @Test
    void discoveryListsTheRevocationEndpointAndTheGrant() {
        JsonNode doc = api.get(".well-known/openid-configuration", "none").json();

        assertThat(doc.get("revocation_endpoint").asText()).endsWith("/oauth/revoke");
        assertThat(doc.get("grant_types_supported").toString()).contains("\"refresh_token\"");
    }

    /** auth0-java 2.26.0, unchanged: a login through MFA with offline_access, userInfo, renewAuth, rotation, reuse, revokeToken. */
    @Test
    void auth0JavaRenewsRotatesDetectsReuseAndRevokes() throws Auth0Exception {
        AuthAPI auth = AuthAPI.newBuilder(app.uri().toString(), CLIENT_ID, CLIENT_SECRET).build();
        APIException required = failure(auth.login(JANE, JANE_PASSWORD.toCharArray()).setScope(OFFLINE));
        assertThat(required.isMultifactorRequired()).isTrue();
        String mfaToken = (String) required.getValue("mfa_token");
        CreatedOtpResponse otp = auth.addOtpAuthenticator(mfaToken).execute().getBody();
        TokenHolder login = auth.exchangeMfaOtp(mfaToken,
                E2eFixture.totp(otp.getSecret(), clock.instant()).toCharArray()).execute().getBody();
        String first = login.getRefreshToken();
        assertThat(first).isNotBlank();
        java.util.Map<String, Object> claims = auth.userInfo(login.getAccessToken()).execute().getBody().getValues();
        assertThat(claims.get("sub")).asString().startsWith("auth0|");

        TokenHolder renewed = auth.renewAuth(first).execute().getBody();
        assertThat(renewed.getAccessToken()).isNotBlank();
        assertThat(renewed.getIdToken()).isNotBlank();
        assertThat(renewed.getRefreshToken()).isNotBlank().isNotEqualTo(first);
        assertThat(renewed.getExpiresIn()).isPositive();

        APIException reuse = failure(auth.renewAuth(first));
        assertThat(reuse.getStatusCode()).isEqualTo(403);
        assertThat(reuse.getError()).isEqualTo("invalid_grant");
        assertThat(reuse.getDescription()).isEqualTo("Unknown or invalid refresh token.");
        assertThat(failure(auth.renewAuth(renewed.getRefreshToken())).getError()).isEqualTo("invalid_grant");
    }

    /** auth0-java's revokeToken on a fresh family (no MFA: the SPA client), then renewAuth fails. */
    @Test
    void auth0JavaRevokesARefreshToken() throws Auth0Exception {
        AuthAPI auth = AuthAPI.newBuilder(app.uri().toString(), SPA_CLIENT_ID, CLIENT_SECRET).build();
        TokenHolder login = auth.login(JANE, JANE_PASSWORD.toCharArray()).setScope(OFFLINE).execute().getBody();
        String next = auth.renewAuth(login.getRefreshToken()).execute().getBody().getRefreshToken();

        auth.revokeToken(next).execute();

        APIException dead = failure(auth.renewAuth(next));
        assertThat(dead.getStatusCode()).isEqualTo(403);
        assertThat(dead.getDescription()).isEqualTo("Unknown or invalid refresh token.");
    }

    static APIException failure(Request<?> request) {
        try {
            Object body = request.execute().getBody();
            throw new AssertionError("expected an APIException, the request succeeded with " + body);
        } catch (APIException e) {
            return e;
        } catch (Auth0Exception e) {
            throw new AssertionError("expected an APIException, got " + e, e);
        }
    }
}
