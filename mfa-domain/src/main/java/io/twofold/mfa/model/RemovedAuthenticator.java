package io.twofold.mfa.model;

import java.time.Instant;

/** What is left of a deleted authenticator: its id, for the audit trail. It grants nothing. */
public record RemovedAuthenticator(AuthenticatorId id, UserId userId, Instant removedAt) {
}
