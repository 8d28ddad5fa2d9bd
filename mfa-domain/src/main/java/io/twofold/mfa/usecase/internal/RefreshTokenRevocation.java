package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.RefreshTokenStore;

import java.time.Clock;

/**
 * Ends every refresh token of a user when an operator changes what their logins rest on (blocks or
 * deletes them, sets a new password, resets their factors): a token earned with the old credentials
 * must not outlive them. Call it inside the operator's unit of work, so the change and the
 * revocation commit together.
 */
public final class RefreshTokenRevocation {
    private final RefreshTokenStore store;
    private final AuditTrail audit;
    private final Clock clock;

    public RefreshTokenRevocation(RefreshTokenStore store, AuditTrail audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Revokes the user's families; records {@code token.revoked} (actor, user, count, reason) when there were any. */
    public int revokeUser(ClientId actor, UserId user, String reason) {
        int revoked = store.revokeUser(user, clock.instant());
        if (revoked > 0) {
            audit.record("token.revoked", user, actor, "families", Integer.toString(revoked), "reason", reason);
        }
        return revoked;
    }
}
