package io.twofold.mfa.usecase;

import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.out.TokenRequest;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyOtpServiceTest {
    private final MfaTestbed bed = new MfaTestbed();

    @Test
    void confirmsAPendingTotpAndTheRecoveryCodeWithIt() {
        String mfaToken = bed.mfaToken();
        Association.Otp otp = (Association.Otp) bed.associateOtp(mfaToken).get();

        assertThat(bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).isRight()).isTrue();

        assertThat(bed.services.listAuthenticators().list(bed.mfaToken()).get().map(AuthenticatorView::active))
                .containsExactly(true, true);
        assertThat(bed.audit.eventsOfType("authenticator.confirmed")).hasSize(2);
    }

    @Test
    void issuesTokensForTheOriginalAudienceAndScope() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = MfaTestbed.mfaRequired(bed.passwordLogin(Option.some("https://api.example.com/"),
                Scope.parse("openid profile"))).mfaToken();

        assertThat(bed.verifyOtp(mfaToken, bed.currentCode(otp.secret())).get().idToken()).isNotEmpty();

        TokenRequest request = bed.tokens.requests().last();
        assertThat(request.audience()).contains("https://api.example.com/");
        assertThat(request.scope()).isEqualTo(Scope.parse("openid profile"));
        assertThat(request.mfaPassed()).isTrue();
        assertThat(bed.transactions.findByTokenHash(SecretHash.of(mfaToken)).get().completed()).isTrue();
    }

    @Test
    void refusesAWrongCodeAndCountsIt() {
        Association.Otp otp = bed.enrolledTotp();
        String mfaToken = bed.mfaToken();

        assertThat(bed.verifyOtp(mfaToken, bed.wrongCode(otp.secret())).getLeft()).isEqualTo(new MfaError.InvalidOtp());
        assertThat(bed.verifyOtp(mfaToken, "abc").getLeft()).isEqualTo(new MfaError.InvalidOtp());

        assertThat(bed.transactions.findByTokenHash(SecretHash.of(mfaToken)).get().failedAttempts()).isEqualTo(2);
        assertThat(bed.audit.eventsOfType("mfa.failure")).hasSize(2);
    }

    @Test
    void acceptsACodeFromTheNeighbouringStep() {
        Association.Otp otp = bed.enrolledTotp();
        bed.nextStep(); // the step before now must be later than the one the enrollment used
        String previous = bed.codeAt(otp.secret(), bed.clock.instant().minus(Duration.ofSeconds(30)));

        assertThat(bed.verifyOtp(bed.mfaToken(), previous).isRight()).isTrue();
    }

    @Test
    void refusesAUserWithoutATotpAuthenticator() {
        bed.authenticators.addActive(Authenticators.pendingSms(bed.alice.id(), 1, MfaTestbed.PHONE, bed.clock.instant()),
                bed.clock.instant());

        assertThat(bed.verifyOtp(bed.mfaToken(), "123456").getLeft()).isEqualTo(new MfaError.NotEnrolled());
    }

    @Test
    void cannotConfirmAnExpiredPendingTotp() {
        String mfaToken = bed.mfaToken();
        Association.Otp otp = (Association.Otp) bed.associateOtp(mfaToken).get();
        bed.advance(Duration.ofHours(24));

        assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).getLeft())
                .isEqualTo(new MfaError.NotEnrolled());
    }

    @Test
    void refusesAClientWithoutTheMfaOtpGrant() {
        bed.clients.register(new Client(new ClientId("password-only"), "password-only", false,
                HashSet.of(GrantType.PASSWORD), MfaPolicy.ALWAYS), Option.none());

        assertThat(bed.services.verifyOtp().verify(new VerifyOtpCommand(
                new ClientCredentials(new ClientId("password-only"), Option.none()), bed.mfaToken(), "123456")).getLeft())
                .isEqualTo(new MfaError.UnauthorizedClient(GrantType.MFA_OTP.wireName()));
    }

    @Test
    void refusesUnknownAndUsedUpMfaTokens() {
        Association.Otp otp = bed.enrolledTotp();

        assertThat(bed.verifyOtp("no-such-token", bed.currentCode(otp.secret())).getLeft())
                .isEqualTo(new MfaError.MalformedMfaToken());
    }

    @Test
    void givesAUserWithoutARecoveryCodeOneAtTheFirstLoginWithAFactorOnly() {
        // An imported authenticator: active, with no recovery code beside it.
        bed.authenticators.addActive(Authenticators.pendingTotp(bed.alice.id(), 7, Authenticators.seed(7),
                bed.clock.instant()), bed.clock.instant());
        String secret = io.twofold.mfa.otp.internal.Base32.encode(Authenticators.seed(7).bytes());

        Option<String> first = bed.verifyOtp(bed.mfaToken(), bed.currentCode(secret)).get().recoveryCode();
        assertThat(first).isNotEmpty();
        assertThat(bed.authenticators.findByUser(bed.alice.id()).filter(a -> a.id().kind() == AuthenticatorKind.RECOVERY_CODE))
                .hasSize(1);

        bed.nextStep();
        assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(secret)).get().recoveryCode()).as("once").isEmpty();
        assertThat(bed.services.verifyRecoveryCode().verify(new io.twofold.mfa.port.in.VerifyRecoveryCodeCommand(bed.app,
                bed.mfaToken(), first.get())).isRight()).isTrue();
    }

    @Test
    void givesNoSecondRecoveryCodeToAUserWhoEnrolledWithOne() {
        Association.Otp otp = bed.enrolledTotp();
        bed.nextStep();

        assertThat(bed.verifyOtp(bed.mfaToken(), bed.currentCode(otp.secret())).get().recoveryCode()).isEmpty();
    }
}
