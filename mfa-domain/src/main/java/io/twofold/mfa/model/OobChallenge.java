package io.twofold.mfa.model;

import java.time.Instant;

/**
 * A code sent out of band: the {@code oob_code} the client holds (stored as {@code oobCodeHash})
 * and the 6-digit binding code the user receives (stored hashed with the oob code as key).
 * It is single use, expires, and allows a bounded number of wrong binding codes.
 */
public record OobChallenge(
        ChallengeId id,
        SecretHash oobCodeHash,
        SecretHash bindingCodeHash,
        AuthenticatorId authenticatorId,
        UserId userId,
        Instant createdAt,
        Instant expiresAt,
        int failedAttempts,
        boolean consumed) {

    /** A code just sent: no attempt made yet, not used. */
    public static OobChallenge sent(ChallengeId id, SecretHash oobCodeHash, SecretHash bindingCodeHash,
                                    AuthenticatorId authenticatorId, UserId userId, Instant createdAt, Instant expiresAt) {
        return new OobChallenge(id, oobCodeHash, bindingCodeHash, authenticatorId, userId, createdAt, expiresAt, 0, false);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
