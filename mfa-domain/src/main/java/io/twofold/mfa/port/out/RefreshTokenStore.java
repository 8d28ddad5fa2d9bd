package io.twofold.mfa.port.out;

import io.twofold.mfa.model.PresentedRefreshToken;
import io.twofold.mfa.model.RefreshFamily;
import io.twofold.mfa.model.RefreshFamilyId;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * Refresh tokens, kept only as SHA-256 hashes, in families (one per login). Every rule that must hold
 * across nodes (one rotation per token, nothing rotates in a revoked family) is decided by the store
 * in one conditional write, never by a read first.
 */
public interface RefreshTokenStore {

    /** Opens a family with its first token. */
    void open(RefreshFamily family, SecretHash firstToken);

    /** The token with this hash and its family, retired or not. */
    Option<PresentedRefreshToken> find(SecretHash tokenHash);

    /**
     * Retires {@code presented} and adds {@code next} to its family, whose idle expiry becomes
     * {@code idleExpiresAt}, if and only if {@code presented} was not retired yet and its family is
     * not revoked; true when this call did it. Of any number of concurrent calls, one wins.
     */
    boolean rotate(SecretHash presented, SecretHash next, Instant at, Option<Instant> idleExpiresAt);

    /** A non-rotating token's use: the family's idle expiry moves on, unless it is revoked; true when it did. */
    boolean touch(RefreshFamilyId family, Option<Instant> idleExpiresAt);

    /** Revokes the family and so every token in it; true when this call revoked it. */
    boolean revokeFamily(RefreshFamilyId family, Instant at);

    /** Revokes every family of the user (blocked, deleted, new password, factors reset); how many it revoked. */
    int revokeUser(UserId user, Instant at);

    /** Deletes the families (and their tokens) that expired or were revoked before {@code cutoff}; how many. */
    int removeExpired(Instant cutoff);
}
