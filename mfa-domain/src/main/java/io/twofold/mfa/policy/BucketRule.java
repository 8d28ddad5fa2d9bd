package io.twofold.mfa.policy;

import io.twofold.mfa.model.AttemptBucket;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token bucket's rule: {@code capacity} tokens, one back every {@code refill}. Pure arithmetic on
 * {@link AttemptBucket}s; the store applies the results by compare-and-set.
 */
public record BucketRule(int capacity, Duration refill) {

    public BucketRule {
        Objects.requireNonNull(refill, "refill");
        if (capacity < 1) {
            throw new IllegalArgumentException("a bucket needs room for at least one token");
        }
        if (refill.isNegative() || refill.isZero()) {
            throw new IllegalArgumentException("a bucket needs a positive refill period");
        }
    }

    /** The bucket as of {@code now}: the stored one refilled, or a fresh full one when none is stored. Not saved. */
    public AttemptBucket asOf(String key, Option<AttemptBucket> stored, Instant now) {
        return stored.map(bucket -> refilled(bucket, now)).getOrElse(() -> new AttemptBucket(key, capacity, now, 0, 0));
    }

    /** One token back per whole {@code refill} since {@code refilledAt}, up to {@code capacity}; a full bucket is as of {@code now}. */
    public AttemptBucket refilled(AttemptBucket bucket, Instant now) {
        if (bucket.tokens() >= capacity) {
            // A full bucket gains nothing by waiting: its refill period starts when a token is next taken.
            return new AttemptBucket(bucket.key(), capacity, now, bucket.consecutiveFailures(), bucket.version());
        }
        long elapsed = Duration.between(bucket.refilledAt(), now).toMillis();
        long steps = elapsed <= 0 ? 0 : elapsed / refill.toMillis();
        if (steps == 0) {
            return bucket;
        }
        long tokens = Math.min(capacity, bucket.tokens() + steps);
        // A full bucket starts its next refill period now; a partial one keeps the remainder of the period.
        Instant refilledAt = tokens == capacity ? now : bucket.refilledAt().plus(refill.multipliedBy(steps));
        return new AttemptBucket(bucket.key(), (int) tokens, refilledAt, bucket.consecutiveFailures(), bucket.version());
    }

    /** One token taken from a refilled bucket, or none when it is empty. */
    public Option<AttemptBucket> take(AttemptBucket current) {
        return current.tokens() <= 0 ? Option.none() : Option.some(withTokens(current, current.tokens() - 1));
    }

    /** One token given back, up to {@code capacity}. */
    public AttemptBucket giveBack(AttemptBucket current) {
        return withTokens(current, Math.min(capacity, current.tokens() + 1));
    }

    /** Buckets last refilled before this are full whatever they held: storing them is the same as not. */
    public Instant restedBefore(Instant now) {
        return now.minus(refill.multipliedBy(capacity));
    }

    private static AttemptBucket withTokens(AttemptBucket bucket, int tokens) {
        return new AttemptBucket(bucket.key(), tokens, bucket.refilledAt(), bucket.consecutiveFailures(), bucket.version());
    }
}
