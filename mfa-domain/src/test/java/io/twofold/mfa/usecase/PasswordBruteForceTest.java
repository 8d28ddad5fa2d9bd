package io.twofold.mfa.usecase;

import io.twofold.mfa.contract.Race;
import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.fake.InMemoryUserDirectory;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.policy.PasswordBudget;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.AttemptBuckets;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.PasswordAttempts;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Brute-force protection of the password: per account and end-user IP, as Auth0 does it. */
class PasswordBruteForceTest {
    private static final String OTHER_IP = "203.0.113.50";
    private static final MfaError BLOCKED = new MfaError.TooManyLoginAttempts();
    private static final MfaError WRONG = new MfaError.WrongCredentials();

    private final MfaTestbed bed = new MfaTestbed();

    private Either<MfaError, LoginOutcome> attempt(ClientCredentials client, String username, String password,
                                                   String ip, Option<String> forwardedFor) {
        return bed.services.passwordLogin().login(new PasswordLoginCommand(client, GrantType.PASSWORD, Option.none(),
                username, password, Option.none(), Scope.EMPTY, Option.some(ip), forwardedFor));
    }

    private Either<MfaError, LoginOutcome> attempt(String username, String password, String ip) {
        return attempt(bed.app, username, password, ip, Option.none());
    }

    private void failTimes(int times, String username, String ip) {
        for (int i = 0; i < times; i++) {
            assertThat(attempt(username, "guess-" + i, ip).getLeft()).as("guess %d", i).isEqualTo(WRONG);
        }
    }

    private static boolean passedFirstFactor(Either<MfaError, LoginOutcome> result) {
        return result.isRight();
    }

