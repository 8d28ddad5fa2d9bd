package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.memory.InMemoryUserAccounts;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.Metadata;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.model.UserProfile;
import io.twofold.mfa.model.UserProfile.Names;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.EnrollmentChoice;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.in.operator.NewUser;
import io.twofold.mfa.port.in.operator.UserAdministration;
import io.twofold.mfa.port.in.operator.UserChanges;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.testing.SeededRandomSource;
import io.twofold.mfa.usecase.MfaServices;
import io.twofold.mfa.usecase.MfaTestbed;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserAdministrationTest {
    private static final ClientId OPERATOR = new ClientId("operator-1");
    private static final String PASSWORD = "Pw-123456!";

    private final MfaTestbed bed = new MfaTestbed();
    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final MfaServices services = bed.builder(new SeededRandomSource(7)).users(accounts).build();
    private final UserAdministration admin = UserOperations.of(accounts, bed.authenticators, bed.transactions,
            bed.challenges, bed.refreshTokens, bed.unitOfWork, bed.audit, new SeededRandomSource(9), bed.clock);

    private static NewUser newUser(String email, String password) {
        return new NewUser("Username-Password-Authentication", Option.none(), Option.none(), Option.some(email),
                Option.some(password), false, Option.none(), false, Names.NONE, Option.none(), Metadata.EMPTY,
                Metadata.EMPTY, false);
    }

    private UserProfile carol() {
        return admin.create(OPERATOR, newUser("carol@example.com", PASSWORD)).get();
    }

    private Either<MfaError, LoginOutcome> login(String login, String password) {
        return services.passwordLogin().login(new PasswordLoginCommand(bed.app, GrantType.PASSWORD, Option.none(),
                login, password, Option.none(), Scope.parse("openid"), Option.some(MfaTestbed.CLIENT_IP), Option.none()));
    }

    private String mfaToken() {
        return MfaTestbed.mfaRequired(login("carol@example.com", PASSWORD)).mfaToken();
    }

    @Test
    public void createsAUserWithAuth0sIdShapeAndDefaultNames() {
        UserProfile carol = carol();

        assertThat(carol.id().value()).matches("auth0\\|[0-9a-f]{24}");
        assertThat(carol.names().name()).containsExactly("carol@example.com");
        assertThat(carol.names().nickname()).containsExactly("carol");
        assertThat(carol.createdAt()).isEqualTo(bed.clock.instant());
        assertThat(admin.find(carol.id()).get()).isEqualTo(carol);
        AuditEvent created = bed.audit.eventsOfType("mgmt.user.created").single();
        assertThat(created.client()).containsExactly(OPERATOR);
        assertThat(created.user()).containsExactly(carol.id());
        assertThat(created.details().values().mkString()).doesNotContain(PASSWORD).doesNotContain("carol@");
    }

    @Test
    public void aCallerGivenIdIsPrefixedWithAuth0() {
        NewUser given = newUser("dave@example.com", PASSWORD);
        given = new NewUser(given.connection(), Option.some("legacy-42"), given.username(), given.email(),
                given.password(), false, Option.none(), false, Names.NONE, Option.none(), Metadata.EMPTY, Metadata.EMPTY, false);

        assertThat(admin.create(OPERATOR, given).get().id()).isEqualTo(new UserId("auth0|legacy-42"));
        assertThat(admin.create(OPERATOR, given).getLeft()).isEqualTo(new OperatorError.UserAlreadyExists());
    }

    @Test
    public void refusesWeakPasswordsDuplicatesUnknownConnectionsAndBadFields() {
        carol();

        assertThat(admin.create(OPERATOR, newUser("x@example.com", "short")).getLeft()).isInstanceOf(OperatorError.WeakPassword.class);
        assertThat(admin.create(OPERATOR, newUser("CAROL@example.com", PASSWORD)).getLeft())
                .isEqualTo(new OperatorError.UserAlreadyExists());
        NewUser elsewhere = newUser("x@example.com", PASSWORD);
        elsewhere = new NewUser("No-Such-Connection", Option.none(), Option.none(), elsewhere.email(), elsewhere.password(),
                false, Option.none(), false, Names.NONE, Option.none(), Metadata.EMPTY, Metadata.EMPTY, false);
        assertThat(admin.create(OPERATOR, elsewhere).getLeft()).isEqualTo(new OperatorError.UnknownConnection());
        assertThat(admin.create(OPERATOR, newUser("not-an-email", PASSWORD)).getLeft()).isInstanceOf(OperatorError.InvalidInput.class);
        assertThat(accounts.search(io.twofold.mfa.model.UserQuery.ALL, io.twofold.mfa.model.UserSort.DEFAULT, 0, 10).total())
                .as("nothing half-written").isEqualTo(1);
        assertThat(bed.audit.eventsOfType("mgmt.user.created")).hasSize(1);
    }

    @Test
    public void blockingEndsOpenTransactionsAndRefusesTheNextLoginOnlyAfterTheRightPassword() {
        UserProfile carol = carol();
        String before = mfaToken();

        UserProfile blocked = admin.update(OPERATOR, carol.id(), UserChanges.NONE.withBlocked(true)).get();

        assertThat(blocked.blocked()).isTrue();
        assertThat(bed.transactions.findByTokenHash(SecretHash.of(before))).as("the old mfa_token is gone").isEmpty();
        assertThat(services.associate().associate(new AssociateCommand(before, Option.none(), new EnrollmentChoice.Otp())).getLeft())
                .isInstanceOf(MfaError.InvalidToken.class);
        assertThat(login("carol@example.com", PASSWORD).getLeft()).isEqualTo(new MfaError.UserBlocked());
        assertThat(login("carol@example.com", "wrong password").getLeft()).isEqualTo(new MfaError.WrongCredentials());
        assertThat(bed.audit.eventsOfType("mgmt.user.blocked")).hasSize(1);

        admin.update(OPERATOR, carol.id(), UserChanges.NONE.withBlocked(false));

        assertThat(MfaTestbed.mfaRequired(login("carol@example.com", PASSWORD)).mfaToken()).isNotBlank();
    }

    @Test
    public void blockingPasswordChangesAndDeletionRevokeTheUsersRefreshTokens() {
        UserProfile carol = carol();
        java.util.function.Function<String, SecretHash> family = name -> {
            SecretHash token = SecretHash.of("refresh " + name);
            bed.refreshTokens.open(new io.twofold.mfa.model.RefreshFamily(new io.twofold.mfa.model.RefreshFamilyId(name),
                    carol.id(), new io.twofold.mfa.model.ClientId("app"), Option.none(),
                    io.twofold.mfa.model.Scope.parse("openid offline_access"), true, bed.clock.instant(), Option.none(),
                    Option.none(), Option.none()), token);
            return token;
        };
        java.util.function.Predicate<SecretHash> revoked = token ->
                bed.refreshTokens.find(token).get().family().revokedAt().isDefined();

        SecretHash beforeBlock = family.apply("f1");
        admin.update(OPERATOR, carol.id(), UserChanges.NONE.withBlocked(true));
        admin.update(OPERATOR, carol.id(), UserChanges.NONE.withBlocked(false));
        SecretHash beforePassword = family.apply("f2");
        admin.update(OPERATOR, carol.id(), UserChanges.NONE.withPassword("another long passphrase"));
        SecretHash beforeDelete = family.apply("f3");
        admin.delete(OPERATOR, carol.id());

        assertThat(revoked.test(beforeBlock)).as("blocked").isTrue();
        assertThat(revoked.test(beforePassword)).as("password changed").isTrue();
        assertThat(revoked.test(beforeDelete)).as("deleted").isTrue();
        assertThat(bed.audit.eventsOfType("token.revoked")).hasSize(3);
    }

    @Test
    public void aGrantThatRacedTheBlockGetsNoTokens() {
        UserProfile carol = carol();
        String mfaToken = mfaToken();
        Association.Otp otp = (Association.Otp) services.associate()
                .associate(new AssociateCommand(mfaToken, Option.none(), new EnrollmentChoice.Otp())).get();
        // The block lands between the login and the grant without reaching this transaction.
        UserProfile current = accounts.find(carol.id()).get();
        accounts.update(new UserProfile(current.id(), current.connection(), current.username(), current.email(), false,
                Option.none(), false, current.names(), Option.none(), Metadata.EMPTY, Metadata.EMPTY, true,
                current.createdAt(), current.updatedAt(), Option.none()), Option.none());

        assertThat(services.verifyOtp().verify(new VerifyOtpCommand(bed.app, mfaToken, bed.currentCode(otp.secret()))).getLeft())
                .isEqualTo(new MfaError.UserBlocked());
    }

    @Test
    public void aNewPasswordEndsOpenTransactionsAndStampsTheReset() {
        UserProfile carol = carol();
        String before = mfaToken();
        bed.clock.advance(java.time.Duration.ofMinutes(1));

        UserProfile changed = admin.update(OPERATOR, carol.id(), UserChanges.NONE.withPassword("New-password-1")).get();

        assertThat(changed.lastPasswordReset()).containsExactly(bed.clock.instant());
        assertThat(bed.transactions.findByTokenHash(SecretHash.of(before))).isEmpty();
        assertThat(login("carol@example.com", PASSWORD).getLeft()).isEqualTo(new MfaError.WrongCredentials());
        assertThat(login("carol@example.com", "New-password-1").isRight()).isTrue();
        assertThat(admin.update(OPERATOR, carol.id(), UserChanges.NONE.withPassword("2short")).getLeft())
                .isInstanceOf(OperatorError.WeakPassword.class);
        assertThat(bed.audit.eventsOfType("mgmt.user.password_changed")).hasSize(1);
    }

    @Test
    public void mergesMetadataAtTheFirstLevelAndNullRemovesAKey() {
        UserProfile carol = carol();
        admin.update(OPERATOR, carol.id(), UserChanges.NONE.withAppMetadata(new Metadata(Map.of("plan", "gold", "seats", 3L))));
        Map<String, Object> patch = new HashMap<>();
        patch.put("plan", null);
        patch.put("region", "eu");

        UserProfile merged = admin.update(OPERATOR, carol.id(), UserChanges.NONE.withAppMetadata(new Metadata(patch))).get();

        assertThat(merged.appMetadata().values()).isEqualTo(Map.of("seats", 3L, "region", "eu"));
        assertThat(admin.update(OPERATOR, new UserId("auth0|nobody"), UserChanges.NONE.withBlocked(true)).getLeft())
                .isEqualTo(new OperatorError.UnknownUser());
    }

    @Test
    public void deletingRemovesFactorsTransactionsAndChallengesAndMayBeRepeated() {
        UserProfile carol = carol();
        String mfaToken = mfaToken();
        bed.authenticators.add(Authenticators.pendingTotp(carol.id(), bed.clock));
        bed.challenges.add(new io.twofold.mfa.model.OobChallenge(new io.twofold.mfa.model.ChallengeId("ch-1"),
                SecretHash.of("oob"), SecretHash.of("oob", "1"), Authenticators.id(io.twofold.mfa.model.AuthenticatorKind.SMS, 1),
                carol.id(), bed.clock.instant(), bed.clock.instant().plusSeconds(300), 0, false));

        assertThat(admin.delete(OPERATOR, carol.id()).get()).isEqualTo(true);

        assertThat(admin.find(carol.id()).getLeft()).isEqualTo(new OperatorError.UnknownUser());
        assertThat(bed.authenticators.findByUser(carol.id())).isEmpty();
        assertThat(bed.transactions.findByTokenHash(SecretHash.of(mfaToken))).isEmpty();
        assertThat(bed.challenges.findByCodeHash(SecretHash.of("oob"))).isEmpty();
        assertThat(login("carol@example.com", PASSWORD).getLeft()).isEqualTo(new MfaError.WrongCredentials());
        assertThat(admin.delete(OPERATOR, carol.id()).get()).isEqualTo(false);
        assertThat(bed.audit.eventsOfType("mgmt.user.deleted")).hasSize(1);
    }

    @Test
    public void findsUsersByEmailRegardlessOfLetterCase() {
        UserProfile carol = carol();

        assertThat(admin.findByEmail("Carol@EXAMPLE.com").get()).containsExactly(carol);
        assertThat(admin.findByEmail("nobody@example.com").get()).isEmpty();
        assertThat(admin.findByEmail("not an email").getLeft()).isInstanceOf(OperatorError.InvalidInput.class);
        assertThat(accounts.update(carol, Option.none())).isEqualTo(UserAccounts.Outcome.SAVED);
    }
}
