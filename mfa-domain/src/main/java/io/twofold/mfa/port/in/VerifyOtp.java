package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.IssuedTokens;
import io.vavr.control.Either;

/** The {@code mfa-otp} grant: a TOTP code completes a login or confirms a TOTP enrollment. */
public interface VerifyOtp {

    /**
     * Right: the login's tokens. Left: among others {@code InvalidOtp} (wrong or replayed),
     * {@code NotEnrolled}, {@code TooManyAttempts}, {@code ExpiredMfaToken}, {@code MalformedMfaToken}.
     */
    Either<MfaError, IssuedTokens> verify(VerifyOtpCommand command);
}
