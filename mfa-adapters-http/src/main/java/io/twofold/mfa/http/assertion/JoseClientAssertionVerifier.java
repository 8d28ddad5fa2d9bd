package io.twofold.mfa.http.assertion;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.twofold.mfa.model.AssertionClaims;
import io.twofold.mfa.model.ClientAssertion;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.port.out.ClientAssertionVerifier;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * Verifies a client assertion with nimbus-jose-jwt. The algorithm comes from the key, never from the
 * token alone: a key signs only with the algorithm it was registered for, so {@code alg: none}, HMAC
 * with the public key as secret, or RSA for an EC key fail here. A {@code kid} in the header picks the
 * key; without one, every key of the client is tried. The audience must be this server: its issuer
 * URL (with or without the trailing slash) or its token endpoint, never what a request's Host says.
 */
public final class JoseClientAssertionVerifier implements ClientAssertionVerifier {
    /** Longer than any assertion an SDK sends; larger input is refused before parsing. */
    public static final int MAX_LENGTH = 8_192;

    private final Set<String> audiences;

    /** @param issuer the issuer URL, ending in '/' */
    public JoseClientAssertionVerifier(String issuer) {
        String bare = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.audiences = io.vavr.collection.HashSet.of(bare + "/", bare, bare + "/oauth/token");
    }

    @Override
    public Option<AssertionClaims> verify(ClientAssertion assertion, List<ClientPublicKey> keys) {
        if (assertion.jwt().length() > MAX_LENGTH) {
            return Option.none();
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion.jwt());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Option.none();
        }
        JWSHeader header = jwt.getHeader();
        Option<String> kid = Option.of(header.getKeyID());
        boolean signed = keys
                .filter(key -> key.algorithm().name().equals(header.getAlgorithm().getName()))
                .filter(key -> kid.forAll(key.kid()::equals))
                .exists(key -> verifies(jwt, key));
        if (!signed || claims.getAudience().stream().noneMatch(audiences::contains)) {
            return Option.none();
        }
        return Option.some(new AssertionClaims(Option.of(claims.getIssuer()), Option.of(claims.getSubject()),
                instant(claims.getExpirationTime()), instant(claims.getIssueTime()), instant(claims.getNotBeforeTime()),
                Option.of(claims.getJWTID())));
    }

    private static boolean verifies(SignedJWT jwt, ClientPublicKey key) {
        Option<PublicKey> publicKey = PublicKeyCredentials.fromStoredPem(key.pem());
        if (publicKey.isEmpty()) {
            return false;
        }
        try {
            JWSVerifier verifier = publicKey.get() instanceof RSAPublicKey rsa ? new RSASSAVerifier(rsa)
                    : publicKey.get() instanceof ECPublicKey ec ? new ECDSAVerifier(ec) : null;
            // The header's alg was matched to the key's registered one above; nimbus checks it fits the key.
            return verifier != null && JWSAlgorithm.parse(key.algorithm().name()).equals(jwt.getHeader().getAlgorithm())
                    && jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private static Option<Instant> instant(Date date) {
        return Option.of(date).map(Date::toInstant);
    }
}
