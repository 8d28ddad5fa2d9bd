package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.RefreshTokenPolicy;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.RenewTokensCommand;
import io.vavr.collection.HashSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh tokens on the in-memory stores: issued with {@code offline_access}, rotated, reused, expired, revoked. */
class RefreshTokensTest {
    private static final Scope OFFLINE = Scope.parse("openid profile offline_access");

    private final MfaTestbed bed = new MfaTestbed();
    private final ClientCredentials noMfa = new ClientCredentials(new ClientId("no-mfa"), Option.some("no-mfa-secret"));

    RefreshTokensTest() {
        bed.clients.registerConfidential("no-mfa", "no-mfa-secret", MfaPolicy.NEVER);
    }

    private IssuedTokens passwordLogin(ClientCredentials client, Scope scope) {
        return MfaTestbed.tokens(bed.services.passwordLogin().login(new PasswordLoginCommand(client, GrantType.PASSWORD,
                Option.none(), "alice", MfaTestbed.PASSWORD, Option.some("https://api.example.com/"), scope,
                Option.some(MfaTestbed.CLIENT_IP), Option.none())));
    }

    private Either<MfaError, IssuedTokens> renew(ClientCredentials client, String refreshToken) {
        return bed.services.renewTokens().renew(new RenewTokensCommand(client, refreshToken, Option.none()));
    }

    private Either<MfaError, IssuedTokens> renew(ClientCredentials client, String refreshToken, String scope) {
        return bed.services.renewTokens().renew(new RenewTokensCommand(client, refreshToken,
                Option.some(Scope.parse(scope))));
    }

    private void register(String id, RefreshTokenPolicy policy, GrantType... grants) {
        bed.clients.register(new Client(new ClientId(id), id, true, HashSet.of(grants), MfaPolicy.NEVER, policy),
                Option.some(id + "-secret"));
    }

    private static ClientCredentials credentials(String id) {
        return new ClientCredentials(new ClientId(id), Option.some(id + "-secret"));
    }

    @Test
    void aLoginThroughMfaWithOfflineAccessGetsAnOpaqueRefreshToken() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = MfaTestbed.mfaRequired(bed.passwordLogin(Option.none(), OFFLINE)).mfaToken();

