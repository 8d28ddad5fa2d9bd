package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.IssuedTokens;
import io.vavr.control.Either;

/**
 * The {@code refresh_token} grant: new tokens for the login a refresh token came from, without the
 * password or a second factor again; a rotating client's token is replaced by a new one, and a
 * replaced one presented again revokes its whole family.
 */
public interface RenewTokens {

    /** New tokens for the same user, client and audience, with the login's scope or part of it. */
    Either<MfaError, IssuedTokens> renew(RenewTokensCommand command);
}
