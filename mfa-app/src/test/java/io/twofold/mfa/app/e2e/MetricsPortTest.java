package io.twofold.mfa.app.e2e;

import io.twofold.mfa.app.metrics.ManagementListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where {@code /metrics} answers: with {@code MFA_MANAGEMENT_PORT} set, on that port only (the main
 * port says 404, as for any unknown path) and the health endpoints there too; with
 * {@code MFA_METRICS_ENABLED=false}, nowhere.
 */
class MetricsPortTest {
    @TempDir
    Path dir;

    @Test
    void servesMetricsOnTheManagementPortAndNotOnTheMainPort() {
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(with(E2eFixture.properties(dir, webhook),
                     "twofold.metrics.management-port", 0, "twofold.metrics.management-host", "127.0.0.1"),
                     E2eFixture.clock())) {
            ApiClient main = app.client();
            ApiClient management = new ApiClient(URI.create("http://127.0.0.1:" + app.bean(ManagementListener.class).port() + "/"));

            ApiResponse onMain = main.send("GET", "metrics", null, null);
            assertThat(onMain.status()).isEqualTo(404);
            assertThat(onMain.error()).isEqualTo("not_found");
            assertThat(main.send("GET", "health/readiness", null, null).status()).isEqualTo(200);

            ApiResponse metrics = management.send("GET", "metrics", null, null);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            assertThat(Scrape.parse(metrics.body()).families()).contains("jvm_memory_used_bytes", "twofold_http_server_requests_seconds");
            for (String path : new String[] {"health", "health/readiness", "health/liveness"}) {
                ApiResponse health = management.send("GET", path, null, null);
                assertThat(health.status()).as(path).isEqualTo(200);
                assertThat(health.json().path("status").asText()).as(path).isEqualTo("UP");
            }
            assertThat(management.send("GET", "oauth/token", null, null).status()).isEqualTo(404);
            assertThat(management.send("POST", "metrics", null, null).status()).isEqualTo(405);
        }
    }

    @Test
    void servesNoMetricsWhenTheyAreOff() {
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(with(E2eFixture.properties(dir, webhook), "twofold.metrics.enabled", "false"),
                     E2eFixture.clock())) {
            ApiResponse metrics = app.client().send("GET", "metrics", null, null);
            assertThat(metrics.status()).isEqualTo(404);
            assertThat(metrics.error()).isEqualTo("not_found");
            assertThat(app.client().send("GET", "health/liveness", null, null).status()).isEqualTo(200);
        }
    }

    private static Map<String, Object> with(Map<String, Object> properties, Object... more) {
        for (int i = 0; i < more.length; i += 2) {
            properties.put((String) more[i], more[i + 1]);
        }
        return properties;
    }
}
