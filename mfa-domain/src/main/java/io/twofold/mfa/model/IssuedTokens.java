package io.twofold.mfa.model;

import io.vavr.control.Option;

/**
 * A token response: the access token and, when asked for, an ID token and a refresh token; and a
 * recovery code the first time a user who had none logs in with a factor (an imported user).
 */
public record IssuedTokens(String accessToken, Option<String> idToken, long expiresIn, Scope scope, String tokenType,
                           Option<String> refreshToken, Option<String> recoveryCode) {

    public IssuedTokens(String accessToken, Option<String> idToken, long expiresIn, Scope scope, String tokenType,
                        Option<String> refreshToken) {
        this(accessToken, idToken, expiresIn, scope, tokenType, refreshToken, Option.none());
    }

    /** Tokens without a refresh token: what a {@code TokenIssuer} returns; the domain adds the refresh token. */
    public IssuedTokens(String accessToken, Option<String> idToken, long expiresIn, Scope scope, String tokenType) {
        this(accessToken, idToken, expiresIn, scope, tokenType, Option.none());
    }

    public IssuedTokens withRefreshToken(Option<String> token) {
        return new IssuedTokens(accessToken, idToken, expiresIn, scope, tokenType, token, recoveryCode);
    }

    /** These tokens with the user's new recovery code, shown this once. */
    public IssuedTokens withRecoveryCode(Option<String> code) {
        return new IssuedTokens(accessToken, idToken, expiresIn, scope, tokenType, refreshToken, code);
    }

    @Override
    public String toString() {
        return "IssuedTokens[***, expiresIn=" + expiresIn + ", scope=" + scope
                + (refreshToken.isDefined() ? ", refreshToken=***" : "")
                + (recoveryCode.isDefined() ? ", recoveryCode=***" : "") + "]";
    }
}
