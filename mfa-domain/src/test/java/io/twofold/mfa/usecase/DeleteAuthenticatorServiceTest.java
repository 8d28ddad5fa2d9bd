package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.in.Association;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeleteAuthenticatorServiceTest {
    private final MfaTestbed bed = new MfaTestbed();

    private AuthenticatorId recoveryId() {
        return bed.authenticators.findByUser(bed.alice.id()).map(Authenticator::id)
                .find(id -> id.kind() == AuthenticatorKind.RECOVERY_CODE).get();
    }

    @Test
    void removesSmsAndVoiceOfOnePhoneTogether() {
        Association.Otp otp = bed.enrolledTotp();
        String accessToken = bed.mfaApiAccessToken(otp);
        bed.authenticators.addActive(Authenticators.pendingSms(bed.alice.id(), 7, MfaTestbed.PHONE, bed.clock.instant()),
                bed.clock.instant());
        bed.authenticators.addActive(Authenticators.pendingVoice(bed.alice.id(), 7, MfaTestbed.PHONE, bed.clock.instant()),
                bed.clock.instant());

        assertThat(bed.services.deleteAuthenticator().delete(accessToken, "voice|dev_0000000000000007").get())
                .extracting(AuthenticatorId::value)
                .containsExactlyInAnyOrder("sms|dev_0000000000000007", "voice|dev_0000000000000007");

        assertThat(bed.authenticators.findByUser(bed.alice.id()).map(a -> a.id().kind()))
                .containsExactly(AuthenticatorKind.TOTP, AuthenticatorKind.RECOVERY_CODE);
        assertThat(bed.audit.eventsOfType("authenticator.deleted")).hasSize(2);
    }

    @Test
    void removesTheRecoveryCodeWithTheLastRealFactor() {
        Association.Otp otp = bed.enrolledTotp();
        String accessToken = bed.mfaApiAccessToken(otp);

        assertThat(bed.services.deleteAuthenticator().delete(accessToken, otp.authenticatorId().value()).get())
                .hasSize(2);

        assertThat(bed.authenticators.findByUser(bed.alice.id()).isEmpty()).isTrue();
        assertThat(bed.associateOtp(bed.mfaToken()).get().recoveryCode()).as("enrolling afresh").isNotEmpty();
    }

    @Test
    void refusesToDeleteTheRecoveryCode() {
        String accessToken = bed.mfaApiAccessToken(bed.enrolledTotp());

        assertThat(bed.services.deleteAuthenticator().delete(accessToken, recoveryId().value()).getLeft())
                .isEqualTo(new MfaError.CannotDelete("The recovery code cannot be deleted."));
    }

    @Test
    void refusesUnknownAndForeignIds() {
        String accessToken = bed.mfaApiAccessToken(bed.enrolledTotp());
        bed.authenticators.addActive(Authenticators.pendingTotp(new UserId("someone-else"), 9, Authenticators.seed(9),
                bed.clock.instant()), bed.clock.instant());

        assertThat(bed.services.deleteAuthenticator().delete(accessToken, "totp|dev_0000000000000009").getLeft())
                .isEqualTo(new MfaError.AuthenticatorNotFound());
        assertThat(bed.services.deleteAuthenticator().delete(accessToken, "nonsense").getLeft())
                .isEqualTo(new MfaError.AuthenticatorNotFound());
        assertThat(bed.authenticators.findByUser(new UserId("someone-else"))).hasSize(1);
    }

    @Test
    void refusesAnMfaToken() {
        Association.Otp otp = bed.enrolledTotp();

        assertThat(bed.services.deleteAuthenticator().delete(bed.mfaToken(), otp.authenticatorId().value()).getLeft())
                .isEqualTo(new MfaError.InvalidToken(DeleteAuthenticatorService.MFA_TOKEN_REFUSED));
        assertThat(bed.services.deleteAuthenticator().delete("garbage", otp.authenticatorId().value()).getLeft())
                .isInstanceOf(MfaError.InvalidToken.class);
    }

    @Test
    void refusesAnAccessTokenWithoutRemoveScope() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = MfaTestbed.mfaRequired(bed.passwordLogin(Option.some(bed.tokens.mfaApiAudience()),
                Scope.parse("read:authenticators"))).mfaToken();
        String accessToken = bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).get().accessToken();

        assertThat(bed.services.deleteAuthenticator().delete(accessToken, otp.authenticatorId().value()).getLeft())
                .isEqualTo(new MfaError.InsufficientScope("remove:authenticators"));
    }
}
