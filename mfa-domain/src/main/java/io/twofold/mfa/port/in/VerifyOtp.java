package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.IssuedTokens;
import io.vavr.control.Either;

/** The {@code mfa-otp} grant: a TOTP code completes a login or confirms a TOTP enrollment. */
public interface VerifyOtp {

    Either<MfaError, IssuedTokens> verify(VerifyOtpCommand command);
}
