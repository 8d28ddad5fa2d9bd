package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.IssuedTokens;
import io.vavr.control.Either;

/**
 * Issues the tokens a completed login earns, and checks MFA API access tokens presented as bearers
 * on the enrollment and authenticator calls. A host without an MFA API implements {@link #issue}
 * alone: the defaults of the other three refuse every access token, so only {@code mfa_token}s work
 * as bearers (enrollment through a login that has no active factor yet, listing with it).
 */
public interface TokenIssuer {

    /**
     * The tokens for {@code request}: a completed login, after its transaction has committed (a
     * login that needed no second factor has {@code mfaPassed} false). What "issuer" means is the
     * host's: the bundled server signs JWTs (RS256, or ES256 for an API that chose it); a host may
     * hand out its own session. {@link IssuedTokens#expiresIn} is in seconds.
     */
    IssuedTokens issue(TokenRequest request);

    /**
     * The audience of MFA API access tokens (the bundled server: {@code {issuer}mfa/}); a login for
     * it always needs a second factor. By default a value no client asks for, so no login is for it.
     */
    default String mfaApiAudience() {
        return "urn:twofold:no-mfa-api";
    }

    /**
     * The claims of a valid, unexpired access token for the MFA API audience; otherwise, on the left,
     * the text the client is told (never echoing the token). Why exactly a token was refused helps a
     * forger, so an adapter keeps that detail for its own log. By default every token is refused.
     */
    default Either<String, AccessTokenClaims> verifyMfaApiToken(String bearer) {
        return Either.left("Invalid token");
    }

    /**
     * As {@link #verifyMfaApiToken}, for an access token of any audience this issuer signs (the
     * UserInfo call takes any of them). By default every token is refused.
     */
    default Either<String, AccessTokenClaims> verifyAccessToken(String bearer) {
        return Either.left("Invalid token");
    }

    /**
     * Whether the value has the shape of one of this issuer's access tokens, and so is not an
     * {@code mfa_token}. It must never be true for an {@code mfa_token}, which is 43 characters of
     * unpadded base64url (32 random bytes): the bundled server's JWTs contain dots, which an
     * {@code mfa_token} never does. By default false: every bearer is taken for an {@code mfa_token}.
     */
    default boolean looksLikeAccessToken(String bearer) {
        return false;
    }

    /**
     * The audience of the Management API (the bundled server: {@code {issuer}api/v2/}), which only
     * machine tokens reach. By default a value no client asks for.
     */
    default String managementApiAudience() {
        return "urn:twofold:no-management-api";
    }

    /**
     * A machine token ({@code client_credentials}): no user, the client's own. By default refused,
     * so a host issuer need not implement it unless it serves that grant.
     */
    default IssuedTokens issueForClient(MachineTokenRequest request) {
        throw new UnsupportedOperationException("this token issuer issues no machine tokens");
    }
}
