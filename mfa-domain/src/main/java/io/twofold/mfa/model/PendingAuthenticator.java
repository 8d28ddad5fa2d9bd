package io.twofold.mfa.model;

import java.time.Instant;

/**
 * An enrolled but unconfirmed authenticator: it grants nothing, expires at {@code expiresAt}, and
 * may be confirmed only as its {@code enrollment} allows.
 */
public record PendingAuthenticator(AuthenticatorId id, UserId userId, Factor factor, Instant createdAt, Instant expiresAt,
                                   Enrollment enrollment) implements Authenticator {

    public PendingAuthenticator {
        if (id.kind() != factor.kind()) {
            throw new IllegalArgumentException("the id's kind and the factor's kind differ");
        }
    }

    /** Whether this login's grant may confirm it: the user's own login, and the one that began it where that matters. */
    public boolean confirmableThrough(MfaTransaction login) {
        return userId.equals(login.userId()) && enrollment.confirmableThrough(login.id());
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The transition a first valid code makes. */
    public ActiveAuthenticator confirm(Instant at) {
        return new ActiveAuthenticator(id, userId, factor, createdAt, at);
    }

    @Override
    public boolean isActive() {
        return false;
    }
}
