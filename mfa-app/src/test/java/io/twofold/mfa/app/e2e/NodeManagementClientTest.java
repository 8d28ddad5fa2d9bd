package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * node-auth0's {@code ManagementClient} (v4, unmodified, installed from the npm registry by
 * {@code src/test/node/package-lock.json}) gets its own token by {@code client_credentials} and lists
 * users and authentication methods. Skipped, saying so, on a machine without Node.js and npm.
 */
class NodeManagementClientTest extends AbstractAppTest {
    private static final Path SCRIPT_DIR = Path.of("src/test/node");

    @Override
    TestDatabase database() {
        return TestDatabases.h2();
    }

    @Test
    void listsUsersAndTheirAuthenticationMethods() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
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
        Path work = Files.createTempDirectory("twofold-node");
        for (String file : List.of("package.json", "package-lock.json", "management-client.mjs")) {
            Files.copy(SCRIPT_DIR.resolve(file), work.resolve(file));
        }
        run(work, Map.of(), "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline");
        JsonNode result = new ObjectMapper().readTree(run(work, Map.of(
                "TWOFOLD_BASE", app.uri().toString(),
                "TWOFOLD_CLIENT_ID", operator.clientId(),
                "TWOFOLD_CLIENT_SECRET", operator.clientSecret(),
                "TWOFOLD_AUDIENCE", RunningApp.ISSUER + "api/v2/",
                "TWOFOLD_EMAIL", email), "node", "management-client.mjs"));

        assertThat(result.get("total").asInt()).isEqualTo(1);
        assertThat(result.get("found").get(0).asText()).isEqualTo(userId);
        assertThat(result.get("everyone").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(result.get("byEmail").get(0).asText()).isEqualTo(userId);
        assertThat(result.get("methods").get(0).get("type").asText()).isEqualTo("totp");
        assertThat(result.get("methods").get(0).get("id").asText()).startsWith("totp|dev_");
        assertThat(result.get("notFound").get("statusCode").asInt()).isEqualTo(404);
        assertThat(result.get("notFound").get("errorCode").asText()).isEqualTo("inexistent_user");
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command in {@code dir}; its standard output, or a failure with everything it printed. */
    private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        Path output = Files.createTempFile(dir, "out", ".txt");
        Path errors = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(output.toFile()).redirectError(errors.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took longer than 180 s");
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + out
                    + Files.readString(errors, StandardCharsets.UTF_8));
        }
        return out;
    }
}
