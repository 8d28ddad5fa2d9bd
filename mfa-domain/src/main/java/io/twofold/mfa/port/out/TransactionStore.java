package io.twofold.mfa.port.out;

import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.TransactionId;
import io.vavr.control.Option;

import java.time.Instant;

/** MFA transactions, found by the hash of their {@code mfa_token}. */
public interface TransactionStore {

    void add(MfaTransaction transaction);

    Option<MfaTransaction> findByTokenHash(SecretHash tokenHash);

    /** Marks the transaction used up; false when it already was (only one grant may complete it). */
    boolean complete(TransactionId id);

    /** Counts one failed attempt atomically and returns the count after it. */
    int recordFailure(TransactionId id);

    /** Removes transactions, completed or not, that expired before {@code cutoff}; returns how many. */
    int removeExpired(Instant cutoff);
}
