package io.twofold.mfa.model;

import java.time.Instant;

/** A confirmed authenticator: it can be challenged and can satisfy a login. */
public record ActiveAuthenticator(AuthenticatorId id, UserId userId, Factor factor, Instant createdAt, Instant confirmedAt)
        implements Authenticator {

    public ActiveAuthenticator {
        if (id.kind() != factor.kind()) {
            throw new IllegalArgumentException("the id's kind and the factor's kind differ");
        }
    }

    @Override
    public boolean isActive() {
        return true;
    }
}
