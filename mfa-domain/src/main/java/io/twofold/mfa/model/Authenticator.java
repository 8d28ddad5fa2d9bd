package io.twofold.mfa.model;

import java.time.Instant;

/**
 * A user's second factor. It is {@link PendingAuthenticator pending} until a first valid code
 * confirms it ({@link PendingAuthenticator#confirm}), then {@link ActiveAuthenticator active}; removal deletes it.
 * Only an active authenticator can be challenged or satisfy a login.
 */
public sealed interface Authenticator permits PendingAuthenticator, ActiveAuthenticator {
    AuthenticatorId id();

    UserId userId();

    Factor factor();

    Instant createdAt();

    boolean isActive();
}
