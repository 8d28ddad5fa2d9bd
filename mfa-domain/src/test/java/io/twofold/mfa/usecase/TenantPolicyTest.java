package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.RequestOrigin;
import io.twofold.mfa.port.in.VerifyRecoveryCodeCommand;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's switches: a factor type turned off, and MFA for all applications. */
class TenantPolicyTest {
    private final MfaTestbed bed = new MfaTestbed();

    @Test
    void aDisabledTypeIsNeitherOfferedNorEnrolled() {
        bed.tenant.enableFactor(FactorType.OTP, false);

        LoginOutcome.SecondFactorRequired required = MfaTestbed.mfaRequired(bed.passwordLogin(Option.none(), Scope.parse("openid")));

        assertThat(required.enrollTypes()).containsExactly(FactorType.PHONE, FactorType.EMAIL);
        assertThat(bed.associateOtp(required.mfaToken()).getLeft()).isInstanceOf(MfaError.UnsupportedChallengeType.class);
        assertThat(bed.associateSms(required.mfaToken(), MfaTestbed.PHONE).isRight()).isTrue();
    }

    @Test
    void aDisabledTypeCanNoLongerBeChallengedOrUsed() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = bed.mfaToken();

        bed.tenant.enableFactor(FactorType.OTP, false);

        assertThat(bed.services.challenge().challenge(new ChallengeCommand(bed.app, mfaToken, Option.none(), Option.none()))
                .getLeft()).isInstanceOf(MfaError.NotEnrolled.class);
        assertThat(bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).getLeft()).isInstanceOf(MfaError.NotEnrolled.class);

        bed.tenant.enableFactor(FactorType.OTP, true);
        assertThat(bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).isRight()).isTrue();
    }

    @Test
    void aUserWhoseOnlyTypeWasDisabledEnrollsAnotherThroughTheLogin() {
        bed.enrolledTotp();
        bed.tenant.enableFactor(FactorType.OTP, false);

        LoginOutcome.SecondFactorRequired required = MfaTestbed.mfaRequired(bed.passwordLogin(Option.none(), Scope.parse("openid")));
        assertThat(required.challengeTypes()).containsExactly(FactorType.RECOVERY_CODE);
        assertThat(required.enrollTypes()).containsExactly(FactorType.PHONE, FactorType.EMAIL);

        Association.Oob sms = (Association.Oob) bed.associateSms(required.mfaToken(), MfaTestbed.PHONE).get();
        assertThat(bed.verifyOob(required.mfaToken(), sms.oobCode(), bed.sender.lastCodeTo(MfaTestbed.PHONE)).isRight()).isTrue();
        assertThat(bed.authenticators.findByUser(bed.alice.id()).filter(a -> a.isActive()).map(a -> a.id().kind().idPrefix()))
                .contains("totp", "sms");
    }

    @Test
    void disabledRecoveryCodesAreNeitherHandedOutNorAccepted() {
        Association.Otp otp = bed.enrolledTotp();
        bed.tenant.enableFactor(FactorType.RECOVERY_CODE, false);

        assertThat(bed.services.verifyRecoveryCode().verify(new VerifyRecoveryCodeCommand(bed.app, bed.mfaToken(),
                otp.recoveryCode().get())).getLeft()).isInstanceOf(MfaError.NoRecoveryCode.class);

        String other = bed.newUserMfaToken("bob");
        Association.Otp bobs = (Association.Otp) bed.associateOtp(other).get();
        assertThat(bobs.recoveryCode()).isEmpty();
    }

    @Test
    void allApplicationsRequiresMfaEvenWhereTheClientNeverDoes() {
        bed.clients.registerPublic("never", MfaPolicy.NEVER);
        PasswordLoginCommand login = new PasswordLoginCommand(new io.twofold.mfa.model.ClientCredentials(
                new io.twofold.mfa.model.ClientId("never"), Option.none()), GrantType.PASSWORD, Option.none(), "alice",
                MfaTestbed.PASSWORD, Option.none(), Scope.parse("openid"));
        assertThat(bed.services.passwordLogin().login(login).get()).isInstanceOf(LoginOutcome.Tokens.class);

        bed.tenant.requireMfaForAllApplications(true);

        assertThat(bed.services.passwordLogin().login(login).get()).isInstanceOf(LoginOutcome.SecondFactorRequired.class);
    }
}
