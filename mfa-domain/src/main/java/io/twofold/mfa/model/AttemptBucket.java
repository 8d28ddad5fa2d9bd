package io.twofold.mfa.model;

import java.time.Instant;

/**
 * A token bucket kept per key (for example failed second-factor codes of one user): {@code tokens}
 * left as of {@code refilledAt}, consecutive failures since the last success, and a version for
 * compare-and-set updates by the store.
 */
public record AttemptBucket(String key, int tokens, Instant refilledAt, int consecutiveFailures, long version) {

    /** What every user's second-factor bucket key starts with; the user id follows. */
    public static final String SECOND_FACTOR_KEY_PREFIX = "mfa-failures:";

    /** The key of the user's bucket of second-factor attempts, across all their logins (DESIGN invariant 6). */
    public static String secondFactorKey(UserId user) {
        return SECOND_FACTOR_KEY_PREFIX + user.value();
    }
}
