package io.twofold.mfa.flow;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.EnrollmentChoice;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.twofold.mfa.port.in.Challenge;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.RecoveryLogin;
import io.twofold.mfa.port.in.VerifyOobCommand;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.in.VerifyRecoveryCodeCommand;
import io.twofold.mfa.usecase.MfaServices;
import io.twofold.mfa.usecase.MfaTestbed;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole seed flow through the use cases alone, no adapter: first login and TOTP enrollment,
 * a later login with a challenge, adding SMS with an MFA API access token, deleting it, and
 * logging in with the recovery code.
 */
class FlowTest {
    private final MfaTestbed bed = new MfaTestbed();
    private final MfaServices mfa = bed.services;

    private Either<MfaError, LoginOutcome> login(Option<String> audience, Scope scope) {
        return mfa.passwordLogin().login(new PasswordLoginCommand(bed.app, GrantType.PASSWORD, Option.none(), "alice",
                MfaTestbed.PASSWORD, audience, scope, Option.some(MfaTestbed.CLIENT_IP), Option.none()));
    }

    private static List<String> listed(Either<MfaError, List<AuthenticatorView>> views) {
        return views.get().map(v -> v.authenticatorType() + (v.active() ? "" : " (pending)"));
    }

    @Test
    void walksTheWholeSeedFlow() {
        // 1. First login: mfa_required, nothing to challenge, enrollment offered.
        LoginOutcome.SecondFactorRequired first = MfaTestbed.mfaRequired(login(Option.none(), Scope.parse("openid profile")));
        assertThat(first.challengeTypes()).isEmpty();
        assertThat(first.enrollTypes()).containsExactly(FactorType.OTP, FactorType.PHONE, FactorType.EMAIL);

        // 2. Enroll TOTP with the mfa_token; a recovery code comes with the first enrollment.
        Association.Otp otp = (Association.Otp) mfa.associate().associate(new AssociateCommand(first.mfaToken(),
                Option.none(), new EnrollmentChoice.Otp())).get();
        String recoveryCode = otp.recoveryCode().get();
        assertThat(listed(mfa.listAuthenticators().list(first.mfaToken())))
                .containsExactly("otp (pending)", "recovery-code (pending)");

        // 3. Confirm with the first code: tokens for the original request, both factors active.
        IssuedTokens confirmed = mfa.verifyOtp().verify(new VerifyOtpCommand(bed.app, first.mfaToken(),
                bed.currentCode(otp.secret()))).get();
        assertThat(confirmed.idToken()).isNotEmpty();
        assertThat(confirmed.scope()).isEqualTo(Scope.parse("openid profile"));
        bed.nextStep();

        // 4. List with a fresh login's mfa_token.
        LoginOutcome.SecondFactorRequired second = MfaTestbed.mfaRequired(login(Option.none(), Scope.parse("openid")));
        assertThat(listed(mfa.listAuthenticators().list(second.mfaToken()))).containsExactly("otp", "recovery-code");
        assertThat(second.challengeTypes()).containsExactly(FactorType.OTP, FactorType.RECOVERY_CODE);
        assertThat(second.enrollTypes()).isEmpty();

        // 5. Challenge and verify: OTP needs nothing sent.
        assertThat(mfa.challenge().challenge(new ChallengeCommand(bed.app, second.mfaToken(), Option.none(),
                Option.none())).get()).isEqualTo(new Challenge.Otp());
        assertThat(mfa.verifyOtp().verify(new VerifyOtpCommand(bed.app, second.mfaToken(),
                bed.currentCode(otp.secret()))).isRight()).isTrue();
        bed.nextStep();

        // 6. An MFA API access token: a login for the issuer's mfa/ audience, passed with TOTP.
        LoginOutcome.SecondFactorRequired apiLogin = MfaTestbed.mfaRequired(login(Option.some(bed.tokens.mfaApiAudience()),
                MfaTestbed.MFA_API_SCOPE));
        IssuedTokens apiTokens = mfa.verifyOtp().verify(new VerifyOtpCommand(bed.app, apiLogin.mfaToken(),
                bed.currentCode(otp.secret()))).get();
        assertThat(apiTokens.expiresIn()).isEqualTo(600);
        String accessToken = apiTokens.accessToken();
        bed.nextStep();

        // 7. Add SMS with the access token; the code goes out at once.
        Association.Oob sms = (Association.Oob) mfa.associate().associate(new AssociateCommand(accessToken,
                Option.none(), new EnrollmentChoice.Oob(OobChannel.SMS, Option.some(MfaTestbed.PHONE)))).get();
        assertThat(sms.recoveryCode()).isEmpty();
        String bindingCode = bed.sender.lastCodeTo(MfaTestbed.PHONE);

        // 8. Confirm it with the mfa_token of a new login of the same user and client.
        LoginOutcome.SecondFactorRequired third = MfaTestbed.mfaRequired(login(Option.none(), Scope.parse("openid")));
        assertThat(mfa.verifyOob().verify(new VerifyOobCommand(bed.app, third.mfaToken(), sms.oobCode(),
                Option.some(bindingCode))).isRight()).isTrue();
        List<AuthenticatorView> views = mfa.listAuthenticators().list(accessToken).get();
        assertThat(listed(Either.right(views))).containsExactly("otp", "recovery-code", "oob");
        assertThat(views.last().name()).contains("XXXXXXX4567");

        // 9. Delete the SMS factor.
        AuthenticatorId smsId = sms.authenticatorId();
        assertThat(mfa.deleteAuthenticator().delete(accessToken, smsId.value()).get()).containsExactly(smsId);
        assertThat(listed(mfa.listAuthenticators().list(accessToken))).containsExactly("otp", "recovery-code");

        // 10. Log in with the recovery code; a new one replaces it.
        LoginOutcome.SecondFactorRequired fourth = MfaTestbed.mfaRequired(login(Option.none(), Scope.parse("openid")));
        RecoveryLogin recovered = mfa.verifyRecoveryCode().verify(new VerifyRecoveryCodeCommand(bed.app,
                fourth.mfaToken(), recoveryCode)).get();
        assertThat(recovered.newRecoveryCode()).isNotEqualTo(recoveryCode);

        // 11. The old recovery code is refused; the new one works.
        LoginOutcome.SecondFactorRequired fifth = MfaTestbed.mfaRequired(login(Option.none(), Scope.parse("openid")));
        assertThat(mfa.verifyRecoveryCode().verify(new VerifyRecoveryCodeCommand(bed.app, fifth.mfaToken(),
                recoveryCode)).getLeft()).isEqualTo(new MfaError.InvalidRecoveryCode());
        assertThat(mfa.verifyRecoveryCode().verify(new VerifyRecoveryCodeCommand(bed.app, fifth.mfaToken(),
                recovered.newRecoveryCode())).isRight()).isTrue();
    }
}
