package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_SECRET;
import static io.twofold.mfa.app.e2e.E2eFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers for the operator API's end-to-end tests: end-user logins, and reading the Management shape. */
final class ManagementCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManagementCalls() {
    }

    static ApiResponse passwordLogin(ApiClient api, String username, String password) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", PASSWORD, "username", username,
                "password", password, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        return api.postForm("oauth/token", form);
    }

    static String mfaToken(ApiClient api, String username, String password) {
        ApiResponse response = passwordLogin(api, username, password);
        assertThat(response.error()).as(response.toString()).isEqualTo("mfa_required");
        return response.text("mfa_token");
    }

    /** The {@code sub} of an access token: the user's id. */
    static String subject(String accessToken) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1])).get("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Asserts Auth0's error shape with this status and code. */
    static void assertManagementError(ApiResponse response, int status, String errorCode) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode json = response.json();
        assertThat(json.path("statusCode").asInt()).as(response.toString()).isEqualTo(status);
        assertThat(json.path("message").asText()).isNotBlank();
        if (errorCode != null) {
            assertThat(json.path("errorCode").asText()).as(response.toString()).isEqualTo(errorCode);
        }
    }

    /** The exact 403 for a token without any of {@code scopes}. */
    static void assertInsufficientScope(ApiResponse response, String scopes) throws IOException {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.json()).isEqualTo(JSON.readTree("{\"statusCode\":403,\"error\":\"Forbidden\","
                + "\"message\":\"Insufficient scope, expected any of: " + scopes + "\",\"errorCode\":\"insufficient_scope\"}"));
    }
}
