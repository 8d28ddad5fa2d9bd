package io.twofold.mfa.port.in;

import io.twofold.mfa.error.MfaError;
import io.vavr.control.Either;

/**
 * OpenID Connect's UserInfo ({@code GET /userinfo}): the claims of the user an access token with
 * the {@code openid} scope was issued for. Left ({@code InvalidToken}): no such token, a token
 * without {@code openid}, or a user who no longer exists.
 */
public interface UserInfo {

    Either<MfaError, UserClaims> userInfo(String bearer);
}
