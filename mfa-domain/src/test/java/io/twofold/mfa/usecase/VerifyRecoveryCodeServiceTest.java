package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.fake.Authenticators;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.RecoveryLogin;
import io.twofold.mfa.port.in.VerifyRecoveryCodeCommand;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyRecoveryCodeServiceTest {
    private final MfaTestbed bed = new MfaTestbed();

    private Either<MfaError, RecoveryLogin> verify(String mfaToken, String code) {
        return bed.services.verifyRecoveryCode().verify(new VerifyRecoveryCodeCommand(bed.app, mfaToken, code));
    }

    @Test
    void spendsTheCodeAndHandsOutANewOne() {
        String code = bed.enrolledTotp().recoveryCode().get();

        RecoveryLogin login = verify(bed.mfaToken(), code).get();

        assertThat(login.newRecoveryCode()).hasSize(24).isNotEqualTo(code);
        assertThat(login.toString()).doesNotContain(login.newRecoveryCode());
        assertThat(verify(bed.mfaToken(), code).getLeft()).isEqualTo(new MfaError.InvalidRecoveryCode());
        assertThat(verify(bed.mfaToken(), login.newRecoveryCode()).isRight()).isTrue();
    }

    @Test
    void acceptsTheCodeTypedInLowercaseWithSpaces() {
        String code = bed.enrolledTotp().recoveryCode().get();
        String typed = code.toLowerCase(Locale.ROOT).substring(0, 12) + " " + code.substring(12);

        assertThat(verify(bed.mfaToken(), typed).isRight()).isTrue();
    }

    @Test
    void storesTheCodeOnlyAsAHash() {
        Association.Otp otp = bed.enrolledTotp();

        assertThat(bed.authenticators.findByUser(bed.alice.id()).map(a -> a.factor().toString()).mkString())
                .doesNotContain(otp.recoveryCode().get())
                .contains(SecretHash.of(otp.recoveryCode().get()).hex());
    }

    @Test
    void refusesAWrongCodeAndCountsIt() {
        bed.enrolledTotp();
        String mfaToken = bed.mfaToken();

        assertThat(verify(mfaToken, "ABCDEFGHJKLMNPQRSTUVWXYZ").getLeft()).isEqualTo(new MfaError.InvalidRecoveryCode());
        assertThat(verify(mfaToken, "short").getLeft()).isEqualTo(new MfaError.InvalidRecoveryCode());

        assertThat(bed.transactions.findByTokenHash(SecretHash.of(mfaToken)).get().failedAttempts()).isEqualTo(2);
    }

    @Test
    void refusesAUserWithoutAnActiveRecoveryCode() {
        bed.authenticators.addActive(Authenticators.pendingTotp(bed.alice.id(), bed.clock), bed.clock.instant());
        bed.authenticators.add(Authenticators.pendingRecoveryCode(bed.alice.id(), 2, "ABCDEFGHJKLMNPQRSTUVWXYZ",
                bed.clock.instant()));

        assertThat(verify(bed.mfaToken(), "ABCDEFGHJKLMNPQRSTUVWXYZ").getLeft()).isEqualTo(new MfaError.NoRecoveryCode());
    }
}
