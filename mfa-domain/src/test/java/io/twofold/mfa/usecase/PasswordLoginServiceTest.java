package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordLoginServiceTest {
    private final MfaTestbed bed = new MfaTestbed();

    private Either<MfaError, LoginOutcome> login(String client, String password, Option<String> audience) {
        return bed.services.passwordLogin().login(new PasswordLoginCommand(
                new ClientCredentials(new ClientId(client), Option.none()), GrantType.PASSWORD, Option.none(),
                "alice", password, audience, Scope.parse("openid"), Option.some(MfaTestbed.CLIENT_IP), Option.none()));
    }

    private void registerPublic(String id, MfaPolicy policy) {
        bed.clients.registerPublic(id, policy);
    }

    @Test
    void issuesTokensDirectlyWhenTheClientNeverRequiresMfa() {
        registerPublic("never", MfaPolicy.NEVER);

        Either<MfaError, LoginOutcome> result = login("never", MfaTestbed.PASSWORD, Option.none());

        assertThat(result.get()).isInstanceOf(LoginOutcome.Tokens.class);
        assertThat(bed.tokens.requests().last().mfaPassed()).isFalse();
    }

    @Test
    void alwaysRequiresMfaForTheMfaApiAudienceEvenWhenTheClientNeverDoes() {
        registerPublic("never", MfaPolicy.NEVER);

        Either<MfaError, LoginOutcome> result = login("never", MfaTestbed.PASSWORD, Option.some(bed.tokens.mfaApiAudience()));

        assertThat(result.get()).isInstanceOf(LoginOutcome.SecondFactorRequired.class);
    }

    @Test
    void sendsAnUnenrolledUserToEnroll() {
        LoginOutcome.SecondFactorRequired required = MfaTestbed.mfaRequired(bed.passwordLogin(Option.none(), Scope.EMPTY));

        assertThat(required.challengeTypes()).isEmpty();
        assertThat(required.enrollTypes()).containsExactly(FactorType.OTP, FactorType.PHONE, FactorType.EMAIL);
    }

    @Test
    void listsTheChallengeTypesOfAnEnrolledUserAndOffersNoEnrollment() {
        bed.enrolledTotp();

        LoginOutcome.SecondFactorRequired required = MfaTestbed.mfaRequired(bed.passwordLogin(Option.none(), Scope.EMPTY));

        assertThat(required.challengeTypes()).containsExactly(FactorType.OTP, FactorType.RECOVERY_CODE);
        assertThat(required.enrollTypes()).isEmpty();
    }

    @Test
    void enrolledPolicyRequiresMfaOnlyOfUsersWithAnActiveFactor() {
        registerPublic("enrolled", MfaPolicy.ENROLLED);
        assertThat(login("enrolled", MfaTestbed.PASSWORD, Option.none()).get()).isInstanceOf(LoginOutcome.Tokens.class);

        bed.authenticators.add(Authenticators.pendingTotp(bed.alice.id(), bed.clock));
        assertThat(login("enrolled", MfaTestbed.PASSWORD, Option.none()).get())
                .as("a pending factor does not count").isInstanceOf(LoginOutcome.Tokens.class);

        bed.authenticators.addActive(Authenticators.pendingSms(bed.alice.id(), 2, MfaTestbed.PHONE, bed.clock.instant()),
                bed.clock.instant());
        LoginOutcome.SecondFactorRequired required = MfaTestbed.mfaRequired(login("enrolled", MfaTestbed.PASSWORD, Option.none()));
        assertThat(required.challengeTypes()).containsExactly(FactorType.PHONE);
    }

    @Test
    void opensATransactionStoredOnlyByTheHashOfItsToken() {
        String audience = "https://api.example.com/";
        LoginOutcome.SecondFactorRequired required = MfaTestbed.mfaRequired(
                bed.passwordLogin(Option.some(audience), Scope.parse("openid profile")));

        MfaTransaction transaction = bed.transactions.findByTokenHash(SecretHash.of(required.mfaToken())).get();
        assertThat(transaction.userId()).isEqualTo(bed.alice.id());
        assertThat(transaction.clientId()).isEqualTo(new ClientId("app"));
        assertThat(transaction.audience()).contains(audience);
        assertThat(transaction.scope()).isEqualTo(Scope.parse("openid profile"));
        assertThat(transaction.expiresAt()).isEqualTo(bed.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(transaction.toString()).doesNotContain(required.mfaToken());
        assertThat(required.toString()).doesNotContain(required.mfaToken());
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUserAlike() {
        Either<MfaError, LoginOutcome> wrongPassword = bed.services.passwordLogin().login(new PasswordLoginCommand(
                bed.app, GrantType.PASSWORD, Option.none(), "alice", "wrong", Option.none(), Scope.EMPTY,
                Option.some(MfaTestbed.CLIENT_IP), Option.none()));
        Either<MfaError, LoginOutcome> unknownUser = bed.services.passwordLogin().login(new PasswordLoginCommand(
                bed.app, GrantType.PASSWORD, Option.none(), "mallory", MfaTestbed.PASSWORD, Option.none(), Scope.EMPTY,
                Option.some(MfaTestbed.CLIENT_IP), Option.none()));

        assertThat(wrongPassword.getLeft()).isEqualTo(new MfaError.WrongCredentials()).isEqualTo(unknownUser.getLeft());
    }

    @Test
    void refusesAClientWithAWrongSecret() {
        Either<MfaError, LoginOutcome> result = bed.services.passwordLogin().login(new PasswordLoginCommand(
                new ClientCredentials(new ClientId("app"), Option.some("not-the-secret")), GrantType.PASSWORD,
                Option.none(), "alice", MfaTestbed.PASSWORD, Option.none(), Scope.EMPTY,
                Option.some(MfaTestbed.CLIENT_IP), Option.none()));

        assertThat(result.getLeft()).isEqualTo(new MfaError.InvalidClient());
    }

    @Test
    void refusesAGrantTheClientMayNotUse() {
        bed.clients.register(new Client(new ClientId("realm-only"), "realm-only", false,
                HashSet.of(GrantType.PASSWORD_REALM), MfaPolicy.ALWAYS), Option.none());

        Either<MfaError, LoginOutcome> result = login("realm-only", MfaTestbed.PASSWORD, Option.none());

        assertThat(result.getLeft()).isEqualTo(new MfaError.UnauthorizedClient("password"));
    }

    @Test
    void auditsTheOutcomeWithoutTheUsernameOrPassword() {
        login("app-missing", "Tr0ub4dor-guess", Option.none());
        bed.passwordLogin(Option.none(), Scope.EMPTY);
        bed.services.passwordLogin().login(new PasswordLoginCommand(
                bed.app, GrantType.PASSWORD, Option.none(), "alice", "Tr0ub4dor-guess", Option.none(), Scope.EMPTY,
                Option.some(MfaTestbed.CLIENT_IP), Option.none()));

        assertThat(bed.audit.events().map(e -> e.type())).containsExactly("login.mfa_required", "login.failure");
        assertThat(bed.audit.events().mkString()).doesNotContain("Tr0ub4dor").doesNotContain(MfaTestbed.PASSWORD).doesNotContain("alice@");
        assertThat(List.ofAll(bed.audit.eventsOfType("login.failure")).head().user()).isEmpty();
    }
}
