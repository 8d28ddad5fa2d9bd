package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.IssuedTokens;
import io.vavr.control.Either;

/** The first factor: a password login that answers with tokens or with {@code mfa_required}. */
public interface PasswordLogin {

    Either<MfaError, IssuedTokens> login(PasswordLoginCommand command);
}
