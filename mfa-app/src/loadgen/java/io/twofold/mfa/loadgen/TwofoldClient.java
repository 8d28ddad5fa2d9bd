package io.twofold.mfa.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The calls the scenarios make, as an Auth0 SDK makes them: JSON bodies, secret in the body. */
final class TwofoldClient {
    static final String PASSWORD_REALM = "http://auth0.com/oauth/grant-type/password-realm";
    static final String MFA_OTP = "http://auth0.com/oauth/grant-type/mfa-otp";
    static final String CLIENT_CREDENTIALS = "client_credentials";

    /** A response: status, parsed body (empty object when none) and the OAuth error code, if any. */
    record Response(int status, JsonNode body, String error) {
        boolean ok() {
            return status == 200;
        }

        String text(String field) {
            return body.path(field).asText("");
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final URI token;
    private final URI associate;
    private final String clientId;
    private final String clientSecret;
    private final Recorder recorder;

    TwofoldClient(URI base, String clientId, String clientSecret, Recorder recorder) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.token = URI.create(base + "/oauth/token");
        this.associate = URI.create(base + "/mfa/associate");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.recorder = recorder;
    }

    Response passwordLogin(VirtualUser user, String realm, String scope) {
        ObjectNode body = client(PASSWORD_REALM).put("username", user.username).put("password", user.password)
                .put("realm", realm).put("scope", scope);
        return post(token, body, null);
    }

    Response mfaOtp(String mfaToken, String otp) {
        return post(token, client(MFA_OTP).put("mfa_token", mfaToken).put("otp", otp), null);
    }

    /** As auth0-java's {@code AuthAPI.requestToken(audience)}: grant type, client id and secret, audience. */
    Response clientCredentials(String audience) {
        return post(token, client(CLIENT_CREDENTIALS).put("audience", audience), null);
    }

    /**
     * The server's issuer, from its discovery document; {@code http://localhost:<port>/} (the server's
     * default when MFA_ISSUER is unset) if that cannot be read. Not recorded: it is not load.
     */
    static String discoverIssuer(URI base) {
        String fallback = "http://localhost:" + (base.getPort() > 0 ? base.getPort() : 80) + "/";
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            String issuer = response.statusCode() == 200
                    ? new ObjectMapper().readTree(response.body()).path("issuer").asText("") : "";
            return issuer.isEmpty() ? fallback : issuer;
        } catch (IOException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }

    Response associateOtp(String mfaToken) {
        ObjectNode body = json.createObjectNode();
        body.putArray("authenticator_types").add("otp");
        return post(associate, body, mfaToken);
    }

    private ObjectNode client(String grant) {
        return json.createObjectNode().put("grant_type", grant).put("client_id", clientId).put("client_secret", clientSecret);
    }

    private Response post(URI uri, ObjectNode body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        Response response;
        try {
            HttpResponse<byte[]> raw = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode parsed = raw.body().length == 0 ? json.createObjectNode() : parse(raw.body());
            response = new Response(raw.statusCode(), parsed, parsed.path("error").asText(""));
        } catch (IOException e) {
            response = new Response(0, json.createObjectNode(), "io:" + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response = new Response(0, json.createObjectNode(), "interrupted");
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