    @Test
    void refusesTheEleventhAttemptAfterTenWrongPasswordsEvenWithTheRightOne() {
        failTimes(10, "alice", MfaTestbed.CLIENT_IP);

        assertThat(attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP).getLeft()).isEqualTo(BLOCKED);
        assertThat(attempt("alice", "guess-11", MfaTestbed.CLIENT_IP).getLeft()).isEqualTo(BLOCKED);
        assertThat(bed.audit.eventsOfType("login.failure")).as("blocked attempts check no password").hasSize(10);
        assertThat(bed.audit.eventsOfType("login.blocked")).hasSize(2);
    }

    @Test
    void givesOneAttemptBackEverySixMinutes() {
        failTimes(10, "alice", MfaTestbed.CLIENT_IP);

        bed.advance(Duration.ofMinutes(6).minusSeconds(1));
        assertThat(attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP).getLeft()).isEqualTo(BLOCKED);
        bed.advance(Duration.ofSeconds(1));
        assertThat(attempt("alice", "guess-again", MfaTestbed.CLIENT_IP).getLeft()).isEqualTo(WRONG);
        assertThat(attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP).getLeft())
                .as("the refilled attempt is spent").isEqualTo(BLOCKED);

        bed.advance(Duration.ofMinutes(6));
        assertThat(passedFirstFactor(attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP))).isTrue();
    }

    @Test
    void anotherIpIsUnaffected() {
        failTimes(10, "alice", MfaTestbed.CLIENT_IP);

        assertThat(passedFirstFactor(attempt("alice", MfaTestbed.PASSWORD, OTHER_IP))).isTrue();
        assertThat(attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP).getLeft()).isEqualTo(BLOCKED);
    }

    @Test
    void anUnknownUsernameIsCountedExactlyLikeAKnownOne() {
        List<MfaError> known = new ArrayList<>();
        List<MfaError> unknown = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            known.add(attempt("alice", "guess-" + i, MfaTestbed.CLIENT_IP).getLeft());
            unknown.add(attempt("nobody", "guess-" + i, MfaTestbed.CLIENT_IP).getLeft());
        }

        assertThat(unknown).isEqualTo(known);
        assertThat(known.subList(10, 12)).containsOnly(BLOCKED);
    }

    @Test
    void theUsernameIsCountedWhateverItsCase() {
        failTimes(5, "alice", MfaTestbed.CLIENT_IP);
        failTimes(5, "ALICE", MfaTestbed.CLIENT_IP);

        assertThat(attempt("Alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP).getLeft()).isEqualTo(BLOCKED);
    }

    @Test
    void aRightPasswordEndsTheRunOfFailures() {
        failTimes(9, "alice", MfaTestbed.CLIENT_IP);
        assertThat(passedFirstFactor(attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP))).isTrue();
        failTimes(9, "alice", MfaTestbed.CLIENT_IP);

        assertThat(passedFirstFactor(attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP))).isTrue();
    }

    @Test
    void aConfidentialClientMayNameTheEndUserIp() {
        for (int i = 0; i < 10; i++) {
            attempt(bed.app, "alice", "guess-" + i, MfaTestbed.CLIENT_IP, Option.some("192.0.2.1"));
        }

        assertThat(attempt(bed.app, "alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP, Option.some(" 192.0.2.1 "))
                .getLeft()).isEqualTo(BLOCKED);
        assertThat(passedFirstFactor(attempt(bed.app, "alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP,
                Option.some("192.0.2.2")))).as("another end user behind the same backend").isTrue();
        assertThat(passedFirstFactor(attempt(bed.app, "alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP,
                Option.none()))).as("the backend's own address").isTrue();
    }

    @Test
    void aPublicClientCannotDodgeTheCountWithAForwardedIp() {
        bed.clients.registerPublic("spa", MfaPolicy.ALWAYS);
        ClientCredentials spa = new ClientCredentials(new ClientId("spa"), Option.none());
        for (int i = 0; i < 10; i++) {
            attempt(spa, "alice", "guess-" + i, MfaTestbed.CLIENT_IP, Option.some("192.0.2." + i));
        }

        assertThat(attempt(spa, "alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP, Option.some("192.0.2.99"))
                .getLeft()).isEqualTo(BLOCKED);
    }

    @Test
    void aClientThatFailsToAuthenticateSpendsNoAttempt() {
        ClientCredentials wrongSecret = new ClientCredentials(new ClientId("app"), Option.some("not-the-secret"));
        for (int i = 0; i < 12; i++) {
            assertThat(attempt(wrongSecret, "alice", "guess", MfaTestbed.CLIENT_IP, Option.none()).getLeft())
                    .isEqualTo(new MfaError.InvalidClient());
        }

        assertThat(passedFirstFactor(attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP))).isTrue();
    }

    @Test
    void parallelGuessesStayWithinTheBudget() {
        try (Race race = new Race()) {
            List<MfaError> results = race.run(i -> attempt("alice", "guess-" + i, MfaTestbed.CLIENT_IP).getLeft());

            assertThat(results).filteredOn(WRONG::equals).hasSize(10);
            assertThat(results).filteredOn(BLOCKED::equals).hasSize(Race.THREADS - 10);
        }
    }

    /** Every spelling that logs in as alice, on either password grant, spends alice's one budget. */
    @Test
    void countsEverySpellingOfTheAccountAndBothGrantsTogether() {
        List<PasswordLoginCommand> spellings = List.of(
                command(GrantType.PASSWORD, Option.none(), "alice"),
                command(GrantType.PASSWORD, Option.none(), "  ALICE\t"),
                command(GrantType.PASSWORD, Option.none(), "Alice@Example.com"),
                command(GrantType.PASSWORD_REALM, Option.some(InMemoryUserDirectory.DEFAULT_REALM), " alice "));
        for (int i = 0; i < 10; i++) {
            PasswordLoginCommand spelling = spellings.get(i % spellings.size());
            assertThat(bed.services.passwordLogin().login(withPassword(spelling, "guess-" + i)).getLeft()).isEqualTo(WRONG);
        }

        for (PasswordLoginCommand spelling : spellings) {
            assertThat(bed.services.passwordLogin().login(withPassword(spelling, MfaTestbed.PASSWORD)).getLeft())
                    .as(spelling.username()).isEqualTo(BLOCKED);
        }
    }

    private PasswordLoginCommand command(GrantType grant, Option<String> realm, String username) {
        return new PasswordLoginCommand(bed.app, grant, realm, username, "", Option.none(), Scope.EMPTY,
                Option.some(MfaTestbed.CLIENT_IP), Option.none());
    }

    private static PasswordLoginCommand withPassword(PasswordLoginCommand c, String password) {
        return new PasswordLoginCommand(c.client(), c.grantType(), c.realm(), c.username(), password, c.audience(),
                c.scope(), c.clientIp(), c.forwardedFor());
    }

    @Test
    void keepsNeitherUsernameNorIpInClearAndAuditsTheBlockWithoutThem() {
        failTimes(10, "alice", MfaTestbed.CLIENT_IP);
        attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP);

        String key = PasswordBudget.key(bed.users.accountKey(Option.none(), "alice"), Option.some(MfaTestbed.CLIENT_IP));
        assertThat(bed.counters.find(key).get().tokens()).isZero();
        assertThat(key).startsWith("password-failures:").doesNotContain("alice").doesNotContain(MfaTestbed.CLIENT_IP);
        var blocked = bed.audit.eventsOfType("login.blocked").single();
        assertThat(blocked.user()).isEmpty();
        assertThat(blocked.client()).contains(new ClientId("app"));
        assertThat(blocked.toString()).doesNotContain("alice").doesNotContain(MfaTestbed.CLIENT_IP)
                .doesNotContain(MfaTestbed.PASSWORD);
    }

    @Test
    void aSecondFactorLockoutDoesNotBlockThePassword() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = bed.mfaToken();
        for (int i = 0; i < 10; i++) {
            bed.verifyOtp(mfaToken, bed.wrongCode(otp.secret()));
        }
        assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).getLeft())
                .isEqualTo(new MfaError.TooManyAttempts());

        assertThat(passedFirstFactor(attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP))).isTrue();
    }

    @Test
    void aPasswordBlockDoesNotLockTheSecondFactor() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = bed.mfaToken();
        failTimes(10, "alice", MfaTestbed.CLIENT_IP);
        assertThat(attempt("alice", MfaTestbed.PASSWORD, MfaTestbed.CLIENT_IP).getLeft()).isEqualTo(BLOCKED);

        assertThat(bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).isRight()).isTrue();
    }

    @Test
    void forgetsTheBucketsOfKeysThatHaveRested() {
        failTimes(10, "nobody", MfaTestbed.CLIENT_IP);
        PasswordAttempts limiter = new PasswordAttempts(bed.users, new AttemptBuckets(bed.counters, bed.clock),
                new PasswordBudget(bed.settings.passwords()), new AuditTrail(bed.audit, bed.clock));
        String key = PasswordBudget.key(bed.users.accountKey(Option.none(), "nobody"), Option.some(MfaTestbed.CLIENT_IP));

        assertThat(limiter.removeRestedBuckets()).isZero();
        bed.advance(Duration.ofMinutes(6).multipliedBy(10).plusSeconds(1));
        assertThat(limiter.removeRestedBuckets()).isEqualTo(1);
        assertThat(bed.counters.find(key)).isEmpty();
    }
}
