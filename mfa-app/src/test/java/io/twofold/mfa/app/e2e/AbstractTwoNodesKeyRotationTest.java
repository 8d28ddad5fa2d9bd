package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.http.token.SigningKeyRotation;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.secret.SecureRandomSource;
import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database re-reading the signing keys every second: after a rotation both sign with
 * the new key, both publish the new and the old key, and tokens of either key from either node verify
 * on both (a Management API call answered 200).
 */
abstract class AbstractTwoNodesKeyRotationTest {
    static final String OPERATOR_SECRET = "operator-secret-0123456789-abcdefghijklmnop";
    static final String MANAGEMENT = RunningApp.ISSUER + "api/v2/";

    @TempDir
    Path dir;

    abstract TestDatabase database();

    @Test
    void bothNodesSignWithTheRotatedKeyAndAcceptTokensOfBothKeys() throws Exception {
        Path bootstrap = Files.writeString(dir.resolve("operator.json"), """
                {"clients": [{"client_id": "operator", "client_secret": "%s", "grant_types": ["client_credentials"],
                              "mfa_policy": "never"}],
                 "client_grants": [{"client_id": "operator", "audience": "management", "scope": ["read:clients"]}]}
                """.formatted(OPERATOR_SECRET));
        TestDatabase database = database();
        MutableClock clock = E2eFixture.clock();
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp first = RunningApp.start(node(bootstrap, "a", webhook, database), clock);
             RunningApp second = RunningApp.start(node(bootstrap, "b", webhook, database), clock)) {
            List<ApiClient> nodes = List.of(first.client(), second.client());
            List<String> before = nodes.stream().map(AbstractTwoNodesKeyRotationTest::token).toList();
            String oldKid = kid(before.get(0));
            assertThat(kid(before.get(1))).isEqualTo(oldKid);

            SigningKeyRotation.Rotations rotations = SigningKeyRotation.rotate(first.bean(JdbcStorage.class).signingKeys(), clock,
                    new SecureRandomSource(), Duration.ofHours(25));
            SigningKeyRotation.Rotation rotation = rotations.of(SigningAlgorithm.RS256);
            SigningKeyRotation.Rotation ecRotation = rotations.of(SigningAlgorithm.ES256);
            assertThat(rotation.rotated() && ecRotation.rotated()).isTrue();
            Thread.sleep(1_500);

            List<String> after = nodes.stream().map(AbstractTwoNodesKeyRotationTest::token).toList();
            assertThat(after).extracting(AbstractTwoNodesKeyRotationTest::kid).containsOnly(rotation.current());
            for (ApiClient node : nodes) {
                List<String> kids = new ArrayList<>();
                for (JsonNode key : node.send("GET", ".well-known/jwks.json", null, null).json().path("keys")) {
                    kids.add(key.path("kid").asText());
                }
                assertThat(kids).as("the current RSA and EC keys, then the retired ones")
                        .containsExactlyInAnyOrder(rotation.current(), ecRotation.current(), oldKid,
                                ecRotation.previous().get());
                assertThat(kids.subList(0, 2)).containsExactly(rotation.current(), ecRotation.current());
                for (String token : List.of(before.get(0), before.get(1), after.get(0), after.get(1))) {
                    ApiResponse clients = node.get("api/v2/clients", token);
                    assertThat(clients.status()).as(clients.toString()).isEqualTo(200);
                }
            }
        } finally {
            database.close();
        }
    }

    private Map<String, Object> node(Path bootstrap, String name, WebhookRecorder webhook, TestDatabase database)
            throws java.io.IOException {
        Files.createDirectories(dir.resolve(name));
        Map<String, Object> properties = new java.util.HashMap<>(E2eFixture.properties(dir.resolve(name), webhook, database));
        properties.put("twofold.bootstrap-file", bootstrap.toString());
        properties.put("twofold.signing-key-refresh", "1s");
        return properties;
    }

    private static String token(ApiClient node) {
        ApiResponse answer = node.postForm("oauth/token", Map.of("grant_type", "client_credentials", "audience", MANAGEMENT),
                "Authorization", ApiClient.basic("operator", OPERATOR_SECRET));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.text("access_token");
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))));
        return header.replaceAll(".*\"kid\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }
}
