package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AttemptBucket;
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

    /** A bucket to save by compare-and-set in the same step as a write of this store, and the store it belongs to. */
    record BucketWrite(AttemptBucket bucket, AttemptCounterStore store) {
    }

    /** What {@link #complete(TransactionId, List, BucketWrite)} did: whether it completed, whether it saved the bucket. */
    record Completion(boolean completed, boolean bucketSaved) {
    }

    /**
     * {@link #complete(TransactionId, List)}, with {@code alongside} saved by its store's
     * {@link AttemptCounterStore#compareAndSet} in the same step, whether or not the completion wins
     * (a right code gets the user's charge back either way). One step, so a database holding both can
     * make it one statement; this default saves the bucket, then completes.
     */
    default Completion complete(TransactionId id, List<AuditEvent> completion, BucketWrite alongside) {
        boolean saved = alongside.store().compareAndSet(alongside.bucket());
        return new Completion(complete(id, completion), saved);
    }

    /**
     * Counts one attempt at a code, atomically, unless {@code budget} attempts are already counted:
     * true when this call took one, false (and nothing counted) at the limit or for an unknown id.
     * Taken before the code is checked, so parallel guesses on any number of nodes get at most
     * {@code budget} checks between them (DESIGN invariant 9).
     */
    boolean reserveAttempt(TransactionId id, int budget);

    /** What {@link #reserveAttempt(TransactionId, int, AttemptBucket, AttemptCounterStore)} did. */
    enum Reservation {
        /** The login's budget is spent: nothing counted, the bucket not saved. */
        SPENT,
        /** The attempt is counted and the bucket saved. */
        RESERVED,
        /** The attempt is counted; the bucket is not saved, another writer changed it first. */
        COUNTED_BUCKET_CHANGED
    }

    /**
     * {@link #reserveAttempt(TransactionId, int)}, then, only when that counted the attempt, the
     * user's charged bucket saved by {@code buckets}' {@link AttemptCounterStore#compareAndSet}. One
     * step, so a database holding both can make it one statement (one round trip per grant less);
     * this default makes the two calls in turn, and so does a store for any other bucket store.
     */
    default Reservation reserveAttempt(TransactionId id, int budget, AttemptBucket charged, AttemptCounterStore buckets) {
        if (!reserveAttempt(id, budget)) {
            return Reservation.SPENT;
        }
        return buckets.compareAndSet(charged) ? Reservation.RESERVED : Reservation.COUNTED_BUCKET_CHANGED;
    }

    /**
     * Removes every transaction of the user, open or not; returns how many. A blocked, deleted or
     * re-passworded user's {@code mfa_token}s die with them.
     */
    int removeByUser(UserId user);

    /** Removes transactions, completed or not, that expired before {@code cutoff}; returns how many. */
    int removeExpired(Instant cutoff);
}
