package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.vavr.control.Either;

/**
 * The first factor: a password login. Right: the password was right, and the {@link LoginOutcome}
 * says whether tokens follow at once or a second factor comes first. Left: the refusal (wrong
 * credentials, unknown user alike; too many attempts; a client that may not use the grant).
 */
public interface PasswordLogin {

    Either<MfaError, LoginOutcome> login(PasswordLoginCommand command);
}
