package io.twofold.mfa.app.e2e;

import io.twofold.mfa.contract.Race;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of the hostile review (security issue, findings 1 to 3) replayed against the real app
 * over its socket: an attacker who knows a user's password tries to get around the second factor.
 * Each user is made for its test, so the tests share no attempt counters. Subclasses pick the database.
 */
abstract class AbstractAttackTest extends AbstractAppTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String REALM = "Username-Password-Authentication";
    private static final AtomicInteger USERS = new AtomicInteger();

    // ---- finding 1: a factor planted before the real user enrolls

    @Test
    void aFactorPlantedBeforeTheUserEnrollsDiesWithTheUsersEnrollment() {
        String user = newUser();
        // The attacker starts an enrollment with the password alone and keeps what it hands out.
        String attackerToken = mfaToken(user);
        ApiResponse planted = associateOtp(attackerToken);
        assertThat(planted.status()).as(planted.toString()).isEqualTo(200);
        String attackerSecret = planted.text("secret");
        String attackerRecovery = planted.json().get("recovery_codes").get(0).textValue();

        // The user enrolls and confirms their own app, and gets a recovery code of their own.
        String userToken = mfaToken(user);
        ApiResponse own = associateOtp(userToken);
        assertThat(own.json().path("recovery_codes").path(0).isTextual()).as(own.toString()).isTrue();
        assertThat(verifyOtp(userToken, totp(own.text("secret"), clock.instant())).status()).isEqualTo(200);
        clock.advance(STEP);

        // (a) The attacker's recovery code does not log in.
        ApiResponse recovery = api.postForm("oauth/token", Map.of("grant_type", MFA_RECOVERY_CODE,
                "mfa_token", mfaToken(user), "recovery_code", attackerRecovery,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(recovery.status()).as(recovery.toString()).isEqualTo(403);
        assertThat(recovery.error()).isEqualTo("invalid_grant");
        // (b) Nor can the planted TOTP be confirmed, through a new login or through the one that began it.
        assertThat(verifyOtp(mfaToken(user), totp(attackerSecret, clock.instant())).status()).isEqualTo(403);
        assertThat(verifyOtp(attackerToken, totp(attackerSecret, clock.instant())).status()).isEqualTo(403);
        // Only the user's own factors remain.
        ApiResponse listed = api.get("mfa/authenticators", mfaToken(user));
        assertThat(listed.json().findValuesAsText("authenticator_type")).containsExactlyInAnyOrder("otp", "recovery-code");
        assertThat(listed.json().findValues("active")).allMatch(active -> active.booleanValue());
    }

    @Test
    void aPendingEnrollmentIsConfirmedOnlyThroughTheLoginThatBeganIt() {
        String user = newUser();
        String first = mfaToken(user);
        String secret = associateOtp(first).text("secret");

        // To another login the user has nothing to answer with: the pending factor is not theirs to use.
        ApiResponse elsewhere = verifyOtp(mfaToken(user), totp(secret, clock.instant()));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(403);
        assertThat(elsewhere.error()).isEqualTo("unsupported_challenge_type");

        ApiResponse confirmed = verifyOtp(first, totp(secret, clock.instant()));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    }

    // ---- finding 2: one password counter per account, whatever the spelling

    @Test
    void theLoginLimitHoldsForEverySpellingOfTheAccountAndBothGrants() {
        String user = newUser();
        for (int i = 0; i < 10; i++) {
            assertThat(passwordLogin(user, "wrong " + i, Map.of()).status()).isEqualTo(403);
        }
        List<ApiResponse> blocked = List.of(
                passwordLogin(user, "wrong again", Map.of()),
                passwordLogin("  " + user.toUpperCase() + "\t", "wrong again", Map.of()),
                passwordLogin(user, "wrong again", Map.of("grant_type", PASSWORD_REALM, "realm", REALM)),
                passwordLogin(" " + user + " ", "wrong again", Map.of("grant_type", PASSWORD_REALM, "realm", REALM)),
                // Even the right password, padded, is refused while the account is blocked.
                passwordLogin(" " + user.toUpperCase() + " ", SAM_PASSWORD, Map.of()));
        assertThat(blocked).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(429);
            assertThat(response.error()).isEqualTo("too_many_attempts");
        });
    }

    // ---- finding 3: budgets hold exactly under concurrency

    @Test
    void thirtyWrongCodesAtOnceOnOneMfaTokenGetTenChecked() {
        String user = newUser();
        String secret = enrollTotp(user);
        String mfaToken = mfaToken(user);
        String wrong = wrongCode(secret);

        Map<String, Long> answers = race(30, i -> verifyOtp(mfaToken, wrong));

        assertThat(answers).containsEntry("Invalid otp_code.", 10L).containsEntry("too_many_attempts", 20L).hasSize(2);
    }

    @Test
    void wrongCodesAtOnceAcrossManyMfaTokensOfOneUserGetTheUserBudgetChecked() {
        String user = newUser();
        String secret = enrollTotp(user);
        List<String> tokens = IntStream.range(0, 24).mapToObj(i -> mfaToken(user)).toList();
        String wrong = wrongCode(secret);

        Map<String, Long> answers = race(24, i -> verifyOtp(tokens.get(i), wrong));

        assertThat(answers).containsEntry("Invalid otp_code.", 10L).containsEntry("too_many_attempts", 14L).hasSize(2);
    }

    @Test
    void thirtyWrongBindingCodesAtOnceOnOneOobCodeGetFiveChecked() {
        String user = newUser();
        String mfaToken = mfaToken(user);
        ApiResponse sms = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("oob"),
                "oob_channels", List.of("sms"), "phone_number", "+15557654321"), "Authorization", "Bearer " + mfaToken);
        assertThat(sms.status()).as(sms.toString()).isEqualTo(200);
        String right = webhook.next().code();
        String wrong = right.equals("000000") ? "111111" : "000000";
        String oobCode = sms.text("oob_code");

        Map<String, Long> answers = race(30, i -> api.postForm("oauth/token", Map.of("grant_type", MFA_OOB,
                "mfa_token", mfaToken, "oob_code", oobCode, "binding_code", wrong,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)));

        assertThat(answers).containsEntry("Invalid binding_code.", 5L).containsEntry("too_many_attempts", 25L).hasSize(2);
    }

    // ---- finding 9: an MFA API access token works only with the client it was issued to

    @Test
    void anMfaApiAccessTokenDoesNotEnrollWithAnotherClientsCredentials() {
        String user = newUser();
        String secret = enrollTotp(user);
        app.bean(JdbcStorage.class).clients().upsertClient(new Client(new ClientId("other-app"), "Other", true,
                HashSet.of(GrantType.PASSWORD), MfaPolicy.ALWAYS), Option.some("other-app-secret-0123456789-abcdefghij"));
        ApiResponse required = passwordLogin(user, SAM_PASSWORD, Map.of("audience", RunningApp.ISSUER + "mfa/",
                "scope", "enroll read:authenticators remove:authenticators"));
        String accessToken = verifyOtp(required.text("mfa_token"), totp(secret, clock.instant())).text("access_token");
        Map<String, Object> sms = Map.of("authenticator_types", List.of("oob"), "oob_channels", List.of("sms"),
                "phone_number", "+15551230000");

        ApiResponse foreign = api.postJson("mfa/associate", withClient(sms, "other-app", "other-app-secret-0123456789-abcdefghij"),
                "Authorization", "Bearer " + accessToken);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(401);
        assertThat(webhook.pending()).as("nothing sent").isZero();

        ApiResponse own = api.postJson("mfa/associate", withClient(sms, CLIENT_ID, CLIENT_SECRET),
                "Authorization", "Bearer " + accessToken);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        webhook.next();
    }

    private static Map<String, Object> withClient(Map<String, Object> body, String clientId, String secret) {
        Map<String, Object> all = new HashMap<>(body);
        all.put("client_id", clientId);
        all.put("client_secret", secret);
        return all;
    }

    // ---- UserInfo: only an access token with openid, and only the claims its scope allows

    @Test
    void userInfoAnswersTheClaimsOfAnAccessTokenWithOpenidAndNothingElse() {
        String user = newUser();
        String secret = enrollTotp(user);
        ApiResponse required = passwordLogin(user, SAM_PASSWORD, Map.of("scope", "openid profile email"));
        ApiResponse tokens = verifyOtp(required.text("mfa_token"), totp(secret, clock.instant()));
        clock.advance(STEP);

        ApiResponse info = api.get("userinfo", tokens.text("access_token"));
        assertThat(info.status()).as(info.toString()).isEqualTo(200);
        assertThat(info.json().path("sub").asText()).startsWith("auth0|");
        // Auth0's claims for profile and email: name defaults to the email, nickname to its local part.
        assertThat(info.json().path("name").asText()).isEqualTo(user);
        assertThat(info.json().path("nickname").asText()).isEqualTo(user.substring(0, user.indexOf('@')));
        assertThat(info.json().path("email").asText()).isEqualTo(user);
        assertThat(info.json().path("email_verified").isBoolean()).as(info.toString()).isTrue();
        assertThat(java.time.Instant.parse(info.json().path("updated_at").asText())).isBeforeOrEqualTo(clock.instant());
        ApiResponse posted = api.send("POST", "userinfo", "application/json", new byte[0],
                "Authorization", "Bearer " + tokens.text("access_token"));
        assertThat(posted.json()).isEqualTo(info.json());

        // An ID token, an MFA API token (no openid), a tampered token, no token: 401 invalid_token.
        ApiResponse mfaApiRequired = passwordLogin(user, SAM_PASSWORD, Map.of("audience", RunningApp.ISSUER + "mfa/",
                "scope", "read:authenticators"));
        String mfaApiToken = verifyOtp(mfaApiRequired.text("mfa_token"), totp(secret, clock.instant())).text("access_token");
        String accessToken = tokens.text("access_token");
        for (String bearer : List.of(tokens.text("id_token"), mfaApiToken, accessToken.substring(0, accessToken.length() - 4) + "AAAA")) {
            ApiResponse refused = api.get("userinfo", bearer);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.error()).isEqualTo("invalid_token");
        }
        ApiResponse none = api.send("GET", "userinfo", null, null);
        assertThat(none.status()).isEqualTo(401);
    }

    @Test
    void theDiscoveryDocumentNamesTheUserInfoEndpoint() {
        ApiResponse discovery = api.get(".well-known/openid-configuration", null);
        assertThat(discovery.json().path("userinfo_endpoint").asText()).isEqualTo(RunningApp.ISSUER + "userinfo");
    }

    // ---- helpers

    /** A fresh user whose username and password are {@code user-N@example.com} and {@link E2eFixture#SAM_PASSWORD}. */
    private String newUser() {
        String username = "attacked-" + USERS.incrementAndGet() + "@example.com";
        app.bean(JdbcStorage.class).users().upsertUser(REALM, username, Option.some(username), SAM_PASSWORD);
        return username;
    }

    /** Enrolls and confirms TOTP for the user; its secret. The clock moves on a step, so the next code is fresh. */
    private String enrollTotp(String user) {
        String token = mfaToken(user);
        String secret = associateOtp(token).text("secret");
        ApiResponse confirmed = verifyOtp(token, totp(secret, clock.instant()));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        clock.advance(STEP);
        return secret;
    }

    /** A six-digit code that matches none of the steps the server accepts now. */
    private String wrongCode(String secret) {
        Set<String> accepted = Set.of(totp(secret, clock.instant().minus(STEP)), totp(secret, clock.instant()),
                totp(secret, clock.instant().plus(STEP)));
        return IntStream.range(0, 10).mapToObj(d -> String.valueOf(d).repeat(6))
                .filter(code -> !accepted.contains(code)).findFirst().orElseThrow();
    }

    /** Runs {@code request} on {@code threads} threads released together; the answers counted by description or error. */
    private static Map<String, Long> race(int threads, java.util.function.IntFunction<ApiResponse> request) {
        try (Race race = new Race(threads)) {
            return race.run(request).stream()
                    .map(r -> r.status() == 429 ? r.error() : String.valueOf(r.errorDescription()))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
    }

    private ApiResponse passwordLogin(String username, String password, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", PASSWORD, "username", username,
                "password", password, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        form.putAll(extra);
        return api.postForm("oauth/token", form);
    }

    private String mfaToken(String user) {
        ApiResponse response = passwordLogin(user, SAM_PASSWORD, Map.of());
        assertThat(response.error()).as(response.toString()).isEqualTo("mfa_required");
        return response.text("mfa_token");
    }

    private ApiResponse associateOtp(String bearer) {
        return api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")), "Authorization", "Bearer " + bearer);
    }

    private ApiResponse verifyOtp(String mfaToken, String code) {
        return api.postForm("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken, "otp", code,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }
}
