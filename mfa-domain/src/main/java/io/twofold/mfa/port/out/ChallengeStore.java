package io.twofold.mfa.port.out;

import io.twofold.mfa.model.ChallengeId;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.SecretHash;
import io.vavr.control.Option;

import java.time.Instant;

/** Out-of-band challenges, found by the hash of their {@code oob_code}. */
public interface ChallengeStore {

    void add(OobChallenge challenge);

    Option<OobChallenge> findByCodeHash(SecretHash oobCodeHash);

    /** Marks the challenge used; false when it already was (an {@code oob_code} works once). */
    boolean consume(ChallengeId id);

    /** Counts one wrong binding code atomically and returns the count after it. */
    int recordFailure(ChallengeId id);

    /** Removes challenges, used or not, that expired before {@code cutoff}; returns how many. */
    int removeExpired(Instant cutoff);
}
