package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.JdbcStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liveness says the process answers; readiness (and {@code /health}) that the database does too.
 * With the database gone (its pool closed under the app), the node is not ready but still alive.
 */
class HealthTest {
    @TempDir
    Path dir;

    @Test
    void readinessFollowsTheDatabaseAndLivenessOnlyTheProcess() {
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(E2eFixture.properties(dir, webhook), E2eFixture.clock())) {
            ApiClient api = app.client();
            for (String path : new String[] {"health", "health/readiness", "health/liveness"}) {
                ApiResponse up = api.send("GET", path, null, null);
                assertThat(up.status()).as(path).isEqualTo(200);
                assertThat(up.json().path("status").asText()).as(path).isEqualTo("UP");
            }

            app.bean(JdbcStorage.class).close();

            for (String path : new String[] {"health", "health/readiness"}) {
                ApiResponse down = api.send("GET", path, null, null);
                assertThat(down.status()).as(path).isEqualTo(503);
                assertThat(down.json().path("status").asText()).as(path).isEqualTo("DOWN");
            }
            assertThat(api.send("GET", "health/liveness", null, null).status()).isEqualTo(200);
        }
    }
}
