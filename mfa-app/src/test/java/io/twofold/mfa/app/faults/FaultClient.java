package io.twofold.mfa.app.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls an Auth0 SDK makes, sent round-robin over the nodes (or to one node), JSON bodies, the
 * client secret in the body; every answer goes to the scenario's {@link Tally}.
 */
final class FaultClient {
    static final String CLIENT_ID = "faults-app";
    static final String CLIENT_SECRET = "faults-client-secret-0123456789-abcdefghij";
    static final String PASSWORD = "the faults suite's passphrase";
    static final String MFA_OTP = "http://auth0.com/oauth/grant-type/mfa-otp";
    static final String MFA_OOB = "http://auth0.com/oauth/grant-type/mfa-oob";
    static final String MFA_RECOVERY_CODE = "http://auth0.com/oauth/grant-type/mfa-recovery-code";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Node> nodes;
    private final AtomicInteger next = new AtomicInteger();
    private volatile Tally tally;

    FaultClient(List<Node> nodes) {
        this.nodes = nodes;
    }

    void reportTo(Tally tally) {
        this.tally = tally;
    }

    /** The next node in turn. */
    Node pick() {
        return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
    }

    Node node(int index) {
        return nodes.get(index);
    }

    Answer login(Node node, String username) {
        return post(node, "oauth/token", grant("password").put("username", username).put("password", PASSWORD), null);
    }

    /** A password login asking for an access token to {@code audience} with {@code scope}. */
    Answer login(Node node, String username, String audience, String scope) {
        return post(node, "oauth/token", grant("password").put("username", username).put("password", PASSWORD)
                .put("audience", audience).put("scope", scope), null);
    }

    /** GET with a bearer token (null: none); the answer is recorded as {@code GET <path>}. */
    Answer get(Node node, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri().resolve(path)).timeout(Duration.ofSeconds(40)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(node, "GET " + path, request);
    }

    Answer associateOtp(Node node, String mfaToken) {
        ObjectNode body = json.createObjectNode();
        body.putArray("authenticator_types").add("otp");
        return post(node, "mfa/associate", body, mfaToken);
    }

    Answer associateSms(Node node, String mfaToken, String phone) {
        ObjectNode body = json.createObjectNode().put("phone_number", phone);
        body.putArray("authenticator_types").add("oob");
        body.putArray("oob_channels").add("sms");
        return post(node, "mfa/associate", body, mfaToken);
    }

    Answer otp(Node node, String mfaToken, String code) {
        return post(node, "oauth/token", grant(MFA_OTP).put("mfa_token", mfaToken).put("otp", code), null);
    }

    Answer oob(Node node, String mfaToken, String oobCode, String bindingCode) {
        return post(node, "oauth/token", grant(MFA_OOB).put("mfa_token", mfaToken).put("oob_code", oobCode)
                .put("binding_code", bindingCode), null);
    }

    Answer recovery(Node node, String mfaToken, String recoveryCode) {
        return post(node, "oauth/token", grant(MFA_RECOVERY_CODE).put("mfa_token", mfaToken)
                .put("recovery_code", recoveryCode), null);
    }

    private ObjectNode grant(String type) {
        return json.createObjectNode().put("grant_type", type).put("client_id", CLIENT_ID).put("client_secret", CLIENT_SECRET);
    }

    private Answer post(Node node, String path, ObjectNode body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri().resolve(path)).timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(node, path, request);
    }

    private Answer send(Node node, String path, HttpRequest.Builder request) {
        long sent = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<byte[]> raw = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer = new Answer(node.name, raw.statusCode(), parse(raw.body()),
                    raw.headers().firstValue("Retry-After").orElse(""), sent, millisSince(sent), "");
        } catch (IOException e) {
            answer = new Answer(node.name, 0, json.createObjectNode(), "", sent, millisSince(sent), e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(node.name, 0, json.createObjectNode(), "", sent, millisSince(sent), "interrupted");
        }
        Tally current = tally;
        if (current != null) {
            current.record(path, answer);
        }
        return answer;
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.createObjectNode().put("error", "unparsable_body");
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
