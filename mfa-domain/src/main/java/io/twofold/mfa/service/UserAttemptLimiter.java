package io.twofold.mfa.service;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AttemptBucket;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.policy.AttemptBudgets;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Failed second-factor codes per user, across transactions (DESIGN invariant 6): a bucket that
 * refills slowly, and a hard stop after too many failures in a row. Only second factors count;
 * the password is never locked by this.
 */
final class UserAttemptLimiter {
    /** Every user's bucket is stored under this prefix and the user id. */
    static final String KEY_PREFIX = "mfa-failures:";

    private final TokenBuckets buckets;
    private final AttemptBudgets budgets;
    private final AuditTrail audit;

    UserAttemptLimiter(TokenBuckets buckets, AttemptBudgets budgets, AuditTrail audit) {
        this.buckets = buckets;
        this.budgets = budgets;
        this.audit = audit;
    }

    /**
     * Refuses before any code is checked, so a locked-out user cannot learn whether a code was right.
     * {@code stored} is the user's bucket as the store holds it (read together with the
     * transaction). The bucket goes back to {@link #recordFailure} or {@link #recordSuccess}, so a
     * verification reads it once; the version check there catches a concurrent change.
     */
    Either<MfaError, AttemptBucket> check(UserId user, Option<AttemptBucket> stored) {
        AttemptBucket bucket = buckets.fromStored(key(user), stored, budgets.userBucketCapacity(), budgets.userBucketRefill());
        return isLocked(bucket) ? Either.left(new MfaError.TooManyAttempts()) : Either.right(bucket);
    }

    /** {@code read} is the bucket {@link #check} returned for this user. */
    void recordFailure(UserId user, AttemptBucket read) {
        AttemptBucket saved = buckets.updateFrom(read, budgets.userBucketCapacity(), budgets.userBucketRefill(),
                b -> new AttemptBucket(b.key(), b.tokens() - 1, b.refilledAt(), b.consecutiveFailures() + 1, b.version()));
        if (isLocked(saved)) {
            audit.record("mfa.lockout", Option.of(user), Option.none(),
                    "consecutive_failures", Integer.toString(saved.consecutiveFailures()));
        }
    }

    /**
     * A right code ends the run of consecutive failures; the bucket itself refills only with time.
     * With no run as of {@code read} (from {@link #check}) nothing is written: a failure that lands
     * between the check and now is ordered after this success and stays counted.
     */
    void recordSuccess(AttemptBucket read) {
        if (read.consecutiveFailures() > 0) {
            buckets.updateFrom(read, budgets.userBucketCapacity(), budgets.userBucketRefill(),
                    b -> new AttemptBucket(b.key(), b.tokens(), b.refilledAt(), 0, b.version()));
        }
    }

    /**
     * Forgets users whose bucket is full again and who have no failures in a row; a run of failures
     * is kept however old, since only a right code ends it (the hard stop counts across days).
     */
    int removeRestedBuckets() {
        return buckets.removeFull(KEY_PREFIX, budgets.userBucketCapacity(), budgets.userBucketRefill());
    }

    private boolean isLocked(AttemptBucket bucket) {
        return bucket.tokens() <= 0 || bucket.consecutiveFailures() >= budgets.maxConsecutiveFailures();
    }

    private static String key(UserId user) {
        return KEY_PREFIX + user.value();
    }
}
