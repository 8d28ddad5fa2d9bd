package io.twofold.mfa.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Brute-force protection of the first factor, per realm, username and end-user IP (Auth0: the same
 * user from the same IP): {@code capacity} wrong passwords in a row, then one more attempt every
 * {@code refill}. A right password gives the whole budget back.
 */
public record PasswordBudgets(int capacity, Duration refill) {

    public static final PasswordBudgets DEFAULT = new PasswordBudgets(10, Duration.ofMinutes(6));

    public PasswordBudgets {
        Objects.requireNonNull(refill, "refill");
        if (capacity < 1) {
            throw new IllegalArgumentException("the password budget needs at least one attempt");
        }
        if (refill.isNegative() || refill.isZero()) {
            throw new IllegalArgumentException("the password budget needs a positive refill period");
        }
    }
}
