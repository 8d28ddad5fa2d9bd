package io.twofold.mfa.jdbc.users.hashes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The realm a real Keycloak 26.5.6 exported ({@code keycloak/README.md}): each user's password
 * credential as {@link KeycloakPasswordCredential}, and the password from the {@code .users.csv}.
 */
public final class KeycloakFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One exported user. */
    public record KeycloakUser(String username, String email, String password, String scheme,
                               KeycloakPasswordCredential credential) {
        @Override
        public String toString() {
            return username + " (" + scheme + ")";
        }
    }

    private KeycloakFixture() {
    }

    public static List<KeycloakUser> users() {
        try {
            Map<String, String[]> passwords = HashMap.ofEntries(List.of(read("keycloak-26.5.6-realm-export.users.csv").split("\n"))
                    .drop(1).filter(line -> !line.isBlank()).map(line -> line.split(","))
                    .map(f -> Tuple.of(f[0], f)));
            JsonNode realm = JSON.readTree(read("keycloak-26.5.6-realm-export.json"));
            return List.ofAll(realm.get("users")).map(user -> {
                String username = user.get("username").asText();
                JsonNode credential = List.ofAll(user.get("credentials"))
                        .find(c -> c.get("type").asText().equals("password")).get();
                String[] csv = passwords.get(username).getOrElseThrow(() -> new IllegalStateException(username));
                return new KeycloakUser(username, user.get("email").asText(), csv[2], csv[3], credential(credential));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code secretData} and {@code credentialData} are JSON objects written as strings. */
    private static KeycloakPasswordCredential credential(JsonNode credential) {
        JsonNode secret = tree(credential.get("secretData").asText());
        JsonNode data = tree(credential.get("credentialData").asText());
        Map<String, List<String>> parameters = HashMap.ofEntries(List.ofAll(() -> data.get("additionalParameters").fields())
                .map(field -> Tuple.of(field.getKey(), List.ofAll(field.getValue()).map(JsonNode::asText))));
        return new KeycloakPasswordCredential(data.get("algorithm").asText(), data.get("hashIterations").asInt(),
                secret.get("value").asText(), secret.get("salt").asText(), parameters);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(KeycloakFixture.class.getResourceAsStream("/keycloak/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
