package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static io.twofold.mfa.app.e2e.ManagementCalls.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v2/logs} and {@code /api/v2/users/{id}/logs} over the real socket: a login flow's
 * events appear with Auth0's codes, the right user and {@code details.authenticator.id}, and never a
 * submitted code; search, paging, checkpoints, scopes and bad input. Subclasses pick the database.
 */
abstract class AbstractLogsApiTest extends AbstractAppTest {
    private static final Duration STEP = Duration.ofSeconds(30);

    private List<JsonNode> logs(String query) {
        ApiResponse response = api.get("api/v2/logs?per_page=100&" + query, managementToken("read:logs"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private static List<String> types(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("type").asText()).toList();
    }

    @Test
    void aLoginFlowShowsUpWithAuth0CodesTheUserAndTheAuthenticator() {
        List<String> secrets = new ArrayList<>(List.of(JANE_PASSWORD, "wrong " + JANE_PASSWORD));
        assertThat(passwordLogin(api, JANE, "wrong " + JANE_PASSWORD).status()).isEqualTo(403);

        String enroll = mfaToken(api, JANE, JANE_PASSWORD);
        ApiResponse otp = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + enroll);
        String secret = otp.text("secret");
        String recoveryCode = otp.json().get("recovery_codes").get(0).textValue();
        String first = totp(secret, clock.instant());
        ApiResponse confirmed = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", enroll,
                "otp", first, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String userId = subject(confirmed.text("access_token"));

        clock.advance(STEP);
        String wrong = totp(secret, clock.instant().plus(Duration.ofHours(1)));
        ApiResponse refused = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token",
                mfaToken(api, JANE, JANE_PASSWORD), "otp", wrong, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(refused.status()).isEqualTo(403);
        ApiResponse recovered = api.postForm("oauth/token", Map.of("grant_type", MFA_RECOVERY_CODE,
                "mfa_token", mfaToken(api, JANE, JANE_PASSWORD), "recovery_code", recoveryCode,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        secrets.addAll(List.of(secret, recoveryCode, first, wrong, recovered.text("recovery_code"), CLIENT_SECRET));

        // The types, by search, with the user and the authenticator.
        assertThat(types(logs("q=" + encode("type:fp")))).isNotEmpty().containsOnly("fp");
        JsonNode failed = logs("q=" + encode("type:gd_auth_failed AND user_id:\"" + userId + "\"")).get(0);
        assertThat(failed.path("user_id").asText()).isEqualTo(userId);
        assertThat(failed.path("client_id").asText()).isEqualTo(CLIENT_ID);
        String totpId = failed.path("details").path("authenticator").path("id").asText();
        assertThat(totpId).startsWith("totp|dev_");
        assertThat(failed.path("isMobile").asBoolean(true)).isFalse();
        assertThat(failed.path("_id").asText()).isEqualTo(failed.path("log_id").asText()).matches("[0-9]{20}");
        assertThat(failed.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        JsonNode succeeded = logs("q=" + encode("type:gd_auth_succeed")).get(0);
        assertThat(succeeded.path("details").path("authenticator").path("id").asText()).isEqualTo(totpId);
        assertThat(succeeded.path("description").asText()).isEqualTo("Multi-factor authentication success");
        assertThat(logs("q=" + encode("type:seotpft AND user_id:\"" + userId + "\""))).hasSize(1);
        assertThat(logs("search=" + encode("type:gd_recovery_succeed"))).hasSize(1)
                .allSatisfy(e -> assertThat(e.path("details").path("authenticator").path("id").asText())
                        .startsWith("recovery-code|dev_"));

        // The user's own log: every MFA step, newest first, all theirs.
        List<JsonNode> mine = StreamSupport.stream(api.get("api/v2/users/" + encode(userId) + "/logs?per_page=100",
                managementToken("read:logs")).json().spliterator(), false).toList();
        assertThat(types(mine)).contains("mfar", "gd_start_enroll", "gd_enrollment_complete", "seotpft",
                "gd_auth_succeed", "gd_auth_failed", "sercft", "gd_recovery_succeed");
        assertThat(mine).allSatisfy(e -> assertThat(e.path("user_id").asText()).isEqualTo(userId));
        assertThat(mine.stream().map(e -> e.path("log_id").asText()).toList()).isSortedAccordingTo((a, b) -> b.compareTo(a));

        // One by id; nothing stored anywhere holds a code, secret or password.
        ApiResponse one = api.get("api/v2/logs/" + failed.path("log_id").asText(), managementToken("read:logs"));
        assertThat(one.json()).isEqualTo(failed);
        for (JsonNode entry : logs("sort=date:1")) {
            for (String s : secrets) {
                assertThat(entry.toString()).as("an entry holds %s", s).doesNotContain(s);
            }
        }
    }

    @Test
    void pagesWithTotalsSortsAndKeepsFields() {
        for (int i = 0; i < 3; i++) {
            passwordLogin(api, SAM, "wrong " + SAM_PASSWORD);
        }
        String token = managementToken("read:logs");
        ApiResponse page = api.get("api/v2/logs?q=" + encode("type:fp") + "&per_page=2&page=0&include_totals=true", token);
        assertThat(page.status()).isEqualTo(200);
        JsonNode body = page.json();
        assertThat(body.path("start").asInt()).isZero();
        assertThat(body.path("limit").asInt()).isEqualTo(2);
        assertThat(body.path("length").asInt()).isEqualTo(2);
        long total = body.path("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(body.path("logs").size()).isEqualTo(2);
        ApiResponse past = api.get("api/v2/logs?q=" + encode("type:fp") + "&per_page=2&page=1000", token);
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().size()).isZero();

        List<String> oldestFirst = StreamSupport.stream(api.get("api/v2/logs?sort=date:1&per_page=100", token).json()
                .spliterator(), false).map(e -> e.path("log_id").asText()).toList();
        assertThat(oldestFirst).isSorted();

        JsonNode trimmed = api.get("api/v2/logs?fields=type,log_id&include_fields=true&per_page=1", token).json().get(0);
        assertThat(trimmed.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "log_id");
        JsonNode without = api.get("api/v2/logs?fields=details&include_fields=false&per_page=1", token).json().get(0);
        assertThat(without.has("details")).isFalse();
        assertThat(without.has("type")).isTrue();

        String today = clock.instant().toString().substring(0, 10);
        assertThat(logs("q=" + encode("type:fp AND date:[" + today + " TO " + today + "]"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(logs("q=" + encode("type:fp AND date:{* TO 2000-01-01}"))).isEmpty();
        assertThat(logs("q=" + encode("type:fp AND date:>=" + today))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void checkpointsReturnEveryEntryOnceOldestFirstWhileEntriesAreAdded() throws Exception {
        String read = managementToken("read:logs");
        String write = managementToken("update:guardian_factors");
        List<String> all = new ArrayList<>(checkpoint(null, read));
        String cursor = all.isEmpty() ? null : all.get(all.size() - 1);
        Set<String> seen = new HashSet<>(all);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 30; i++) {
                api.send("PUT", "api/v2/guardian/factors/email", "application/json",
                        "{\"enabled\":true}".getBytes(), "Authorization", "Bearer " + write);
            }
            writing.set(false);
        });
        writer.start();
        int sapi = 0;
        do {
            clock.advance(Duration.ofSeconds(10));
            Thread.sleep(200);
            for (String id : checkpointFrom(cursor, read)) {
                assertThat(seen.add(id)).as("seen once: %s", id).isTrue();
                assertThat(cursor == null || id.compareTo(cursor) > 0).isTrue();
                cursor = id;
                sapi++;
            }
        } while (writing.get());
        writer.join();
        clock.advance(Duration.ofSeconds(10));
        for (String id : checkpointFrom(cursor, read)) {
            assertThat(seen.add(id)).as("seen once: %s", id).isTrue();
            cursor = id;
            sapi++;
        }
        assertThat(sapi).isEqualTo(30);
        assertThat(logs("q=" + encode("type:sapi AND client_id:" + E2eApp.OPERATOR))).hasSize(30)
                .allSatisfy(e -> assertThat(e.path("description").asText()).isEqualTo("Update a Guardian Factor"));
    }

    /** Every settled entry after {@code from}, read 7 at a time; their log ids. */
    private List<String> checkpointFrom(String from, String token) {
        List<String> ids = new ArrayList<>();
        String cursor = from;
        while (true) {
            ApiResponse page = api.get("api/v2/logs?take=7" + (cursor == null ? "&from=" : "&from=" + cursor), token);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            if (page.json().isEmpty()) {
                return ids;
            }
            for (JsonNode entry : page.json()) {
                ids.add(entry.path("log_id").asText());
                cursor = entry.path("log_id").asText();
            }
        }
    }

    private List<String> checkpoint(String from, String token) {
        clock.advance(Duration.ofSeconds(10));
        return checkpointFrom(from, token);
    }

    @Test
    void refusesCallersWithoutTheScopeOrAToken() throws IOException {
        String wrong = managementToken("read:users");
        for (String path : List.of("api/v2/logs", "api/v2/logs/00000000000000000001", "api/v2/users/auth0%7Cx/logs")) {
            assertInsufficientScope(api.get(path, wrong), "read:logs");
            assertManagementError(api.send("GET", path, null, null), 401, null);
        }
    }

    @Test
    void answersBadInputInTheManagementShape() {
        String token = managementToken("read:logs");
        for (String query : List.of("q=" + encode("color:blue"), "q=" + encode("type:\"open"), "q=" + encode("type:a OR type:b"),
                "q=" + encode("type:a AND type:b"), "q=" + encode("date:[yesterday TO *]"), "q=" + encode("type:gd*"),
                "per_page=101", "page=-1", "sort=" + encode("type:1"), "include_totals=maybe", "take=0", "take=101",
                "from=abc")) {
            assertManagementError(api.get("api/v2/logs?" + query, token), 400, "invalid_query_string");
        }
        assertManagementError(api.get("api/v2/users/auth0%7Cx/logs?per_page=1000", token), 400, "invalid_query_string");
        assertManagementError(api.get("api/v2/logs/99999999999999999999", token), 404, "inexistent_log");
        assertManagementError(api.get("api/v2/logs/not-a-log-id", token), 404, "inexistent_log");
        ApiResponse nobody = api.get("api/v2/users/" + encode("auth0|nobody") + "/logs", token);
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.json().size()).isZero();
    }
}
