package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.policy.PasswordBudget;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Applies the {@link PasswordBudget} to a password grant in the attempt store: the account is the
 * directory's {@link UserDirectory#accountKey}, one counter whatever the spelling of the username
 * (case, padding, the email, the default realm named or not) and whichever password grant.
 */
public final class PasswordAttempts {
    private final UserDirectory users;
    private final AttemptBuckets buckets;
    private final PasswordBudget budget;
    private final AuditTrail audit;

    public PasswordAttempts(UserDirectory users, AttemptBuckets buckets, PasswordBudget budget, AuditTrail audit) {
        this.users = users;
        this.buckets = buckets;
        this.budget = budget;
        this.audit = audit;
    }

    /**
     * Charges the attempt before the password is checked; refuses when the budget is spent. The
     * compare-and-set in the store decides between parallel guesses, on one node or several.
     * Right: the bucket key, for {@link #succeeded}.
     */
    public Either<MfaError, String> begin(PasswordLoginCommand command, Client client) {
        // The socket's address, or auth0-forwarded-for from an authenticated confidential client only.
        String key = PasswordBudget.key(users.accountKey(command.realm(), command.username()),
                command.origin().endUserIp(client.confidential()));
        if (buckets.charge(buckets.current(key, budget.bucket()), budget.bucket(), budget::charge).isDefined()) {
            return Either.right(key);
        }
        audit.record("login.blocked", Option.none(), Option.of(client.id()),
                "attempt_key", key.substring(PasswordBudget.KEY_PREFIX.length()));
        return Either.left(new MfaError.TooManyLoginAttempts());
    }

    /** A right password: the whole budget back. */
    public void succeeded(String key) {
        buckets.update(key, budget.bucket(), budget::restore);
    }

    /**
     * Forgets the keys whose bucket is full again. A wrong password leaves no consecutive-failure
     * count behind (the tokens alone block), so a bucket left by a spray of guessed usernames
     * becomes removable once it has refilled.
     */
    public int removeRestedBuckets() {
        return buckets.removeRested(PasswordBudget.KEY_PREFIX, budget.bucket());
    }
}
