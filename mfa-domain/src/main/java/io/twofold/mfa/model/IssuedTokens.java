package io.twofold.mfa.model;

import io.vavr.control.Option;

/** A token response: the access token and, when asked for, an ID token and a refresh token. */
public record IssuedTokens(String accessToken, Option<String> idToken, long expiresIn, Scope scope, String tokenType,
                           Option<String> refreshToken) {

    /** Tokens without a refresh token: what a {@code TokenIssuer} returns; the domain adds the refresh token. */
    public IssuedTokens(String accessToken, Option<String> idToken, long expiresIn, Scope scope, String tokenType) {
        this(accessToken, idToken, expiresIn, scope, tokenType, Option.none());
    }

    public IssuedTokens withRefreshToken(Option<String> token) {
        return new IssuedTokens(accessToken, idToken, expiresIn, scope, tokenType, token);
    }

    @Override
    public String toString() {
        return "IssuedTokens[***, expiresIn=" + expiresIn + ", scope=" + scope
                + (refreshToken.isDefined() ? ", refreshToken=***" : "") + "]";
    }
}
