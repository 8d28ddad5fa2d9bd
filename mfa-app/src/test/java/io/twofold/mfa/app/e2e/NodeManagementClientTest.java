package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * node-auth0's {@code ManagementClient} (v4, unmodified, installed from the npm registry by
 * {@code src/test/node/package-lock.json}) gets its own token by {@code client_credentials} and lists
 * users and authentication methods. Skipped, saying so, on a machine without Node.js and npm.
 */
class NodeManagementClientTest extends AbstractAppTest {
    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }

    @Test
    void listsUsersAndTheirAuthenticationMethods() throws Exception {
        Assumptions.assumeTrue(NodeScripts.available(),
                "Node.js and npm are not installed: node-auth0's ManagementClient was NOT checked");
        String email = "node-client@example.com";
        String token = managementToken("create:users", "create:authentication_methods");
        ApiResponse created = api.postJson("api/v2/users", Map.of("connection", "Username-Password-Authentication",
                "email", email, "password", "a long node passphrase"), "Authorization", "Bearer " + token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.text("user_id");
        ApiResponse method = api.postJson("api/v2/users/" + userId.replace("|", "%7C") + "/authentication-methods",
                Map.of("type", "totp", "totp_secret", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), "Authorization", "Bearer " + token);
        assertThat(method.status()).as(method.toString()).isEqualTo(201);

        OperatorClient operator = OperatorClient.register(api, managementToken("create:clients", "create:client_grants"),
                "node-auth0 operator");
        JsonNode result = NodeScripts.install().runJson("management-client.mjs", Map.of(
                "TWOFOLD_BASE", app.uri().toString(),
                "TWOFOLD_CLIENT_ID", operator.clientId(),
                "TWOFOLD_CLIENT_SECRET", operator.clientSecret(),
                "TWOFOLD_AUDIENCE", RunningApp.ISSUER + "api/v2/",
                "TWOFOLD_EMAIL", email));

        assertThat(result.get("total").asInt()).isEqualTo(1);
        assertThat(result.get("found").get(0).asText()).isEqualTo(userId);
        assertThat(result.get("everyone").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(result.get("byEmail").get(0).asText()).isEqualTo(userId);
        assertThat(result.get("methods").get(0).get("type").asText()).isEqualTo("totp");
        assertThat(result.get("methods").get(0).get("id").asText()).startsWith("totp|dev_");
        assertThat(result.get("notFound").get("statusCode").asInt()).isEqualTo(404);
        assertThat(result.get("notFound").get("errorCode").asText()).isEqualTo("inexistent_user");
    }
}
