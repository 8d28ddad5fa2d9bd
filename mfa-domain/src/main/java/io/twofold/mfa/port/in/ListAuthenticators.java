package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Lists the bearer's user's authenticators, pending ones as inactive ({@code GET /mfa/authenticators}). */
public interface ListAuthenticators {

    /** {@code bearer}: an open login's {@code mfa_token}, or an access token with {@code read:authenticators}. */
    Either<MfaError, List<AuthenticatorView>> list(String bearer);
}
