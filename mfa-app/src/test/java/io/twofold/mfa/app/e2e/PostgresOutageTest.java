package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running app (its connections cut and new ones refused by a relay
 * between the app and PostgreSQL), then comes back: meanwhile every answer is a quick 503
 * {@code temporarily_unavailable} with {@code Retry-After}, never a 500, readiness says DOWN; after,
 * the same app serves again with no restart and nothing accepted before is lost.
 */
class PostgresOutageTest {
    private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void answers503WhileTheDatabaseIsAwayAndRecoversWithoutARestart() {
        TestDatabase database = TestDatabases.postgres();
        Matcher target = HOST_PORT.matcher(database.url());
        assertThat(target.find()).as(database.url()).isTrue();
        try (CuttableProxy proxy = new CuttableProxy(target.group(1), Integer.parseInt(target.group(2)));
             WebhookRecorder webhook = new WebhookRecorder()) {
            Map<String, Object> properties = new HashMap<>(E2eFixture.properties(dir, webhook, database));
            properties.put("twofold.db.url", HOST_PORT.matcher(database.url()).replaceFirst("//127.0.0.1:" + proxy.port() + "/"));
            try (RunningApp app = RunningApp.start(properties, E2eFixture.clock())) {
                ApiClient api = app.client();
                assertThat(login(api).error()).as("before the outage").isEqualTo("mfa_required");

                proxy.cut();
                for (int i = 0; i < 3; i++) {
                    long started = System.nanoTime();
                    ApiResponse refused = login(api);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                    assertThat(refused.error()).isEqualTo("temporarily_unavailable");
                    assertThat(refused.header("Retry-After")).contains("5");
                    assertThat(refused.body()).doesNotContain("Exception").doesNotContain("postgres");
                    // Not a timing assertion on speed, a bound on hanging: the pool gives up after 3 s.
                    assertThat(millis).as("request %d waited", i).isLessThan(15_000);
                }
                assertThat(api.send("GET", "health/readiness", null, null).status()).isEqualTo(503);
                assertThat(api.send("GET", "health/liveness", null, null).status()).isEqualTo(200);

                proxy.restore();
                ApiResponse after = login(api);
                assertThat(after.error()).as("after the outage: " + after).isEqualTo("mfa_required");
                assertThat(api.send("GET", "health/readiness", null, null).status()).isEqualTo(200);
            }
        } finally {
            database.close();
        }
    }

    private static ApiResponse login(ApiClient api) {
        return api.postForm("oauth/token", Map.of("grant_type", PASSWORD, "username", JANE, "password", JANE_PASSWORD,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }
}
