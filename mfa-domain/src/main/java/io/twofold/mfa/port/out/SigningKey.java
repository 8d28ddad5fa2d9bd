package io.twofold.mfa.port.out;

import io.twofold.mfa.model.SigningAlgorithm;

import java.time.Instant;
import java.util.Objects;

/**
 * A token-signing key pair as the issuer serialises it (a private JWK in JSON), with its key id and
 * the algorithm it signs with: an RSA key signs RS256, an EC P-256 key ES256.
 */
public record SigningKey(String keyId, SigningAlgorithm algorithm, String privateJwkJson, Instant createdAt) {
    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(privateJwkJson, "privateJwkJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + ", " + algorithm + ", private=***]";
    }
}
