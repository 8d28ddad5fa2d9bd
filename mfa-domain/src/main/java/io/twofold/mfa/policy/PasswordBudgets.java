package io.twofold.mfa.policy;

import java.time.Duration;

/**
 * Brute-force protection of the first factor, per realm, username and end-user IP (Auth0: the same
 * user from the same IP): {@code capacity} wrong passwords in a row, then one more attempt every
 * {@code refill}. A right password gives the whole budget back.
 */
public record PasswordBudgets(int capacity, Duration refill) {

    public static final PasswordBudgets DEFAULT = new PasswordBudgets(10, Duration.ofMinutes(6));

    public PasswordBudgets {
        bucket(capacity, refill);
    }

    /** The budget as a bucket rule (which also checks its values). */
    public BucketRule bucket() {
        return bucket(capacity, refill);
    }

    private static BucketRule bucket(int capacity, Duration refill) {
        return new BucketRule(capacity, refill);
    }
}
