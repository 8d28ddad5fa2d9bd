package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.policy.PasswordBudgets;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.out.UserDirectory;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * Brute-force protection of the first factor, as Auth0 does it: wrong passwords are counted per
 * account and end-user IP, so an attacker elsewhere cannot lock the real user out. The account is
 * the directory's {@link UserDirectory#accountKey}: one counter whatever spelling of the username
 * (case, padding, the email, the default realm named or not) and whichever password grant.
 * The username need not exist: unknown ones are counted exactly like known ones, so being blocked
 * reveals nothing about who has an account (DESIGN invariant 8).
 * Separate from {@link UserAttemptLimiter}: a second-factor lockout never blocks the password,
 * nor the reverse.
 */
final class PasswordAttemptLimiter {
    static final String KEY_PREFIX = "password-failures:";

    private final UserDirectory users;
    private final TokenBuckets buckets;
    private final PasswordBudgets budgets;
    private final AuditTrail audit;

    PasswordAttemptLimiter(UserDirectory users, TokenBuckets buckets, PasswordBudgets budgets, AuditTrail audit) {
        this.users = users;
        this.buckets = buckets;
        this.budgets = budgets;
        this.audit = audit;
    }

    /**
     * Takes one attempt from the budget before the password is checked; refuses when none is left,
     * so a blocked attempt costs no password hash. Taking up front, rather than counting after a
     * failure, is what keeps a burst of parallel guesses (on one node or several) within the budget:
     * the compare-and-set in the store decides, not the order in which the checks ran.
     */
    Either<MfaError, String> begin(PasswordLoginCommand command, Client client) {
        String key = key(users.accountKey(command.realm(), command.username()), endUserIp(command, client));
        if (buckets.tryTake(key, budgets.capacity(), budgets.refill())) {
            return Either.right(key);
        }
        audit.record("login.blocked", Option.none(), Option.of(client.id()),
                "attempt_key", key.substring(KEY_PREFIX.length()));
        return Either.left(new MfaError.TooManyLoginAttempts());
    }

    /** A right password ends the run of failures: the whole budget comes back. */
    void succeeded(String key) {
        buckets.update(key, budgets.capacity(), budgets.refill(),
                b -> new AttemptBucket(b.key(), budgets.capacity(), b.refilledAt(), 0, b.version()));
    }

    /**
     * Forgets the keys whose bucket is full again. A wrong password leaves no consecutive-failure
     * count behind (the tokens alone block), so a bucket left by a spray of guessed usernames
     * becomes removable once it has refilled.
     */
    int removeRestedBuckets() {
        return buckets.removeFull(KEY_PREFIX, budgets.capacity(), budgets.refill());
    }

    /**
     * The socket's address, or the {@code auth0-forwarded-for} value when a confidential client
     * sent one: a backend that proved its secret speaks for its end user, a public client could
     * spoof a new address for every guess. ClientGate has already authenticated {@code client}.
     */
    static Option<String> endUserIp(PasswordLoginCommand command, Client client) {
        return command.origin().endUserIp(client.confidential());
    }

    /** Hashed, so the attempt store holds no username or IP address in clear. */
    static String key(String account, Option<String> ip) {
        String ipPart = ip.map(a -> a.strip().toLowerCase(Locale.ROOT)).getOrElse("");
        return KEY_PREFIX + SecretHash.of(account + "\u0000" + ipPart).hex();
    }
}
