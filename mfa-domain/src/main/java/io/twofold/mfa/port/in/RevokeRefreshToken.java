package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ClientCredentials;
import io.vavr.control.Either;

/**
 * Revocation of a refresh token by its client ({@code POST /oauth/revoke}, RFC 7009): the token's
 * whole family dies. An unknown token, one already revoked or one of another client changes nothing
 * and is no error, so the answer tells a caller nothing about tokens that are not theirs.
 */
public interface RevokeRefreshToken {

    /** Whether this call revoked a family; on the left only a failed client authentication. */
    Either<MfaError, Boolean> revoke(ClientCredentials client, String refreshToken);
}
