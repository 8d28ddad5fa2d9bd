package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.time.Instant;

/**
 * A half-finished login: the first factor is done, the second is pending. The {@code mfa_token}
 * stands for it and is stored only as {@code tokenHash}. It carries the original request's
 * audience, scope and realm, because the MFA grants issue tokens for that request.
 */
public record MfaTransaction(
        TransactionId id,
        SecretHash tokenHash,
        UserId userId,
        ClientId clientId,
        Option<String> audience,
        Scope scope,
        Option<String> realm,
        Instant createdAt,
        Instant expiresAt,
        int failedAttempts,
        boolean completed) {

    /** A new login waiting for its second factor: no attempt made yet, not completed. */
    public static MfaTransaction open(TransactionId id, SecretHash tokenHash, UserId userId, ClientId clientId,
                                      Option<String> audience, Scope scope, Option<String> realm, Instant createdAt,
                                      Instant expiresAt) {
        return new MfaTransaction(id, tokenHash, userId, clientId, audience, scope, realm, createdAt, expiresAt, 0, false);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isBoundTo(ClientId client) {
        return clientId.equals(client);
    }
}
