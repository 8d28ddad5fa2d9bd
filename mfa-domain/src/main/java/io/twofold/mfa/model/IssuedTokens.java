package io.twofold.mfa.model;

import io.vavr.control.Option;

/** A token response: the access token and, when asked for, an ID token. */
public record IssuedTokens(String accessToken, Option<String> idToken, long expiresIn, Scope scope, String tokenType) {
    @Override
    public String toString() {
        return "IssuedTokens[***, expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
