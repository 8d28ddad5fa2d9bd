package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.vavr.control.Either;

/** The {@code mfa-recovery-code} grant: spends the recovery code and hands out its replacement. */
public interface VerifyRecoveryCode {

    /** Right: the tokens and the replacement code (show it once). Left: among others {@code InvalidRecoveryCode}, {@code NoRecoveryCode}. */
    Either<MfaError, RecoveryLogin> verify(VerifyRecoveryCodeCommand command);
}
