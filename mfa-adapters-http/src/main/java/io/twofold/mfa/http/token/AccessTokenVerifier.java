package io.twofold.mfa.http.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.twofold.mfa.model.AccessTokenClaims;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks an access token. Every check is explicit and the algorithm is pinned before the signature is
 * looked at, so {@code alg: none} and HS256-with-the-public-key tricks never reach a verifier: RS256
 * alone for the MFA and Management APIs (they never issue anything else), RS256 or ES256 for any
 * audience (UserInfo). The key the kid names must be of the algorithm's own type, so an ES256 header
 * on an RSA kid (or the reverse) is refused too. Reasons on the left are short and never contain the token.
 */
final class AccessTokenVerifier {
    /**
     * Tolerance for {@code nbf}/{@code iat} stamped by a node whose clock runs a little ahead.
     * Expiry gets none: a late clock may only shorten a token's life, never lengthen it.
     */
    static final Duration FUTURE_SKEW = Duration.ofSeconds(60);

    /** Only the built-in APIs' algorithm. */
    private static final Set<JWSAlgorithm> RS256_ONLY = Set.of(JWSAlgorithm.RS256);
    /** Every algorithm an API may choose. */
    private static final Set<JWSAlgorithm> ANY_API = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final JwtSettings settings;
    private final Clock clock;
    /** The public key of each kid that may verify now: the current signing keys and recently retired ones. */
    private final Function<String, Option<JWK>> publicKeys;

    AccessTokenVerifier(JwtSettings settings, Clock clock, Function<String, Option<JWK>> publicKeys) {
        this.settings = settings;
        this.clock = clock;
        this.publicKeys = publicKeys;
    }

    /** An MFA API access token. */
    Either<String, AccessTokenClaims> verify(String bearer) {
        return verify(bearer, true);
    }

    /** An access token of this issuer, for any audience ({@code mfaApiOnly} false) or the MFA API's. */
    Either<String, AccessTokenClaims> verify(String bearer, boolean mfaApiOnly) {
        return verifiedClaims(bearer, mfaApiOnly ? RS256_ONLY : ANY_API).flatMap(claims -> userClaims(claims, mfaApiOnly));
    }

    /**
     * A machine token ({@code client_credentials}) of this issuer for {@code audience}: right audience,
     * {@code gty} {@code client-credentials}, a client. The reasons on the left are short; an expired
     * token says {@link #EXPIRED} so that the caller may tell the client (SDKs fetch a new token then).
     */
    Either<String, MachineClaims> verifyMachine(String bearer, String audience) {
        return verifiedClaims(bearer, RS256_ONLY).flatMap(claims -> {
            if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
                return Either.left("wrong audience");
            }
            try {
                String client = claims.getStringClaim("client_id");
                if (!MachineClaims.GRANT_TYPE.equals(claims.getStringClaim("gty")) || client == null || client.isBlank()
                        || !(client + MachineClaims.SUBJECT_SUFFIX).equals(claims.getSubject())) {
                    return Either.left("not a client-credentials token");
                }
                String scope = claims.getStringClaim("scope");
                return Either.right(new MachineClaims(new ClientId(client), Scope.parse(scope)));
            } catch (ParseException e) {
                return Either.left("malformed access token claims");
            }
        });
    }

    /** What an expired token is refused with. */
    static final String EXPIRED = "access token expired";

    /** Algorithm, key, type, signature, issuer and time checks, common to every access token. */
    private Either<String, JWTClaimsSet> verifiedClaims(String bearer, Set<JWSAlgorithm> accepted) {
        if (bearer == null || bearer.isBlank()) {
            return Either.left("no access token");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(bearer);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            // Whatever the parser trips on, a bearer is refused, never answered with a 500.
            return Either.left("malformed access token");
        }
        JWSHeader header = jwt.getHeader();
        if (!accepted.contains(header.getAlgorithm())) {
            return Either.left("unexpected signing algorithm");
        }
        Option<JWK> publicKey = header.getKeyID() == null ? Option.none() : publicKeys.apply(header.getKeyID());
        if (publicKey.isEmpty()) {
            return Either.left("unknown signing key");
        }
        Option<JWSVerifier> verifier = verifierFor(header.getAlgorithm(), publicKey.get());
        if (verifier.isEmpty()) {
            return Either.left("signing key does not fit the algorithm");
        }
        if (!JwtTokenIssuer.ACCESS_TOKEN_TYPE.equals(header.getType())) {
            // An ID token is signed by the same key; its typ keeps it from passing as an access token.
            return Either.left("not an access token");
        }
        if (!signatureHolds(jwt, verifier.get())) {
            return Either.left("bad signature");
        }
        return checkTimes(claims);
    }

    /** A verifier when the key is of the algorithm's type: an RSA key for RS256, a P-256 key for ES256. */
    private static Option<JWSVerifier> verifierFor(JWSAlgorithm algorithm, JWK key) {
        try {
            if (JWSAlgorithm.RS256.equals(algorithm) && key instanceof RSAKey rsa) {
                return Option.some(new RSASSAVerifier(rsa));
            }
            if (JWSAlgorithm.ES256.equals(algorithm) && key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                return Option.some(new ECDSAVerifier(ec));
            }
            return Option.none();
        } catch (JOSEException e) {
            return Option.none();
        }
    }

    private static boolean signatureHolds(SignedJWT jwt, JWSVerifier verifier) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private Either<String, JWTClaimsSet> checkTimes(JWTClaimsSet claims) {
        if (!settings.issuer().equals(claims.getIssuer())) {
            return Either.left("wrong issuer");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !now.isBefore(exp.toInstant())) {
            return Either.left(EXPIRED);
        }
        Instant latestStamp = now.plus(FUTURE_SKEW);
        Date nbf = claims.getNotBeforeTime();
        Date iat = claims.getIssueTime();
        if ((nbf != null && nbf.toInstant().isAfter(latestStamp)) || (iat != null && iat.toInstant().isAfter(latestStamp))) {
            return Either.left("access token not valid yet");
        }
        return Either.right(claims);
    }

    private Either<String, AccessTokenClaims> userClaims(JWTClaimsSet claims, boolean mfaApiOnly) {
        if (claims.getAudience() == null || claims.getAudience().isEmpty()
                || (mfaApiOnly && !claims.getAudience().contains(settings.mfaApiAudience()))) {
            return Either.left("not an MFA API access token");
        }
        String subject = claims.getSubject();
        String client;
        String scope;
        try {
            client = claims.getStringClaim("client_id");
            scope = claims.getStringClaim("scope");
            if (claims.getStringClaim("gty") != null) {
                // A machine token names no user: it never passes as a user's access token.
                return Either.left("a client-credentials token is not a user's access token");
            }
        } catch (ParseException e) {
            return Either.left("malformed access token claims");
        }
        if (subject == null || subject.isBlank() || client == null || client.isBlank()) {
            return Either.left("access token lacks subject or client");
        }
        return Either.right(new AccessTokenClaims(new UserId(subject), new ClientId(client), Scope.parse(scope)));
    }
}
