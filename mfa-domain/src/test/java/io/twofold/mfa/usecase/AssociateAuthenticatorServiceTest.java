package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.policy.AttemptBudgets;
import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.policy.SendLimit;
import io.twofold.mfa.policy.SendLimits;
import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.EnrollmentChoice;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.twofold.mfa.secret.internal.RecoveryCodes;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AssociateAuthenticatorServiceTest {
    private final MfaTestbed bed = new MfaTestbed();

    private Either<MfaError, Association> associate(String bearer, OobChannel channel, Option<String> address) {
        return bed.services.associate().associate(new AssociateCommand(bearer, Option.none(),
                new EnrollmentChoice.Oob(channel, address)));
    }

    @Test
    void enrollsTotpWithASecretABarcodeUriAndARecoveryCodeOnTheFirstEnrollment() {
        Association.Otp otp = (Association.Otp) bed.associateOtp(bed.mfaToken()).get();

        assertThat(otp.authenticatorId().kind()).isEqualTo(AuthenticatorKind.TOTP);
        assertThat(otp.secret()).hasSize(32).matches("[A-Z2-7]+");
        assertThat(otp.barcodeUri()).isEqualTo("otpauth://totp/Twofold%20Test:alice%40example.com?secret="
                + otp.secret() + "&issuer=Twofold%20Test&algorithm=SHA1&digits=6&period=30");
        assertThat(otp.recoveryCode().get()).hasSize(24);
        assertThat(otp.toString()).doesNotContain(otp.secret());
        List<AuthenticatorView> listed = bed.services.listAuthenticators().list(bed.mfaToken()).get();
        assertThat(listed.map(AuthenticatorView::authenticatorType)).containsExactly("otp", "recovery-code");
        assertThat(listed.map(AuthenticatorView::active)).containsOnly(false);
    }

    @Test
    void pendingAuthenticatorsExpireAfterADay() {
        Association otp = bed.associateOtp(bed.mfaToken()).get();

        assertThat(bed.authenticators.find(bed.alice.id(), otp.authenticatorId()).get())
                .isInstanceOfSatisfying(io.twofold.mfa.model.PendingAuthenticator.class, p ->
                        assertThat(p.expiresAt()).isEqualTo(bed.clock.instant().plus(Duration.ofHours(24))));
    }

    @Test
    void issuesNoRecoveryCodeWhenRecoveryCodesAreOff() {
        MfaSettings defaults = MfaSettings.defaults("Twofold Test");
        MfaTestbed off = new MfaTestbed(new MfaSettings(defaults.tenantName(), defaults.otp(), defaults.lifetimes(),
                defaults.attempts(), defaults.passwords(), defaults.sends(), false));

        Association otp = off.associateOtp(off.mfaToken()).get();

        assertThat(otp.recoveryCode()).isEmpty();
        assertThat(off.authenticators.findByUser(off.alice.id()).size()).isEqualTo(1);
    }

    @Test
    void givesEachEnrollmentItsOwnRecoveryCodeAndKeepsOnlyTheConfirmedOnes() {
        String mfaToken = bed.mfaToken();
        Association.Otp first = (Association.Otp) bed.associateOtp(mfaToken).get();
        Association.Otp second = (Association.Otp) bed.associateOtp(mfaToken).get();
        assertThat(first.recoveryCode()).isNotEmpty();
        assertThat(second.recoveryCode()).isNotEmpty().isNotEqualTo(first.recoveryCode());

        assertThat(bed.verifyOtp(mfaToken, bed.currentCode(second.secret())).isRight()).isTrue();

        List<Authenticator> left = bed.authenticators.findByUser(bed.alice.id());
        assertThat(left.map(Authenticator::id)).containsExactlyInAnyOrder(second.authenticatorId(),
                left.find(a -> a.id().kind() == AuthenticatorKind.RECOVERY_CODE).get().id());
        assertThat(left).allMatch(Authenticator::isActive);
        Factor.RecoveryCode kept = (Factor.RecoveryCode) left.find(a -> a.id().kind() == AuthenticatorKind.RECOVERY_CODE)
                .get().factor();
        assertThat(kept.codeHash().matches(SecretHash.of(RecoveryCodes.normalize(second.recoveryCode().get()).get())))
                .as("the confirmed enrollment's own code").isTrue();
    }

    @Test
    void anAccessTokenEnrollmentGetsNoRecoveryCodeWhenTheUserHasAnActiveOne() {
        String accessToken = bed.mfaApiAccessToken(bed.enrolledTotp());

        assertThat(bed.associateSms(accessToken, MfaTestbed.PHONE).get().recoveryCode()).isEmpty();
    }

    @Test
    void refusesAnMfaTokenOnceTheUserHasAnActiveFactor() {
        bed.enrolledTotp();

        assertThat(bed.associateOtp(bed.mfaToken()).getLeft()).isEqualTo(new MfaError.AlreadyEnrolled());
    }

    @Test
    void letsAnAccessTokenWithEnrollScopeAddAFactor() {
        String accessToken = bed.mfaApiAccessToken(bed.enrolledTotp());

        Association sms = bed.associateSms(accessToken, "+1 555 123-4567").get();

        assertThat(sms.recoveryCode()).as("the user already has a recovery code").isEmpty();
        assertThat(bed.sender.lastCodeTo(MfaTestbed.PHONE)).matches("[0-9]{6}");
    }

    @Test
    void refusesAnAccessTokenWithoutEnrollScope() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = MfaTestbed.mfaRequired(bed.passwordLogin(Option.some(bed.tokens.mfaApiAudience()),
                Scope.parse("read:authenticators"))).mfaToken();
        String accessToken = bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).get().accessToken();

        assertThat(bed.associateOtp(accessToken).getLeft()).isEqualTo(new MfaError.InsufficientScope("enroll"));
    }

    @Test
    void refusesUnknownAndExpiredBearers() {
        String mfaToken = bed.mfaToken();
        assertThat(bed.associateOtp("no-such-token").getLeft()).isInstanceOf(MfaError.InvalidToken.class);
        assertThat(bed.associateOtp("at.999").getLeft()).isInstanceOf(MfaError.InvalidToken.class);

        bed.advance(Duration.ofMinutes(10));

        assertThat(bed.associateOtp(mfaToken).getLeft()).isEqualTo(new MfaError.ExpiredMfaToken());
    }

    @Test
    void checksClientCredentialsWhenTheyAreSent() {
        String mfaToken = bed.mfaToken();
        Either<MfaError, Association> result = bed.services.associate().associate(new AssociateCommand(mfaToken,
                Option.some(new ClientCredentials(new ClientId("app"), Option.some("wrong"))), new EnrollmentChoice.Otp()));

        assertThat(result.getLeft()).isEqualTo(new MfaError.InvalidClient());
    }

    @Test
    void refusesAnAddressThatIsNotOne() {
        String t = bed.mfaToken();
        assertThat(associate(t, OobChannel.SMS, Option.some("555-1234")).getLeft())
                .isEqualTo(new MfaError.InvalidRequest("phone_number must be in E.164 format, for example +15551234567"));
        assertThat(associate(t, OobChannel.VOICE, Option.none()).getLeft()).isInstanceOf(MfaError.InvalidRequest.class);
        assertThat(associate(t, OobChannel.EMAIL, Option.some("not-an-email")).getLeft())
                .isEqualTo(new MfaError.InvalidRequest("email is not a valid email address"));
        assertThat(bed.authenticators.findByUser(bed.alice.id()).isEmpty()).isTrue();
    }

    @Test
    void sendsEmailToTheDirectoryAddressWhenNoneIsGiven() {
        Association.Oob email = (Association.Oob) associate(bed.mfaToken(), OobChannel.EMAIL, Option.none()).get();

        assertThat(bed.sender.lastCodeTo("alice@example.com")).matches("[0-9]{6}");
        assertThat(bed.services.listAuthenticators().list(bed.mfaToken()).get().head().name())
                .contains("a****@e******.com");
        assertThat(email.authenticatorId().kind()).isEqualTo(AuthenticatorKind.EMAIL);
    }

    @Test
    void storesTheOobCodeAndBindingCodeOnlyAsHashes() {
        Association.Oob sms = (Association.Oob) bed.associateSms(bed.mfaToken(), MfaTestbed.PHONE).get();
        String bindingCode = bed.sender.lastCodeTo(MfaTestbed.PHONE);

        OobChallenge challenge = bed.challenges.findByCodeHash(SecretHash.of(sms.oobCode())).get();

        assertThat(challenge.bindingCodeHash()).isEqualTo(SecretHash.of(sms.oobCode(), bindingCode));
        assertThat(challenge.authenticatorId()).isEqualTo(sms.authenticatorId());
        assertThat(challenge.expiresAt()).isEqualTo(bed.clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void leavesNothingBehindWhenTheCodeCannotBeDelivered() {
        bed.sender.failNext();

        Either<MfaError, Association> result = bed.associateSms(bed.mfaToken(), MfaTestbed.PHONE);

        assertThat(result.getLeft()).isEqualTo(new MfaError.DeliveryFailed("sms"));
        assertThat(bed.authenticators.findByUser(bed.alice.id()).isEmpty()).isTrue();
    }

    @Test
    void capsUnconfirmedEnrollments() {
        MfaSettings d = MfaSettings.defaults("Twofold Test");
        MfaTestbed capped = new MfaTestbed(new MfaSettings(d.tenantName(), d.otp(), d.lifetimes(),
                new AttemptBudgets(10, 5, 10, Duration.ofMinutes(6), 99, 2), d.passwords(), d.sends(), true));
        String mfaToken = capped.mfaToken();
        capped.associateOtp(mfaToken).get();
        capped.associateOtp(mfaToken).get();

        assertThat(capped.associateOtp(mfaToken).getLeft()).isEqualTo(new MfaError.TooManyEnrollments());

        capped.advance(Duration.ofHours(24));
        assertThat(capped.associateOtp(capped.mfaToken()).isRight()).as("expired ones no longer count").isTrue();
    }

    @Test
    void limitsHowManyCodesAreSent() {
        MfaSettings d = MfaSettings.defaults("Twofold Test");
        SendLimits sends = SendLimits.DEFAULT;
        MfaTestbed limited = new MfaTestbed(d.withSends(new SendLimits(new SendLimit(2, Duration.ofHours(1)),
                sends.perDestination(), sends.perEndUserIp(), sends.global(), sends.allowedCountries())));
        String mfaToken = limited.mfaToken();
        limited.associateSms(mfaToken, MfaTestbed.PHONE).get();
        limited.associateSms(mfaToken, MfaTestbed.PHONE).get();

        assertThat(limited.associateSms(mfaToken, MfaTestbed.PHONE).getLeft()).isEqualTo(new MfaError.TooManySends(MfaError.TooManySends.Limit.USER));
        assertThat(limited.sender.messages()).hasSize(2);

        limited.advance(Duration.ofHours(1));
        assertThat(limited.associateSms(limited.mfaToken(), MfaTestbed.PHONE).isRight()).isTrue();
    }
}
