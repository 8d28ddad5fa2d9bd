package io.twofold.mfa.policy;

import java.time.Duration;

/**
 * How many wrong codes are tolerated: per MFA transaction, per OOB challenge, and per user as a
 * token bucket ({@code userBucketCapacity} tokens, one back every {@code userBucketRefill}), with a
 * hard stop after {@code maxConsecutiveFailures} failures in a row (NIST SP 800-63B: at most 100).
 * Unconfirmed enrollments per user are capped too.
 */
public record AttemptBudgets(
        int perTransaction,
        int perChallenge,
        int userBucketCapacity,
        Duration userBucketRefill,
        int maxConsecutiveFailures,
        int maxPendingEnrollments) {

    public static final AttemptBudgets DEFAULT = new AttemptBudgets(10, 5, 10, Duration.ofMinutes(6), 99, 50);

    /** The per-user bucket as a rule. */
    public BucketRule userBucket() {
        return new BucketRule(userBucketCapacity, userBucketRefill);
    }
}
