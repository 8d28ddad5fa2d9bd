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
    private final TokenBuckets buckets;
    private final AttemptBudgets budgets;
    private final AuditTrail audit;

    UserAttemptLimiter(TokenBuckets buckets, AttemptBudgets budgets, AuditTrail audit) {
        this.buckets = buckets;
        this.budgets = budgets;
        this.audit = audit;
    }

    /**
     * Refuses a locked-out user before anything is written or any code checked, so a locked-out
     * user cannot learn whether a code was right. {@code stored} is the user's bucket as the store
     * holds it (read together with the transaction); the refilled bucket goes on to {@link #reserve}.
     */
    Either<MfaError, AttemptBucket> check(UserId user, Option<AttemptBucket> stored) {
        AttemptBucket bucket = buckets.fromStored(key(user), stored, budgets.userBucketCapacity(), budgets.userBucketRefill());
        return isLocked(bucket) ? Either.left(new MfaError.TooManyAttempts()) : Either.right(bucket);
    }

    /**
     * Charges the attempt to the user before the code is checked: a token out of the bucket and one
     * more failure in the run, refused when none is left. {@code read} is the bucket {@link #check}
     * returned; the compare-and-set in the store decides between concurrent attempts, on any node.
     * A right code then gets its charge back through {@link #release}.
     */
    Either<MfaError, AttemptBucket> reserve(UserId user, AttemptBucket read) {
        return buckets.reserve(read.key(), Option.some(read), budgets.userBucketCapacity(), budgets.userBucketRefill(),
                this::isLocked).toEither(MfaError.TooManyAttempts::new);
    }

    /** A wrong code, already charged by {@link #reserve}: audits the lockout when it was the last one allowed. */
    void failed(UserId user, AttemptBucket reserved) {
        if (isLocked(reserved)) {
            audit.record("mfa.lockout", Option.of(user), Option.none(),
                    "consecutive_failures", Integer.toString(reserved.consecutiveFailures()));
        }
    }

    /** A right code: what {@link #reserve} took comes back, and the run of consecutive failures ends. */
    void release(AttemptBucket reserved) {
        buckets.giveBack(reserved, budgets.userBucketCapacity(), budgets.userBucketRefill());
    }

    /**
     * Forgets users whose bucket is full again and who have no failures in a row; a run of failures
     * is kept however old, since only a right code ends it (the hard stop counts across days).
     */
    int removeRestedBuckets() {
        return buckets.removeFull(AttemptBucket.SECOND_FACTOR_KEY_PREFIX, budgets.userBucketCapacity(), budgets.userBucketRefill());
    }

    private boolean isLocked(AttemptBucket bucket) {
        return bucket.tokens() <= 0 || bucket.consecutiveFailures() >= budgets.maxConsecutiveFailures();
    }

    private static String key(UserId user) {
        return AttemptBucket.secondFactorKey(user);
    }
}
