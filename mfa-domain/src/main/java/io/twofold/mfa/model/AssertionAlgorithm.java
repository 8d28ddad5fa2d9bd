package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.util.Arrays;

/**
 * The JWS algorithms a client may sign its assertions with: Auth0's RS256, RS384 and PS256, and ES256.
 * {@code none} and the HMAC algorithms are absent on purpose: a key registered for verifying must
 * never be usable as a shared secret.
 */
public enum AssertionAlgorithm {
    RS256("RSA"), RS384("RSA"), PS256("RSA"), ES256("EC");

    private final String keyType;

    AssertionAlgorithm(String keyType) {
        this.keyType = keyType;
    }

    /** The JCA name of the key type it signs with: {@code RSA} or {@code EC}. */
    public String keyType() {
        return keyType;
    }

    public static Option<AssertionAlgorithm> byName(String name) {
        return Option.ofOptional(Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst());
    }
}