        IssuedTokens tokens = bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).get();

        assertThat(tokens.refreshToken().isDefined()).isTrue();
        assertThat(Base64.getUrlDecoder().decode(tokens.refreshToken().get())).hasSize(32);
        assertThat(tokens.toString()).doesNotContain(tokens.refreshToken().get());
    }

    @Test
    void aLoginWithoutOfflineAccessOrFromAClientWithoutTheGrantGetsNone() {
        register("no-grant", RefreshTokenPolicy.DEFAULT, GrantType.PASSWORD);

        assertThat(passwordLogin(noMfa, Scope.parse("openid")).refreshToken()).isEmpty();
        assertThat(passwordLogin(credentials("no-grant"), OFFLINE).refreshToken()).isEmpty();
        assertThat(passwordLogin(noMfa, OFFLINE).refreshToken().isDefined()).isTrue();
    }

    @Test
    void aRefreshIssuesTokensForTheSameLoginWithoutMfaAndRotates() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = MfaTestbed.mfaRequired(bed.passwordLogin(Option.some("https://api.example.com/"), OFFLINE))
                .mfaToken();
        String first = bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).get().refreshToken().get();

        IssuedTokens renewed = renew(bed.app, first).get();

        assertThat(renewed.refreshToken()).isNotEmpty().doesNotContain(first);
        assertThat(renewed.scope()).isEqualTo(OFFLINE);
        var issued = bed.tokens.verifyAccessToken(renewed.accessToken()).get();
        assertThat(issued.subject()).isEqualTo(bed.alice.id());
        assertThat(issued.clientId()).isEqualTo(new ClientId("app"));
        assertThat(renew(bed.app, renewed.refreshToken().get()).isRight()).isTrue();
    }

    @Test
    void aRetiredTokenPresentedAgainRevokesTheWholeFamily() {
        String first = passwordLogin(noMfa, OFFLINE).refreshToken().get();
        String second = renew(noMfa, first).get().refreshToken().get();

        assertThat(renew(noMfa, first).getLeft()).isEqualTo(new MfaError.InvalidRefreshToken());
        assertThat(renew(noMfa, second).getLeft()).isEqualTo(new MfaError.InvalidRefreshToken());
        assertThat(bed.audit.eventsOfType("token.refresh_reuse")).hasSize(1);
    }

    @Test
    void aNarrowerScopeIsGrantedAndAWiderOneRefused() {
        String token = passwordLogin(noMfa, OFFLINE).refreshToken().get();

        IssuedTokens narrower = renew(noMfa, token, "openid").get();
        assertThat(narrower.scope()).isEqualTo(Scope.parse("openid"));

        String next = narrower.refreshToken().get();
        assertThat(renew(noMfa, next, "openid email").getLeft()).isEqualTo(new MfaError.InvalidScope());
        assertThat(renew(noMfa, next).isRight()).isTrue();
    }

    @Test
    void anotherClientsTokenIsUnknownAndStaysUsableByItsOwner() {
        String token = passwordLogin(noMfa, OFFLINE).refreshToken().get();

        assertThat(renew(bed.app, token).getLeft()).isEqualTo(new MfaError.InvalidRefreshToken());
        assertThat(bed.services.revokeRefreshToken().revoke(bed.app, token)).containsExactly(false);
        assertThat(renew(noMfa, token).isRight()).isTrue();
    }

    @Test
    void aClientWithoutTheGrantMayNotRefresh() {
        String token = passwordLogin(noMfa, OFFLINE).refreshToken().get();
        register("no-grant", RefreshTokenPolicy.DEFAULT, GrantType.PASSWORD);

        assertThat(renew(credentials("no-grant"), token).getLeft())
                .isEqualTo(new MfaError.UnauthorizedClient("refresh_token"));
        assertThat(renew(new ClientCredentials(new ClientId("no-mfa"), Option.some("wrong")), token).getLeft())
                .isEqualTo(new MfaError.InvalidClient());
    }

    @Test
    void anIdleTokenDiesAfterTheIdleLifetime() {
        String token = passwordLogin(noMfa, OFFLINE).refreshToken().get();
        bed.advance(Duration.ofDays(14));
        String next = renew(noMfa, token).get().refreshToken().get();

        bed.advance(Duration.ofDays(15));

        assertThat(renew(noMfa, next).getLeft()).isEqualTo(new MfaError.InvalidRefreshToken());
    }

    @Test
    void rotationDoesNotExtendTheAbsoluteLifetime() {
        String token = passwordLogin(noMfa, OFFLINE).refreshToken().get();
        for (int day = 10; day < 30; day += 10) {
            bed.advance(Duration.ofDays(10));
            token = renew(noMfa, token).get().refreshToken().get();
        }

        bed.advance(Duration.ofDays(10));

        assertThat(renew(noMfa, token).getLeft()).isEqualTo(new MfaError.InvalidRefreshToken());
    }

    @Test
    void aNonRotatingTokenStaysTheSameAndHasNoReuseDetection() {
        register("legacy", new RefreshTokenPolicy(RefreshTokenPolicy.Rotation.NON_ROTATING, Option.none(), Option.none()),
                GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        String token = passwordLogin(credentials("legacy"), OFFLINE).refreshToken().get();

        IssuedTokens once = renew(credentials("legacy"), token).get();
        bed.advance(Duration.ofDays(400));
        IssuedTokens twice = renew(credentials("legacy"), token).get();

        assertThat(once.refreshToken()).isEmpty();
        assertThat(twice.refreshToken()).isEmpty();
    }

    @Test
    void revocationKillsTheFamilyAndIsQuietAboutUnknownTokens() {
        String first = passwordLogin(noMfa, OFFLINE).refreshToken().get();
        String second = renew(noMfa, first).get().refreshToken().get();

        assertThat(bed.services.revokeRefreshToken().revoke(noMfa, first)).containsExactly(true);
        assertThat(bed.services.revokeRefreshToken().revoke(noMfa, second)).containsExactly(false);
        assertThat(bed.services.revokeRefreshToken().revoke(noMfa, "unknown")).containsExactly(false);
        assertThat(bed.services.revokeRefreshToken().revoke(
                new ClientCredentials(new ClientId("no-mfa"), Option.some("wrong")), second).getLeft())
                .isEqualTo(new MfaError.InvalidClient());

        assertThat(renew(noMfa, second).getLeft()).isEqualTo(new MfaError.InvalidRefreshToken());
        assertThat(bed.audit.eventsOfType("token.revoked")).hasSize(1);
    }

    @Test
    void revokingAUserEndsEveryRefreshOfTheirs() {
        String one = passwordLogin(noMfa, OFFLINE).refreshToken().get();
        String two = passwordLogin(noMfa, OFFLINE).refreshToken().get();

        assertThat(bed.refreshTokens.revokeUser(bed.alice.id(), bed.clock.instant())).isEqualTo(2);

        assertThat(renew(noMfa, one).isLeft()).isTrue();
        assertThat(renew(noMfa, two).isLeft()).isTrue();
    }

    @Test
    void housekeepingRemovesExpiredFamilies() {
        passwordLogin(noMfa, OFFLINE);
        bed.advance(Duration.ofDays(15).plus(PurgeExpiredService.GRACE).plusSeconds(1));

        assertThat(bed.services.purgeExpired().purge().refreshTokenFamilies()).isEqualTo(1);
    }

    @Test
    void auditEventsCarryIdsButNeverTheToken() {
        String first = passwordLogin(noMfa, OFFLINE).refreshToken().get();
        String second = renew(noMfa, first).get().refreshToken().get();
        renew(noMfa, first);
        String third = passwordLogin(noMfa, OFFLINE).refreshToken().get();
        bed.services.revokeRefreshToken().revoke(noMfa, third);

        assertThat(bed.audit.events().map(AuditEvent::type))
                .contains("token.refresh", "token.refresh_reuse", "token.revoked");
        assertThat(bed.audit.events().toString()).doesNotContain(first).doesNotContain(second).doesNotContain(third);
        AuditEvent refresh = bed.audit.eventsOfType("token.refresh").head();
        assertThat(refresh.user()).containsExactly(bed.alice.id());
        assertThat(refresh.client()).containsExactly(new ClientId("no-mfa"));
        assertThat(refresh.details().get("family").isDefined()).isTrue();
    }
}
