package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.IssuedTokens;
import io.vavr.control.Either;

/** The {@code mfa-oob} grant: an {@code oob_code} and its binding code complete a login or confirm an enrollment. */
public interface VerifyOob {

    /** Right: the login's tokens. Left: among others {@code InvalidBindingCode}, {@code ExpiredOobCode}, {@code TooManyAttempts}. */
    Either<MfaError, IssuedTokens> verify(VerifyOobCommand command);
}
