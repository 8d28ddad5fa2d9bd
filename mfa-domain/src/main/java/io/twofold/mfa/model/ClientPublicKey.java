package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * A public key a client registered for Private Key JWT (Auth0's client credential of type
 * {@code public_key}): {@code pem} is the SubjectPublicKeyInfo in PEM, {@code kid} its RFC 7638
 * thumbprint, which an assertion's header may name to pick it. An expired key verifies nothing.
 */
public record ClientPublicKey(String id, ClientId clientId, String name, String kid, AssertionAlgorithm algorithm,
                              String pem, Instant createdAt, Option<Instant> expiresAt) {
    public ClientPublicKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(pem, "pem");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean usableAt(Instant now) {
        return expiresAt.forAll(now::isBefore);
    }
}
