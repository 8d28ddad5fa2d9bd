package io.twofold.mfa.http.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.usecase.MfaTestbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Auth0's brute-force block on the password grant, over the real socket and the domain's real services. */
class PasswordBruteForceApiTest {

    private static final String BLOCKED = "{\"error\":\"too_many_attempts\",\"error_description\":"
            + "\"Your account has been blocked after multiple consecutive login attempts.\"}";
    private static final String FORWARDED_FOR = "auth0-forwarded-for";

    private EmbeddedServer server;
    private MfaTestbed world;
    private WireClient http;

    @BeforeEach
    void start() {
        server = TestbedPorts.startServer();
        world = server.getApplicationContext().getBean(MfaTestbed.class);
        http = new WireClient(server.getURI());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WireClient.Reply login(String client, String password, String... headers) {
        String secret = client.equals("app") ? "&client_secret=" + MfaTestbed.CLIENT_SECRET : "";
        return http.postForm("/oauth/token", "grant_type=password&username=alice&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&client_id=" + client + secret, headers);
    }

    private void failTenTimes(String client, String... headers) {
        for (int i = 0; i < 10; i++) {
            assertThat(login(client, "guess-" + i, headers).json().get("error").asText()).isEqualTo("invalid_grant");
        }
    }

    @Test
    void answersTheEleventhAttemptWithAuth0sBlockAndNoRateLimitHeaders() {
        failTenTimes("app");

        WireClient.Reply reply = login("app", MfaTestbed.PASSWORD);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.body()).isEqualTo(BLOCKED);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        for (String header : new String[] {"retry-after", "x-ratelimit-limit", "x-ratelimit-remaining",
                "x-ratelimit-reset", "auth0-client-quota-limit", "auth0-organization-quota-limit"}) {
            assertThat(reply.header(header)).as(header).isEmpty();
        }
    }

    @Test
    void aConfidentialClientsForwardedEndUserIpIsCountedOnItsOwn() {
        failTenTimes("app", FORWARDED_FOR, "192.0.2.1");

        assertThat(login("app", MfaTestbed.PASSWORD, FORWARDED_FOR, "192.0.2.1").body()).isEqualTo(BLOCKED);
        assertThat(login("app", MfaTestbed.PASSWORD, FORWARDED_FOR, "192.0.2.2").json().get("error").asText())
                .isEqualTo("mfa_required");
    }

    @Test
    void aPublicClientsForwardedIpIsIgnored() {
        world.clients.registerPublic("spa", MfaPolicy.ALWAYS);
        for (int i = 0; i < 10; i++) {
            login("spa", "guess-" + i, FORWARDED_FOR, "192.0.2." + i);
        }

        assertThat(login("spa", MfaTestbed.PASSWORD, FORWARDED_FOR, "192.0.2.99").body()).isEqualTo(BLOCKED);
    }
}
