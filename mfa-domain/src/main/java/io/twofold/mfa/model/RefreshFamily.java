package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.time.Instant;

/**
 * One login's refresh tokens: for whom, which client, audience and scope (what a refresh may ask
 * for at most), whether the login passed a second factor, and how long the family lives. Revoking
 * it kills every token in it, the rotated ones and the one in use.
 */
public record RefreshFamily(RefreshFamilyId id, UserId userId, ClientId clientId, Option<String> audience, Scope scope,
                            boolean mfaPassed, Instant createdAt, Option<Instant> expiresAt,
                            Option<Instant> idleExpiresAt, Option<Instant> revokedAt) {

    /** A new family, not revoked. */
    public static RefreshFamily open(RefreshFamilyId id, UserId userId, ClientId clientId, Option<String> audience,
                                     Scope scope, boolean mfaPassed, Instant createdAt, RefreshTokenPolicy policy) {
        return new RefreshFamily(id, userId, clientId, audience, scope, mfaPassed, createdAt,
                policy.expiresAt(createdAt), policy.idleExpiresAt(createdAt), Option.none());
    }

    public boolean isRevoked() {
        return revokedAt.isDefined();
    }

    /** Past its absolute or its idle lifetime. */
    public boolean isExpired(Instant now) {
        return expiresAt.exists(at -> !now.isBefore(at)) || idleExpiresAt.exists(at -> !now.isBefore(at));
    }

    public boolean belongsTo(ClientId client) {
        return clientId.equals(client);
    }
}
