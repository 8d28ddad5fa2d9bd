package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /metrics} after a flow (issue 13): scraped over the socket before and after, both answers read
 * by a real Prometheus text-format parser, and every counter the flow touches moved by exactly what
 * the flow did; no label anywhere holds the user's email, phone, username or id, or any token, code or
 * secret the flow used. Subclasses pick the database.
 */
abstract class AbstractMetricsTest extends AbstractAppTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String GRANTS = "twofold_grants_total";
    private static final String VERIFICATIONS = "twofold_second_factor_verifications_total";
    private static final String ENROLLMENTS = "twofold_enrollments_total";
    private static final String REQUESTS = "twofold_http_server_requests_seconds_count";

    private final List<String> secrets = new ArrayList<>();

    @Test
    void countsTheFlowAndLabelsNothingPersonal() {
        Scrape before = scrape();

        // Jane: password, TOTP enrollment through the mfa_token, confirmed by its first code.
        String enrollToken = mfaToken(PASSWORD, JANE, JANE_PASSWORD);
        ApiResponse otp = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + enrollToken);
        assertThat(otp.status()).as(otp.toString()).isEqualTo(200);
        String seed = otp.text("secret");
        keep(seed, otp.json().get("recovery_codes").get(0).textValue());
        ApiResponse confirmed = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", enrollToken,
                "otp", totp(seed, clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        keep(confirmed.text("access_token"));

        // A wrong code on a fresh login.
        clock.advance(STEP);
        String loginToken = mfaToken(PASSWORD, JANE, JANE_PASSWORD);
        String right = totp(seed, clock.instant());
        String wrong = right.equals("000000") ? "111111" : "000000";
        ApiResponse refused = otpGrant(loginToken, wrong);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("invalid_grant");

        // Sam: SMS enrollment through the webhook, confirmed with the code it received.
        ApiResponse realm = api.postJson("oauth/token", Map.of("grant_type", PASSWORD_REALM, "realm",
                "Username-Password-Authentication", "username", SAM, "password", SAM_PASSWORD,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(realm.error()).isEqualTo("mfa_required");
        String samToken = keep(realm.text("mfa_token"));
        ApiResponse sms = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"),
                "oob_channels", List.of("sms"), "phone_number", "+44 7700 900123"), "Authorization", "Bearer " + samToken);
        assertThat(sms.status()).as(sms.toString()).isEqualTo(200);
        WebhookRecorder.Delivery delivery = webhook.next();
        keep(sms.text("oob_code"), delivery.code(), sms.json().get("recovery_codes").get(0).textValue());
        ApiResponse smsConfirmed = api.postJson("oauth/token", Map.of("grant_type", MFA_OOB, "mfa_token", samToken,
                "oob_code", sms.text("oob_code"), "binding_code", delivery.code(),
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(smsConfirmed.status()).as(smsConfirmed.toString()).isEqualTo(200);
        keep(smsConfirmed.text("access_token"));

        // Management: list the users (their ids), then ask for one that does not exist.
        String operatorToken = keep(managementToken("read:users"));
        ApiResponse users = api.get("api/v2/users", operatorToken);
        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        users.json().forEach(user -> keep(user.path("user_id").asText()));
        ApiResponse missing = api.get("api/v2/users/" + URLEncoder.encode("auth0|nobody-here", StandardCharsets.UTF_8),
                operatorToken);
        assertThat(missing.status()).isEqualTo(404);

        // Wrong codes on one login until a budget refuses: every wrong one counted, the lockout and the refusal once.
        String lockedLogin = mfaToken(PASSWORD, JANE, JANE_PASSWORD);
        int wrongCodes = 1;
        ApiResponse answer = otpGrant(lockedLogin, wrong);
        for (int i = 0; i < 20 && answer.status() == 403; i++) {
            wrongCodes++;
            answer = otpGrant(lockedLogin, wrong);
        }
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(answer.error()).isEqualTo("too_many_attempts");

        // A path with the email in it, and a method nobody knows: neither becomes a label.
        assertThat(api.send("GET", "no-such-path/" + JANE, null, null).status()).isEqualTo(404);
        api.send("BREW", "oauth/token", null, null);

        Scrape after = scrape();
        assertThat(delta(before, after, GRANTS, "grant_type", "password", "outcome", "mfa_required")).isEqualTo(3);
        assertThat(delta(before, after, GRANTS, "grant_type", "password-realm", "outcome", "mfa_required")).isEqualTo(1);
        assertThat(delta(before, after, GRANTS, "grant_type", "mfa-otp", "outcome", "success")).isEqualTo(1);
        assertThat(delta(before, after, GRANTS, "grant_type", "mfa-otp", "outcome", "invalid_otp")).isEqualTo(wrongCodes);
        assertThat(delta(before, after, GRANTS, "grant_type", "mfa-otp", "outcome", "too_many_attempts")).isEqualTo(1);
        assertThat(delta(before, after, GRANTS, "grant_type", "mfa-oob", "outcome", "success")).isEqualTo(1);
        assertThat(delta(before, after, VERIFICATIONS, "factor", "otp", "outcome", "success")).isEqualTo(1);
        assertThat(delta(before, after, VERIFICATIONS, "factor", "otp", "outcome", "failure")).isEqualTo(wrongCodes);
        assertThat(delta(before, after, VERIFICATIONS, "factor", "sms", "outcome", "success")).isEqualTo(1);
        assertThat(delta(before, after, "twofold_second_factor_lockouts_total", "factor", "otp")).isEqualTo(1);
        assertThat(delta(before, after, "twofold_budget_refusals_total", "budget", "second_factor")).isEqualTo(1);
        assertThat(delta(before, after, ENROLLMENTS, "factor", "otp", "stage", "started")).isEqualTo(1);
        assertThat(delta(before, after, ENROLLMENTS, "factor", "otp", "stage", "confirmed")).isEqualTo(1);
        assertThat(delta(before, after, ENROLLMENTS, "factor", "sms", "stage", "started")).isEqualTo(1);
        assertThat(delta(before, after, ENROLLMENTS, "factor", "sms", "stage", "confirmed")).isEqualTo(1);
        assertThat(delta(before, after, ENROLLMENTS, "factor", "recovery_code", "stage", "started")).isEqualTo(2);
        assertThat(delta(before, after, ENROLLMENTS, "factor", "recovery_code", "stage", "confirmed")).isEqualTo(2);
        assertThat(delta(before, after, "twofold_oob_deliveries_seconds_count", "channel", "sms", "outcome", "delivered"))
                .isEqualTo(1);
        assertThat(delta(before, after, "twofold_password_checks_seconds_count")).isEqualTo(4);
        assertThat(delta(before, after, REQUESTS, "method", "POST", "route", "/oauth/token", "status", "403",
                "error", "invalid_grant")).isEqualTo(wrongCodes);
        assertThat(delta(before, after, REQUESTS, "method", "POST", "route", "/oauth/token", "status", "429",
                "error", "too_many_attempts")).isEqualTo(1);
        assertThat(delta(before, after, REQUESTS, "method", "POST", "route", "/mfa/associate", "status", "200",
                "error", "none")).isEqualTo(2);
        assertThat(delta(before, after, REQUESTS, "method", "GET", "route", "/api/v2/users", "status", "200",
                "error", "none")).isEqualTo(1);
        assertThat(delta(before, after, REQUESTS, "method", "GET", "route", "/api/v2/users/{id}", "status", "404",
                "error", "inexistent_user")).isEqualTo(1);
        assertThat(delta(before, after, REQUESTS, "method", "GET", "route", "unmatched", "status", "404",
                "error", "not_found")).isEqualTo(1);
        assertThat(after.labelSets()).noneMatch(labels -> "BREW".equals(labels.get("method")));
        // The database, the JVM and the process are there too.
        assertThat(after.families()).contains("hikaricp_connections_active", "twofold_db_statements_seconds",
                "jvm_memory_used_bytes", "process_cpu_usage", "process_uptime_seconds", "jvm_threads_live_threads");
        assertThat(after.sum("twofold_db_statements_seconds_count", "outcome", "ok")).isPositive();
        assertThat(after.families()).doesNotContain("http_server_requests_seconds");

        assertNoLabelHolds(after, secrets);
    }

    private void assertNoLabelHolds(Scrape scrape, List<String> secrets) {
        List<String> personal = new ArrayList<>(secrets);
        personal.addAll(List.of(JANE, SAM, "jane", "sam@", "+447700900123", "7700900123", "7700 900123",
                CLIENT_SECRET, JANE_PASSWORD, SAM_PASSWORD));
        for (Map<String, String> labels : scrape.labelSets()) {
            for (Map.Entry<String, String> label : labels.entrySet()) {
                for (String secret : personal) {
                    assertThat(label.getValue()).as("label %s", label.getKey()).doesNotContain(secret);
                }
            }
        }
    }

    private Scrape scrape() {
        ApiResponse response = api.send("GET", "metrics", null, null, "Accept", "text/plain");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return Scrape.parse(response.body());
    }

    private static long delta(Scrape before, Scrape after, String name, String... labels) {
        return Math.round(after.value(name, labels) - before.value(name, labels));
    }

    private ApiResponse otpGrant(String mfaToken, String code) {
        return api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken, "otp", code,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }

    private String mfaToken(String grant, String username, String password) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", grant, "username", username,
                "password", password, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        ApiResponse response = api.postForm("oauth/token", form);
        assertThat(response.error()).as(response.toString()).isEqualTo("mfa_required");
        return keep(response.text("mfa_token"));
    }

    private String keep(String... values) {
        for (String value : values) {
            if (value != null && value.length() >= 6) {
                secrets.add(value);
            }
        }
        return values[values.length - 1];
    }
}
