package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.otp.RfcOneTimePasswords;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay protection rests on the store's compare-and-set alone (the store has no read of the last
 * accepted step): replays still fail.
 */
class VerifyOtpReplayTest {
    private final MfaTestbed bed = new MfaTestbed();
    private final Association.Otp otp = bed.enrolledTotp();
    private final MfaServices services = bed.services;

    @Test
    void rejectsTheSameCodeTwice() {
        String code = bed.currentCode(otp.secret());

        assertThat(verify(bed.mfaToken(), code).isRight()).isTrue();
        assertThat(verify(bed.mfaToken(), code).getLeft()).isEqualTo(new MfaError.InvalidOtp());
    }

    @Test
    void rejectsAnEarlierStepsCode() {
        bed.nextStep();
        String earlier = bed.codeAt(otp.secret(), bed.clock.instant().minus(Duration.ofSeconds(30)));

        assertThat(verify(bed.mfaToken(), bed.currentCode(otp.secret())).isRight()).isTrue();
        assertThat(verify(bed.mfaToken(), earlier).getLeft()).isEqualTo(new MfaError.InvalidOtp());
    }

    @Test
    void acceptsALaterStepAfterAnEarlierOne() {
        bed.nextStep();
        String earlier = bed.codeAt(otp.secret(), bed.clock.instant().minus(Duration.ofSeconds(30)));

        assertThat(verify(bed.mfaToken(), earlier).isRight()).isTrue();
        assertThat(verify(bed.mfaToken(), bed.currentCode(otp.secret())).isRight()).isTrue();
    }

    @Test
    void chargesAReplayedCodeAsAWrongOne() {
        String code = bed.currentCode(otp.secret());
        assertThat(verify(bed.mfaToken(), code).isRight()).isTrue();
        String second = bed.mfaToken();
        int failuresBefore = bed.audit.eventsOfType("mfa.failure").size();

        assertThat(verify(second, code).getLeft()).isEqualTo(new MfaError.InvalidOtp());

        assertThat(bed.transactions.findByTokenHash(SecretHash.of(second)).get().failedAttempts()).isEqualTo(1);
        assertThat(bed.audit.eventsOfType("mfa.failure")).hasSize(failuresBefore + 1);
    }

    private Either<MfaError, IssuedTokens> verify(String mfaToken, String code) {
        return services.verifyOtp().verify(new VerifyOtpCommand(bed.app, mfaToken, code));
    }
}
