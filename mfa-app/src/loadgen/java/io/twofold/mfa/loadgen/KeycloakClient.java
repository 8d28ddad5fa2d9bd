package io.twofold.mfa.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two token requests the side-by-side benchmark makes of Keycloak, as a confidential client makes
 * them (form body, secret in the body): {@code client_credentials}, and the direct grant (password)
 * with the user's TOTP code in {@code otp}, which Keycloak's "Direct Grant - Conditional OTP" step
 * checks for a user who has an OTP credential. The same HTTP client settings as {@link TwofoldClient}.
 */
final class KeycloakClient {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final URI token;
    private final String clientId;
    private final String clientSecret;
    private final Recorder recorder;

    KeycloakClient(URI base, String realm, String clientId, String clientSecret, Recorder recorder) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.token = URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.recorder = recorder;
    }

    TwofoldClient.Response clientCredentials() {
        return post(form("client_credentials"));
    }

    /** Password and TOTP code in one request; {@code scope} as the Twofold login asks it ("openid profile"). */
    TwofoldClient.Response passwordAndOtp(VirtualUser user, String otp, String scope) {
        Map<String, String> form = form("password");
        form.put("username", user.username);
        form.put("password", user.password);
        form.put("otp", otp);
        form.put("scope", scope);
        return post(form);
    }

    private Map<String, String> form(String grant) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grant);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return form;
    }

    private TwofoldClient.Response post(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(token).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        TwofoldClient.Response response;
        try {
            HttpResponse<byte[]> raw = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode parsed = raw.body().length == 0 ? json.createObjectNode() : parse(raw.body());
            response = new TwofoldClient.Response(raw.statusCode(), parsed, parsed.path("error").asText(""));
        } catch (IOException e) {
            response = new TwofoldClient.Response(0, json.createObjectNode(), "io:" + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response = new TwofoldClient.Response(0, json.createObjectNode(), "interrupted");
        }
        recorder.request(response.status(), response.error());
        return response;
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.createObjectNode().put("error", "unparsable_body");
        }
    }
}
