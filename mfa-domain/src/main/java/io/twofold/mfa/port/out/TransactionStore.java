package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.twofold.mfa.model.UserId;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/** MFA transactions, found by the hash of their {@code mfa_token}. */
public interface TransactionStore {

    /** Stores a new transaction; its id and token hash are unique (a duplicate is a bug: an exception). */
    void add(MfaTransaction transaction);

    /** The transaction whose {@code mfa_token} hashes to this (completed, expired or not). */
    Option<MfaTransaction> findByTokenHash(SecretHash tokenHash);

    /**
     * Marks the transaction used up and records every event of {@code completion} in the audit log with
     * it; false, and nothing recorded, when it already was (only one grant may complete it). One step,
     * so a database can make the compare-and-set and its audit rows a single statement.
     */
    boolean complete(TransactionId id, List<AuditEvent> completion);

    /**
     * Counts one attempt at a code, atomically, unless {@code budget} attempts are already counted:
     * true when this call took one, false (and nothing counted) at the limit or for an unknown id.
     * Taken before the code is checked, so parallel guesses on any number of nodes get at most
     * {@code budget} checks between them (DESIGN invariant 9).
     */
    boolean reserveAttempt(TransactionId id, int budget);

    /**
     * Removes every transaction of the user, open or not; returns how many. A blocked, deleted or
     * re-passworded user's {@code mfa_token}s die with them.
     */
    int removeByUser(UserId user);

    /** Removes transactions, completed or not, that expired before {@code cutoff}; returns how many. */
    int removeExpired(Instant cutoff);
}
