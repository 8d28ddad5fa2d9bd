package io.twofold.mfa.port.out;

import java.time.Instant;

/** A token-signing key pair as the issuer serialises it (a private JWK in JSON), with its key id. */
public record SigningKey(String keyId, String privateJwkJson, Instant createdAt) {
    @Override
    public String toString() {
        return "SigningKey[" + keyId + ", private=***]";
    }
}
