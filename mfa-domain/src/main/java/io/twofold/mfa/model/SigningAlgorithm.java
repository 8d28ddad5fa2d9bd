package io.twofold.mfa.model;

import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * The JWS algorithm an API's access tokens are signed with: RS256 (RSA, the default, and the only one
 * for the built-in APIs and ID tokens) or ES256 (ECDSA on P-256, RFC 7518 section 3.4: smaller tokens,
 * much cheaper to sign). No HMAC algorithm: a token must be checkable with the published keys alone,
 * never with a secret the API would have to share.
 */
public enum SigningAlgorithm {
    RS256, ES256;

    /** The algorithm of this name ({@code RS256}, {@code ES256}), case-sensitive like JOSE's names. */
    public static Option<SigningAlgorithm> byName(String name) {
        return List.of(values()).find(alg -> alg.name().equals(name));
    }

    /** The names an API may choose from, for the message that refuses any other. */
    public static String allowedNames() {
        return List.of(values()).map(Enum::name).mkString(" or ");
    }
}
