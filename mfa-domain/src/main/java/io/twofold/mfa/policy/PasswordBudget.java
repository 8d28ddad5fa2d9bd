package io.twofold.mfa.policy;

import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.SecretHash;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * The rule that limits password guesses, as Auth0 does it: per account and end-user IP
 * ({@link #key}), {@link PasswordBudgets#capacity} attempts, one more every
 * {@link PasswordBudgets#refill}. Each attempt is charged before the password is checked, so a
 * blocked attempt costs no password hash and parallel guesses stay within the budget; a right
 * password gives the whole budget back. Unknown usernames are counted exactly like known ones, so a
 * block reveals nothing about who has an account (DESIGN invariant 8). Separate from the
 * {@link SecondFactorBudget}: neither lockout locks the other factor.
 */
public final class PasswordBudget {
    /** What every password bucket key starts with. */
    public static final String KEY_PREFIX = "password-failures:";

    private final PasswordBudgets budgets;

    public PasswordBudget(PasswordBudgets budgets) {
        this.budgets = budgets;
    }

    /**
     * The bucket of this account (as the user directory names it, the same for every spelling) from
     * this end-user IP; hashed, so the store holds no username or IP address in clear.
     */
    public static String key(String account, Option<String> endUserIp) {
        String ipPart = endUserIp.map(a -> a.strip().toLowerCase(Locale.ROOT)).getOrElse("");
        return KEY_PREFIX + SecretHash.of(account + "\u0000" + ipPart).hex();
    }

    public BucketRule bucket() {
        return budgets.bucket();
    }

    /** The charge for one attempt; none when the bucket is empty (the account is blocked from this IP). */
    public Option<AttemptBucket> charge(AttemptBucket current) {
        return bucket().take(current);
    }

    /** A right password ends the run: the whole budget back. */
    public AttemptBucket restore(AttemptBucket current) {
        return new AttemptBucket(current.key(), budgets.capacity(), current.refilledAt(), 0, current.version());
    }
}
