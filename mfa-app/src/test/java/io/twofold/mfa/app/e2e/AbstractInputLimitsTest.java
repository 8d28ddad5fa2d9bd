package io.twofold.mfa.app.e2e;

import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text input has a documented maximum length (README, "Input limits and hardening"), checked
 * before any work: one character more is a 400 {@code invalid_request} naming the parameter, and
 * nothing reaches the database, the log or H2's trace file. A value at its maximum still works, so
 * each maximum fits what the database stores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractInputLimitsTest {
    private static final String TOKEN = "oauth/token";
    /** Recognisable in any log line or file, should an over-long value leak there. */
    private static final String MARK = "Zq";

    @TempDir
    static Path dir;

    private WebhookRecorder webhook;
    private RunningApp app;
    private ApiClient api;

    /** The database properties of the app (none: the embedded default, an H2 file in the data directory). */
    abstract Map<String, Object> storage(Path dir);

    @BeforeAll
    void start() {
        webhook = new WebhookRecorder();
        MutableClock clock = E2eFixture.clock();
        Map<String, Object> properties = new HashMap<>(E2eFixture.properties(dir, webhook));
        properties.putAll(storage(dir));
        app = RunningApp.start(properties, clock);
        api = app.client();
    }

    /** Drops what {@link #storage(Path)} created, once the app has stopped. */
    void dropStorage() {
    }

    @AfterAll
    void stop() {
        app.close();
        webhook.close();
        dropStorage();
    }

    @Test
    void refusesAnOverLongScopeOrAudienceWithTheRightPasswordBeforeAnyWork() throws IOException {
        try (LogCapture log = new LogCapture()) {
            assertTooLong(login(Map.of("scope", long_(4_001))), "scope", 2048);
            assertTooLong(login(Map.of("audience", "https://api.example.com/" + long_(2_049))), "audience", 1024);
            assertTooLong(login(Map.of("scope", long_(2_049))), "scope", 2048);
            assertTooLong(login(Map.of("audience", long_(1_025))), "audience", 1024);

            assertThat(log.text()).doesNotContain(MARK.repeat(8)).doesNotContain("Exception");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".trace.db"));
        }
    }

    @Test
    void acceptsEachLoginParameterAtItsMaximum() {
        String audience = "https://api.example.com/" + long_(1024 - "https://api.example.com/".length());
        ApiResponse login = login(Map.of("scope", "openid " + long_(2048 - "openid ".length()), "audience", audience));
        // Read in full and looked up: no API is registered under it (a 400 would mean it was too long).
        assertThat(login.status()).as(login.toString()).isEqualTo(403);
        assertThat(login.errorDescription()).isEqualTo("Service not found: " + audience);
        ApiResponse longScope = login(Map.of("scope", "openid " + long_(2048 - "openid ".length())));
        assertThat(longScope.error()).as(longScope.toString()).isEqualTo("mfa_required");

        ApiResponse unknown = api.postForm(TOKEN, Map.of("grant_type", PASSWORD_REALM, "realm", long_(255),
                "username", long_(255), "password", long_(1024), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(403);
        assertThat(unknown.errorDescription()).isEqualTo("Wrong email or password.");
    }

    @Test
    void refusesEachOverLongTokenEndpointParameter() {
        assertTooLong(form(Map.of("grant_type", PASSWORD, "username", long_(256), "password", JANE_PASSWORD)), "username", 255);
        assertTooLong(form(Map.of("grant_type", PASSWORD, "username", JANE, "password", long_(1025))), "password", 1024);
        assertTooLong(form(Map.of("grant_type", PASSWORD_REALM, "realm", long_(256), "username", JANE,
                "password", JANE_PASSWORD)), "realm", 255);
        assertTooLong(form(Map.of("grant_type", long_(257))), "grant_type", 256);
        assertTooLong(form(Map.of("grant_type", MFA_OTP, "mfa_token", long_(2049), "otp", "123456")), "mfa_token", 2048);
        assertTooLong(form(Map.of("grant_type", MFA_OTP, "mfa_token", "t", "otp", long_(65))), "otp", 64);
        assertTooLong(form(Map.of("grant_type", MFA_OOB, "mfa_token", "t", "oob_code", long_(1025))), "oob_code", 1024);
        assertTooLong(form(Map.of("grant_type", MFA_OOB, "mfa_token", "t", "oob_code", "o", "binding_code", long_(65))),
                "binding_code", 64);
        assertTooLong(form(Map.of("grant_type", MFA_RECOVERY_CODE, "mfa_token", "t", "recovery_code", long_(65))),
                "recovery_code", 64);
        assertTooLong(api.postForm(TOKEN, Map.of("grant_type", PASSWORD, "username", JANE, "password", JANE_PASSWORD,
                "client_id", long_(256), "client_secret", CLIENT_SECRET)), "client_id", 255);
        assertTooLong(api.postForm(TOKEN, Map.of("grant_type", PASSWORD, "username", JANE, "password", JANE_PASSWORD,
                "client_id", CLIENT_ID, "client_secret", long_(513))), "client_secret", 512);
        assertTooLong(api.postForm(TOKEN, Map.of("grant_type", PASSWORD, "username", JANE, "password", JANE_PASSWORD),
                "Authorization", ApiClient.basic(CLIENT_ID, long_(513))), "client_secret", 512);
    }

    @Test
    void refusesEachOverLongChallengeEnrollmentAndBearer() {
        String mfaToken = login(Map.of()).text("mfa_token");
        assertTooLong(api.postJson("mfa/challenge", Map.of("mfa_token", mfaToken, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "challenge_type", long_(65))), "challenge_type", 64);
        assertTooLong(api.postJson("mfa/challenge", Map.of("mfa_token", mfaToken, "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "authenticator_id", long_(65))), "authenticator_id", 64);
        String bearer = "Bearer " + mfaToken;
        assertTooLong(api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"), "oob_channels", List.of("sms"),
                "phone_number", "+1555" + "0".repeat(60)), "Authorization", bearer), "phone_number", 64);
        assertTooLong(api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"), "oob_channels", List.of("email"),
                "email", long_(250) + "@example.com"), "Authorization", bearer), "email", 254);
        assertTooLong(api.postJson("mfa/associate", Map.of("authenticator_types", List.of(long_(65))),
                "Authorization", bearer), "authenticator_types", 64);
        assertTooLong(api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"),
                "oob_channels", List.of(long_(65))), "Authorization", bearer), "oob_channels", 64);
        assertTooLong(api.get("mfa/authenticators", long_(4097)), "bearer token", 4096);
        assertTooLong(api.delete("mfa/authenticators/" + long_(65), mfaToken), "authenticator id", 64);
        assertThat(webhook.pending()).isZero();
    }

    private ApiResponse login(Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", PASSWORD, "username", JANE, "password", JANE_PASSWORD));
        form.putAll(extra);
        return form(form);
    }

    private ApiResponse form(Map<String, String> params) {
        Map<String, String> form = new HashMap<>(params);
        form.put("client_id", CLIENT_ID);
        form.put("client_secret", CLIENT_SECRET);
        return api.postForm(TOKEN, form);
    }

    private static void assertTooLong(ApiResponse response, String parameter, int max) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.error()).as(response.toString()).isEqualTo("invalid_request");
        assertThat(response.errorDescription()).isEqualTo(parameter + " is longer than " + max + " characters");
    }

    /** A value of exactly {@code length} characters. */
    private static String long_(int length) {
        return MARK.repeat(length / 2 + 1).substring(0, length);
    }
}
