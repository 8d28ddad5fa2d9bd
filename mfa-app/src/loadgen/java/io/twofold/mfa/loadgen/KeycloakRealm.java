package io.twofold.mfa.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twofold.mfa.jdbc.users.Argon2idHasher;
import io.twofold.mfa.jdbc.users.PasswordHashing;
import io.twofold.mfa.otp.internal.Base32;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Sets up a Keycloak for the side-by-side benchmark through its admin REST API: a realm (TOTP
 * HMAC-SHA1/6/30 as Twofold's), a confidential client with service accounts and direct access
 * grants, and users with a password and a TOTP credential. Keycloak has no admin call that sets an
 * OTP secret, but {@code partialImport} takes credentials as its realm export writes them, which is
 * what this sends. The users' seeds come from {@link Totps#seedFor}, so the generator knows them.
 * The password is hashed here once, with Keycloak's default Argon2id parameters, and shared by every
 * user: importing plain passwords would make Keycloak hash each one, minutes for a thousand users.
 */
final class KeycloakRealm {
    /** Keycloak 26's default password hash: Argon2id v1.3, 7168 KiB, 5 iterations, 1 lane, 32 bytes. */
    static final PasswordHashing KEYCLOAK_ARGON2 = new PasswordHashing(7168, 5, 1, 16, 32);
    static final String PASSWORD = "kc-loadgen-password-0123456789";
    private static final int BATCH = 250;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    KeycloakRealm(URI base) {
        this.base = base;
    }

    /** The virtual users of the realm: {@code kc-<i>}, the shared password, seeds derived from the name. */
    static List<VirtualUser> users(int count) {
        List<VirtualUser> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = "kc-" + i;
            users.add(new VirtualUser(name, PASSWORD, null, Totps.seedFor(name)));
        }
        return users;
    }

    /** Creates the realm, its client and {@code users} users, once; admin credentials from the environment. */
    void create(String realm, String clientId, String clientSecret, int users, PrintStream out) throws IOException, InterruptedException {
        String admin = adminToken();
        ObjectNode representation = json.createObjectNode().put("realm", realm).put("enabled", true).put("sslRequired", "none")
                .put("otpPolicyType", "totp").put("otpPolicyAlgorithm", "HmacSHA1").put("otpPolicyDigits", 6)
                .put("otpPolicyPeriod", 30).put("otpPolicyLookAheadWindow", 1);
        representation.putArray("clients").addObject().put("clientId", clientId).put("enabled", true)
                .put("publicClient", false).put("clientAuthenticatorType", "client-secret").put("secret", clientSecret)
                .put("serviceAccountsEnabled", true).put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false).put("protocol", "openid-connect");
        send(admin, "POST", "/admin/realms", representation.toString(), 201);
        String secretData = passwordSecretData();
        for (int from = 0; from < users; from += BATCH) {
            ObjectNode batch = json.createObjectNode().put("ifResourceExists", "SKIP");
            ArrayNode list = batch.putArray("users");
            for (VirtualUser user : users(Math.min(users, from + BATCH)).subList(from, Math.min(users, from + BATCH))) {
                list.add(user(user, secretData));
            }
            // A fresh admin token per batch: the master realm's live for a minute.
            send(adminToken(), "POST", "/admin/realms/" + realm + "/partialImport", batch.toString(), 200);
        }
        out.printf("keycloak realm %s: client %s (client_credentials, password), %d users with password and TOTP%n",
                realm, clientId, users);
    }

    private ObjectNode user(VirtualUser user, String passwordSecretData) {
        ObjectNode node = json.createObjectNode().put("username", user.username).put("enabled", true)
                .put("email", user.username + "@loadgen.example").put("emailVerified", true)
                .put("firstName", "Load").put("lastName", user.username);
        ArrayNode credentials = node.putArray("credentials");
        credentials.addObject().put("type", "password").put("secretData", passwordSecretData)
                .put("credentialData", "{\"hashIterations\":5,\"algorithm\":\"argon2\",\"additionalParameters\":{"
                        + "\"hashLength\":[\"32\"],\"memory\":[\"7168\"],\"type\":[\"id\"],\"version\":[\"1.3\"],\"parallelism\":[\"1\"]}}");
        credentials.addObject().put("type", "otp").put("userLabel", "loadgen")
                .put("secretData", json.createObjectNode().put("value", Base32.encode(user.seed)).toString())
                .put("credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,"
                        + "\"algorithm\":\"HmacSHA1\",\"secretEncoding\":\"BASE32\"}");
        return node;
    }

    /** Keycloak's secretData for the shared password: the Argon2id hash and salt, standard base64. */
    private String passwordSecretData() {
        String phc = new Argon2idHasher(KEYCLOAK_ARGON2, new SecureRandom()).hash(PASSWORD);
        String[] parts = phc.split("\\$");
        Base64.Decoder unpadded = Base64.getDecoder();
        byte[] salt = unpadded.decode(parts[4]);
        byte[] hash = unpadded.decode(parts[5]);
        return json.createObjectNode().put("value", Base64.getEncoder().encodeToString(hash))
                .put("salt", Base64.getEncoder().encodeToString(salt)).set("additionalParameters", json.createObjectNode())
                .toString();
    }

    private String adminToken() throws IOException, InterruptedException {
        String username = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        String password = System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "");
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("keycloak admin login refused: HTTP " + response.statusCode());
        }
        return json.readTree(response.body()).path("access_token").asText();
    }

    private void send(String token, String method, String path, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }
}
