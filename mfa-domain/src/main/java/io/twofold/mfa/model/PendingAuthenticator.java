package io.twofold.mfa.model;

import java.time.Instant;

/** An enrolled but unconfirmed authenticator: it grants nothing and expires at {@code expiresAt}. */
public record PendingAuthenticator(AuthenticatorId id, UserId userId, Factor factor, Instant createdAt, Instant expiresAt)
        implements Authenticator {

    public PendingAuthenticator {
        if (id.kind() != factor.kind()) {
            throw new IllegalArgumentException("the id's kind and the factor's kind differ");
        }
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
