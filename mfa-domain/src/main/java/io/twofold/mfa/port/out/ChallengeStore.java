package io.twofold.mfa.port.out;

import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.ChallengeId;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/** Out-of-band challenges, found by the hash of their {@code oob_code}. */
public interface ChallengeStore {

    /** Stores a challenge whose code was just sent. */
    void add(OobChallenge challenge);

    /** The challenge whose {@code oob_code} hashes to this (used, expired or not). */
    Option<OobChallenge> findByCodeHash(SecretHash oobCodeHash);

    /** Marks the challenge used; false when it already was (an {@code oob_code} works once). */
    boolean consume(ChallengeId id);

    /**
     * Counts one attempt at the binding code, atomically, unless {@code budget} attempts are already
     * counted: true when this call took one, false (and nothing counted) at the limit or for an
     * unknown id. Taken before the code is compared, as {@link TransactionStore#reserveAttempt}.
     */
    boolean reserveAttempt(ChallengeId id, int budget);

    /** Removes every challenge of the user, used or not; returns how many (their {@code oob_code}s die). */
    int removeByUser(UserId user);

    /** Removes the challenges, used or not, sent to these authenticators (removed ones); returns how many. */
    int removeByAuthenticators(List<AuthenticatorId> authenticators);

    /** Removes challenges, used or not, that expired before {@code cutoff}; returns how many. */
    int removeExpired(Instant cutoff);
}
