package io.twofold.mfa.model;

/** What a verified MFA API access token says: whose it is, which client got it, and its scopes. */
public record AccessTokenClaims(UserId subject, ClientId clientId, Scope scope) {
}
