package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database, both applying the same bootstrap file with {@code resource_servers} and
 * {@code client_grants} (idempotent, whichever starts first), and a secret rotated through one node
 * refused by the other at once, though that node had just authenticated the client.
 */
abstract class AbstractTwoNodesClientsTest {
    static final String OPERATOR_SECRET = "operator-secret-0123456789-abcdefghijklmnop";
    static final String ROBOT_SECRET = "robot-secret-0123456789-ABCDEFGHIJKLMNOPQR";
    static final String ORDERS = "https://orders.example.com/";
    static final String MANAGEMENT = RunningApp.ISSUER + "api/v2/";

    @TempDir
    Path dir;

    abstract TestDatabase database();

    @Test
    void bothNodesApplyTheBootstrapGrantsOnceAndRefuseARotatedSecretAtOnce() throws Exception {
        Path bootstrap = Files.writeString(dir.resolve("grants.json"), """
                {"clients": [{"client_id": "operator", "client_secret": "%s", "grant_types": ["client_credentials"],
                              "mfa_policy": "never"},
                             {"client_id": "robot", "client_secret": "%s", "grant_types": ["client_credentials"],
                              "mfa_policy": "never"}],
                 "resource_servers": [{"identifier": "%s", "name": "Orders", "token_lifetime": 600,
                                       "scopes": [{"value": "read:orders", "description": "Read orders"}]}],
                 "client_grants": [{"client_id": "operator", "audience": "management",
                                    "scope": ["read:clients", "update:client_keys"]},
                                   {"client_id": "robot", "audience": "%s", "scope": ["read:orders"]}]}
                """.formatted(OPERATOR_SECRET, ROBOT_SECRET, ORDERS, ORDERS));
        TestDatabase database = database();
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp first = RunningApp.start(node(bootstrap, "a", webhook, database), E2eFixture.clock());
             RunningApp second = RunningApp.start(node(bootstrap, "b", webhook, database), E2eFixture.clock())) {
            ApiClient a = first.client();
            ApiClient b = second.client();

            ApiResponse robotOnB = token(b, "robot", ROBOT_SECRET, ORDERS);
            assertThat(robotOnB.status()).as(robotOnB.toString()).isEqualTo(200);
            assertThat(robotOnB.text("scope")).isEqualTo("read:orders");
            assertThat(robotOnB.json().path("expires_in").asInt()).isEqualTo(600);
            ApiResponse operatorOnA = token(a, "operator", OPERATOR_SECRET, MANAGEMENT);
            assertThat(operatorOnA.status()).as(operatorOnA.toString()).isEqualTo(200);

            ApiResponse rotated = a.send("POST", "api/v2/clients/robot/rotate-secret", null, null,
                    "Authorization", "Bearer " + operatorOnA.text("access_token"));
            assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);

            ApiResponse oldOnB = token(b, "robot", ROBOT_SECRET, ORDERS);
            assertThat(oldOnB.status()).as(oldOnB.toString()).isEqualTo(401);
            assertThat(oldOnB.error()).isEqualTo("invalid_client");
            assertThat(token(b, "robot", rotated.text("client_secret"), ORDERS).status()).isEqualTo(200);
            assertThat(rows(database, "client_grants")).isEqualTo(2);
            assertThat(rows(database, "resource_servers")).isEqualTo(1);
        } finally {
            database.close();
        }
    }

    private Map<String, Object> node(Path bootstrap, String name, WebhookRecorder webhook, TestDatabase database)
            throws java.io.IOException {
        Files.createDirectories(dir.resolve(name));
        Map<String, Object> properties = new java.util.HashMap<>(E2eFixture.properties(dir.resolve(name), webhook, database));
        properties.put("twofold.bootstrap-file", bootstrap.toString());
        return properties;
    }

    private static ApiResponse token(ApiClient api, String client, String secret, String audience) {
        return api.postForm("oauth/token", Map.of("grant_type", "client_credentials", "audience", audience),
                "Authorization", ApiClient.basic(client, secret));
    }

    private static long rows(TestDatabase database, String table) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }
}
