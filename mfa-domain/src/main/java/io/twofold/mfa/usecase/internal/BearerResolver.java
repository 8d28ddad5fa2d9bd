package io.twofold.mfa.usecase.internal;

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
public final class BearerResolver {
    static final String INVALID_MFA_TOKEN = "The mfa_token is invalid or has been used.";
    static final String FOREIGN_ACCESS_TOKEN = "The access token was issued to another client.";

    private final TokenIssuer tokens;
    private final MfaTokenGuard guard;

    public BearerResolver(TokenIssuer tokens, MfaTokenGuard guard) {
        this.tokens = tokens;
        this.guard = guard;
    }

    public Either<MfaError, Bearer> resolve(String bearer) {
        return resolve(bearer, Option.none());
    }

    /**
     * As {@link #resolve(String)}; when the call names a {@code client}, the bearer must have been
     * issued to it, whether an {@code mfa_token} or an access token: one client's token does not
     * work with another client's credentials.
     */
    public Either<MfaError, Bearer> resolve(String bearer, Option<ClientId> client) {
        if (bearer == null || bearer.isBlank()) {
            return Either.left(new MfaError.InvalidToken("A bearer token is required."));
        }
        if (tokens.looksLikeAccessToken(bearer)) {
            return accessToken(bearer)
                    .filterOrElse(token -> client.forAll(token.client()::equals),
                            token -> new MfaError.InvalidToken(FOREIGN_ACCESS_TOKEN))
                    .map(Bearer.class::cast);
        }
        return guard.open(bearer, client)
                .<Bearer>map(Bearer.MfaToken::new)
                .mapLeft(error -> error instanceof MfaError.MalformedMfaToken
                        ? new MfaError.InvalidToken(INVALID_MFA_TOKEN) : error);
    }

    /** An MFA API access token only; none of the {@code mfa_token} paths. */
    public Either<MfaError, Bearer.AccessToken> accessToken(String bearer) {
        return tokens.verifyMfaApiToken(bearer)
                .<MfaError>mapLeft(MfaError.InvalidToken::new)
                .map(Bearer.AccessToken::new);
    }
}
