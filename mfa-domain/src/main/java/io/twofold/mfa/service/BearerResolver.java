package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.port.out.TokenIssuer;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Reads the bearer of an {@code /mfa/*} call. An unknown, used-up or foreign {@code mfa_token}
 * becomes {@link MfaError.InvalidToken} here (a 401 on the wire, spec 4.1 and 7.1), where the token
 * grants say {@link MfaError.MalformedMfaToken}; an expired one stays {@link MfaError.ExpiredMfaToken}.
 */
final class BearerResolver {
    static final String INVALID_MFA_TOKEN = "The mfa_token is invalid or has been used.";

    private final TokenIssuer tokens;
    private final MfaTokenGuard guard;

    BearerResolver(TokenIssuer tokens, MfaTokenGuard guard) {
        this.tokens = tokens;
        this.guard = guard;
    }

    Either<MfaError, Bearer> resolve(String bearer) {
        return resolve(bearer, Option.none());
    }

    /** As {@link #resolve(String)}; an {@code mfa_token} must also belong to {@code client} when one is given. */
    Either<MfaError, Bearer> resolve(String bearer, Option<ClientId> client) {
        if (bearer == null || bearer.isBlank()) {
            return Either.left(new MfaError.InvalidToken("A bearer token is required."));
        }
        if (tokens.looksLikeAccessToken(bearer)) {
            return accessToken(bearer).map(Bearer.class::cast);
        }
        return guard.open(bearer, client)
                .<Bearer>map(Bearer.MfaToken::new)
                .mapLeft(error -> error instanceof MfaError.MalformedMfaToken
                        ? new MfaError.InvalidToken(INVALID_MFA_TOKEN) : error);
    }

    /** An MFA API access token only; none of the {@code mfa_token} paths. */
    Either<MfaError, Bearer.AccessToken> accessToken(String bearer) {
        return tokens.verifyMfaApiToken(bearer)
                .<MfaError>mapLeft(MfaError.InvalidToken::new)
                .map(Bearer.AccessToken::new);
    }
}
