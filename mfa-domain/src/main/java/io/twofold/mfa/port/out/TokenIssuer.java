package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.IssuedTokens;
import io.vavr.control.Either;

/** Issues the tokens a completed login earns, and checks MFA API access tokens presented as bearers. */
public interface TokenIssuer {

    IssuedTokens issue(TokenRequest request);

    /** The MFA API audience, {@code {issuer}mfa/}. */
    String mfaApiAudience();

    /**
     * The claims of a valid, unexpired access token for the MFA API audience; otherwise, on the left,
     * the text the client is told (never echoing the token). Why exactly a token was refused helps a
     * forger, so an adapter keeps that detail for its own log.
     */
    Either<String, AccessTokenClaims> verifyMfaApiToken(String bearer);

    /** Whether the value has the shape of one of this issuer's access tokens (and so is not an {@code mfa_token}). */
    boolean looksLikeAccessToken(String bearer);
}
